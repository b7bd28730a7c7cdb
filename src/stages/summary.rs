//! Summary stage: ranks the body sentences that best sum up the article.
//!
//! Reads: paragraphs (kinds), sentences, tokens. Writes: `summary_ranking`, indices of
//! body sentences (never a title, heading, caption or boilerplate), best first, at most
//! [`MAX_SENTENCES`]. The output takes as many as the options ask for and puts them back
//! in article order.
//!
//! Each body sentence gets the [`FEATURES`] below and the score w·x + b, with the weights
//! of `src/models/summary_weights.txt`: a logistic regression fitted by
//! `src/bin/train-summary.rs` on the fit part of the BBC News Summary dev file, where the
//! label says whether the reference summary contains the sentence. Centrality is the sum,
//! over the sentence's distinct content words, of how often each occurs elsewhere in the
//! body: the sentence that shares most with the rest of the article is the most central.
//!
//! Ranking goes down the scores and leaves out a sentence when at least [`REDUNDANT`] of
//! the content words of the shorter of the two are in a sentence already ranked, so no two
//! summary sentences say the same thing. Cost: linear in the tokens, a sort of the body
//! sentences, and at most [`MAX_SENTENCES`] set comparisons per sentence.

use crate::doc::{BlockKind, Document, TokenKind};
use crate::stages::keyphrases::words::{content_id, Interner};
use crate::text::{fold, is_quote};
use std::sync::OnceLock;

/// The longest ranking kept: the longest summary the options can ask for.
pub const MAX_SENTENCES: usize = 100;
/// How many sentences from the start are searched for an earlier copy of a chosen one.
const LOOK_BACK: usize = 50;
/// Share of shared content words from which a sentence repeats another.
const REDUNDANT: f64 = 0.7;
/// Sentences with fewer words than this are "short".
const SHORT_WORDS: usize = 8;

/// The sentence features, in the order of the weights.
pub const FEATURES: [&str; 8] =
    ["centrality", "first", "position", "log_length", "short", "title", "opens_with_quote", "has_quote"];

/// Features of one body sentence.
pub type Features = [f64; FEATURES.len()];

/// Weights per feature, then the bias; a name missing from the file weighs 0.
fn weights() -> &'static [f64; FEATURES.len() + 1] {
    static WEIGHTS: OnceLock<[f64; FEATURES.len() + 1]> = OnceLock::new();
    WEIGHTS.get_or_init(|| parse_weights(include_str!("../models/summary_weights.txt")))
}

fn parse_weights(data: &str) -> [f64; FEATURES.len() + 1] {
    let mut w = [0.0; FEATURES.len() + 1];
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.split_whitespace();
        let (Some(name), Some(Ok(value))) = (parts.next(), parts.next().map(str::parse::<f64>)) else { continue };
        let slot = if name == "bias" { Some(FEATURES.len()) } else { FEATURES.iter().position(|f| *f == name) };
        if let Some(x) = slot.and_then(|i| w.get_mut(i)) {
            *x = value;
        }
    }
    w
}

/// Distinct content word ids of a sentence (sorted) and its count of words and numbers.
struct SentenceWords {
    ids: Vec<u32>,
    words: usize,
}

fn sentence_words(doc: &Document, interner: &mut Interner, index: usize) -> SentenceWords {
    let (mut ids, mut words) = (Vec::new(), 0);
    let range = doc.sentences.get(index).map_or(0..0, |s| s.tokens.clone());
    for t in doc.tokens.get(range).unwrap_or(&[]) {
        if matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            words += 1;
            ids.extend(content_id(interner, doc.text_of(t.span)));
        }
    }
    ids.sort_unstable();
    ids.dedup();
    SentenceWords { ids, words }
}

/// The number of ids two sorted lists share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    // Steps without branches on the comparison, which a processor cannot predict here.
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        i += usize::from(x <= y);
        j += usize::from(y <= x);
        n += usize::from(x == y);
    }
    n
}

/// The body sentences (indices into `sentences`), their features and content words.
fn analyse(doc: &Document) -> (Vec<usize>, Vec<Features>, Vec<Vec<u32>>) {
    let mut interner = Interner::default();
    let title = doc.paragraphs.iter().position(|p| p.kind == BlockKind::Title);
    let mut title_ids: Vec<u32> = Vec::new();
    let mut body = Vec::new();
    let mut words = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        if doc.in_body(s) {
            body.push(i);
            words.push(sentence_words(doc, &mut interner, i));
        } else if Some(s.paragraph) == title {
            title_ids.extend(sentence_words(doc, &mut interner, i).ids);
        }
    }
    title_ids.sort_unstable();
    title_ids.dedup();
    let mut frequency = vec![0u32; interner.len()];
    for id in words.iter().flat_map(|w| &w.ids) {
        if let Some(f) = frequency.get_mut(*id as usize) {
            *f += 1;
        }
    }
    let centrality: Vec<f64> = words
        .iter()
        .map(|w| w.ids.iter().map(|&id| f64::from(frequency.get(id as usize).map_or(0, |f| f.saturating_sub(1)))).sum())
        .collect();
    let top = centrality.iter().copied().fold(0.0, f64::max).max(1.0);
    let last = body.len().saturating_sub(1).max(1) as f64;
    let features = body
        .iter()
        .zip(&words)
        .zip(&centrality)
        .enumerate()
        .map(|(k, ((&i, w), c))| {
            let text = doc.sentences.get(i).map_or("", |s| doc.text_of(s.span));
            [
                c / top,
                f64::from(u8::from(k == 0)),
                k as f64 / last,
                (1.0 + w.words as f64).ln(),
                f64::from(u8::from(w.words < SHORT_WORDS)),
                shared(&w.ids, &title_ids) as f64 / title_ids.len().max(1) as f64,
                f64::from(u8::from(text.chars().next().is_some_and(is_quote))),
                f64::from(u8::from(text.chars().any(|c| fold(c) == '"'))),
            ]
        })
        .collect();
    (body, features, words.into_iter().map(|w| w.ids).collect())
}

