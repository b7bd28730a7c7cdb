//! Cue detection: which tokens head a cue ("said", "according", "told", ":") that
//! attributes words or claims to a source.
//!
//! Input: a [`View`] of the document. Output: per candidate token, the probability that it
//! heads a cue, from a logistic-regression model over features of the token and its
//! context (the words around it, quotation marks nearby, its place in the sentence).
//! Candidates are the words the model knows as cue heads (`w=` features) and the reporting
//! verbs of `src/lexicon/quote_cues.txt`. The weights, `src/models/quote_cues.tsv`, are
//! written by `cargo run --release --bin train-quote-cues` (see that binary) from the
//! PolNeAR train split only. [`features`] is shared by the trainer and the stage, so both see
//! exactly the same features.

use super::lexicon::cues as lexicon;
use super::features::Features;
use super::view::{analysed, View};
use crate::doc::{BlockKind, Document};
use crate::hash::{FastMap, FastSet};
use std::sync::OnceLock;

/// Feature weights of the cue model.
pub(crate) struct Model {
    weights: FastMap<&'static str, f32>,
    /// The words that have a `w=` feature.
    words: FastSet<&'static str>,
}

/// Prefix of the feature naming the token's own word; its presence makes a word a candidate.
pub const WORD_FEATURE: &str = "w=";

impl Model {
    fn parse(source: &'static str) -> Model {
        let weights = source
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (name, weight) = l.split_once('\t')?;
                Some((name, weight.trim().parse().ok()?))
            })
            .collect::<FastMap<&'static str, f32>>();
        let words = weights.keys().filter_map(|k| k.strip_prefix(WORD_FEATURE)).collect();
        Model { weights, words }
    }

    pub(crate) fn get() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::parse(include_str!("../../models/quote_cues.tsv")))
    }

    /// True when the model or the lexicon knows `word` as a possible cue head.
    pub(crate) fn is_candidate(&self, word: &str) -> bool {
        is_lexical_cue(word) || self.words.contains(word)
    }

    /// The probability that the token with these features heads a cue.
    pub(crate) fn probability(&self, features: &Features) -> f32 {
        let z: f32 = features.iter().filter_map(|f| self.weights.get(f)).sum();
        1.0 / (1.0 + (-z).exp())
    }
}

/// True for reporting verbs listed in the lexicon.
pub fn is_lexical_cue(word: &str) -> bool {
    lexicon().has("verbs", word)
}

/// True for words that may stand between a subject and its cue ("has", "also").
pub fn is_skippable(word: &str) -> bool {
    lexicon().has("skip", word)
}

fn shape(view: &View, token: Option<usize>) -> &'static str {
    let Some(t) = token else { return "none" };
    let role = view.role(t);
    if role.opens {
        return "open";
    }
    if role.closes {
        return "close";
    }
    if !view.is_word(t) {
        return match view.word(t) {
            "," => ",",
            "." | "!" | "?" => ".",
            ":" => ":",
            _ => "punct",
        };
    }
    if view.is_capitalized(t) {
        "Cap"
    } else {
        "low"
    }
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        _ => "11+",
    }
}

