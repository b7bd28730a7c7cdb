//! Trains the syllable model `src/models/syllables.tsv` from CMU dictionary counts:
//!
//! ```text
//! cargo run --release --bin train-syllables -- ../shared/data/cmudict_syllables/dev.tsv \
//!     ../shared/data/polnear_attribution/train.jsonl src/models/syllables.tsv
//! ```
//!
//! Input: `word TAB syllables` lines (`/work/shared/data/cmudict_syllables/dev.tsv`). Words whose
//! FNV-1a hash is divisible by 5 (about 20%) are held out; the model learns from the rest
//! only. Words with a part that has no vowel ("bbc", "b-j's") are left out: the analyzer
//! spells those by rule. The second file, news articles as JSON lines with a `text` field
//! (PolNeAR train), only serves to report accuracy weighted by how often words occur in
//! running news text; it does not change the model. Output: the weights file, and on stderr
//! the accuracy of the written (pruned, integer) model, counted by the same code as the
//! analyzer (`stages/syllables/model.rs`, compiled in here through `#[path]`). Native only.
//!
//! Method, all deterministic (fixed-seed xorshift shuffles, sorted output):
//! 1. Teacher: an averaged structured perceptron over every feature seen in at least
//!    `MIN_COUNT` training words. Only a word's total is known, not what each letter group
//!    contributes, so when the predicted contributions do not add up to the total, the update
//!    moves towards the best-scoring contributions that do (found by dynamic programming over
//!    the groups). The group biases start at "a vowel group adds one syllable, a consonant
//!    group none", so the first alignments are the plain ones.
//! 2. The teacher's best contributions that add up to each training word's total become fixed
//!    per-group labels.
//! 3. Student: the `KEEP` most important features of the teacher (see `importance`), plus
//!    the biases, learn those labels with a plain averaged perceptron. Training the small
//!    model on fixed labels is stable; on totals alone its alignments drift.
//! 4. The student's weights, relative to label 1, are rounded to integers; features whose
//!    integers are all zero are dropped.

#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

#[path = "../stages/syllables/model.rs"]
mod model;

use model::{is_vowel, split_not, Model, Part, CONSONANT_BIAS, LABELS, VOWEL_BIAS};
use std::collections::HashMap;
use std::process::ExitCode;

/// Features seen in fewer training words than this are not learned.
const MIN_COUNT: u32 = 2;
/// Passes of the teacher, and of the student, over the training words.
const TEACHER_EPOCHS: usize = 12;
const STUDENT_EPOCHS: usize = 5;
/// Starting penalty of the teacher's biases per syllable of difference from the plain count.
const PRIOR: f64 = 2.0;
/// Features the student may use (about 12,000 survive rounding: 52 KB gzipped).
const KEEP: usize = 16_000;
const SEED: u64 = 0x9E37_79B9_7F4A_7C15;

type Weights = Vec<[f64; LABELS]>;

/// A dictionary word: the parts the analyzer would count, its count, whether held out.
struct Word {
    text: String,
    parts: Vec<Vec<u8>>,
    syllables: usize,
    held_out: bool,
}

impl Word {
    /// The syllables the model itself must find: the count minus those of "n't" clitics,
    /// which a rule counts (`model::split_not`).
    fn model_syllables(&self) -> usize {
        self.syllables.saturating_sub(self.parts.iter().map(|p| split_not(p).1).sum())
    }

    /// Whether the analyzer leaves the whole word to the model: it spells out parts without
    /// a vowel ("bbc", "b-j's") by rule instead.
    fn for_model(&self) -> bool {
        self.parts.iter().all(|p| split_not(p).0.iter().copied().any(is_vowel))
    }

    fn counted_by(&self, model: &Model) -> usize {
        self.parts.iter().map(|p| model.count(p)).sum()
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The parts the analyzer counts for a dictionary entry: its tokenizer splits at dots and
/// hyphens, and apostrophes at the edges of a part are dropped ("'course", "achilles'").
fn parts(word: &str) -> Vec<Vec<u8>> {
    word.split(|c: char| !(c.is_ascii_lowercase() || c == '\''))
        .map(|p| p.trim_matches('\'').as_bytes().to_vec())
        .filter(|p| !p.is_empty())
        .collect()
}

/// How often each word (lowercase, curly apostrophes straightened) occurs in the `text` of
/// the JSON lines of `path`.
fn corpus_counts(path: &str) -> Result<HashMap<String, u32>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut counts = HashMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{path}: {e}"))?;
        let body = row.get("text").and_then(|t| t.as_str()).unwrap_or("").replace('\u{2019}', "'").to_lowercase();
        for word in body.split(|c: char| !(c.is_alphabetic() || c == '\'')).map(|w| w.trim_matches('\'')) {
            if !word.is_empty() {
                *counts.entry(word.to_string()).or_insert(0) += 1;
            }
        }
    }
    Ok(counts)
}

