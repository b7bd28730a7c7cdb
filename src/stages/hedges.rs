//! Hedges stage: words and phrases that make claims less than certain, and how certain each
//! sentence and the whole article sound.
//!
//! Reads: paragraphs (title and body), tokens, sentences. Writes: `hedges` (ascending,
//! non-overlapping), `certainty` (one level per sentence: high with no hedge, medium with
//! one, low with more) and `hedging` (the share of hedged body sentences). A cue is a hedge
//! when the hand-written lexicon lists it in an epistemic use (`cues`), or when the model
//! learned from Wikipedia hedge and weasel sentences gives it a probability of at least
//! [`THRESHOLD`] (`model`). A cue only the model finds is mostly a vague quantifier ("many",
//! "some"): it is kept as kind `vague` and does not lower the sentence's certainty.

mod cues;
mod model;

use crate::doc::{BlockKind, Certainty, Document, Hedge, HedgeKind, Hedging, Sentence, Span, TokenKind};
use crate::stages::quotes::{lowercase, Features};
use std::borrow::Cow;
use cues::Reading;

/// Items for the trainer (`src/bin/train-hedges.rs`), through `internals`.
pub mod training {
    pub use super::model::WORD_FEATURE;
    pub use super::{sentence_examples, Example};
}

/// Model probability above which a word is a hedge.
const THRESHOLD: f32 = 0.3;

/// The words of one sentence, lowercase, with their capitalisation and lexicon readings.
/// Punctuation is left out, except apostrophes inside words.
struct Words<'t> {
    lower: Vec<Cow<'t, str>>,
    capitalized: Vec<bool>,
    spans: Vec<Span>,
}

impl<'t> Words<'t> {
    fn new(doc: &Document<'t>, tokens: std::ops::Range<usize>) -> Words<'t> {
        let tokens: Vec<usize> = tokens.filter(|&t| doc.tokens.get(t).is_some_and(|t| t.kind != TokenKind::Punct || doc.text_of(t.span) == "'")).collect();
        let text = |t: usize| doc.tokens.get(t).map_or("", |t| doc.text_of(t.span));
        let lower = tokens.iter().map(|&t| lowercase(text(t))).collect();
        let capitalized = tokens.iter().map(|&t| text(t).starts_with(char::is_uppercase)).collect();
        let spans = tokens.iter().map(|&t| doc.tokens.get(t).map_or(Span::default(), |t| t.span)).collect();
        Words { lower, capitalized, spans }
    }

    fn readings(&self) -> (Vec<&str>, Vec<Reading>) {
        let words: Vec<&str> = self.lower.iter().map(|w| w.as_ref()).collect();
        let readings = (0..words.len()).map(|i| cues::reading(&words, &self.capitalized, i)).collect();
        (words, readings)
    }
}

/// One candidate word offered to the trainer: its text, its features, and whether the
/// lexicon makes it a hedge whatever the model says.
pub struct Example {
    pub word: String,
    pub features: Vec<String>,
    pub lexical: bool,
}

/// For the trainer: the candidate words of every sentence of the analysed paragraphs, with
/// their features, exactly as the stage computes them; `keep` chooses words outside the
/// lexicon.
pub fn sentence_examples(doc: &Document, keep: &dyn Fn(&str) -> bool) -> Vec<Vec<Example>> {
    doc.sentences
        .iter()
        .filter(|s| is_analysed(doc, s))
        .map(|s| {
            let words = Words::new(doc, s.tokens.clone());
            let (ws, readings) = words.readings();
            let mut out = Vec::new();
            for i in 0..ws.len() {
                if readings[i] != Reading::None || keep(ws[i]) {
                    let mut f = Features::default();
                    model::features(&ws, &words.capitalized, &readings, i, &mut f);
                    let lexical = matches!(readings[i], Reading::Hedge(..));
                    out.push(Example { word: ws[i].to_string(), features: f.iter().map(String::from).collect(), lexical });
                }
            }
            out
        })
        .collect()
}

/// True for sentences of the title and the body.
fn is_analysed(doc: &Document, s: &Sentence) -> bool {
    doc.paragraphs.get(s.paragraph).is_some_and(|p| matches!(p.kind, BlockKind::Title | BlockKind::Body))
}

/// The hedges of one sentence.
fn sentence_hedges(words: &Words, out: &mut Vec<Hedge>) {
    let model = model::Model::get();
    let (ws, readings) = words.readings();
    let mut features = Features::default();
    let mut covered_until = 0;
    for i in 0..ws.len() {
        if i < covered_until || !model.is_candidate(ws[i], readings[i]) {
            continue;
        }
        model::features(&ws, &words.capitalized, &readings, i, &mut features);
        let learned = model.probability(&features) >= THRESHOLD;
        let (len, kind) = match readings[i] {
            Reading::Hedge(len, kind) => (len, kind),
            Reading::None if learned => (1, HedgeKind::Vague),
            _ => continue,
        };
        let last = (i + len).min(ws.len()) - 1;
        out.push(Hedge { span: Span::new(words.spans[i].start, words.spans[last].end), kind });
        covered_until = i + len;
    }
}

pub(crate) fn run(doc: &mut Document) {
    let mut hedges = Vec::new();
    let mut certainty = vec![Certainty::High; doc.sentences.len()];
    let (mut hedged, mut body) = (0, 0);
    for (i, s) in doc.sentences.iter().enumerate() {
        if !is_analysed(doc, s) {
            continue;
        }
        let before = hedges.len();
        sentence_hedges(&Words::new(doc, s.tokens.clone()), &mut hedges);
        let firm = hedges.get(before..).unwrap_or_default().iter().filter(|h| h.kind != HedgeKind::Vague).count();
        let level = match firm {
            0 => Certainty::High,
            1 => Certainty::Medium,
            _ => Certainty::Low,
        };
        certainty[i] = level;
        if doc.in_body(s) {
            body += 1;
            hedged += usize::from(level != Certainty::High);
        }
    }
    let share = if body == 0 { 0.0 } else { (hedged as f64 / body as f64 * 1000.0).round() / 1000.0 };
    doc.hedges = hedges;
    doc.certainty = certainty;
    doc.hedging = Hedging { hedged_sentences: hedged, sentences: body, share };
}