/// The features of token `i` as a cue head, appended to `out` (cleared first).
pub fn features(view: &View, i: usize, out: &mut Features) {
    out.clear();
    let range = view.sentence_tokens(i);
    let at = |offset: isize| -> Option<usize> {
        let j = i.checked_add_signed(offset)?;
        range.contains(&j).then_some(j)
    };
    let word_at = |offset: isize| at(offset).map_or("<s>", |j| view.word(j));
    let w = view.word(i);
    let (p1, p2, n1, n2) = (word_at(-1), word_at(-2), word_at(1), word_at(2));
    let before = i - range.start;
    let after = range.end.saturating_sub(i + 1);
    let quote_before = (1..=3).any(|k| at(-k).is_some_and(|j| view.role(j).closes));
    let quote_after = (1..=3).any(|k| at(k).is_some_and(|j| view.role(j).opens));
    let that_after = (1..=4).any(|k| at(k).is_some_and(|j| view.word(j) == "that"));
    let pronoun_before = lexicon().has("pronouns", p1) || (is_skippable(p1) && lexicon().has("pronouns", p2));
    let inside = view.role(i).within.is_some();
    out.add(&["bias"]);
    out.add(&[WORD_FEATURE, w]);
    out.add(&["p1=", p1]);
    out.add(&["p2=", p2]);
    out.add(&["n1=", n1]);
    out.add(&["n2=", n2]);
    out.add(&["p1w=", p1, "|", w]);
    out.add(&["wn1=", w, "|", n1]);
    let (ps, ns) = (shape(view, at(-1)), shape(view, at(1)));
    out.add(&["p1s=", ps]);
    out.add(&["n1s=", ns]);
    out.add(&["p1s|n1s=", ps, "|", ns]);
    out.add(&["start=", bucket(before)]);
    out.add(&["end=", bucket(after)]);
    out.add(&["w|end=", w, "|", bucket(after)]);
    out.add(&["w|start=", w, "|", bucket(before)]);
    let flags = [
        (is_lexical_cue(w), "lex"),
        (inside, "inq"),
        (quote_before, "qb"),
        (quote_after, "qa"),
        (that_after, "that"),
        (pronoun_before, "pron"),
    ];
    for (on, name) in flags {
        if on {
            out.add(&[name]);
            out.add(&[name, "|", w]);
        }
    }
    let title = view.sentence_of(i).and_then(|s| view.doc.paragraphs.get(s.paragraph));
    if title.is_some_and(|p| p.kind == BlockKind::Title) {
        out.add(&["title"]);
    }
    if let Some(pos) = view.doc.tokens.get(i).and_then(|t| t.pos) {
        out.add_fmt(format_args!("pos={pos:?}"));
    }
}

/// One token offered to the trainer: its index, its lowercase word and its features.
pub struct Example {
    pub token: usize,
    pub word: String,
    pub features: Vec<String>,
}

/// For the trainer: the tokens of the analysed paragraphs whose word `keep` accepts, with
/// their features, exactly as the stage computes them.
pub fn examples(doc: &Document, keep: &dyn Fn(&str) -> bool) -> Vec<Example> {
    let view = View::new(doc);
    let mut out = Vec::new();
    for sentence in doc.sentences.iter().filter(|s| doc.paragraphs.get(s.paragraph).is_some_and(|p| analysed(p.kind))) {
        for token in sentence.tokens.clone().filter(|&t| keep(view.word(t))) {
            let mut f = Features::default();
            features(&view, token, &mut f);
            out.push(Example { token, word: view.word(token).to_string(), features: f.iter().map(String::from).collect() });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline;

    fn probability_of(text: &str, word: &str) -> f32 {
        let doc = pipeline::run(text);
        let view = View::new(&doc);
        let i = (0..doc.tokens.len()).find(|&i| view.word(i) == word).expect("the word is in the text");
        let mut f = Features::default();
        features(&view, i, &mut f);
        Model::get().probability(&f)
    }

    #[test]
    fn reporting_verbs_in_context_are_cues() {
        let hits = [
            ("The mayor said on Monday that the bridge would reopen in May.", "said"),
            ("\u{201C}We are not done yet,\u{201D} she told reporters.", "told"),
            ("According to the police, three people were hurt.", "according"),
            ("The minister insisted that the figures were correct.", "insisted"),
        ];
        for (text, word) in hits {
            assert!(probability_of(text, word) > 0.5, "{text}");
        }
        let misses = [
            ("The agency will report its findings next week.", "report"),
            ("\u{201C}I never said a word to the board about it,\u{201D} she insisted.", "said"),
        ];
        for (text, word) in misses {
            assert!(probability_of(text, word) < 0.5, "{text}");
        }
    }

    #[test]
    fn candidates_come_from_model_and_lexicon() {
        let model = Model::get();
        assert!(model.is_candidate("said"));
        assert!(model.is_candidate("remarked"));
        assert!(!model.is_candidate("banana"));
        assert!(is_skippable("also") && !is_skippable("said"));
    }
}
