//! Trains the hedge model of the hedges stage: `src/models/hedge_cues.tsv`.
//!
//! Usage: `cargo run --release --bin train-hedges -- [TRAIN.jsonl] [--holdout]` (default
//! `../shared/data/conll2010_wiki_hedge/train.jsonl`). Input: CoNLL-2010 Wikipedia sentences
//! `{text, uncertain}` with sentence labels only. Each sentence goes through the analyzer's
//! stages up to the hedges stage; its candidate words (words seen at least `MIN_WORD_COUNT`
//! times in the training sentences, and the starts of lexicon cues) form a bag. The model is
//! a logistic regression per word combined by noisy-OR: a sentence is uncertain with
//! probability 1 − Π(1 − pᵢ), so the sentence label trains the word weights without cue
//! annotations. Stochastic gradient ascent on the log-likelihood, fixed epochs, learning
//! rate and L2, bags shuffled with a seeded xorshift: the same output on every run.
//! Features seen fewer than `MIN_FEATURE_COUNT` times, weights under `MIN_WEIGHT` in
//! magnitude, and word features under `MIN_WORD_WEIGHT` are dropped; weights are written
//! with four decimals, sorted by name. With `--holdout`, every fifth sentence is held out,
//! the model is not written, and precision/recall/F1 of the uncertain class on the held-out
//! sentences are printed for the lexicon alone, the model alone and both, at several
//! thresholds (the stage uses both: a lexicon cue, or a model probability ≥ 0.3).
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::internals::hedge_training::{sentence_examples, WORD_FEATURE};
use article_analyzer::internals::run_before;
use article_analyzer::training::{sigmoid, XorShift as Rng};
use serde_json::Value;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};

const MIN_WORD_COUNT: usize = 5;
const MIN_FEATURE_COUNT: usize = 3;
const MIN_WEIGHT: f64 = 0.05;
const MIN_WORD_WEIGHT: f64 = 0.0;
const EPOCHS: usize = 10;
const LEARNING_RATE: f64 = 0.1;
const L2: f64 = 1e-5;
const SEED: u64 = 0x4EDC_E5ED;
const OUTPUT: &str = "src/models/hedge_cues.tsv";

fn read(path: &str) -> Vec<(String, bool)> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("cannot open {path}: {e}"));
    BufReader::new(file)
        .lines()
        .map(|line| {
            let row: Value = serde_json::from_str(&line.expect("readable line")).expect("a JSON line");
            (row["text"].as_str().expect("a text").to_string(), row["uncertain"].as_bool().expect("a label"))
        })
        .collect()
}

/// A sentence as a bag of candidate words: feature ids and whether the lexicon marks it.
struct Bag {
    words: Vec<(Vec<usize>, bool)>,
    label: bool,
}

fn bags(rows: &[&(String, bool)], keep: &dyn Fn(&str) -> bool, ids: &mut HashMap<String, usize>, grow: bool) -> Vec<Bag> {
    rows.iter()
        .map(|(text, label)| {
            let doc = run_before(text, "hedges");
            let mut words = Vec::new();
            for ex in sentence_examples(&doc, keep).into_iter().flatten() {
                let mut fs = Vec::new();
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
                words.push((fs, ex.lexical));
            }
            Bag { words, label: *label }
        })
        .collect()
}

fn probability(w: &[f64], fs: &[usize]) -> f64 {
    sigmoid(fs.iter().map(|&f| w[f]).sum())
}

fn train(bags: &[Bag], n: usize) -> Vec<f64> {
    let mut w = vec![0.0; n];
    let mut order: Vec<usize> = (0..bags.len()).collect();
    let mut rng = Rng(SEED);
    for epoch in 0..EPOCHS {
        rng.shuffle(&mut order);
        let rate = LEARNING_RATE / (1.0 + epoch as f64);
        for &b in &order {
            let bag = &bags[b];
            let ps: Vec<f64> = bag.words.iter().map(|(fs, _)| probability(&w, fs)).collect();
            let q: f64 = ps.iter().map(|p| 1.0 - p).product();
            for ((fs, _), p) in bag.words.iter().zip(&ps) {
                let g = if bag.label { q * p / (1.0 - q).max(1e-6) } else { -p };
                for &f in fs {
                    w[f] += rate * (g.min(5.0) - L2 * w[f]);
                }
            }
        }
    }
    w
}

