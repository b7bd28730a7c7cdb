//! Trains the cue model of the quotes stage: `src/models/quote_cues.tsv`.
//!
//! Usage: `cargo run --release --bin train-quote-cues -- [TRAIN.jsonl] [--holdout]`
//! (default `../shared/data/polnear_attribution/train.jsonl`). Input: PolNeAR articles
//! `{text, attributions:[{cue:{spans:[[start,end]]}, content}]}` with character offsets.
//! Each article goes through the analyzer's stages up to the quotes stage; every token of
//! the title and body whose word is a candidate is an example, labelled positive when it
//! heads a gold cue (the first token of the cue that is not an auxiliary or adverb, such as
//! "said" in "has also said") of an attribution with content. Other tokens inside gold cues
//! are left out. Candidates are the words that head a cue at least `MIN_HEAD_COUNT` times
//! and in at least `MIN_HEAD_SHARE` of their occurrences, plus the reporting verbs of the
//! lexicon. The model is a logistic regression trained by
//! stochastic gradient descent (fixed epochs, learning rate and L2; examples shuffled with a
//! seeded xorshift), so the output is the same on every run. Features seen fewer than
//! `MIN_FEATURE_COUNT` times are dropped, and so are weights smaller than `MIN_WEIGHT` after
//! training; weights are written with four decimals, sorted by name. With `--holdout`, every tenth article is held out, the model is not written, and
//! precision/recall on the held-out articles are printed for several thresholds.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::internals::quote_training::{examples, is_lexical_cue, is_skippable, WORD_FEATURE};
use article_analyzer::internals::{run_before, Document};
use article_analyzer::training::{sigmoid, XorShift as Rng};
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};

const MIN_HEAD_COUNT: usize = 2;
const MIN_HEAD_SHARE: f64 = 0.005;
const MIN_FEATURE_COUNT: usize = 5;
/// Pruning weights below 0.3 (rather than 0.1) keeps 40 % of them, shrinks the file from
/// 325 to 123 KB, and lost nothing on PolNeAR dev (F1 0.758 -> 0.761).
const MIN_WEIGHT: f64 = 0.3;
const EPOCHS: usize = 12;
const LEARNING_RATE: f64 = 0.1;
const L2: f64 = 1e-5;
const SEED: u64 = 0x5EED_2024;
const OUTPUT: &str = "src/models/quote_cues.tsv";

/// Byte offset of every character offset of `text` (one past the end included).
fn char_to_byte(text: &str) -> Vec<usize> {
    text.char_indices().map(|(b, _)| b).chain([text.len()]).collect()
}

/// The byte spans of the gold cues of attributions that have content.
fn gold_cues(article: &Value, bytes: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for a in article["attributions"].as_array().into_iter().flatten() {
        if a["content"].is_null() {
            continue;
        }
        for span in a["cue"]["spans"].as_array().into_iter().flatten() {
            let at = |k: usize| span[k].as_u64().and_then(|c| bytes.get(c as usize).copied());
            if let (Some(s), Some(e)) = (at(0), at(1)) {
                out.push((s, e));
            }
        }
    }
    out
}

/// Per token: Some(true) heads a gold cue, Some(false) is outside every cue, None is inside
/// a cue without heading it.
fn labels(doc: &Document, cues: &[(usize, usize)]) -> Vec<Option<bool>> {
    let mut labels = vec![Some(false); doc.tokens.len()];
    for &(s, e) in cues {
        let first = doc.tokens.partition_point(|t| t.span.start < s);
        let inside: Vec<usize> = (first..doc.tokens.len()).take_while(|&t| doc.tokens[t].span.end <= e).collect();
        let word = |t: usize| doc.text_of(doc.tokens[t].span).to_lowercase();
        let head = inside.iter().copied().find(|&t| {
            let w = word(t);
            !is_skippable(&w) && (w.chars().any(char::is_alphanumeric) || w == ":")
        });
        for t in inside {
            labels[t] = Some(Some(t) == head);
        }
    }
    labels
}

struct Article {
    text: String,
    cues: Vec<(usize, usize)>,
}

fn read(path: &str) -> Vec<Article> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
    BufReader::new(file)
        .lines()
        .map(|line| {
            let article: Value = serde_json::from_str(&line.expect("readable line")).expect("a JSON line");
            let text = article["text"].as_str().expect("a text").to_string();
            let cues = gold_cues(&article, &char_to_byte(&text));
            Article { text, cues }
        })
        .collect()
}

/// Words that head gold cues at least `MIN_HEAD_COUNT` times and in at least
/// `MIN_HEAD_SHARE` of their occurrences.
fn head_words(articles: &[&Article]) -> HashSet<String> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for a in articles {
        let doc = run_before(&a.text, "quotes");
        let labels = labels(&doc, &a.cues);
        for ex in examples(&doc, &|_| true) {
            let entry = counts.entry(ex.word).or_default();
            entry.1 += 1;
            if labels.get(ex.token) == Some(&Some(true)) {
                entry.0 += 1;
            }
        }
    }
    counts.into_iter().filter(|&(_, (heads, all))| heads >= MIN_HEAD_COUNT && heads as f64 >= MIN_HEAD_SHARE * all as f64).map(|(w, _)| w).collect()
}

