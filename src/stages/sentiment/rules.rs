//! The sentiment rules: reads the terms of one sentence and records, for every word that carries
//! tone, what modifies it. No constant is applied here; `score.rs` weighs the evidence.
//!
//! Input: [`Terms`] of one sentence and the [`Lexicon`]. Output: [`Evidence`] (one [`Hit`] per
//! sentiment word, idiom or emoticon, with its modifiers; counts of `!`, `?` and words) and the
//! loaded-language spans of the sentence.
//!
//! Rules, in reading order:
//! - phrases first: the longest listed phrase at a position wins ("waste of time", "no longer");
//!   a phrase listed only as loaded wording is marked but its words are still scored one by one;
//! - a negator reverses the sentiment words after it in its clause ("not good", "never fails",
//!   "no longer works"; how many and how far is fitted), but "not only/just/merely" does not
//!   negate, and "this" before the word makes it emphasis ("I haven't been this happy");
//! - "like" carries tone only as a verb ("I like it", not "it feels like a chore"): by its part
//!   of speech when a tagger set one, else by the word before it;
//! - Pattern's valences are for adjectives: when a tagger says a word is not one, they are unused;
//! - degree words before a sentiment word make it stronger or weaker ("very good", "slightly
//!   annoying"); a degree word followed by no word is an ordinary word;
//! - a word in capitals among lower-case words is emphasised ("it was GREAT");
//! - contrast: words before the last "but"/"however" of a sentence and after it are marked so that
//!   the clause after it can outweigh the one before; a clause opened by "although"/"though"/
//!   "despite" is marked as conceded;
//! - irrealis: after "would", "could", "if"… up to the end of the clause, tone is hypothetical;
//! - news reporting vocabulary ("attack", "crisis", "sanctions") is marked as such;
//! - clause punctuation (`, ; : . ! ?` and dashes) ends negation and irrealis.

use super::lexicon::{Derivation, Entry, Lexicon, Role, Source};
use super::terms::{TermKind, Terms};
use crate::doc::{Loaded, Span, Upos};

/// Where a sentiment word stands with respect to contrast connectives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Zone {
    #[default]
    Plain,
    /// Before the last "but" of the sentence.
    BeforeContrast,
    /// After the last "but" of the sentence.
    AfterContrast,
    /// Inside a clause opened by "although", "though", "despite"…
    Conceded,
}

/// One word, idiom or emoticon that carries tone, and what modifies it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// On the scale of `source`.
    pub valence: f32,
    pub source: Source,
    pub derivation: Derivation,
    /// Net count of intensifiers (+) and dampeners (-) before it.
    pub degree: i8,
    pub caps: bool,
    /// Set when a negator of the same clause comes before the word.
    pub negation: Option<Negation>,
    pub irrealis: bool,
    pub domain: bool,
    pub zone: Zone,
}

/// Where a sentiment word stands after a negator: the constants decide how far negation reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Negation {
    /// Words between the negator and the sentiment word.
    pub distance: u8,
    /// Sentiment words between them.
    pub order: u8,
}

/// Everything the rules found in one sentence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Evidence {
    pub hits: Vec<Hit>,
    pub exclamations: u8,
    pub question: bool,
    /// Words of the sentence (emoticons included), for the neutral share.
    pub words: u32,
}

/// The farthest a negator is followed (the fitted scope is at most this).
const NEGATION_REACH: u8 = 6;
/// Words that turn "not X" into "not only X".
const NOT_NEGATING_NEXT: &[&str] = &["only", "just", "merely", "simply"];
/// A unit of reading: one term, or several terms that form a listed phrase.
struct Unit {
    /// Index of the unit's first term.
    first: usize,
    span: Span,
    kind: TermKind,
    entry: Option<Entry>,
    /// The valence found for a word not listed as it is.
    derived: Option<(Source, f32, Derivation)>,
    caps: bool,
    key_is_negation: bool,
}

/// Words after which "like" is a verb ("I like", "would like", "don't like").
const BEFORE_VERB_LIKE: &[&str] = &[
    "i", "me", "you", "we", "they", "he", "she", "people", "who", "really", "truly", "do", "does", "did", "would", "will",
    "also", "still", "might", "may", "to", "n't", "don't", "didn't", "doesn't", "dont", "didnt", "doesnt", "i'd",
    "you'd", "we'd", "they'd", "i'll", "you'll", "we'll", "they'll", "kids", "fans",
];