/// The features of every body sentence: `(index into sentences, features)`, in text order.
/// Public for the `train-summary` binary, which fits the weights on them.
pub fn features(doc: &Document) -> Vec<(usize, Features)> {
    let (body, features, _) = analyse(doc);
    body.into_iter().zip(features).collect()
}

fn score(x: &Features) -> f64 {
    let w = weights();
    x.iter().zip(w.iter()).map(|(a, b)| a * b).sum::<f64>() + w[FEATURES.len()]
}

pub(crate) fn run(doc: &mut Document) {
    let (body, features, ids) = analyse(doc);
    let mut order: Vec<(f64, usize)> = features.iter().map(score).zip(0..).collect();
    order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut ranked: Vec<usize> = Vec::new();
    for (_, k) in order {
        if ranked.len() == MAX_SENTENCES {
            break;
        }
        let Some(mine) = ids.get(k).filter(|w| !w.is_empty()) else { continue };
        let redundant = |a: &Vec<u32>, b: &Vec<u32>| shared(a, b) as f64 >= REDUNDANT * a.len().min(b.len()) as f64;
        let repeats_ranked = |w: &Vec<u32>| ranked.iter().filter_map(|&r| ids.get(r)).any(|theirs| redundant(w, theirs));
        if !repeats_ranked(mine) {
            // Of sentences that say the same thing, the first one written stands for them all
            // (a story that repeats its lead further down); looked for among the first
            // sentences only, which keeps the ranking linear.
            let first = (0..k.min(LOOK_BACK)).find(|&j| ids.get(j).is_some_and(|w| !w.is_empty() && redundant(mine, w) && !repeats_ranked(w)));
            ranked.push(first.unwrap_or(k));
        }
    }
    doc.summary_ranking = ranked.into_iter().filter_map(|k| body.get(k).copied()).collect();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline;

    const ARTICLE: &str = "Council Approves New Bridge\n\n\
        The city council approved a new bridge over the river on Tuesday, ending years of debate about traffic.\n\n\
        The bridge will cost 40 million dollars and open in 2027.\n\n\
        \"We waited a long time,\" said one resident.\n\n\
        The council approved the new bridge over the river on Tuesday after years of traffic debate.\n\n\
        Work on the river bridge starts in spring, when the council expects traffic delays.\n\n\
        Related: Parking fees rise";

    fn summary(text: &str) -> Vec<String> {
        let doc = pipeline::run(text);
        doc.summary_ranking.iter().map(|&i| doc.text_of(doc.sentences[i].span).to_string()).collect()
    }

    #[test]
    fn ranks_body_sentences_without_repeats() {
        let got = summary(ARTICLE);
        assert!(got[0].starts_with("The city council approved"), "{got:?}");
        // The fourth paragraph repeats the first: never both, and the first stands for both.
        assert!(!got.iter().any(|s| s.starts_with("The council approved the new bridge")), "{got:?}");
        // Never the title or the heading-like last line.
        assert!(!got.iter().any(|s| s.contains("Council Approves") || s.contains("Parking")), "{got:?}");
        assert!(got.len() <= MAX_SENTENCES);
    }

    #[test]
    fn features_are_in_range() {
        let doc = pipeline::run(ARTICLE);
        let f = features(&doc);
        assert_eq!(f.len(), 5);
        for (_, x) in &f {
            for (v, name) in x.iter().zip(FEATURES) {
                assert!(v.is_finite() && *v >= 0.0, "{name} = {v}");
            }
        }
        assert_eq!(f[0].1[1], 1.0, "first");
        assert_eq!(f[2].1[6], 1.0, "opens with a quote");
        assert_eq!(f[1].1[6], 0.0, "does not open with a quote");
    }

    #[test]
    fn weights_file_names_every_feature() {
        let data = include_str!("../models/summary_weights.txt");
        for name in FEATURES.iter().chain(&["bias"]) {
            assert!(data.lines().any(|l| l.split_whitespace().next() == Some(*name)), "{name} missing");
        }
        assert_eq!(parse_weights("# c\nfirst 2\nbias -1\nbogus 3\nshort x"), {
            let mut w = [0.0; FEATURES.len() + 1];
            w[1] = 2.0;
            w[FEATURES.len()] = -1.0;
            w
        });
    }

    #[test]
    fn empty_and_bodiless_texts() {
        assert!(summary("").is_empty());
        assert!(summary("...").is_empty());
        assert_eq!(summary("One lone sentence about rain."), ["One lone sentence about rain."]);
    }

    #[test]
    fn shared_counts_common_ids() {
        assert_eq!(shared(&[1, 3, 5, 7], &[3, 4, 5]), 2);
        assert_eq!(shared(&[], &[1]), 0);
        assert_eq!(shared(&[2], &[1]), 0);
    }
}
