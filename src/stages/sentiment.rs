//! Sentiment stage: the tone of each sentence and of the article, and its loaded language.
//!
//! Reads: text, tokens, sentences, paragraphs (their kinds), stats, entities. Writes: `sentiment`:
//! - `sentences`: a compound in [-1, 1] per sentence;
//! - `document`: the compound of the title, headings and body (or, when there are none, of the other text),
//!   normalised to a passage length so that it does not grow with the length of the text, and
//!   the positive / negative / neutral shares of its words' tone;
//! - `loaded`: sensational, emotional and subjective wording outside boilerplate, with its
//!   rate per 1,000 words;
//! - the `sentiment` of each entity: the mean tone of the sentences that mention it.
//!
//! How: `terms` reads the tokens of a sentence, `rules` finds the sentiment words and what
//! modifies them (negation, degree words, capitals, contrast, irrealis, idioms, news vocabulary),
//! `score` weighs that evidence with the fitted constants. Word lists live in `src/lexicon/`
//! (`lexicon` loads them); `training` exposes the evidence to `src/bin/train-sentiment.rs`.

mod lexicon;
mod rules;
mod score;
mod terms;
pub mod training;

use crate::doc::{BlockKind, Document, Sentence, Sentiment};
use lexicon::Lexicon;
use rules::{Evidence, Reader};
use score::Params;

/// How much a sentence counts for the document's tone: the article's own words first (title,
/// headings and body: a headline's tone is the article's), then bylines and datelines, then
/// boilerplate; the document is scored on the best class present.
fn class(doc: &Document, sentence: &Sentence) -> u8 {
    match doc.paragraphs.get(sentence.paragraph).map(|p| p.kind) {
        Some(BlockKind::Body | BlockKind::Title | BlockKind::Heading) => 0,
        Some(BlockKind::Boilerplate(_)) => 2,
        _ => 1,
    }
}

/// The evidence of every sentence, with its class.
fn read_sentences<'a>(doc: &'a Document, loaded: &'a mut Vec<crate::doc::Loaded>) -> impl Iterator<Item = (Evidence, u8)> + 'a {
    let lex = Lexicon::get_or_init();
    let mut reader = Reader::default();
    doc.sentences.iter().map(move |s| {
        let tokens = doc.tokens.get(s.tokens.clone()).unwrap_or_default();
        let class = class(doc, s);
        let before = loaded.len();
        let evidence = reader.read(doc.text, tokens, lex, loaded);
        if class == 2 {
            loaded.truncate(before);
        }
        (evidence, class)
    })
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// One sentence as the document's tone sees it.
struct Scored {
    raw: f64,
    /// Sums of the positive and negative contributions, and the count of neutral words.
    positive: f64,
    negative: f64,
    neutral: f64,
    words: u32,
    class: u8,
}

fn scored(evidence: &Evidence, class: u8, p: &Params) -> Scored {
    let (mut positive, mut negative) = (0.0, 0.0);
    for c in score::contributions(evidence, p) {
        positive += c.max(0.0);
        negative += (-c).max(0.0);
    }
    let hits = u32::try_from(evidence.hits.len()).unwrap_or(u32::MAX);
    let neutral = f64::from(evidence.words.saturating_sub(hits));
    Scored { raw: score::sentence_raw(evidence, p), positive, negative, neutral, words: evidence.words, class }
}

pub(crate) fn run(doc: &mut Document) {
    let p = Params::current();
    let mut loaded = Vec::new();
    let scored: Vec<Scored> = read_sentences(doc, &mut loaded).map(|(e, class)| scored(&e, class, p)).collect();
    let best = scored.iter().map(|s| s.class).min().unwrap_or(0);
    let chosen = || scored.iter().filter(|s| s.class == best);
    let raws: Vec<f64> = chosen().map(|s| s.raw).collect();
    let positive: f64 = chosen().map(|s| s.positive).sum();
    let negative: f64 = chosen().map(|s| s.negative).sum();
    let neutral: f64 = chosen().map(|s| s.neutral).sum();
    let mass = positive + negative + neutral;
    let share = |x: f64| if mass > 0.0 { round4(x / mass) } else { 0.0 };
    let text_words: u32 = scored.iter().filter(|s| s.class < 2).map(|s| s.words).sum();
    let per_thousand = if text_words > 0 { loaded.len() as f64 * 1000.0 / f64::from(text_words) } else { 0.0 };
    doc.sentiment.document = Sentiment {
        compound: round4(score::document(&raws, p)),
        positive: share(positive),
        negative: share(negative),
        neutral: if mass > 0.0 { share(neutral) } else { 1.0 },
        loaded_per_thousand_words: (per_thousand * 10.0).round() / 10.0,
    };
    doc.sentiment.sentences = scored.iter().map(|s| round4(score::compound(s.raw, p))).collect();
    doc.sentiment.loaded = loaded;
    entity_tone(doc);
}

/// Sets each entity's tone: the mean compound of the distinct sentences that mention it.
/// Mentions and sentences are both in text order, so each lookup is a binary search.
fn entity_tone(doc: &mut Document) {
    let (sentences, tones) = (&doc.sentences, &doc.sentiment.sentences);
    for entity in &mut doc.entities {
        let mut seen: Vec<usize> = entity
            .mentions
            .iter()
            .filter_map(|m| {
                let i = sentences.partition_point(|s| s.span.end <= m.start);
                sentences.get(i).is_some_and(|s| s.span.start <= m.start).then_some(i)
            })
            .collect();
        seen.dedup();
        let found: Vec<f64> = seen.iter().filter_map(|&i| tones.get(i).copied()).collect();
        entity.sentiment = (!found.is_empty()).then(|| round4(found.iter().sum::<f64>() / found.len() as f64));
    }
}
