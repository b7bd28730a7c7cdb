//! Fits the summary weights (`src/models/summary_weights.txt`) on BBC News Summary dev.
//!
//! Usage, from the repository root:
//!
//! ```text
//! cargo run --release --bin train-summary -- ../shared/data/bbc_news_summary/dev.jsonl \
//!     [--held-out held.jsonl] > src/models/summary_weights.txt
//! ```
//!
//! Input: JSON lines `{id, article, summary}`. An article is in the fit part when the
//! FNV-1a hash of its id is 0, 1 or 2 modulo 5 (about 60 %), else in the held-out part,
//! which `--held-out` writes out unchanged so that `summary.py` can score it alone.
//! Every body sentence of a fit article is one example: its features come from the
//! summary stage itself (so training and use cannot drift apart), and its label is 1 when
//! the reference summary contains the sentence (its first 60 bytes, trimmed; the reference
//! sentences are copied from the article). The model is a logistic regression fitted by
//! full-batch gradient descent from zero weights for a fixed number of steps: deterministic,
//! no randomness at all. Output: the weights file, with its header, on standard output.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::internals::{summary_features, Document, STAGES, SUMMARY_FEATURES};
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::process::ExitCode;

const STEPS: usize = 3000;
const LEARNING_RATE: f64 = 0.5;
const L2: f64 = 1e-3;
const LABEL_PREFIX_BYTES: usize = 60;

fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// True when the article with this id is in the fit part.
fn in_fit_part(id: &str) -> bool {
    fnv1a(id) % 5 < 3
}

/// The first `LABEL_PREFIX_BYTES` bytes of the trimmed sentence, cut on a char boundary.
fn label_key(sentence: &str) -> &str {
    let s = sentence.trim();
    let mut end = s.len().min(LABEL_PREFIX_BYTES);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

struct Example {
    x: Vec<f64>,
    y: f64,
}

fn examples(article: &str, summary: &str) -> Vec<Example> {
    let mut doc = Document::new(article);
    for stage in STAGES {
        (stage.run)(&mut doc);
    }
    summary_features(&doc)
        .into_iter()
        .filter_map(|(i, features)| {
            let sentence = doc.sentences.get(i)?;
            let y = f64::from(u8::from(summary.contains(label_key(doc.text_of(sentence.span)))));
            Some(Example { x: features.iter().copied().chain([1.0]).collect(), y })
        })
        .collect()
}

/// Logistic regression by gradient descent; the last weight is the bias (not penalised).
fn fit(data: &[Example], dims: usize) -> Vec<f64> {
    let mut w = vec![0.0; dims];
    let n = data.len().max(1) as f64;
    for _ in 0..STEPS {
        let mut grad = vec![0.0; dims];
        for e in data {
            let z: f64 = e.x.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            for (g, x) in grad.iter_mut().zip(&e.x) {
                *g += (p - e.y) * x;
            }
        }
        for (k, (wk, g)) in w.iter_mut().zip(&grad).enumerate() {
            let penalty = if k + 1 < dims { L2 * *wk } else { 0.0 };
            *wk -= LEARNING_RATE * (g / n + penalty);
        }
    }
    w
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let data = args.next().ok_or("usage: train-summary DEV.jsonl [--held-out FILE]")?;
    let held_path = match (args.next().as_deref(), args.next()) {
        (Some("--held-out"), Some(path)) => Some(path),
        (None, _) => None,
        _ => return Err("usage: train-summary DEV.jsonl [--held-out FILE]".into()),
    };
    let file = std::fs::File::open(&data).map_err(|e| format!("{data}: {e}"))?;
    let mut held = match &held_path {
        Some(p) => Some(std::fs::File::create(p).map_err(|e| format!("{p}: {e}"))?),
        None => None,
    };
    let (mut train, mut articles, mut held_articles) = (Vec::new(), 0, 0);
    for line in BufReader::new(file).lines() {
        let line = line.map_err(|e| e.to_string())?;
        let row: Value = serde_json::from_str(&line).map_err(|e| format!("{data}: {e}"))?;
        let field = |k: &str| row.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
        if in_fit_part(&field("id")) {
            train.extend(examples(&field("article"), &field("summary")));
            articles += 1;
        } else {
            held_articles += 1;
            if let Some(f) = held.as_mut() {
                writeln!(f, "{line}").map_err(|e| e.to_string())?;
            }
        }
    }
    let positives = train.iter().filter(|e| e.y > 0.5).count();
    let w = fit(&train, SUMMARY_FEATURES.len() + 1);
    println!("# Weights of the summary sentence scorer (src/stages/summary.rs): score = Σ weight × feature + bias.");
    println!("# Made by: cargo run --release --bin train-summary -- ../shared/data/bbc_news_summary/dev.jsonl");
    println!("# Data: BBC News Summary dev (../shared/data/bbc_news_summary, research use), fit part: {articles} articles,");
    println!("# {} body sentences, {positives} in the reference summary; {held_articles} articles held out.", train.len());
    println!("# Logistic regression, {STEPS} steps of gradient descent, rate {LEARNING_RATE}, L2 {L2}.");
    println!("# Format: feature name, weight; '#' starts a comment line.");
    for (name, weight) in SUMMARY_FEATURES.iter().chain(&["bias"]).zip(&w) {
        println!("{name} {weight:.6}");
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-summary: {e}");
            ExitCode::FAILURE
        }
    }
}