/// Feature ids and labels of every candidate token of the articles.
fn dataset(articles: &[&Article], vocab: &HashSet<String>, ids: &mut HashMap<String, usize>, grow: bool) -> Vec<(Vec<usize>, bool)> {
    let mut out = Vec::new();
    let keep = |w: &str| vocab.contains(w) || is_lexical_cue(w);
    for a in articles {
        let doc = run_before(&a.text, "quotes");
        let labels = labels(&doc, &a.cues);
        for ex in examples(&doc, &keep) {
            let Some(Some(label)) = labels.get(ex.token).copied() else { continue };
            let mut fs = Vec::with_capacity(ex.features.len());
            for f in ex.features {
                let next = ids.len();
                match ids.get(&f) {
                    Some(&id) => fs.push(id),
                    None if grow => {
                        ids.insert(f, next);
                        fs.push(next);
                    }
                    None => {}
                }
            }
            out.push((fs, label));
        }
    }
    out
}

fn train(data: &[(Vec<usize>, bool)], n_features: usize) -> Vec<f64> {
    let mut w = vec![0.0; n_features];
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng(SEED);
    for epoch in 0..EPOCHS {
        rng.shuffle(&mut order);
        let rate = LEARNING_RATE / (1.0 + epoch as f64);
        for &i in &order {
            let (fs, label) = &data[i];
            let p = sigmoid(fs.iter().map(|&f| w[f]).sum());
            let g = f64::from(u8::from(*label)) - p;
            for &f in fs {
                w[f] += rate * (g - L2 * w[f]);
            }
        }
    }
    w
}

fn score(w: &[f64], fs: &[usize]) -> f64 {
    sigmoid(fs.iter().map(|&f| w[f]).sum())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let holdout = args.iter().any(|a| a == "--holdout");
    let path = args.iter().find(|a| !a.starts_with("--")).map_or("../shared/data/polnear_attribution/train.jsonl", String::as_str);
    let articles = read(path);
    let kept = |i: usize| !holdout || i % 10 != 0;
    let train_set: Vec<&Article> = articles.iter().enumerate().filter(|&(i, _)| kept(i)).map(|(_, a)| a).collect();
    let held: Vec<&Article> = articles.iter().enumerate().filter(|&(i, _)| !kept(i)).map(|(_, a)| a).collect();

    let vocab = head_words(&train_set);
    let mut ids = HashMap::new();
    let data = dataset(&train_set, &vocab, &mut ids, true);
    // Drop rare features (but keep every candidate's word feature).
    let mut counts = vec![0usize; ids.len()];
    for (fs, _) in &data {
        for &f in fs {
            counts[f] += 1;
        }
    }
    let names: Vec<String> = {
        let mut names = vec![String::new(); ids.len()];
        for (name, &id) in &ids {
            names[id] = name.clone();
        }
        names
    };
    let kept = |id: usize| counts[id] >= MIN_FEATURE_COUNT || names[id].starts_with(WORD_FEATURE);
    let data: Vec<(Vec<usize>, bool)> = data.into_iter().map(|(fs, l)| (fs.into_iter().filter(|&f| kept(f)).collect(), l)).collect();
    let positives = data.iter().filter(|(_, l)| *l).count();
    eprintln!("{} training articles, {} candidate words, {} examples ({} positive), {} features", train_set.len(), vocab.len(), data.len(), positives, ids.len());
    let mut w = train(&data, ids.len());
    // Small weights are dropped (their features then weigh nothing), except candidates' words.
    for (id, weight) in w.iter_mut().enumerate() {
        if !(kept(id) && (names[id].starts_with(WORD_FEATURE) || weight.abs() >= MIN_WEIGHT)) {
            *weight = 0.0;
        }
    }

    if holdout {
        let test = dataset(&held, &vocab, &mut ids, false);
        for threshold in [0.3, 0.4, 0.5, 0.6, 0.7] {
            let (mut tp, mut fp, mut fneg) = (0, 0, 0);
            for (fs, label) in &test {
                match (score(&w, fs) >= threshold, *label) {
                    (true, true) => tp += 1,
                    (true, false) => fp += 1,
                    (false, true) => fneg += 1,
                    _ => {}
                }
            }
            let p = tp as f64 / (tp + fp).max(1) as f64;
            let r = tp as f64 / (tp + fneg).max(1) as f64;
            eprintln!("held out ({} articles): threshold {threshold}: P {p:.4} R {r:.4} F1 {:.4}", held.len(), 2.0 * p * r / (p + r).max(1e-9));
        }
        return;
    }

    let mut rows: Vec<(&str, f64)> = (0..ids.len()).filter(|&id| kept(id)).map(|id| (names[id].as_str(), w[id])).filter(|(n, x)| n.starts_with(WORD_FEATURE) || *x != 0.0).collect();
    rows.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = std::fs::File::create(OUTPUT).expect("the model file can be written");
    writeln!(
        out,
        "# Cue model of the quotes stage: logistic-regression weights over cue-head features.\n\
         # Source: trained by `cargo run --release --bin train-quote-cues` (src/bin/train-quote-cues.rs)\n\
         #   on the PolNeAR v1.0 train split only (../shared/data/polnear_attribution/train.jsonl;\n\
         #   Newell et al., LREC 2018). Deterministic: seeded shuffling, fixed epochs.\n\
         # Licence: weights derived from a research corpus without an explicit licence; MIT for the code.\n\
         # Format: one feature a line, name<TAB>weight; `w=WORD` lines also list the candidate words."
    )
    .expect("writable");
    for (name, weight) in rows {
        writeln!(out, "{name}\t{weight:.4}").expect("writable");
    }
    eprintln!("wrote {OUTPUT}");
}
