//! Noun-phrase-shaped candidates for key phrases.
//!
//! Input: a document with tokens, sentences and paragraph kinds. Output: one [`Candidate`]
//! per phrase occurrence in the title and body sentences (never headings, captions or
//! boilerplate), in text order, with its span in the original text and its key: the
//! lowercase singular form of its words, under which variants are later merged.
//!
//! 1. Tokens are grouped into **units**: a word or number with the hyphens, slashes,
//!    ampersands and inner apostrophes glued to it without spaces ("B-52", "O'Hare",
//!    "AT&T"), inner periods and commas of numbers ("3.5", "10,000") and of initials
//!    ("U.S."). So a compound is one unit however the tokenizer split its hyphens. A
//!    possessive ('s) ends its unit and the phrase.
//! 2. Each unit gets a [`Class`]. With part-of-speech tags: NOUN/PROPN → noun, ADJ →
//!    adjective, NUM → number, anything else → boundary. Without tags: stop words, the
//!    verb- or adverb-like words of `keyphrase_nonnominal.txt` and lowercase -ly adverbs
//!    are boundaries; lowercase -ing/-ed verb forms count as adjectives (they may open a
//!    phrase, "crumpled airplane", but never end one); numbers are numbers and every other
//!    word counts as a noun (`keyphrase_nominal_suffixed.txt` lists the -ing/-ed/-ly words
//!    that are nouns or adjectives). Stop words are boundaries either way.
//! 3. Runs of units between boundaries are cut into ADJ* (NOUN|NUM)+ shapes, and also
//!    where a capitalised unit follows a lowercase one ("welfare legislation | Congress"),
//!    so that a name starts its own phrase. Trailing adjectives and numbers are dropped, as
//!    are leading numbers other than years ("1990 census" stays, "14 seats" → "seats").
//! 4. In a headline in title case ("Chile and Argentina Weigh a Shared Lithium Agency")
//!    the capitals say nothing and the tagger reads capitalised words as proper nouns;
//!    such a sentence is tagged again with its usually-lowercase words in lower case, and
//!    its capitalised units take their classes from those tags ("Weigh": a verb).

use super::words::{is_adverb_form, is_nonnominal, is_stopword, is_verb_form, lower, singular, Interner};
use crate::doc::{BlockKind, Document, Span, Token, TokenKind, Upos};
use crate::stages::pos::UPOS;
use crate::tagger::{clusters, features::{flag, Word}, pos as tagger_pos};
use std::borrow::Cow;

/// Candidates longer than this many units are dropped (they are lists, not phrases).
const MAX_UNITS: usize = 5;

/// What a unit can be inside a noun phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Noun,
    Adj,
    Num,
    Boundary,
}

/// One occurrence of a candidate phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// From the first to the last character of the phrase, in the original text.
    pub span: Span,
    /// Interned lowercase words, each in the singular.
    pub key: Vec<u32>,
    /// Index into `Document::sentences`.
    pub sentence: usize,
}

#[derive(Clone, Copy, Debug)]
struct Unit {
    span: Span,
    /// Range of token indices of the unit.
    first: usize,
    last: usize,
    class: Class,
    capitalised: bool,
    possessive: bool,
}

fn is_alnum(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Number)
}

fn is_possessive(s: &str) -> bool {
    matches!(s, "'s" | "'S" | "\u{2019}s" | "\u{2019}S")
}

/// True when the punctuation token `joiner` glues `before` and `after` into one unit.
fn joins(text: &str, before: &Token, joiner: &Token, after: &Token) -> bool {
    let adjacent = before.span.end == joiner.span.start && joiner.span.end == after.span.start;
    if !adjacent || !is_alnum(after) {
        return false;
    }
    let single_letter = |t: &Token| text[t.span.start..t.span.end].chars().count() == 1;
    match &text[joiner.span.start..joiner.span.end] {
        "-" | "\u{2010}" | "\u{2011}" | "/" | "&" | "'" | "\u{2019}" => true,
        "." | "," => before.kind == TokenKind::Number && after.kind == TokenKind::Number
            || joiner.span.start - before.span.start == 1 && single_letter(before) && single_letter(after),
        _ => false,
    }
}

