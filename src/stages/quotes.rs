//! Quotes stage: every attribution of words or claims to a source — direct quotes, partial
//! quotes and reported speech — with its content, source, cue and resolved speaker.
//!
//! Reads: paragraphs (title and body only), tokens, sentences, entities. Writes: `quotes`,
//! ordered by cue. Steps, each in its own submodule: pair quotation marks (`marks`), view the
//! tokens (`view`), score candidate cue words with a trained model (`cues`), find the source
//! and content around each cue (`roles`), resolve sources to earlier names (`speaker`), link
//! speakers to entities (`entity_link`). A quotation that no cue claims but that follows an
//! attributed quotation continues it; two cues that yield the same content ("laughed and
//! said") make one quote.

mod cues;
mod entity_link;
mod features;
mod lexicon;
mod marks;
mod roles;
mod speaker;
mod view;



pub(crate) use features::Features;
pub(crate) use lexicon::{lowercase, sources as source_lexicon, Lexicon};

use crate::doc::{Document, Quote, Upos};
use roles::Attribution;
use crate::hash::FastMap;
use view::{analysed, View};

/// Items for the cue trainer (`src/bin/train-quote-cues.rs`), through `internals`.
pub mod training {
    pub use super::cues::{examples, is_lexical_cue, is_skippable, Example, WORD_FEATURE};
}

/// Probability above which a candidate heads a cue: the best cue F1 on a held-out tenth of
/// the train split (`train-quote-cues --holdout`).
const THRESHOLD: f32 = 0.4;

/// Every attribution of the analysed sentences, with the probability of its cue.
fn attributions(view: &View) -> Vec<(Attribution, f32)> {
    let doc = view.doc;
    let model = cues::Model::get();
    let mut features = Features::default();
    let mut found: Vec<(Attribution, f32)> = Vec::new();
    let mut by_content: FastMap<(usize, usize), usize> = FastMap::default();
    for sentence in doc.sentences.iter().filter(|s| doc.paragraphs.get(s.paragraph).is_some_and(|p| analysed(p.kind))) {
        for token in sentence.tokens.clone() {
            if !model.is_candidate(view.word(token)) || is_reduced_passive(view, token) {
                continue;
            }
            cues::features(view, token, &mut features);
            let p = model.probability(&features);
            let Some(a) = (p >= THRESHOLD).then(|| roles::attribute(view, token)).flatten() else { continue };
            match by_content.get(&(a.content.start, a.content.end)) {
                Some(&i) if found[i].1 >= p => {}
                Some(&i) => found[i] = (a, p),
                None => {
                    by_content.insert((a.content.start, a.content.end), found.len());
                    found.push((a, p));
                }
            }
        }
    }
    separate(view.doc.text, &mut found);
    found.extend(signed(view, &found).into_iter().map(|a| (a, 1.0)));
    found
}

/// True for a participle that modifies the noun before it, its agent after "by" ("a market
/// already rattled by falling prices"): no one speaks there. A passive with its auxiliary
/// ("was told by aides that …") stays a candidate.
fn is_reduced_passive(view: &View, token: usize) -> bool {
    let auxiliary = |t: usize| matches!(view.word(t), "was" | "were" | "is" | "are" | "be" | "been" | "being" | "am" | "got" | "gets");
    let adverb = |t: usize| view.doc.tokens.get(t).is_some_and(|t| t.pos == Some(Upos::Adv));
    let mut before = token;
    while before > 0 && adverb(before - 1) {
        before -= 1;
    }
    view.word(token + 1) == "by" && view.word(token).ends_with("ed") && !before.checked_sub(1).is_some_and(auxiliary)
}

/// Ends a reported content where a coordinated attribution with a new source begins ("X
/// said that A, and a report found that B": A stops before "and a report"). An attribution
/// embedded in the content ("X says that Y called Z") or with a pronoun source ("X says A,
/// but she knows B") usually belongs to the same speech, which stays whole. `found` is in
/// cue order.
fn separate(text: &str, found: &mut [(Attribution, f32)]) {
    for i in 1..found.len() {
        let next = &found[i].0;
        let Some(source) = next.source.filter(|s| !is_pronoun(&text[s.start..s.end])) else { continue };
        let left = source.start.min(next.cue.start);
        let a = &mut found[i - 1].0;
        if a.direct || left < a.cue.end || left <= a.content.start || a.content.end <= left {
            continue;
        }
        let before = text[a.content.start..left].trim_end();
        let unlinked = ["and", "but", "while", "whereas"].iter().find_map(|w| before.strip_suffix(w).filter(|b| b.ends_with(char::is_whitespace)));
        let kept = unlinked.unwrap_or(before).trim_end();
        let coordinated = unlinked.is_some() || kept.ends_with([',', ';', '\u{2014}']);
        let kept = kept.trim_end_matches([',', ';', '\u{2014}', ' ']);
        if coordinated && !kept.is_empty() {
            a.content.end = a.content.start + kept.len();
        }
    }
}

fn is_pronoun(word: &str) -> bool {
    ["he", "she", "they", "it", "i", "we", "you", "who", "which", "that"].iter().any(|p| word.eq_ignore_ascii_case(p))
}

/// Attributions of quotations that no cue claimed but that a dash signs (`“…” ― Name`).
fn signed(view: &View, found: &[(Attribution, f32)]) -> Vec<Attribution> {
    let mut contents: Vec<(usize, usize)> = found.iter().map(|(a, _)| (a.content.start, a.content.end)).collect();
    contents.sort_unstable();
    let mut next = 0;
    let mut claimed_until = 0;
    let mut out = Vec::new();
    // Top-level quotations do not overlap, so their ends ascend with their starts.
    for q in view.quotations.iter().filter(|q| q.closed) {
        while let Some(&(_, end)) = contents.get(next).filter(|c| c.0 < q.span.end) {
            claimed_until = claimed_until.max(end);
            next += 1;
        }
        if claimed_until <= q.span.start {
            out.extend(roles::signed(view, q.span));
        }
    }
    out
}

pub(crate) fn run(doc: &mut Document) {
    let mut quotes: Vec<Quote> = {
        let view = View::new(doc);
        let found = attributions(&view);
        let sources: Vec<Option<(usize, usize)>> = found.iter().map(|(a, _)| a.source_tokens).collect();
        let speakers = speaker::resolve(&view, &sources);
        found
            .into_iter()
            .zip(speakers)
            .map(|((a, _), speaker)| Quote { content: a.content, source: a.source, cue: Some(a.cue), direct: a.direct, speaker, speaker_entity: None })
            .collect()
    };
    entity_link::link(doc, &mut quotes);
    doc.quotes = quotes;
}
