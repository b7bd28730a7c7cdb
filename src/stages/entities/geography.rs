//! Names of seas, gulfs, peninsulas, mountains and other natural features: a run of
//! capitalised words before a capitalised feature noun ("the Korean Peninsula", "the South
//! China Sea") or after one and "of" ("the Gulf of Mexico", "the Sea of Japan") is a place.
//! The tagger, trained on news that names such places rarely, may miss them or tag the
//! feature noun alone.
//!
//! Input: the document (tokens with their parts of speech, sentences) and the entity stage's
//! mentions in text order; the feature nouns of `src/lexicon/geographic-features.txt`.
//! Output: the mentions with each such name added as a place, the people, organisations and
//! places inside it absorbed. A name that a longer mention reaches beyond ("Korean Peninsula
//! Energy Development Organization") is left to that mention, and one that is, or follows, a
//! person's name to the person ("Mike Lake"); headlines, which capitalise every word
//! ("Rising Sea Levels"), are not read.

use super::headlines::{gazetteer_knows, is_headline};
use super::{kind_is_named, Mention};
use crate::doc::{Document, EntityKind, Span, TokenKind, Upos};
use crate::lexicon::{cached, WordList};
use std::ops::Range;
use std::sync::OnceLock;

/// The longest run of capitalised words taken with a feature noun.
const MAX_WORDS: usize = 4;

fn is_feature_noun(word: &str) -> bool {
    static LIST: OnceLock<WordList> = OnceLock::new();
    cached(&LIST, include_str!("../../lexicon/geographic-features.txt")).contains(word)
}

/// A capitalised word that can be part of a place's name: not a determiner or pronoun ("The
/// Gulf"), which a sentence's first word may be.
fn name_word(doc: &Document, t: usize) -> bool {
    doc.tokens.get(t).is_some_and(|tok| {
        tok.kind == TokenKind::Word
            && doc.text_of(tok.span).starts_with(char::is_uppercase)
            && !matches!(tok.pos, Some(Upos::Det | Upos::Pron | Upos::Adp | Upos::Cconj | Upos::Sconj))
    })
}

fn word_is(doc: &Document, t: usize, want: &str) -> bool {
    doc.tokens.get(t).is_some_and(|tok| doc.text_of(tok.span) == want)
}

/// The token range of the name around the feature noun at `t`, if any.
fn name_at(doc: &Document, sentence: &Range<usize>, t: usize) -> Option<Range<usize>> {
    // "Gulf of Mexico": the feature noun, "of" and a run of capitalised words after it.
    if word_is(doc, t + 1, "of") {
        let after = (t + 2..sentence.end.min(t + 2 + MAX_WORDS)).take_while(|&u| name_word(doc, u)).count();
        if after > 0 && (t + 2 + after >= sentence.end || !name_word(doc, t + 2 + after)) {
            return Some(t..t + 2 + after);
        }
    }
    // "Korean Peninsula": a run of capitalised words before it, and none after it; not a
    // first name ("Mike Lake": a surname).
    let before = (sentence.start.max(t.saturating_sub(MAX_WORDS))..t).rev().take_while(|&u| name_word(doc, u)).count();
    let first = t - before;
    let longer = (first > sentence.start && name_word(doc, first - 1)) || (t + 1 < sentence.end && name_word(doc, t + 1));
    let person = before == 1 && doc.tokens.get(first).is_some_and(|tok| gazetteer_knows(doc.text_of(tok.span), &["FIRST"]));
    (before > 0 && !longer && !person).then_some(first..t + 1)
}

/// How far before a name [`overlapping`] looks for a mention that starts earlier and reaches
/// into it (mentions rarely overlap one another, so one or two would do).
const LOOK_BACK: usize = 4;

/// The indices of the mentions (in text order) that may overlap `span`: those starting inside
/// it and the few just before it. A binary search and a bounded walk: linear in all.
fn overlapping(found: &[Mention], span: Span) -> std::ops::Range<usize> {
    let first = found.partition_point(|m| m.span.start < span.start);
    let last = found.partition_point(|m| m.span.start < span.end);
    first.saturating_sub(LOOK_BACK)..last
}