/// The tag-free class of a unit of one or more tokens. A lowercase verb form in -ing or
/// -ed counts as an adjective: it may start a phrase ("crumpled airplane") but never ends
/// one; a lowercase adverb in -ly is a boundary.
fn lexical_class(word: &str, unit_lower: &str, all_numbers: bool) -> Class {
    if all_numbers {
        Class::Num
    } else if is_nonnominal(unit_lower) || word == unit_lower && is_adverb_form(unit_lower) {
        Class::Boundary
    } else if word == unit_lower && is_verb_form(unit_lower) {
        Class::Adj
    } else {
        Class::Noun
    }
}

fn tagged_class(pos: Upos, has_word: bool) -> Class {
    match pos {
        Upos::Noun | Upos::Propn => Class::Noun,
        Upos::Num if has_word => Class::Noun,
        Upos::Num => Class::Num,
        Upos::Adj => Class::Adj,
        _ => Class::Boundary,
    }
}

/// True for a title-case sentence: at least three words of four letters or more, and at
/// least four in five of them capitalised.
fn is_title_case(doc: &Document, units: &[Unit]) -> bool {
    let long = units.iter().filter(|u| u.class != Class::Boundary || u.capitalised).filter(|u| doc.text_of(u.span).chars().count() >= 4);
    let (n, capitalised) = long.fold((0, 0), |(n, c), u| (n + 1, c + usize::from(u.capitalised)));
    n >= 3 && capitalised * 5 >= n * 4
}

/// The tags of a title-case sentence's tokens when read as running text: the tagger sees
/// each capitalised word after the first that is usually written in lower case (by the
/// case statistics of `tagger::clusters`) in lower case. `None` without a tagger model.
fn headline_tags(doc: &Document, tokens: &[Token]) -> Option<Vec<Upos>> {
    let model = tagger_pos::model()?;
    let forms: Vec<Cow<str>> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let form = doc.text_of(t.span);
            let word = Word::new(form);
            // Case buckets 0 and 1 (values 2 and 3): capitalised in under half the uses.
            if i > 0 && word.has(flag::TITLE) && matches!(clusters::of(&word)[2], 2 | 3) {
                Cow::Owned(form.to_lowercase())
            } else {
                Cow::Borrowed(form)
            }
        })
        .collect();
    let input = tagger_pos::Input::new(forms.iter().map(|f| f.as_ref()), tagger_pos::lexicon());
    Some(tagger_pos::tag(model, &input).into_iter().map(|t| UPOS.get(t).copied().unwrap_or(Upos::X)).collect())
}

