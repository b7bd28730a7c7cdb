//! Demonyms: adjectives that point at a country without naming it ("Russian", "North
//! Korean").
//!
//! Input: the DEMONYM lines of `src/lexicon/place-names.tsv` (from public data, read by
//! `aliases`), the
//! document's tokens and the spans of the named mentions found. Output: [`find`] gives each
//! capitalised demonym outside those mentions with its country's canonical name; [`link`]
//! records them on the place entity of that country as `demonyms` (never as `mentions`, so
//! they do not count as names of the place), when the text names the place.

use super::aliases;
use crate::doc::{Document, Entity, EntityKind, Span, TokenKind};

/// A demonym found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Demonym {
    pub span: Span,
    /// The canonical name of its country ("North Korea").
    pub country: &'static str,
}

/// Longest demonym in tokens ("Papua New Guinean").
const MAX_TOKENS: usize = 3;

/// The demonyms of the text outside `named` (spans in text order, not overlapping), in
/// text order. A demonym is written as listed, words separated by single spaces.
pub(crate) fn find(doc: &Document, named: &[Span]) -> Vec<Demonym> {
    let tokens = &doc.tokens;
    let mut out = Vec::new();
    let mut next = 0;
    let mut t = 0;
    while t < tokens.len() {
        let start = tokens[t].span.start;
        while named.get(next).is_some_and(|s| s.end <= start) {
            next += 1;
        }
        let word = |k: usize| tokens.get(k).is_some_and(|tok| tok.kind == TokenKind::Word);
        if !doc.text_of(tokens[t].span).starts_with(char::is_uppercase) {
            t += 1;
            continue;
        }
        let hit = (1..=MAX_TOKENS).rev().filter(|&n| (t..t + n).all(word)).find_map(|n| {
            let span = Span::new(start, tokens[t + n - 1].span.end);
            let country = aliases::demonym_country(doc.text_of(span))?;
            let free = !named.get(next).is_some_and(|s| s.overlaps(span));
            free.then_some((n, Demonym { span, country }))
        });
        match hit {
            Some((n, d)) => {
                out.push(d);
                t += n;
            }
            None => t += 1,
        }
    }
    out
}

/// Records each demonym on the place entity of its country, when there is one.
pub(crate) fn link(demonyms: &[Demonym], entities: &mut [Entity]) {
    // Country → its first place entity (at most one entry per listed country).
    let mut places: Vec<(&'static str, usize)> = Vec::new();
    for (i, e) in entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Location) {
        if let Some(c) = aliases::canonical(&e.name).filter(|c| !places.iter().any(|(p, _)| *p == c.name)) {
            places.push((c.name, i));
        }
    }
    for d in demonyms {
        let at = places.iter().find(|(p, _)| *p == d.country);
        if let Some(e) = at.and_then(|&(_, i)| entities.get_mut(i)) {
            e.demonyms.push(d.span);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, named: &[&str]) -> Vec<(String, &'static str)> {
        let doc = crate::pipeline::run_before(text, "entities");
        let mut spans: Vec<Span> = named.iter().filter_map(|n| text.find(n).map(|s| Span::new(s, s + n.len()))).collect();
        spans.sort();
        find(&doc, &spans).into_iter().map(|d| (doc.text_of(d.span).to_string(), d.country)).collect()
    }

    #[test]
    fn hits_and_misses() {
        let got = found("The North Korean leader met Russian and British envoys at the Russian Embassy.", &["Russian Embassy"]);
        let want = [("North Korean", "North Korea"), ("Russian", "Russia"), ("British", "United Kingdom")];
        assert_eq!(got, want.map(|(a, b)| (a.to_string(), b)));
        assert_eq!(found("Turkish officials and American diplomats met.", &[]).len(), 2);
        for miss in ["the russian word in lower case", "A Korean dish", "North Korea", "Russia said no."] {
            assert!(found(miss, &[]).is_empty(), "{miss}");
        }
    }

    #[test]
    fn links_to_the_place_named_in_the_text_only() {
        let mut russia = Entity::new("Russia", EntityKind::Location);
        russia.mentions.push(Span::new(0, 6));
        let mut korea = Entity::new("DPRK", EntityKind::Location);
        korea.mentions.push(Span::new(10, 14));
        let mut entities = vec![russia, korea, Entity::new("Russian", EntityKind::Person)];
        let demonyms = [
            Demonym { span: Span::new(20, 27), country: "Russia" },
            Demonym { span: Span::new(30, 42), country: "North Korea" },
            Demonym { span: Span::new(50, 57), country: "Turkey" },
        ];
        link(&demonyms, &mut entities);
        let got: Vec<usize> = entities.iter().map(|e| e.demonyms.len()).collect();
        assert_eq!(got, [1, 1, 0]);
        assert!(entities.iter().all(|e| e.mentions.len() <= 1));
    }
}
