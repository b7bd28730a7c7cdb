//! Training the Universal POS tagger on UD English EWT (`train-tagger pos`).
//!
//! Input: `ud_ewt/en_ewt-ud-train.conllu.gz` (syntactic words, so "don't" is "do" + "n't"),
//! and the dev file for the record. Output: `src/models/pos.model` and `pos.lexicon`.

use crate::common::{read_text, write, Args, Settings};
use article_analyzer::tagger::features::{normalise, Features};
use article_analyzer::tagger::decode::Scorer;
use article_analyzer::tagger::model::Model;
use article_analyzer::tagger::perceptron::{Perceptron, Rng};
use article_analyzer::tagger::pos;
use std::collections::BTreeMap;
use std::time::Instant;

/// Training runs (seeds `seed`, `seed + 1`…) whose averaged weights are summed.
const RUNS: usize = 5;
const SETTINGS: Settings = Settings { epochs: 10, seed: 20261128, bits: 17, prune: 1.7 };
/// Training sentences are split into this many folds (sentence `k` in fold `k % LEXICON_FOLDS`)
/// for their lexicon classes (see `train`).
const LEXICON_FOLDS: usize = 5;

/// A sentence of syntactic words (forms) with their gold tags (tag indices).
#[derive(Default)]
struct Gold {
    forms: Vec<String>,
    tags: Vec<usize>,
}

/// Reads the syntactic words (not multiword surface tokens) of a CoNLL-U file.
fn read_conllu(text: &str) -> Result<Vec<Gold>, String> {
    let mut out = Vec::new();
    let mut cur = Gold::default();
    for line in text.lines().chain(std::iter::once("")) {
        if line.is_empty() {
            if !cur.forms.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if line.starts_with('#') || cols.len() < 4 || !cols[0].bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let tag = pos::TAGS.iter().position(|&t| t == cols[3]).ok_or(format!("unknown UPOS {}", cols[3]))?;
        cur.forms.push(cols[1].to_string());
        cur.tags.push(tag);
    }
    Ok(out)
}

/// The lexicon file: every normalised word seen at least `LEXICON_MIN_COUNT` times,
/// with the tags that make up at least 1/`LEXICON_MIN_SHARE` of its occurrences, in lower
/// case those under 1/`LEXICON_MAJOR_SHARE` (minor tags: the POS features leave them out;
/// other stages read the whole set).
fn pos_lexicon<'a>(train: impl IntoIterator<Item = &'a Gold>) -> String {
    const LEXICON_MIN_COUNT: usize = 3;
    const LEXICON_MIN_SHARE: usize = 20;
    const LEXICON_MAJOR_SHARE: usize = 10;
    let mut counts: BTreeMap<String, [usize; 17]> = BTreeMap::new();
    for s in train {
        for (form, &tag) in s.forms.iter().zip(&s.tags) {
            counts.entry(normalise(form)).or_insert([0; 17])[tag] += 1;
        }
    }
    let mut out = format!(
        "# Word → the Universal POS tags it takes: for the POS tagger's \"lexicon class\" features.\n\
         # Built by `cargo run --release --bin train-tagger -- pos` from\n\
         # ../shared/data/ud_ewt/en_ewt-ud-train.conllu.gz (UD English EWT, licence CC BY-SA 4.0):\n\
         # words (lower-cased, digits as 0) seen at least {LEXICON_MIN_COUNT} times, tags with at least \
         1/{LEXICON_MIN_SHARE} of them,\n\
         # in lower case those under 1/{LEXICON_MAJOR_SHARE} of them (minor tags).\n\
         # Format: word<TAB>tags separated by spaces.\n",
    );
    for (word, c) in &counts {
        let total: usize = c.iter().sum();
        if total < LEXICON_MIN_COUNT || word.contains(['\t', '\n']) {
            continue;
        }
        let tags: Vec<String> = (0..17)
            .filter(|&t| c[t] * LEXICON_MIN_SHARE >= total)
            .map(|t| if c[t] * LEXICON_MAJOR_SHARE >= total { pos::TAGS[t].to_string() } else { pos::TAGS[t].to_lowercase() })
            .collect();
        out.push_str(&format!("{word}\t{}\n", tags.join(" ")));
    }
    out
}

fn pos_accuracy(model: &Model, sentences: &[(pos::Input, Vec<usize>)]) -> f64 {
    let (mut right, mut all) = (0usize, 0usize);
    for (input, tags) in sentences {
        let guess = pos::tag(model, input);
        right += guess.iter().zip(tags).filter(|(a, b)| a == b).count();
        all += tags.len();
    }
    right as f64 / all.max(1) as f64
}

fn tag_names() -> Vec<String> {
    pos::TAGS.iter().map(|t| t.to_string()).collect()
}

