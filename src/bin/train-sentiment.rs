//! Fits the constants of the sentiment model, `src/lexicon/sentiment-params.tsv`.
//!
//! Usage: `cargo run --release --bin train-sentiment [DATA] [--write]`; `-- --explain TEXT`
//! prints the evidence the rules find in TEXT; `-- --try name=value…` scores the committed
//! constants with some changed, without fitting. DATA defaults to
//! `../shared/data/vader_ground_truth/dev.jsonl` (`{id, source, text, score}` lines, the mean
//! human rating of each text). Items whose id hashes even (FNV-1a 64 over the id's bytes) are
//! the fitting half; the others are held out. The objective is the eval script's: Pearson r
//! between the document compound and the rating within each source, averaged over sources.
//! Coordinate descent from the fixed starting values below (VADER's published constants where
//! it has one, plain guesses elsewhere), so the result does not depend on the file it rewrites:
//! each fitted constant in turn is moved by
//! its step while that improves the objective, within its bounds; two passes, then two with
//! half steps. Deterministic (no randomness). Prints r per source on both halves before and
//! after; with `--write`, rewrites the constants file, header included.
//!
//! Native only: on wasm32 this binary compiles to nothing.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::internals::sentiment_training::{DocumentEvidence, Params};
use article_analyzer::internals::run_before;
use serde_json::Value;
use std::collections::BTreeMap;
use std::process::ExitCode;

const PARAMS_FILE: &str = "src/lexicon/sentiment-params.tsv";

const HEADER: &str = "\
# Constants of the sentiment model (src/stages/sentiment/score.rs documents each one).
# Source: fitted by `cargo run --release --bin train-sentiment -- --write` (src/bin/train-sentiment.rs)
#   on the half of ../shared/data/vader_ground_truth/dev.jsonl whose id hashes even (FNV-1a 64);
#   the constants it does not fit keep VADER's published values (degree, caps) or ours (window).
# Licence: MIT (the project's).
# Format: name<TAB>value. Rewritten whole by the training command; do not edit by hand.
";

/// Where the descent starts; `degree`, `caps` and `window` are not fitted and keep these values.
const START: &str = "pattern\t2\nextra\t1\nderived\t0.5\nreversed\t0.8\npositive_offset\t0.3\ndegree\t0.293\n\
caps\t0.733\nnegation\t-0.74\nnegator_tone\t0.5\nnegation_scope\t3\nnegation_words\t1\nirrealis\t0.5\ndomain\t0.7\n\
before_contrast\t0.5\nafter_contrast\t1\nconceded\t0.5\nexclamation\t0.292\nquestion\t1\nhits_exponent\t0.3\n\
alpha\t15\nwindow\t3\n";

/// The fitted constants: (name, step, lower bound, upper bound).
const FITTED: &[(&str, f64, f64, f64)] = &[
    ("pattern", 0.5, 0.0, 6.0),
    ("extra", 0.1, 0.0, 2.0),
    ("derived", 0.2, 0.0, 1.5),
    ("reversed", 0.2, 0.0, 1.5),
    ("positive_offset", 0.1, 0.0, 1.0),
    ("negation", 0.1, -1.5, 0.0),
    ("negator_tone", 0.1, 0.0, 1.5),
    ("negation_scope", 1.0, 1.0, 6.0),
    ("negation_words", 1.0, 1.0, 4.0),
    ("irrealis", 0.1, 0.0, 1.5),
    ("domain", 0.1, 0.0, 1.0),
    ("before_contrast", 0.1, 0.0, 1.5),
    ("after_contrast", 0.1, 0.0, 2.0),
    ("conceded", 0.1, -1.0, 1.5),
    ("exclamation", 0.1, 0.0, 1.5),
    ("question", 0.1, 0.0, 1.5),
    ("hits_exponent", 0.1, 0.0, 1.0),
    ("alpha", 2.0, 1.0, 40.0),
];

struct Item {
    source: String,
    fit: bool,
    score: f64,
    evidence: DocumentEvidence,
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn read_items(path: &str) -> Result<Vec<Item>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut items = Vec::new();
    for (n, line) in data.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let field = |k: &str| v.get(k).and_then(Value::as_str).ok_or(format!("{path}:{}: no string {k}", n + 1));
        let (id, source, text) = (field("id")?, field("source")?, field("text")?);
        let score = v.get("score").and_then(Value::as_f64).ok_or(format!("{path}:{}: no score", n + 1))?;
        let evidence = DocumentEvidence::of(&run_before(text, "sentiment"));
        items.push(Item { source: source.to_string(), fit: fnv1a(id.as_bytes()) % 2 == 0, score, evidence });
    }
    Ok(items)
}