/// True when "like" is the verb, not the preposition ("it feels like a chore").
fn like_is_verb(pos: Option<Upos>, previous: Option<&str>) -> bool {
    match pos {
        Some(p) => p == Upos::Verb,
        None => previous.is_some_and(|w| BEFORE_VERB_LIKE.contains(&w)),
    }
}

fn is_clause_end(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '\u{2013}' | '\u{2014}' | '\u{2026}')
}

/// The reader of one sentence; buffers are reused across sentences.
#[derive(Default)]
pub struct Reader {
    terms: Terms,
    units: Vec<Unit>,
    zones: Vec<Zone>,
    scratch: String,
}

impl Reader {
    /// Reads one sentence: returns its evidence and appends its loaded spans to `loaded`.
    pub fn read(&mut self, text: &str, tokens: &[crate::doc::Token], lex: &Lexicon, loaded: &mut Vec<Loaded>) -> Evidence {
        self.terms.read(text, tokens, lex);
        self.group(lex, loaded);
        self.mark_zones();
        self.walk()
    }

    /// Groups terms into units (phrases matched longest first) and records loaded wording.
    fn group(&mut self, lex: &Lexicon, loaded: &mut Vec<Loaded>) {
        self.units.clear();
        let list = &self.terms.list;
        let mut loaded_until = 0;
        let mut i = 0;
        while let Some(term) = list.get(i) {
            if term.kind != TermKind::Word {
                self.units.push(Unit { first: i, span: term.span, kind: term.kind, entry: None, derived: None, caps: false, key_is_negation: false });
                i += 1;
                continue;
            }
            let key = self.terms.key(term);
            let entry = lex.get(key).copied();
            let mut unit_len = 1;
            let mut unit_entry = entry;
            if let Some(longest) = entry.map(|e| usize::from(e.longest)).filter(|&l| l > 1) {
                for n in (2..=longest).rev() {
                    let Some(words) = list.get(i..i + n) else { continue };
                    if words.iter().any(|t| t.kind != TermKind::Word) {
                        continue;
                    }
                    self.scratch.clear();
                    for (k, t) in words.iter().enumerate() {
                        if k > 0 {
                            self.scratch.push(' ');
                        }
                        self.scratch.push_str(self.terms.key(t));
                    }
                    let Some(phrase) = lex.get(&self.scratch).copied() else { continue };
                    let span = Span::new(term.span.start, words.last().map_or(term.span.end, |t| t.span.end));
                    if phrase.valence.is_some() || phrase.role != Role::None {
                        unit_len = n;
                        unit_entry = Some(phrase);
                    } else if let (Some(kind), true) = (phrase.loaded, i >= loaded_until) {
                        loaded.push(Loaded { span, kind });
                        loaded_until = i + n;
                    }
                    break;
                }
            }
            if unit_len == 1 {
                let pos = term.pos;
                let previous = i.checked_sub(1).and_then(|j| list.get(j)).map(|t| self.terms.key(t));
                if let Some(e) = unit_entry.as_mut() {
                    let is_pattern = matches!(e.valence, Some((Source::Pattern, _)));
                    if key == "like" && !like_is_verb(pos, previous) || is_pattern && pos.is_some_and(|p| p != Upos::Adj) {
                        e.valence = None;
                    }
                }
            }
            let words = list.get(i..i + unit_len).unwrap_or_default();
            let span = Span::new(term.span.start, words.last().map_or(term.span.end, |t| t.span.end));
            if let (Some(kind), true) = (unit_entry.and_then(|e| e.loaded), i >= loaded_until) {
                loaded.push(Loaded { span, kind });
                loaded_until = i + unit_len;
            }
            let plain = unit_entry.is_none_or(|e| e.valence.is_none() && e.role == Role::None);
            let derived = if plain && unit_len == 1 { lex.valence_of(key, &mut self.scratch) } else { None };
            let key_is_negation = unit_len == 1 && (key == "n't" || key.ends_with("n't"));
            let caps = words.iter().all(|t| t.caps);
            self.units.push(Unit { first: i, span, kind: TermKind::Word, entry: unit_entry, derived, caps, key_is_negation });
            i += unit_len;
        }
    }

    fn role(unit: &Unit) -> Role {
        match unit.entry.map(|e| e.role) {
            Some(role) if role != Role::None => role,
            _ if unit.key_is_negation => Role::Negator,
            _ => Role::None,
        }
    }