fn read_words(path: &str) -> Result<Vec<Word>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    text.lines()
        .filter(|line| !line.is_empty())
        .map(|line| {
            let (word, count) = line.split_once('\t').ok_or_else(|| format!("no tab in {line:?}"))?;
            let syllables = count.parse().map_err(|_| format!("bad count in {line:?}"))?;
            let held_out = fnv1a(word.as_bytes()) % 5 == 0;
            Ok(Word { text: word.to_string(), parts: parts(word), syllables, held_out })
        })
        .collect()
}

/// A letter group as the perceptron sees it: how many labels it may take, its feature ids.
struct Group {
    labels: usize,
    feats: Vec<u32>,
}

/// The groups of every part of `word`, numbering new features as they come.
fn featurize(word: &Word, ids: &mut HashMap<String, u32>) -> Vec<Group> {
    let mut out = Vec::new();
    for part in word.parts.iter().map(|p| Part::new(split_not(p).0)) {
        for g in 0..part.groups() {
            let mut feats = Vec::new();
            part.for_each_feature(g, &mut |f| {
                let next = ids.len() as u32;
                feats.push(*ids.entry(f.to_string()).or_insert(next));
            });
            out.push(Group { labels: part.labels(g), feats });
        }
    }
    out
}

/// The score of each label for a group; labels it may not take score minus infinity.
fn score(weights: &[[f64; LABELS]], group: &Group) -> [f64; LABELS] {
    let mut s = [0.0; LABELS];
    for &f in &group.feats {
        for (x, w) in s.iter_mut().zip(weights[f as usize]) {
            *x += w;
        }
    }
    for x in s.iter_mut().skip(group.labels) {
        *x = f64::NEG_INFINITY;
    }
    s
}

fn argmax(s: &[f64; LABELS]) -> usize {
    (0..LABELS).fold(0, |b, l| if s[l] > s[b] { l } else { b })
}

/// The best contributions per group that add up to exactly `total` (None when impossible).
fn constrained_best(scores: &[[f64; LABELS]], total: usize) -> Option<Vec<usize>> {
    let n = scores.len();
    // best[i][s]: best score of the first i groups adding up to s; choice[i][s]: label of group i-1.
    let mut best = vec![vec![f64::NEG_INFINITY; total + 1]; n + 1];
    let mut choice = vec![vec![0usize; total + 1]; n + 1];
    best[0][0] = 0.0;
    for i in 0..n {
        for s in 0..=total {
            if best[i][s] == f64::NEG_INFINITY {
                continue;
            }
            for l in 0..LABELS.min(total - s + 1) {
                let v = best[i][s] + scores[i][l];
                if v > best[i + 1][s + l] {
                    best[i + 1][s + l] = v;
                    choice[i + 1][s + l] = l;
                }
            }
        }
    }
    if best[n][total] == f64::NEG_INFINITY {
        return None;
    }
    let mut labels = vec![0; n];
    let mut s = total;
    for i in (1..=n).rev() {
        labels[i - 1] = choice[i][s];
        s -= choice[i][s];
    }
    Some(labels)
}

/// What the perceptron learns from: a word's total, or fixed labels for each of its groups.
enum Targets<'a> {
    Totals(&'a [usize]),
    Labels(&'a [Vec<usize>]),
}

/// Averaged perceptron over `words`, starting from `w`.
fn train(words: &[Vec<Group>], targets: Targets, mut w: Weights, epochs: usize) -> Weights {
    // The average is w - u / c, with u summing each update times the step c when it was made.
    let mut u: Weights = vec![[0.0; LABELS]; w.len()];
    let mut c = 1.0;
    let mut order: Vec<usize> = (0..words.len()).collect();
    let mut rng = SEED;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut errors = 0;
        for &i in &order {
            let scores: Vec<[f64; LABELS]> = words[i].iter().map(|f| score(&w, f)).collect();
            let predicted: Vec<usize> = scores.iter().map(argmax).collect();
            let target = match targets {
                Targets::Totals(totals) if predicted.iter().sum::<usize>() != totals[i] => {
                    constrained_best(&scores, totals[i])
                }
                Targets::Totals(_) => None,
                Targets::Labels(labels) => labels.get(i).filter(|t| **t != predicted).cloned(),
            };
            if let Some(target) = target.filter(|t| t.len() == predicted.len()) {
                errors += 1;
                for ((group, &want), &got) in words[i].iter().zip(&target).zip(&predicted) {
                    if want != got {
                        for &f in &group.feats {
                            for (label, delta) in [(want, 1.0), (got, -1.0)] {
                                w[f as usize][label] += delta;
                                u[f as usize][label] += c * delta;
                            }
                        }
                    }
                }
            }
            c += 1.0;
        }
        eprintln!("epoch {epoch}: {errors} training words wrong");
    }
    w.iter().zip(&u).map(|(w, u)| std::array::from_fn(|l| w[l] - u[l] / c)).collect()
}

