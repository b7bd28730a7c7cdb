//! Names in title-case headlines, where every word is capitalised and the tagger may take a
//! verb for part of a name ("Zelenskyy Denounces", "to Stabilize Domestic Prices").
//!
//! Input: the document (tokens, sentences) and the mentions found, in text order. Output:
//! the same mentions, where a sentence is a title-case headline, with the headline verbs at
//! the end of a name trimmed off (a name left empty is dropped), and ordinary words that
//! only the headline capitalises left out ("Meets Mayor", "Defences"). A headline verb is a word,
//! or when unknown its stem ("denounce" for "Denounces", the British "stabilise" for
//! "Stabilize"), that the unlabelled text of the word classes (`tagger::clusters`) almost
//! never capitalises inside a sentence and puts in a class of mostly verbs, and that the
//! POS lexicon does not know as a noun (so "Times" stays in "New York Times"). A one-word
//! organisation name left in front of the trimmed word, unknown to the gazetteer as an
//! organisation or place, is the headline's subject: a person ("Zelenskyy").

use super::Mention;
use crate::doc::{Document, EntityKind, Span, TokenKind};
use crate::hash::FastSet;
use crate::tagger::features::lower_hash;
use crate::tagger::{clusters, ner, pos};
use std::sync::OnceLock;

/// Fewest capitalised words of a title-case headline.
const MIN_WORDS: usize = 3;

/// Fewest words the POS lexicon knows in a word class for it to count as a verb class.
const MIN_CLASS_WORDS: usize = 20;

/// The case class of words that are (almost) never capitalised inside a sentence.
const LOWER_CASE_CLASS: u64 = 2;

/// True when the word is written with a capital and then lower case ("Denounces").
fn title_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// The bit mask of the POS tags named.
fn tag_mask(names: &[&str]) -> u32 {
    pos::TAGS.iter().enumerate().filter(|(_, t)| names.contains(t)).fold(0, |m, (i, _)| m | 1 << i)
}

/// The coarse word classes made mostly of verbs, as a bit mask over class values: classes
/// where at least half of the words the POS lexicon knows are verbs and never nouns,
/// adjectives or names.
fn verb_classes() -> u64 {
    static CLASSES: OnceLock<u64> = OnceLock::new();
    *CLASSES.get_or_init(|| {
        let (verb, other) = (tag_mask(&["VERB"]), tag_mask(&["NOUN", "PROPN", "ADJ"]));
        let mut counts = [(0usize, 0usize); 64];
        for (word, tags) in pos::lexicon() {
            let class = clusters::table().get(word).map(|c| c[0]);
            if let Some(c) = class.and_then(|c| usize::try_from(c).ok()).and_then(|c| counts.get_mut(c)) {
                c.0 += 1;
                c.1 += usize::from(tags & verb != 0 && tags & other == 0);
            }
        }
        counts.iter().enumerate().filter(|(_, &(all, verbs))| all >= MIN_CLASS_WORDS && 2 * verbs >= all).fold(0, |m, (c, _)| m | 1 << c)
    })
}

/// True when the word classes know `word` as a verb almost never capitalised inside a
/// sentence; `None` when they do not know it.
fn lower_case_verb(word: &str) -> Option<bool> {
    let classes = clusters::table().get(&lower_hash(word))?;
    Some(classes[2] == LOWER_CASE_CLASS && classes[0] < 64 && verb_classes() >> classes[0] & 1 == 1)
}

/// True for a verb written with a capital only because of headline style: the word itself,
/// or when the word classes do not know it, its stem ("denounce" for "Denounces", the
/// British "stabilise" for "Stabilize"); never a word the POS lexicon knows as a noun.
fn common_word(word: &str) -> bool {
    if !title_case(word) {
        return false;
    }
    let lower = word.to_lowercase();
    if pos::lexicon().get(&lower_hash(&lower)).is_some_and(|tags| tags & tag_mask(&["NOUN", "PROPN"]) != 0) {
        return false;
    }
    if let Some(known) = lower_case_verb(&lower) {
        return known;
    }
    let stems = [
        lower.strip_suffix("es").map(str::to_string),
        lower.strip_suffix('s').map(str::to_string),
        lower.strip_suffix("ize").map(|s| format!("{s}ise")),
        lower.strip_suffix("izes").map(|s| format!("{s}ise")),
    ];
    stems.into_iter().flatten().any(|s| s.len() > 2 && lower_case_verb(&s) == Some(true))
}