    /// Marks each unit's contrast zone.
    fn mark_zones(&mut self) {
        self.zones.clear();
        self.zones.resize(self.units.len(), Zone::Plain);
        let last_contrast = self.units.iter().rposition(|u| Self::role(u) == Role::Contrast);
        if let Some(c) = last_contrast {
            for (k, zone) in self.zones.iter_mut().enumerate() {
                *zone = if k < c { Zone::BeforeContrast } else { Zone::AfterContrast };
            }
        }
        let mut conceded = false;
        for (unit, zone) in self.units.iter().zip(self.zones.iter_mut()) {
            match unit.kind {
                TermKind::Punct(c) if is_clause_end(c) => conceded = false,
                _ if Self::role(unit) == Role::Concessive => conceded = true,
                _ if conceded => *zone = Zone::Conceded,
                _ => {}
            }
        }
    }

    /// Walks the units once, applying negation, degree, capitals and irrealis.
    fn walk(&self) -> Evidence {
        let mut ev = Evidence::default();
        let mixed_case = self.terms.list.iter().any(|t| t.kind == TermKind::Word && !t.caps);
        let mut negation: Option<Negation> = None;
        let mut degree = 0i8;
        let mut degree_gap = 0u8;
        let mut irrealis = false;
        for (k, unit) in self.units.iter().enumerate() {
            let zone = self.zones.get(k).copied().unwrap_or_default();
            let next_is_word = self.units.get(k + 1).is_some_and(|u| u.kind == TermKind::Word);
            let hit = |valence, source, derivation, caps| Hit {
                valence,
                source,
                derivation,
                degree,
                caps,
                negation: negation.filter(|_| !self.unit_key_is(k.wrapping_sub(1), &["this"])),
                irrealis,
                domain: unit.entry.is_some_and(|e| e.domain),
                zone,
            };
            match unit.kind {
                TermKind::Punct(c) => {
                    ev.exclamations = ev.exclamations.saturating_add(u8::from(c == '!'));
                    ev.question |= c == '?';
                    if is_clause_end(c) {
                        (negation, irrealis, degree) = (None, false, 0);
                    }
                    continue;
                }
                TermKind::Other => continue,
                TermKind::Emoticon(v) => {
                    ev.words += 1;
                    ev.hits.push(Hit { negation: None, degree: 0, ..hit(v, Source::Vader, Derivation::Listed, false) });
                    continue;
                }
                TermKind::Word => ev.words += 1,
            }
            match Self::role(unit) {
                Role::Negator => {
                    if !self.unit_key_is(k + 1, NOT_NEGATING_NEXT) {
                        (negation, degree) = (Some(Negation { distance: 0, order: 0 }), 0);
                    }
                    continue;
                }
                Role::Degree(d) if next_is_word => {
                    degree = degree.saturating_add(d);
                    degree_gap = 0;
                    continue;
                }
                Role::Contrast => {
                    (negation, irrealis) = (None, false);
                    continue;
                }
                Role::Concessive => continue,
                Role::Irrealis => {
                    irrealis = true;
                    continue;
                }
                Role::Degree(_) | Role::None => {}
            }
            let listed = unit.entry.and_then(|e| e.valence).map(|(s, v)| (s, v, Derivation::Listed));
            match listed.or(unit.derived) {
                Some((source, v, derivation)) if v != 0.0 => {
                    ev.hits.push(hit(v, source, derivation, unit.caps && mixed_case));
                    (degree, degree_gap) = (0, 0);
                    negation = negation.map(|n| Negation { order: n.order.saturating_add(1), ..n });
                }
                _ => {
                    degree_gap += 1;
                    if degree_gap > 1 {
                        degree = 0;
                    }
                }
            }
            negation = negation.map(|n| Negation { distance: n.distance + 1, ..n }).filter(|n| n.distance <= NEGATION_REACH);
        }
        ev
    }

    /// True when unit `k` is a single word whose key is one of `words`.
    fn unit_key_is(&self, k: usize, words: &[&str]) -> bool {
        let Some(unit) = self.units.get(k) else { return false };
        let term = self.terms.list.get(unit.first).filter(|t| t.kind == TermKind::Word && t.span == unit.span);
        term.is_some_and(|t| words.contains(&self.terms.key(t)))
    }
}