/// Zero weights, except the biases: -PRIOR per syllable away from the plain contribution.
fn initial_weights(ids: &HashMap<String, u32>) -> Weights {
    let mut w = vec![[0.0; LABELS]; ids.len()];
    for (bias, plain) in [(VOWEL_BIAS, 1), (CONSONANT_BIAS, 0)] {
        if let Some(&id) = ids.get(bias) {
            w[id as usize] = std::array::from_fn(|l| -(l.abs_diff(plain) as f64) * PRIOR);
        }
    }
    w
}

/// How much a feature matters: its largest weight difference from label 1, times the fourth
/// root of the number of training groups that have it (a big weight that seldom fires is
/// worth less than a fair one that fires often).
fn importance(w: &[f64; LABELS], uses: u32) -> f64 {
    w.iter().map(|x| (x - w[1]).abs()).fold(0.0, f64::max) * f64::from(uses).powf(0.25)
}

/// The weights file: a header, then one sorted line per feature with a non-zero integer.
fn model_text(ids: &HashMap<String, u32>, weights: &[[f64; LABELS]]) -> String {
    let mut lines: Vec<String> = ids
        .iter()
        .filter_map(|(f, &id)| {
            let w = weights[id as usize];
            let q: [i64; LABELS] = std::array::from_fn(|l| (w[l] - w[1]).round() as i64);
            q.iter().any(|&x| x != 0).then(|| format!("{f}\t{}\t{}\t{}", q[0], q[2], q[3]))
        })
        .collect();
    lines.sort();
    format!(
        "# Syllable model of article-analyzer: how many syllables (0-3) each letter group adds.\n\
         # Source: written by `cargo run --release --bin train-syllables -- \
         ../shared/data/cmudict_syllables/dev.tsv ../shared/data/polnear_attribution/train.jsonl \
         src/models/syllables.tsv`\n\
         # (method in src/bin/train-syllables.rs) from the CMU Pronouncing Dictionary 0.7b counts of\n\
         # /work/shared/data/cmudict_syllables/dev.tsv, learning from 80% of the words (the words whose\n\
         # FNV-1a hash is divisible by 5 are held out). CMUdict licence: BSD-2-Clause.\n\
         # Format: feature TAB weight of label 0 TAB of label 2 TAB of label 3 (label 1 weighs 0).\n\
         # Features are built by src/stages/syllables/model.rs.\n{}\n",
        lines.join("\n")
    )
}

fn accuracy(model: &Model, words: &[&Word]) -> f64 {
    let hits = words.iter().filter(|w| w.counted_by(model) == w.syllables).count();
    hits as f64 / words.len().max(1) as f64
}

