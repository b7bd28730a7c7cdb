//! Trains the sentence-boundary classifier and prints its weights.
//!
//! ```text
//! gzip -dc ../shared/data/ud_ewt/en_ewt-ud-train.conllu.gz \
//!     | cargo run --release --bin train-sentences > src/models/sentence-boundary.txt
//! ```
//!
//! Input (stdin): UD English EWT in CoNLL-U; only the `# sent_id` and `# text` comment lines
//! are read. Consecutive sentences whose ids share the part before the final `-NNNN` form a
//! document, joined by single spaces (as `eval/sentences.py` builds them); the end of each
//! sentence is a gold boundary. Output (stdout): the model file, `feature<TAB>weight` lines
//! after a header. Learner: averaged perceptron, fixed epochs, documents shuffled by a seeded
//! generator, several runs averaged; the output is the same on every run of the command. Features seen fewer than `MIN_COUNT`
//! times are dropped before training, and weights near zero after it.
//!
//! `--folds N` instead prints to stderr the boundary precision, recall and F1 of an N-fold
//! cross-validation over the documents (folds by a hash of the document id), and no model:
//! use it to compare settings without touching dev data.

use article_analyzer::training::sentence_boundary_examples;
use std::collections::{HashMap, HashSet};
use std::io::{self, BufRead, Write};

const EPOCHS: usize = 12;
const MIN_COUNT: u32 = 3;
const MIN_WEIGHT: f64 = 0.05;
const SEED: u64 = 0x5EED_2026;
const RUNS: usize = 5;

/// A document: its id, the byte offsets where its sentences end, and its possible
/// boundaries as (end offset, score needed for a boundary, feature names).
struct Doc {
    id: String,
    ends: HashSet<usize>,
    examples: Vec<(usize, f32, Vec<String>)>,
}

/// Groups the `# text` lines of the CoNLL-U input into documents and computes their examples.
fn read_docs(input: impl BufRead) -> io::Result<Vec<Doc>> {
    let mut texts: Vec<(String, String, HashSet<usize>)> = Vec::new();
    let mut doc_id = String::new();
    for line in input.lines() {
        let line = line?;
        if let Some(id) = line.strip_prefix("# sent_id = ") {
            let id = id.trim();
            let stem = id.trim_end_matches(|c: char| c.is_ascii_digit());
            doc_id = stem.strip_suffix('-').filter(|_| stem.len() < id.len()).unwrap_or(id).to_string();
        } else if let Some(sentence) = line.strip_prefix("# text = ").map(str::trim).filter(|s| !s.is_empty()) {
            match texts.last_mut() {
                Some((id, text, ends)) if *id == doc_id => {
                    text.push(' ');
                    text.push_str(sentence);
                    ends.insert(text.len());
                }
                _ => texts.push((doc_id.clone(), sentence.to_string(), HashSet::from([sentence.len()]))),
            }
        }
    }
    Ok(texts
        .into_iter()
        .map(|(id, text, ends)| Doc { id, ends, examples: sentence_boundary_examples(&text) })
        .collect())
}

/// xorshift64*: a small seeded generator for the shuffles.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// One document's examples: (feature indices, score needed, is a boundary).
type Encoded = Vec<(Vec<usize>, f64, bool)>;

/// The features kept for training, in name order.
struct Features {
    index: HashMap<String, usize>,
    names: Vec<String>,
}

impl Features {
    fn new(docs: &[&Doc]) -> Features {
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for name in docs.iter().flat_map(|d| &d.examples).flat_map(|(_, _, names)| names) {
            *counts.entry(name).or_default() += 1;
        }
        let mut names: Vec<String> = counts.into_iter().filter(|&(_, c)| c >= MIN_COUNT).map(|(n, _)| n.to_string()).collect();
        names.sort_unstable();
        let index = names.iter().enumerate().map(|(i, n)| (n.clone(), i)).collect();
        Features { index, names }
    }

    fn encode(&self, doc: &Doc) -> Encoded {
        let indices = |names: &[String]| names.iter().filter_map(|n| self.index.get(n).copied()).collect();
        doc.examples.iter().map(|(end, margin, names)| (indices(names), f64::from(*margin), doc.ends.contains(end))).collect()
    }
}

/// Averaged perceptron over `docs` (learning the plain decision, score above 0; the margins
/// apply at analysis time), run `RUNS` times with differently shuffled documents and the
/// runs' weights averaged, which steadies the model against the order of the data; returns
/// the features and the final weights.
fn fit(docs: &[&Doc]) -> (Features, Vec<f64>) {
    let features = Features::new(docs);
    let dims = features.names.len();
    let mut sum = vec![0.0f64; dims];
    let mut rng = Rng(SEED);
    for _ in 0..RUNS {
        let mut data: Vec<Encoded> = docs.iter().map(|d| features.encode(d)).collect();
        for (s, w) in sum.iter_mut().zip(perceptron(&mut data, dims, &mut rng)) {
            *s += w;
        }
    }
    let weights = sum.into_iter().map(|w| shipped_weight(w / RUNS as f64)).collect();
    (features, weights)
}