fn pearson(xs: &[f64], ys: &[f64]) -> f64 {
    let n = xs.len() as f64;
    if xs.len() < 2 {
        return 0.0;
    }
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

/// Pearson r per source over the items `keep` selects, and their mean.
fn evaluate(items: &[Item], p: &Params, keep: impl Fn(&Item) -> bool) -> (BTreeMap<String, f64>, f64) {
    let mut by_source: BTreeMap<String, (Vec<f64>, Vec<f64>)> = BTreeMap::new();
    for item in items.iter().filter(|i| keep(i)) {
        let entry = by_source.entry(item.source.clone()).or_default();
        entry.0.push(item.evidence.compound(p));
        entry.1.push(item.score);
    }
    let rs: BTreeMap<String, f64> = by_source.into_iter().map(|(s, (x, y))| (s, pearson(&x, &y))).collect();
    let mean = if rs.is_empty() { 0.0 } else { rs.values().sum::<f64>() / rs.len() as f64 };
    (rs, mean)
}

fn report(label: &str, items: &[Item], p: &Params) {
    for (half, keep) in [("fit", true), ("held-out", false)] {
        let (rs, mean) = evaluate(items, p, |i| i.fit == keep);
        let per: Vec<String> = rs.iter().map(|(s, r)| format!("{s} {r:.4}")).collect();
        println!("{label:8} {half:9} mean r {mean:.4}  ({})", per.join(", "));
    }
    let (_, mean) = evaluate(items, p, |_| true);
    println!("{label:8} {:9} mean r {mean:.4}", "all");
}

fn fit(items: &[Item], start: &Params) -> Params {
    let objective = |p: &Params| evaluate(items, p, |i| i.fit).1;
    let mut best = start.clone();
    let mut best_score = objective(&best);
    for (pass, scale) in [1.0, 1.0, 0.5, 0.5].into_iter().enumerate() {
        for &(name, step, lo, hi) in FITTED {
            for direction in [1.0, -1.0] {
                loop {
                    let mut candidate = best.clone();
                    let Some(v) = candidate.get_mut(name) else { break };
                    let moved = ((*v + direction * step * scale) * 1e4).round() / 1e4;
                    if !(lo..=hi).contains(&moved) {
                        break;
                    }
                    *v = moved;
                    let score = objective(&candidate);
                    if score <= best_score + 1e-5 {
                        break;
                    }
                    (best, best_score) = (candidate, score);
                }
            }
        }
        println!("pass {}: fit-half mean r {best_score:.4}", pass + 1);
    }
    best
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, text] = args.as_slice() {
        if flag == "--explain" {
            print!("{}", DocumentEvidence::of(&run_before(text, "sentiment")).explain(Params::current()));
            return ExitCode::SUCCESS;
        }
    }
    let write = args.iter().any(|a| a == "--write");
    let path = args.iter().find(|a| !a.starts_with("--") && !a.contains('=')).map_or("../shared/data/vader_ground_truth/dev.jsonl", |s| s);
    let items = match read_items(path) {
        Ok(items) => items,
        Err(e) => {
            eprintln!("train-sentiment: {e}");
            return ExitCode::FAILURE;
        }
    };
    report("committed", &items, Params::current());
    let tried: Vec<&String> = args.iter().filter(|a| a.contains('=')).collect();
    if args.iter().any(|a| a == "--try") {
        let mut p = Params::current().clone();
        for assignment in tried {
            let (name, value) = assignment.split_once('=').unwrap_or_default();
            match (p.get_mut(name), value.parse::<f64>()) {
                (Some(slot), Ok(v)) => *slot = v,
                _ => eprintln!("train-sentiment: ignored {assignment}"),
            }
        }
        report("tried", &items, &p);
        return ExitCode::SUCCESS;
    }
    let start = Params::parse(START);
    report("start", &items, &start);
    let fitted = fit(&items, &start);
    report("fitted", &items, &fitted);
    print!("{}", fitted.to_tsv());
    if write {
        if let Err(e) = std::fs::write(PARAMS_FILE, format!("{HEADER}{}", fitted.to_tsv())) {
            eprintln!("train-sentiment: cannot write {PARAMS_FILE}: {e}");
            return ExitCode::FAILURE;
        }
        println!("wrote {PARAMS_FILE}");
    }
    ExitCode::SUCCESS
}
