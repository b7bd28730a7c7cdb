//! The learned part of hedge detection: a per-token logistic model of "this word makes its
//! sentence uncertain", trained on sentence labels only.
//!
//! Input: a sentence as lowercase words with capitalisation flags, and the lexicon reading
//! of each word. Output: per candidate token, a probability. The weights,
//! `src/models/hedge_cues.tsv`, are written by `cargo run --release --bin train-hedges`
//! from the CoNLL-2010 Wikipedia train split only; that binary documents the training.
//! Candidates are the words the model has a `w=` weight for and the starts of lexicon cues.

use super::cues::Reading;
use crate::stages::quotes::Features;
use crate::hash::{FastMap, FastSet};
use std::sync::OnceLock;

/// Prefix of the feature naming the token's own word.
pub const WORD_FEATURE: &str = "w=";

pub(crate) struct Model {
    weights: FastMap<&'static str, f32>,
    words: FastSet<&'static str>,
}

impl Model {
    pub(crate) fn get() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            let weights: FastMap<&'static str, f32> = include_str!("../../models/hedge_cues.tsv")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| {
                    let (name, weight) = l.split_once('\t')?;
                    Some((name, weight.trim().parse().ok()?))
                })
                .collect();
            let words = weights.keys().filter_map(|k| k.strip_prefix(WORD_FEATURE)).collect();
            Model { weights, words }
        })
    }

    pub(crate) fn is_candidate(&self, word: &str, reading: Reading) -> bool {
        reading != Reading::None || self.words.contains(word)
    }

    pub(crate) fn probability(&self, features: &Features) -> f32 {
        let z: f32 = features.iter().filter_map(|f| self.weights.get(f)).sum();
        1.0 / (1.0 + (-z).exp())
    }
}

/// The features of word `i` of a sentence, appended to `out` (cleared first).
pub(crate) fn features(words: &[&str], capitalized: &[bool], readings: &[Reading], i: usize, out: &mut Features) {
    out.clear();
    let at = |k: isize| i.checked_add_signed(k).and_then(|j| words.get(j)).copied().unwrap_or("<s>");
    let w = at(0);
    let reading = match readings.get(i) {
        Some(Reading::Hedge(_, kind)) => kind.name(),
        Some(Reading::NotEpistemic) => "not",
        _ => "none",
    };
    out.add(&["bias"]);
    out.add(&[WORD_FEATURE, w]);
    out.add(&["p1|w=", at(-1), "|", w]);
    out.add(&["w|n1=", w, "|", at(1)]);
    out.add(&["lex=", reading]);
    if i > 0 && capitalized.get(i) == Some(&true) {
        out.add(&["cap|w=", w]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_name_the_word_its_neighbours_and_its_reading() {
        let words = ["many", "believe", "it"];
        let readings = [Reading::None, Reading::None, Reading::None];
        let mut f = Features::default();
        features(&words, &[true, false, false], &readings, 1, &mut f);
        assert_eq!(f.iter().collect::<Vec<_>>(), ["bias", "w=believe", "p1|w=many|believe", "w|n1=believe|it", "lex=none"]);
        assert!(Model::get().is_candidate("might", Reading::Hedge(1, crate::doc::HedgeKind::Modal)));
        assert!(!Model::get().is_candidate("zebra", Reading::None));
    }
}