fn report(name: &str, predicted: impl Iterator<Item = bool>, bags: &[Bag]) {
    let (mut tp, mut fp, mut fneg) = (0, 0, 0);
    for (p, bag) in predicted.zip(bags) {
        match (p, bag.label) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fneg += 1,
            _ => {}
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fneg).max(1) as f64;
    eprintln!("{name}: P {p:.4} R {r:.4} F1 {:.4}", 2.0 * p * r / (p + r).max(1e-9));
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let holdout = args.iter().any(|a| a == "--holdout");
    let path = args.iter().find(|a| !a.starts_with("--")).map_or("../shared/data/conll2010_wiki_hedge/train.jsonl", String::as_str);
    let rows = read(path);
    let kept = |i: usize| !holdout || i % 5 != 0;
    let train_rows: Vec<&(String, bool)> = rows.iter().enumerate().filter(|&(i, _)| kept(i)).map(|(_, r)| r).collect();
    let held: Vec<&(String, bool)> = rows.iter().enumerate().filter(|&(i, _)| !kept(i)).map(|(_, r)| r).collect();

    // Candidate words: those seen often enough in the training sentences.
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (text, _) in &train_rows {
        for ex in sentence_examples(&run_before(text, "hedges"), &|_| true).into_iter().flatten() {
            *counts.entry(ex.word).or_default() += 1;
        }
    }
    let keep = |w: &str| counts.get(w).is_some_and(|&n| n >= MIN_WORD_COUNT);
    let mut ids = HashMap::new();
    let data = bags(&train_rows, &keep, &mut ids, true);
    let mut feature_counts = vec![0usize; ids.len()];
    for bag in &data {
        for (fs, _) in &bag.words {
            for &f in fs {
                feature_counts[f] += 1;
            }
        }
    }
    let mut names = vec![String::new(); ids.len()];
    for (name, &id) in &ids {
        names[id] = name.clone();
    }
    let data: Vec<Bag> = data
        .into_iter()
        .map(|b| Bag { words: b.words.into_iter().map(|(fs, l)| (fs.into_iter().filter(|&f| feature_counts[f] >= MIN_FEATURE_COUNT).collect(), l)).collect(), label: b.label })
        .collect();
    eprintln!("{} training sentences ({} uncertain), {} features", data.len(), data.iter().filter(|b| b.label).count(), ids.len());
    let mut w = train(&data, ids.len());
    for (id, weight) in w.iter_mut().enumerate() {
        let word = names[id].starts_with(WORD_FEATURE);
        let kept = feature_counts[id] >= MIN_FEATURE_COUNT && weight.abs() >= MIN_WEIGHT && (!word || *weight >= MIN_WORD_WEIGHT);
        if !kept {
            *weight = 0.0;
        }
    }

    if holdout {
        let test = bags(&held, &keep, &mut ids, false);
        eprintln!("held out: {} sentences ({} uncertain)", test.len(), test.iter().filter(|b| b.label).count());
        report("lexicon alone", test.iter().map(|b| b.words.iter().any(|(_, l)| *l)), &test);
        for threshold in [0.3, 0.4, 0.5, 0.6] {
            let model = |b: &Bag| b.words.iter().any(|(fs, _)| probability(&w, fs) >= threshold);
            report(&format!("model alone @{threshold}"), test.iter().map(model), &test);
            report(&format!("lexicon or model @{threshold}"), test.iter().map(|b| model(b) || b.words.iter().any(|(_, l)| *l)), &test);
        }
        return;
    }

    let mut rows: Vec<(&str, f64)> = (0..ids.len()).filter(|&id| w[id] != 0.0).map(|id| (names[id].as_str(), w[id])).collect();
    rows.sort_by(|a, b| a.0.cmp(b.0));
    let mut out = std::fs::File::create(OUTPUT).expect("the model file can be written");
    writeln!(
        out,
        "# Hedge model of the hedges stage: per-word logistic weights combined by noisy-OR.\n\
         # Source: trained by `cargo run --release --bin train-hedges` (src/bin/train-hedges.rs) on the\n\
         #   CoNLL-2010 shared task Wikipedia train split only (../shared/data/conll2010_wiki_hedge/train.jsonl).\n\
         #   Deterministic: seeded shuffling, fixed epochs.\n\
         # Licence: weights derived from CC BY-SA data (Szeged uncertainty corpus); MIT for the code.\n\
         # Format: one feature a line, name<TAB>weight; `w=WORD` lines also list the candidate words."
    )
    .expect("writable");
    for (name, weight) in rows {
        writeln!(out, "{name}\t{weight:.4}").expect("writable");
    }
    eprintln!("wrote {OUTPUT}");
}