/// True when most words of the token range (of two letters or more) are capitalised in
/// title case.
pub(super) fn is_headline(doc: &Document, tokens: std::ops::Range<usize>) -> bool {
    let words: Vec<&str> = doc
        .tokens
        .get(tokens)
        .unwrap_or_default()
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| doc.text_of(t.span))
        // One letter ("A", "I") tells nothing about the style.
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).nth(1).is_some())
        .collect();
    let capitalised = words.iter().filter(|w| title_case(w)).count();
    capitalised >= MIN_WORDS && capitalised * 3 >= words.len() * 2
}

/// True when the gazetteer knows the name (its words) in one of `classes` (of
/// `ner::GAZ_CLASSES`).
pub(super) fn gazetteer_knows(name: &str, classes: &[&str]) -> bool {
    let mask = ner::gazetteer().get(&ner::text_phrase_key(name.split_whitespace())).copied().unwrap_or(0);
    let bits = ner::GAZ_CLASSES.iter().enumerate().filter(|(_, c)| classes.contains(c)).fold(0u8, |m, (k, _)| m | 1 << k);
    mask & bits != 0
}

/// The gazetteer classes of institutions: organisations and places.
const INSTITUTIONS: [&str; 3] = ["ORG", "LOC", "PLACE"];

/// The gazetteer classes of names (not the lists of first names and surnames, which hold many
/// ordinary words).
const NAMES: [&str; 5] = ["PER", "ORG", "LOC", "MISC", "PLACE"];

/// The words (lower-cased) that the document writes with a capital after the first word
/// of a sentence that is not a headline: its evidence that a word is a name.
fn capitalised_in_running_text(doc: &Document) -> FastSet<String> {
    let mut out = FastSet::default();
    for s in doc.sentences.iter().filter(|s| !is_headline(doc, s.tokens.clone())) {
        let words = doc.tokens.get(s.tokens.clone()).unwrap_or_default().iter().filter(|t| t.kind == TokenKind::Word);
        for t in words.skip(1) {
            let w = doc.text_of(t.span);
            if w.starts_with(char::is_uppercase) {
                out.insert(w.to_lowercase());
            }
        }
    }
    out
}

/// True for an ordinary word: the POS lexicon knows it as something other than a proper
/// noun, or the word classes' unlabelled text almost never capitalises it inside a sentence.
/// A plural or third-person form counts by its stem when only the stem is known
/// ("Defences").
fn ordinary(word: &str) -> bool {
    let known = |w: &str| {
        let lower = lower_hash(w);
        let lexicon = pos::lexicon().get(&lower).map(|&tags| tags & !tag_mask(&["PROPN"]) != 0);
        let classes = clusters::table().get(&lower).map(|c| c[2] == LOWER_CASE_CLASS);
        match (lexicon, classes) {
            (None, None) => None,
            (a, b) => Some(a == Some(true) || b == Some(true)),
        }
    };
    known(word).or_else(|| word.strip_suffix('s').filter(|s| s.len() > 2).and_then(known)).unwrap_or(false)
}