/// One averaged perceptron: `EPOCHS` passes over `data`, shuffled by `rng` before each.
fn perceptron(data: &mut [Encoded], dims: usize, rng: &mut Rng) -> Vec<f64> {
    let (mut w, mut total, mut stamp) = (vec![0.0f64; dims], vec![0.0f64; dims], vec![0u64; dims]);
    let mut step: u64 = 0;
    for _ in 0..EPOCHS {
        rng.shuffle(data);
        for (indices, _, gold) in data.iter().flatten() {
            step += 1;
            let score: f64 = indices.iter().map(|&f| w[f]).sum();
            if (score > 0.0) != *gold {
                let delta = if *gold { 1.0 } else { -1.0 };
                for &f in indices {
                    total[f] += (step - stamp[f]) as f64 * w[f];
                    stamp[f] = step;
                    w[f] += delta;
                }
            }
        }
    }
    (0..dims).map(|f| (total[f] + (step - stamp[f]) as f64 * w[f]) / step.max(1) as f64).collect()
}

/// A weight as the model file keeps it: three decimals, and 0 (left out) when small.
fn shipped_weight(w: f64) -> f64 {
    let rounded = (w * 1000.0).round() / 1000.0;
    if rounded.abs() < MIN_WEIGHT {
        0.0
    } else {
        rounded
    }
}

/// Boundary precision, recall and F1 on `docs` as the analysis decides (score above the
/// example's margin); document ends count as found, as every paragraph end is a sentence end.
fn evaluate(features: &Features, weights: &[f64], docs: &[&Doc]) -> (f64, f64, f64) {
    let (mut gold, mut predicted, mut correct) = (0usize, 0usize, 0usize);
    for doc in docs {
        gold += doc.ends.len();
        predicted += 1;
        correct += 1;
        for (indices, margin, is_end) in features.encode(doc) {
            if indices.iter().map(|&f| weights[f]).sum::<f64>() > margin {
                predicted += 1;
                correct += usize::from(is_end);
            }
        }
    }
    let p = correct as f64 / predicted.max(1) as f64;
    let r = correct as f64 / gold.max(1) as f64;
    (p, r, 2.0 * p * r / (p + r).max(f64::MIN_POSITIVE))
}

fn cross_validate(docs: &[Doc], folds: u64) {
    let (mut sum_p, mut sum_r, mut sum_f) = (0.0, 0.0, 0.0);
    for k in 0..folds {
        let (test, train): (Vec<&Doc>, Vec<&Doc>) = docs.iter().partition(|d| fnv(&d.id) % folds == k);
        let (features, weights) = fit(&train);
        let (p, r, f1) = evaluate(&features, &weights, &test);
        eprintln!("fold {k}: {} documents, precision {p:.4} recall {r:.4} F1 {f1:.4}", test.len());
        (sum_p, sum_r, sum_f) = (sum_p + p, sum_r + r, sum_f + f1);
    }
    let n = folds as f64;
    eprintln!("mean of {folds} folds: precision {:.4} recall {:.4} F1 {:.4}", sum_p / n, sum_r / n, sum_f / n);
}

fn write_model(features: &Features, weights: &[f64]) -> io::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    writeln!(out, "# Sentence-boundary classifier: weights of an averaged perceptron (src/stages/sentences/model.rs).")?;
    writeln!(out, "# Trained on UD English EWT train (CC BY-SA 4.0; /work/shared/data/ud_ewt) by")?;
    writeln!(out, "#   gzip -dc ../shared/data/ud_ewt/en_ewt-ud-train.conllu.gz | cargo run --release --bin train-sentences")?;
    writeln!(out, "# {RUNS} runs of {EPOCHS} epochs averaged, seed {SEED:#x}, features seen at least {MIN_COUNT} times, |weight| >= {MIN_WEIGHT}.")?;
    writeln!(out, "# Licence of these weights: CC BY-SA 4.0, as derived from EWT.")?;
    writeln!(out, "# Format: feature name, a tab, weight; a boundary when the weights of its features sum above 0.")?;
    for (name, w) in features.names.iter().zip(weights) {
        if *w != 0.0 {
            writeln!(out, "{name}\t{w:.3}")?;
        }
    }
    out.flush()
}

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let folds = args.iter().position(|a| a == "--folds").and_then(|i| args.get(i + 1)?.parse::<u64>().ok());
    let docs = read_docs(io::stdin().lock())?;
    if let Some(folds) = folds.filter(|&n| n >= 2) {
        cross_validate(&docs, folds);
        return Ok(());
    }
    let all: Vec<&Doc> = docs.iter().collect();
    let (features, weights) = fit(&all);
    let sentences: usize = docs.iter().map(|d| d.ends.len()).sum();
    let examples: usize = docs.iter().map(|d| d.examples.len()).sum();
    eprintln!("{} documents, {sentences} sentences, {examples} boundaries left to the classifier, {} features", docs.len(), features.names.len());
    write_model(&features, &weights)
}