fn run(data: &str, corpus: &str, out: &str) -> Result<(), String> {
    let words = read_words(data)?;
    let counts = corpus_counts(corpus)?;
    let (held, learned): (Vec<&Word>, Vec<&Word>) = words.iter().filter(|w| w.for_model()).partition(|w| w.held_out);
    eprintln!("{} words, {} of them with a part spelled out by rule, left out", words.len(), words.len() - held.len() - learned.len());
    let mut all_ids = HashMap::new();
    let all_feats: Vec<Vec<Group>> = learned.iter().map(|w| featurize(w, &mut all_ids)).collect();

    // Drop rare features before training, so that the others learn without them.
    let mut words_with = vec![0u32; all_ids.len()];
    for word in &all_feats {
        let mut unique: Vec<u32> = word.iter().flat_map(|g| g.feats.iter().copied()).collect();
        unique.sort_unstable();
        unique.dedup();
        for f in unique {
            words_with[f as usize] += 1;
        }
    }
    let (mut ids, renumber) = keep_features(&all_ids, |f| words_with[f as usize] >= MIN_COUNT);
    let feats = restrict(&all_feats, &renumber);
    let totals: Vec<usize> = learned.iter().map(|w| w.model_syllables()).collect();
    let teacher = train(&feats, Targets::Totals(&totals), initial_weights(&ids), TEACHER_EPOCHS);

    let labels: Vec<Vec<usize>> = feats
        .iter()
        .zip(&totals)
        .map(|(w, &total)| {
            let scores: Vec<[f64; LABELS]> = w.iter().map(|g| score(&teacher, g)).collect();
            constrained_best(&scores, total).unwrap_or_default()
        })
        .collect();

    let mut uses = vec![0u32; teacher.len()];
    for f in feats.iter().flatten().flat_map(|g| &g.feats) {
        uses[*f as usize] += 1;
    }
    let importance: Vec<f64> = teacher.iter().zip(&uses).map(|(w, &n)| importance(w, n)).collect();
    let mut ranked: Vec<u32> = (0..teacher.len() as u32).collect();
    ranked.sort_by(|&a, &b| importance[b as usize].total_cmp(&importance[a as usize]));
    let mut chosen = vec![false; teacher.len()];
    for &f in ranked.iter().take(KEEP) {
        chosen[f as usize] = true;
    }
    for bias in [VOWEL_BIAS, CONSONANT_BIAS] {
        if let Some(&f) = ids.get(bias) {
            chosen[f as usize] = true;
        }
    }
    let (small_ids, renumber) = keep_features(&ids, |f| chosen[f as usize]);
    ids = small_ids;
    let student = train(&restrict(&feats, &renumber), Targets::Labels(&labels), initial_weights(&ids), STUDENT_EPOCHS);

    let text = model_text(&ids, &student);
    std::fs::write(out, &text).map_err(|e| format!("{out}: {e}"))?;
    let model = Model::parse(&text);
    let lines = text.lines().filter(|l| !l.starts_with('#')).count();
    eprintln!("wrote {out}: {lines} features (of {} seen), {} bytes", all_ids.len(), text.len());
    eprintln!("accuracy: learned words {:.4} ({})", accuracy(&model, &learned), learned.len());
    eprintln!("accuracy: held-out words {:.4} ({})", accuracy(&model, &held), held.len());
    let by_tokens = |words: &[&Word]| {
        let (hit, all) = words.iter().fold((0u64, 0u64), |(hit, all), w| {
            let n = u64::from(counts.get(&w.text).copied().unwrap_or(0));
            (hit + n * u64::from(w.counted_by(&model) == w.syllables), all + n)
        });
        hit as f64 / all.max(1) as f64
    };
    eprintln!("accuracy weighted by corpus frequency: learned {:.4}, held-out {:.4}", by_tokens(&learned), by_tokens(&held));
    let misses: Vec<String> = held
        .iter()
        .filter(|w| w.counted_by(&model) != w.syllables)
        .take(30)
        .map(|w| format!("{}:{}/{}", w.text, w.counted_by(&model), w.syllables))
        .collect();
    eprintln!("first held-out misses (word:ours/CMU): {}", misses.join(" "));
    Ok(())
}

/// The features of `ids` that pass `keep`, numbered anew, and the map from old to new ids.
fn keep_features(ids: &HashMap<String, u32>, keep: impl Fn(u32) -> bool) -> (HashMap<String, u32>, Vec<Option<u32>>) {
    let mut sorted: Vec<(&String, u32)> = ids.iter().map(|(f, &id)| (f, id)).filter(|&(_, id)| keep(id)).collect();
    sorted.sort_by_key(|&(_, id)| id);
    let mut renumber = vec![None; ids.len()];
    let mut kept = HashMap::new();
    for (new, (f, old)) in sorted.into_iter().enumerate() {
        renumber[old as usize] = Some(new as u32);
        kept.insert(f.clone(), new as u32);
    }
    (kept, renumber)
}

fn restrict(words: &[Vec<Group>], renumber: &[Option<u32>]) -> Vec<Vec<Group>> {
    let group = |g: &Group| Group { labels: g.labels, feats: g.feats.iter().filter_map(|&f| renumber[f as usize]).collect() };
    words.iter().map(|w| w.iter().map(group).collect()).collect()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, corpus, out] = args.as_slice() else {
        eprintln!("usage: train-syllables CMUDICT.tsv NEWS.jsonl OUT.tsv");
        return ExitCode::FAILURE;
    };
    match run(data, corpus, out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-syllables: {e}");
            ExitCode::FAILURE
        }
    }
}
