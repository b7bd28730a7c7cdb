//! Links each quote's speaker to the entity of the entity stage that it is.
//!
//! Input: the document's entities (people, organisations, places and their mentions) and
//! the quotes with the speaker spans that `speaker` resolved. Output: each quote's
//! `speaker_entity` (an index into `Document::entities`), and a speaker where `speaker` found
//! none but the entities tell who it is:
//! - a speaker span overlapping a mention is that mention's entity (a person first), so
//!   "Putin" links to the entity "Vladimir Putin";
//! - else a source holding a person mention, or ending with the name of an organisation or
//!   place ("the BBC", not "an unnamed US official"), is that entity;
//! - else a source "he" or "she" is the person mentioned last before it.

use crate::doc::{Document, EntityKind, Quote, Span};

/// A named mention and its entity.
#[derive(Clone, Copy)]
struct Named {
    span: Span,
    entity: usize,
    person: bool,
}

/// The named mentions of the document, by start.
fn named(doc: &Document) -> Vec<Named> {
    // Sorted as plain (start, end, entity) triples, as the speaker module sorts its sources.
    let mut spans: Vec<(usize, usize, usize)> = doc
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| matches!(e.kind, EntityKind::Person | EntityKind::Organization | EntityKind::Location))
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.start, m.end, i)))
        .collect();
    spans.sort_unstable();
    let person = |i: usize| doc.entities.get(i).is_some_and(|e| e.kind == EntityKind::Person);
    spans.into_iter().map(|(start, end, entity)| Named { span: Span::new(start, end), entity, person: person(entity) }).collect()
}

/// The mentions overlapping `span`.
fn overlapping(named: &[Named], span: Span) -> &[Named] {
    let a = named.partition_point(|n| n.span.end <= span.start);
    let b = a + named.get(a..).unwrap_or_default().iter().take_while(|n| n.span.start < span.end).count();
    named.get(a..b).unwrap_or_default()
}

/// The mention a speaker span names: a person's first.
fn of_speaker(named: &[Named], span: Span) -> Option<Named> {
    let found = overlapping(named, span);
    found.iter().find(|n| n.person).or(found.first()).copied()
}

/// The mention a source names: a person inside it, or a name that ends it.
fn of_source(doc: &Document, named: &[Named], source: Span) -> Option<Named> {
    let found = overlapping(named, source);
    let ends = |n: &&Named| doc.text.get(n.span.end..source.end).is_some_and(|rest| rest.trim().is_empty());
    found.iter().find(|n| n.person).or_else(|| found.iter().rev().find(ends)).copied()
}

/// Per named mention (by start), the index of the last person mention up to it.
fn last_people(named: &[Named]) -> Vec<Option<usize>> {
    let mut last = None;
    named
        .iter()
        .enumerate()
        .map(|(i, n)| {
            if n.person {
                last = Some(i);
            }
            last
        })
        .collect()
}

/// The person mentioned last before `at` (`people` from [`last_people`]).
fn last_person(named: &[Named], people: &[Option<usize>], at: usize) -> Option<Named> {
    let before = named.partition_point(|n| n.span.start < at);
    let i = before.checked_sub(1).and_then(|b| people.get(b).copied().flatten())?;
    named.get(i).filter(|n| n.span.end <= at).copied()
}

/// Sets every quote's speaker entity (see the module docs).
pub(crate) fn link(doc: &Document, quotes: &mut [Quote]) {
    let named = named(doc);
    if named.is_empty() {
        return;
    }
    let people = last_people(&named);
    for q in quotes {
        let found = match (q.speaker, q.source) {
            (Some(speaker), _) => of_speaker(&named, speaker),
            (None, Some(source)) => {
                let pronoun = matches!(doc.text_of(source).to_lowercase().as_str(), "he" | "she");
                if pronoun {
                    last_person(&named, &people, source.start)
                } else {
                    of_source(doc, &named, source)
                }
            }
            (None, None) => None,
        };
        if let Some(n) = found {
            q.speaker_entity = Some(n.entity);
            q.speaker.get_or_insert(n.span);
        }
    }
}

#[cfg(test)]
mod tests {
    /// (source text, speaker text, speaker entity name) of each quote of `text`.
    fn speakers(text: &str) -> Vec<(Option<String>, Option<String>, Option<String>)> {
        let doc = crate::pipeline::run(text);
        doc.quotes
            .iter()
            .map(|q| {
                let entity = q.speaker_entity.and_then(|i| doc.entities.get(i)).map(|e| e.name.clone());
                (q.source.map(|s| doc.text_of(s).to_string()), q.speaker.map(|s| doc.text_of(s).to_string()), entity)
            })
            .collect()
    }

    fn has(got: &[(Option<String>, Option<String>, Option<String>)], source: &str, entity: Option<&str>) -> bool {
        got.iter().any(|(s, _, e)| s.as_deref() == Some(source) && e.as_deref() == entity)
    }

    #[test]
    fn speakers_link_to_their_entities() {
        let text = "Harbour Safety Board spokesman Daniel Okafor said on Monday that the port would reopen. \
                    \"We expect ships by Friday,\" Okafor said. He added that repairs were \"nearly done\". \
                    The BBC reported that the damage was severe. According to an unnamed British official, \
                    the cost will rise.";
        let got = speakers(text);
        assert!(has(&got, "Harbour Safety Board spokesman Daniel Okafor", Some("Daniel Okafor")), "{got:?}");
        assert!(has(&got, "Okafor", Some("Daniel Okafor")), "{got:?}");
        assert!(has(&got, "He", Some("Daniel Okafor")), "{got:?}");
        assert!(has(&got, "The BBC", Some("BBC")), "{got:?}");
        assert!(has(&got, "an unnamed British official", None), "{got:?}");
    }

    #[test]
    fn a_pronoun_links_to_the_last_person_named() {
        let got = speakers("Shakira thanked the crowd in Madrid on Sunday. She said the tour would go on.");
        assert!(has(&got, "She", Some("Shakira")), "{got:?}");
    }
}