/// The mentions with the names of natural features added (see the module comment).
pub(crate) fn add_names(doc: &Document, found: Vec<Mention>) -> Vec<Mention> {
    let mut names: Vec<Span> = Vec::new();
    for sentence in &doc.sentences {
        let tokens = sentence.tokens.clone();
        // Whether the sentence is a headline is asked only once it has a feature noun.
        let mut headline = None;
        let mut t = tokens.start;
        while t < tokens.end {
            let feature = doc.tokens.get(t).is_some_and(|tok| tok.kind == TokenKind::Word && is_feature_noun(doc.text_of(tok.span)));
            let read = feature && !*headline.get_or_insert_with(|| is_headline(doc, tokens.clone()));
            match if read { name_at(doc, &tokens, t) } else { None } {
                Some(r) => {
                    let (Some(first), Some(last)) = (doc.tokens.get(r.start), doc.tokens.get(r.end - 1)) else { break };
                    names.push(Span::new(first.span.start, last.span.end));
                    t = r.end;
                }
                None => t += 1,
            }
        }
    }
    if names.is_empty() {
        return found;
    }
    // A name that a mention reaches beyond belongs to that mention; one tagged whole as a
    // person ("Mike Lake") is a person's. Mentions inside a kept name are absorbed.
    let mut absorbed = vec![false; found.len()];
    names.retain(|n| {
        let near = overlapping(&found, *n);
        let owned = near.clone().filter_map(|i| found.get(i)).any(|m| {
            m.span.overlaps(*n) && (m.span.start < n.start || m.span.end > n.end || (m.kind == EntityKind::Person && m.span == *n))
        });
        if !owned {
            for i in near.filter(|&i| found.get(i).is_some_and(|m| kind_is_named(m.kind) && m.span.overlaps(*n))) {
                absorbed[i] = true;
            }
        }
        !owned
    });
    let mut out: Vec<Mention> = found.into_iter().zip(absorbed).filter(|(_, gone)| !gone).map(|(m, _)| m).collect();
    out.extend(names.into_iter().map(|span| Mention { span, kind: EntityKind::Location, value: None }));
    out.sort_by_key(|m| m.span);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline;

    fn places(text: &str) -> Vec<String> {
        let doc = pipeline::run(text);
        doc.entities.iter().filter(|e| e.kind == EntityKind::Location).map(|e| e.name.clone()).collect()
    }

    #[test]
    fn finds_natural_features() {
        let cases = [
            ("Talks stalled on denuclearizing the Korean Peninsula.", "Korean Peninsula"),
            ("Ships crossed the Gulf of Mexico before the storm.", "Gulf of Mexico"),
            ("The South China Sea is disputed by several states.", "South China Sea"),
            ("Climbers returned from the Rocky Mountains on Sunday.", "Rocky Mountains"),
        ];
        for (text, want) in cases {
            assert!(places(text).iter().any(|p| p == want), "{want} in {:?}", places(text));
        }
    }

    #[test]
    fn leaves_other_words_alone() {
        let cases = [
            // Lower-case feature nouns, a feature noun alone, and a headline's capitals.
            ("The sea of troubles rose, and the peninsula was quiet.", "sea"),
            ("The Sea was calm.", "Sea"),
            ("Rising Sea Levels Threaten Coastal Towns", "Rising Sea"),
        ];
        for (text, not) in cases {
            let found = places(text);
            assert!(!found.iter().any(|p| p.contains(not)), "{not} in {found:?}");
        }
    }

    #[test]
    fn a_person_keeps_a_surname_that_names_a_feature() {
        let doc = pipeline::run("The minister, Mike Lake, said the budget would pass.");
        assert!(!doc.entities.iter().any(|e| e.kind == EntityKind::Location), "{:?}", doc.entities);
    }

    #[test]
    fn a_longer_name_keeps_its_mention() {
        let doc = pipeline::run("He met officials of the Korean Peninsula Energy Development Organization in Seoul.");
        assert!(!doc.entities.iter().any(|e| e.name == "Korean Peninsula"), "{:?}", doc.entities);
    }
}