/// Trims headline words off the names of headline sentences (see the module docs). A *weak*
/// word there is an ordinary word (the POS lexicon knows it as something other than a
/// proper noun) that the document never capitalises in running text and the gazetteer does
/// not know as a name: a name made only of weak words is dropped ("Meets Mayor" and
/// "Defences" in "Chancellor Meets Mayor as Flood Defences Stall"), and weak words at its
/// end are trimmed ("Tokyo Braces" in "Tokyo Braces for Storm").
pub(crate) fn repair(doc: &Document, found: Vec<Mention>) -> Vec<Mention> {
    let mut running: Option<FastSet<String>> = None;
    let mut out = Vec::with_capacity(found.len());
    let mut sentence = 0;
    // Whether the current sentence is a headline, computed once per sentence.
    let mut headline: Option<(usize, bool)> = None;
    for mut m in found {
        while doc.sentences.get(sentence).is_some_and(|s| s.span.end <= m.span.start) {
            sentence += 1;
        }
        let named = matches!(m.kind, EntityKind::Person | EntityKind::Organization | EntityKind::Location);
        let Some(s) = doc.sentences.get(sentence).filter(|s| named && s.span.contains(m.span)) else {
            out.push(m);
            continue;
        };
        let is = match headline {
            Some((at, is)) if at == sentence => is,
            _ => is_headline(doc, s.tokens.clone()),
        };
        headline = Some((sentence, is));
        if !is {
            out.push(m);
            continue;
        }
        let first = doc.tokens.partition_point(|t| t.span.start < m.span.start);
        let last = doc.tokens.partition_point(|t| t.span.end <= m.span.end);
        let word = |t: usize| doc.tokens.get(t).map_or("", |tok| doc.text_of(tok.span));
        let running = running.get_or_insert_with(|| capitalised_in_running_text(doc));
        let weak = |t: usize| {
            let w = word(t);
            ordinary(w) && !running.contains(&w.to_lowercase()) && !gazetteer_knows(w, &NAMES)
        };
        let words = (first..last).filter(|&t| doc.tokens.get(t).is_some_and(|tok| tok.kind == TokenKind::Word));
        if gazetteer_knows(doc.text_of(m.span), &NAMES) {
            out.push(m);
            continue;
        }
        if words.clone().all(weak) {
            continue; // ordinary words capitalised by the headline style: not a name
        }
        let a = first;
        let mut b = last;
        while b > a && (common_word(word(b - 1)) || weak(b - 1)) {
            b -= 1;
        }
        if b == last {
            out.push(m);
            continue;
        }
        let (Some(start), Some(end)) = (doc.tokens.get(a).filter(|_| a < b), b.checked_sub(1).and_then(|e| doc.tokens.get(e))) else {
            continue; // nothing but headline words: not a name
        };
        m.span = Span::new(start.span.start, end.span.end);
        let subject = b < last && b - a == 1 && m.kind == EntityKind::Organization;
        if subject && title_case(word(a)) && !gazetteer_knows(doc.text_of(m.span), &INSTITUTIONS) {
            m.kind = EntityKind::Person;
        }
        out.push(m);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_in_headline_style() {
        for hit in ["Denounces", "Stabilize", "Imposes", "Says"] {
            assert!(common_word(hit), "{hit}");
        }
        for miss in ["Times", "Zelenskyy", "Erdogan", "NATO", "says", "Leeds", "Post", "Wells", "Album", "Fabrics", "The", "All"] {
            assert!(!common_word(miss), "{miss}");
        }
    }

    fn repaired(text: &str, tagged: &[(&str, EntityKind)]) -> Vec<(String, EntityKind)> {
        let doc = crate::pipeline::run_before(text, "entities");
        let mut found: Vec<Mention> = tagged
            .iter()
            .filter_map(|&(t, kind)| text.find(t).map(|s| Mention { span: Span::new(s, s + t.len()), kind, value: None }))
            .collect();
        found.sort_by_key(|m| m.span);
        repair(&doc, found).into_iter().map(|m| (doc.text_of(m.span).to_string(), m.kind)).collect()
    }

    #[test]
    fn ordinary_words_capitalised_by_the_headline_are_not_names() {
        use EntityKind::*;
        let text = "Chancellor Meets Mayor as Flood Defences Stall\n\nThe chancellor met the mayor in Leeds.";
        let got = repaired(text, &[("Meets Mayor", Person), ("Defences", Person), ("Leeds", Location)]);
        assert_eq!(got, [("Leeds".to_string(), Location)]);
        let got = repaired("A Glimpse into Past Engagements\n\nThey met.", &[("Engagements", Location)]);
        assert!(got.is_empty(), "{got:?}");
        let got = repaired("Tokyo Flood Warning Issued for Coast", &[("Tokyo Flood", Organization)]);
        assert_eq!(got, [("Tokyo".to_string(), Organization)]);
        // Written with a capital in running text, an ordinary word is evidence of a name.
        let text = "Acme Labs Wins Award Again\n\nStaff at Acme Labs were pleased.";
        let got = repaired(text, &[("Acme Labs", Organization)]);
        assert_eq!(got, [("Acme Labs".to_string(), Organization)]);
    }

    #[test]
    fn trims_headline_verbs_and_keeps_real_names() {
        use EntityKind::*;
        let got = repaired("Okonkwo Denounces Harbour Plan in Address to Ghana's Parliament", &[("Okonkwo Denounces", Organization), ("Ghana", Location)]);
        assert_eq!(got, [("Okonkwo".to_string(), Person), ("Ghana".to_string(), Location)]);
        let got = repaired("Ministry Acts to Stabilize Domestic Prices", &[("Stabilize", Organization)]);
        assert!(got.is_empty(), "{got:?}");
        let got = repaired("Will Smith Returns to Leeds", &[("Will Smith", Person)]);
        assert_eq!(got, [("Will Smith".to_string(), Person)]);
        // Not a headline: left alone.
        let got = repaired("The firm said Acme Says was a brand name.", &[("Acme Says", Organization)]);
        assert_eq!(got, [("Acme Says".to_string(), Organization)]);
        // A noun stays part of a name.
        let got = repaired("New York Times Wins Prize", &[("New York Times", Organization)]);
        assert_eq!(got, [("New York Times".to_string(), Organization)]);
    }
}