/// True for initials such as "U.S" (single letters joined by periods).
fn is_initials(s: &str) -> bool {
    s.contains('.') && s.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// Groups the tokens `range` of one sentence into units (punctuation becomes boundaries).
fn units(doc: &Document, range: std::ops::Range<usize>) -> Vec<Unit> {
    let text = doc.text;
    let toks = doc.tokens.get(range).unwrap_or(&[]);
    let str_of = |t: &Token| &text[t.span.start..t.span.end];
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(first) = toks.get(i) {
        if !is_alnum(first) {
            out.push(Unit { span: first.span, first: i, last: i, class: Class::Boundary, capitalised: false, possessive: false });
            i += 1;
            continue;
        }
        let (mut last, mut end) = (i, first.span.end);
        let mut next = i + 1;
        let mut possessive = false;
        loop {
            let (joiner, after) = (toks.get(last + 1), toks.get(last + 2));
            let glued = joiner.filter(|j| j.span.start == end);
            if glued.is_some_and(|j| is_possessive(str_of(j))) {
                (possessive, next) = (true, last + 2);
                break;
            }
            match (glued, after) {
                (Some(j), Some(a)) if matches!(str_of(j), "'" | "\u{2019}") && a.span.start == j.span.end && matches!(str_of(a), "s" | "S") => {
                    (possessive, next) = (true, last + 3);
                    break;
                }
                (Some(j), Some(a)) if joins(text, &toks[last], j, a) => {
                    last += 2;
                    end = a.span.end;
                    next = last + 1;
                }
                _ => break,
            }
        }
        // The final period of initials: "U.S." (the period may also end the sentence).
        if let Some(dot) = toks.get(last + 1).filter(|d| !possessive && d.span.start == end && str_of(d) == ".") {
            if is_initials(&text[first.span.start..end]) {
                (end, next) = (dot.span.end, last + 2);
            }
        }
        let span = Span::new(first.span.start, end);
        let word = &text[span.start..span.end];
        let lowered = lower(word);
        let class = if is_stopword(&lowered) {
            Class::Boundary
        } else {
            let has_word = toks[i..=last].iter().any(|t| t.kind == TokenKind::Word);
            match toks[last].pos {
                Some(pos) => tagged_class(pos, has_word),
                None => lexical_class(word, &lowered, !has_word),
            }
        };
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        out.push(Unit { span, first: i, last, class, capitalised, possessive });
        i = next;
    }
    out
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && (s.starts_with("1") || s.starts_with("20")) && s.bytes().all(|b| b.is_ascii_digit())
}

/// Collects candidates sentence by sentence; `intern` gives ids to words.
pub(crate) struct Collector<'d, 't> {
    doc: &'d Document<'t>,
    pub interner: Interner,
    pub candidates: Vec<Candidate>,
}

impl<'d, 't> Collector<'d, 't> {
    pub(crate) fn new(doc: &'d Document<'t>) -> Self {
        Collector { doc, interner: Interner::default(), candidates: Vec::new() }
    }

    /// Finds the candidates of every title and body sentence.
    pub(crate) fn collect(mut self) -> Self {
        let doc = self.doc;
        for (si, sentence) in doc.sentences.iter().enumerate() {
            let kind = doc.paragraphs.get(sentence.paragraph).map(|p| p.kind);
            if !matches!(kind, Some(BlockKind::Title | BlockKind::Body)) {
                continue;
            }
            let base = sentence.tokens.start;
            let mut run: Vec<Unit> = Vec::new();
            let mut units = units(doc, sentence.tokens.clone());
            if is_title_case(doc, &units) {
                let tokens = doc.tokens.get(sentence.tokens.clone()).unwrap_or(&[]);
                let tags = headline_tags(doc, tokens).unwrap_or_default();
                for unit in units.iter_mut().skip(1).filter(|u| u.capitalised && u.class != Class::Boundary) {
                    if let Some(&tag) = tags.get(unit.last) {
                        unit.class = tagged_class(tag, true);
                    }
                }
            }
            for unit in units {
                if unit.class == Class::Boundary {
                    self.flush(&mut run, si, base);
                    continue;
                }
                if let Some(prev) = run.last() {
                    let name_starts = unit.capitalised && !prev.capitalised;
                    let adjective_after_noun = unit.class == Class::Adj && prev.class != Class::Adj;
                    if name_starts || adjective_after_noun {
                        self.flush(&mut run, si, base);
                    }
                }
                run.push(unit);
                if unit.possessive {
                    self.flush(&mut run, si, base);
                }
            }
            self.flush(&mut run, si, base);
        }
        self
    }

    /// Trims the run to a noun-phrase shape and records it as a candidate; empties the run.
    fn flush(&mut self, run: &mut Vec<Unit>, sentence: usize, base: usize) {
        let text = self.doc.text;
        while run.last().is_some_and(|u| matches!(u.class, Class::Adj | Class::Num)) {
            run.pop();
        }
        let leading_numbers = run
            .iter()
            .take_while(|u| u.class == Class::Num && !is_year(&text[u.span.start..u.span.end]))
            .count();
        let phrase = run.get(leading_numbers..).unwrap_or(&[]);
        if let (Some(first), Some(last)) = (phrase.first(), phrase.last()) {
            let span = Span::new(first.span.start, last.span.end);
            // A lone letter is a stray initial ("U" of a "U.S." cut by the sentence stage).
            if phrase.len() <= MAX_UNITS && text[span.start..span.end].chars().nth(1).is_some() {
                let key = self.key(phrase, base);
                self.candidates.push(Candidate { span, key, sentence });
            }
        }
        run.clear();
    }

    /// The words of the units, lowercased and in the singular.
    fn key(&mut self, phrase: &[Unit], base: usize) -> Vec<u32> {
        let doc = self.doc;
        let mut key = Vec::new();
        for unit in phrase {
            let words = doc.tokens.get(base + unit.first..=base + unit.last).unwrap_or(&[]).iter().filter(|t| is_alnum(t));
            for t in words {
                let w = lower(&doc.text[t.span.start..t.span.end]);
                key.push(self.interner.id(&singular(&w)));
            }
        }
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::{paragraphs, sentences, structure, tokens};

    fn doc(text: &str) -> Document<'_> {
        let mut doc = Document::new(text);
        for run in [paragraphs::run, tokens::run, sentences::run, structure::run] {
            run(&mut doc);
        }
        doc
    }

    fn phrases(text: &str) -> Vec<&str> {
        let d = doc(text);
        let c = Collector::new(&d).collect();
        c.candidates.iter().map(|c| &text[c.span.start..c.span.end]).collect()
    }

    #[test]
    fn cuts_at_stop_words_verbs_and_punctuation() {
        assert_eq!(
            phrases("The Census Bureau is under pressure and filed suits over illegal aliens in its national head count."),
            ["Census Bureau", "pressure", "suits", "illegal aliens", "national head count"]
        );
    }

    #[test]
    fn keeps_compounds_and_initials_whole() {
        assert_eq!(phrases("An A-10 attack jet hit a B-52 bomber."), ["A-10 attack jet", "B-52 bomber"]);
        // Initials (the sentence stage may end a sentence after "U.", so use one sentence).
        let text = "the U.S. Air Force.";
        let mut d = doc(text);
        d.sentences.truncate(1);
        if let Some(s) = d.sentences.first_mut() {
            s.tokens = 0..d.tokens.len();
        }
        let c = Collector::new(&d).collect();
        let got: Vec<&str> = c.candidates.iter().map(|c| &text[c.span.start..c.span.end]).collect();
        assert_eq!(got, ["U.S. Air Force"]);
        assert_eq!(phrases("O'Hare's study of a 10,000-acre fire."), ["O'Hare", "study", "10,000-acre fire"]);
    }

    #[test]
    fn names_start_phrases_and_numbers_are_trimmed() {
        assert_eq!(phrases("He backed welfare legislation Congress wanted."), ["welfare legislation", "Congress"]);
        assert_eq!(phrases("They lost 14 seats after the 1990 census counted 435."), ["seats", "1990 census"]);
    }

    #[test]
    fn skips_headings_and_boilerplate() {
        // The title counts; the heading (a short line inside the article) does not.
        let text = "Fire Season Opens\n\nCrews met wildfires on Sunday in the hills above the town.\n\nMore coverage\n\nFirefighters held the line through the night as the winds dropped.";
        assert_eq!(phrases(text), ["Fire Season", "Crews", "wildfires", "hills", "town", "Firefighters", "line", "night", "winds"]);
    }

    #[test]
    fn tagged_tokens_follow_adjective_noun_shape() {
        let text = "The new rules hit small firms hard";
        let mut d = doc(text);
        let tags = [Upos::Det, Upos::Adj, Upos::Noun, Upos::Verb, Upos::Adj, Upos::Noun, Upos::Adj];
        for (t, tag) in d.tokens.iter_mut().zip(tags) {
            t.pos = Some(tag);
        }
        let c = Collector::new(&d).collect();
        let got: Vec<&str> = c.candidates.iter().map(|c| &text[c.span.start..c.span.end]).collect();
        assert_eq!(got, ["new rules", "small firms"]);
    }

    #[test]
    fn title_case_headlines_lose_their_verbs() {
        // Tagged as a tagger might read such a headline: every capitalised word a proper noun.
        let tagged = |text: &'static str| {
            let mut d = doc(text);
            for t in d.tokens.iter_mut() {
                let w = &text[t.span.start..t.span.end];
                t.pos = Some(if w.starts_with(char::is_uppercase) { Upos::Propn } else { Upos::Det });
            }
            let c = Collector::new(&d).collect();
            c.candidates.iter().map(|c| &text[c.span.start..c.span.end]).collect::<Vec<_>>()
        };
        assert_eq!(tagged("Chile and Argentina Weigh a Shared Lithium Agency"), ["Chile", "Argentina", "Lithium Agency"]);
        // Running text keeps the tagger's proper nouns.
        assert_eq!(tagged("The team met Weigh in a village."), ["Weigh"]);
    }

    #[test]
    fn variants_share_a_key() {
        let d = doc("Arms deal. Arms deals. arms-deal talks.");
        let c = Collector::new(&d).collect();
        assert_eq!(c.candidates[0].key, c.candidates[1].key);
        assert_eq!(c.candidates[0].key[..], c.candidates[2].key[..2]);
        assert_eq!(c.candidates[2].key.len(), 3);
        assert_eq!(c.candidates.len(), 3);
    }

    #[test]
    fn empty_and_odd_inputs() {
        assert!(phrases("").is_empty());
        assert!(phrases("... --- 123 !!").is_empty());
        assert!(phrases("'s 's").is_empty());
    }
}