/// One greedy averaged-perceptron run over the training sentences, shuffled with `seed`.
fn train_run(train: &[(pos::Input, Vec<usize>)], set: &Settings, seed: u64) -> Perceptron {
    let mut p = Perceptron::new(tag_names(), set.bits);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng(seed);
    let mut feats = Features::new();
    let mut scores = vec![0f32; pos::TAGS.len()];
    for epoch in 1..=set.epochs {
        rng.shuffle(&mut order);
        let (mut right, mut all) = (0usize, 0usize);
        for &k in &order {
            let (input, tags) = &train[k];
            let mut guesses: Vec<usize> = Vec::with_capacity(tags.len());
            for (i, &gold) in tags.iter().enumerate() {
                let prev = [i.checked_sub(1).map(|j| guesses[j]), i.checked_sub(2).map(|j| guesses[j])];
                pos::features(input, i, prev, &mut feats);
                let guess = p.best(&feats.hashes, &mut scores, |_| true);
                p.update(&feats.hashes, gold, guess);
                right += usize::from(guess == gold);
                all += 1;
                guesses.push(guess);
            }
        }
        eprintln!("seed {seed} epoch {epoch}: training accuracy {:.4}", right as f64 / all.max(1) as f64);
    }
    p
}

pub fn train(args: &Args) -> Result<(), String> {
    let started = Instant::now();
    let train = read_conllu(&read_text(&args.data.join("ud_ewt/en_ewt-ud-train.conllu.gz"))?)?;
    let dev = read_conllu(&read_text(&args.data.join("ud_ewt/en_ewt-ud-dev.conllu"))?)?;
    let lexicon_text = pos_lexicon(&train);
    let lexicon = pos::parse_lexicon(&lexicon_text);
    let prepare = |gold: Vec<Gold>| -> Vec<(pos::Input, Vec<usize>)> {
        gold.into_iter().map(|g| (pos::Input::new(g.forms.iter().map(String::as_str), &lexicon), g.tags)).collect()
    };
    // Each training sentence reads its lexicon classes from a lexicon built without its own
    // fold, so that training sees them as unreliable as they are on new text.
    let lexicons: Vec<pos::Lexicon> = (0..LEXICON_FOLDS)
        .map(|f| pos::parse_lexicon(&pos_lexicon(train.iter().enumerate().filter(|(k, _)| k % LEXICON_FOLDS != f).map(|(_, g)| g))))
        .collect();
    let train: Vec<(pos::Input, Vec<usize>)> = train
        .into_iter()
        .enumerate()
        .filter_map(|(k, g)| Some((pos::Input::new(g.forms.iter().map(String::as_str), lexicons.get(k % LEXICON_FOLDS)?), g.tags)))
        .collect();
    let dev = prepare(dev);
    eprintln!("pos: {} training sentences, {} dev sentences", train.len(), dev.len());
    let set = args.settings(SETTINGS);
    let mut sum: Vec<f32> = Vec::new();
    for run in 0..RUNS {
        let avg = train_run(&train, &set, set.seed + run as u64).averaged();
        if sum.is_empty() {
            sum = avg;
        } else {
            sum.iter_mut().zip(avg).for_each(|(s, a)| *s += a);
        }
    }
    let model = Model::quantise(tag_names(), set.bits, &sum, set.prune * RUNS as f32);
    let dev_accuracy = pos_accuracy(&model, &dev);
    let header = format!(
        "Universal POS tagger: averaged perceptron (sum of {RUNS} runs with seeds from the one\n\
         below), greedy left-to-right, hashed features.\n\
         Trained by `cargo run --release --bin train-tagger -- pos` (src/bin/train-tagger/) on\n\
         ../shared/data/ud_ewt/en_ewt-ud-train.conllu.gz: Universal Dependencies English EWT,\n\
         licence CC BY-SA 4.0 (these weights are derived from it).\n\
         Also uses: src/models/word.clusters and pos.lexicon (see their headers); while\n\
         training, each sentence's lexicon classes come from a lexicon without its fold (of {LEXICON_FOLDS}).\n\
         Settings: {}.\n\
         UPOS accuracy on UD EWT dev gold tokens: {dev_accuracy:.4}\n\
         Format: see src/tagger/model.rs.",
        set.describe()
    );
    let out = args.out("pos.model");
    let bytes = model.to_bytes(&header);
    write(&out.with_extension("lexicon"), lexicon_text.as_bytes())?;
    write(&out, &bytes)?;
    eprintln!(
        "pos: dev accuracy (gold tokens) {dev_accuracy:.4}; {} non-zero weights; wrote {} ({} bytes) in {:.1} s",
        model.non_zero(),
        out.display(),
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

