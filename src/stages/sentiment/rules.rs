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
//!   negate, two negators cancel ("never fails to impress"), and "this" before the word makes
//!   it emphasis ("I haven't been this happy"); a negator with a tone of its own ("no", "lack")
//!   is also a sentiment word;
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
    /// The word, idiom or emoticon.
    pub span: Span,
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
    /// Which negator of the sentence (the sentiment words after one negator share its number).
    pub negator: u16,
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

    /// Groups terms into units (the longest listed phrase at each position) and records loaded
    /// wording; a phrase listed only as loaded is marked but its words stay separate units.
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
            if entry.is_some_and(|e| e.continues) {
                // Extend the phrase word by word while some listed phrase starts this way.
                let mut loaded_phrase = None;
                self.scratch.clear();
                self.scratch.push_str(key);
                let mut n = 1;
                while let Some(next) = list.get(i + n).filter(|t| t.kind == TermKind::Word) {
                    self.scratch.push(' ');
                    self.scratch.push_str(self.terms.key(next));
                    n += 1;
                    let Some(phrase) = lex.get(&self.scratch) else { break };
                    if phrase.valence.is_some() || phrase.role != Role::None {
                        (unit_len, unit_entry) = (n, Some(*phrase));
                    } else if let Some(kind) = phrase.loaded {
                        loaded_phrase = Some((n, kind, next.span.end));
                    }
                    if !phrase.continues {
                        break;
                    }
                }
                if let Some((n, kind, end)) = loaded_phrase.filter(|&(n, ..)| n > unit_len && i >= loaded_until) {
                    loaded.push(Loaded { span: Span::new(term.span.start, end), kind });
                    loaded_until = i + n;
                }
            }
            if unit_len == 1 {
                let pos = term.pos;
                let previous = || i.checked_sub(1).and_then(|j| list.get(j)).map(|t| self.terms.key(t));
                if let Some(e) = unit_entry.as_mut() {
                    let is_pattern = matches!(e.valence, Some((Source::Pattern, _)));
                    if key == "like" && !like_is_verb(pos, previous()) || is_pattern && pos.is_some_and(|p| p != Upos::Adj) {
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
            let plain = unit_entry.map_or(true, |e| e.valence.is_none() && e.role == Role::None);
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
        let mut negators = 0u16;
        let mut seen_sentiment = false;
        let mut degree = 0i8;
        let mut degree_gap = 0u8;
        let mut irrealis = false;
        for (k, unit) in self.units.iter().enumerate() {
            let zone = self.zones.get(k).copied().unwrap_or_default();
            let next_is_word = self.units.get(k + 1).is_some_and(|u| u.kind == TermKind::Word);
            let hit = |valence, source, derivation, caps| Hit {
                span: unit.span,
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
                    if self.unit_key_is(k + 1, NOT_NEGATING_NEXT) {
                        continue;
                    }
                    // A negator with a tone of its own ("no", "lack") also counts as a word.
                    if let Some((source, v)) = unit.entry.and_then(|e| e.valence) {
                        ev.hits.push(Hit { negation: None, ..hit(v, source, Derivation::Negator, unit.caps && mixed_case) });
                    }
                    // A second negator before any sentiment word cancels the first ("never
                    // fails to impress", "not without charm").
                    negation = match negation {
                        Some(_) if !seen_sentiment => None,
                        _ => {
                            negators = negators.saturating_add(1);
                            Some(Negation { distance: 0, negator: negators })
                        }
                    };
                    seen_sentiment = false;
                    degree = 0;
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
                    (degree, degree_gap, seen_sentiment) = (0, 0, true);
                }
                _ => {
                    degree_gap = degree_gap.saturating_add(1);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{Document, LoadedKind};
    use crate::stages::{paragraphs, sentences, tokens};

    /// The evidence and loaded spans of the first sentence of `text`.
    fn read(text: &str) -> (Evidence, Vec<(String, LoadedKind)>) {
        let mut doc = Document::new(text);
        paragraphs::run(&mut doc);
        tokens::run(&mut doc);
        sentences::run(&mut doc);
        let range = doc.sentences.first().map(|s| s.tokens.clone()).unwrap_or_default();
        let mut loaded = Vec::new();
        let ev = Reader::default().read(text, &doc.tokens[range], Lexicon::get_or_init(), &mut loaded);
        (ev, loaded.iter().map(|l| (text[l.span.start..l.span.end].to_string(), l.kind)).collect())
    }

    /// The hit on `word` in the first sentence of `text`.
    fn hit(text: &str, word: &str) -> Option<Hit> {
        read(text).0.hits.into_iter().find(|h| &text[h.span.start..h.span.end] == word)
    }

    #[test]
    fn negation_hits_and_misses() {
        let negated = [
            ("The food was not good.", "good"),
            ("The food wasn't good.", "good"),
            ("The app no longer works well.", "well"),
            ("The plot lacks charm.", "charm"),
            ("Nobody was happy.", "happy"),
        ];
        for (text, word) in negated {
            assert!(hit(text, word).is_some_and(|h| h.negation.is_some()), "{text}");
        }
        let plain = [
            ("The food was good.", "good"),
            ("It is not only good.", "good"),
            ("It never fails to impress.", "impress"),
            ("I haven't been this happy in years.", "happy"),
            ("Not here, but good.", "good"),
        ];
        for (text, word) in plain {
            assert!(hit(text, word).is_some_and(|h| h.negation.is_none()), "{text}");
        }
    }

    #[test]
    fn negation_with_ud_style_tokens() {
        use crate::doc::{Token, TokenKind};
        // "I don't like it." tokenized the UD way: "do" + "n't".
        let text = "I don't like it.";
        let pieces = [(0, 1), (2, 4), (4, 7), (8, 12), (13, 15), (15, 16)];
        let tokens: Vec<Token> = pieces
            .iter()
            .map(|&(s, e)| {
                let kind = if &text[s..e] == "." { TokenKind::Punct } else { TokenKind::Word };
                Token { span: Span::new(s, e), kind, pos: None }
            })
            .collect();
        let ev = Reader::default().read(text, &tokens, Lexicon::get_or_init(), &mut Vec::new());
        let like = ev.hits.iter().find(|h| &text[h.span.start..h.span.end] == "like");
        assert!(like.is_some_and(|h| h.negation.is_some()), "{ev:?}");
    }

    #[test]
    fn degree_words_and_capitals() {
        let cases = [
            ("It was very good.", "good", 1, false),
            ("It was slightly annoying.", "annoying", -1, false),
            ("It was good.", "good", 0, false),
            ("It was so, good.", "good", 0, false),
            ("The movie was GREAT.", "GREAT", 0, true),
            ("THE MOVIE WAS GREAT.", "GREAT", 0, false),
        ];
        for (text, word, degree, caps) in cases {
            let h = hit(text, word);
            assert!(h.is_some_and(|h| h.degree == degree && h.caps == caps), "{text}: {h:?}");
        }
    }

    #[test]
    fn contrast_concession_irrealis_domain() {
        let zone = |text, word| hit(text, word).map(|h| h.zone);
        assert_eq!(zone("Good acting, but a dull plot.", "Good"), Some(Zone::BeforeContrast));
        assert_eq!(zone("Good acting, but a dull plot.", "dull"), Some(Zone::AfterContrast));
        assert_eq!(zone("Although the plot is dull, the acting is wonderful.", "dull"), Some(Zone::Conceded));
        assert_eq!(zone("Although the plot is dull, the acting is wonderful.", "wonderful"), Some(Zone::Plain));
        assert!(hit("It could have been great.", "great").is_some_and(|h| h.irrealis));
        assert!(hit("It was great.", "great").is_some_and(|h| !h.irrealis));
        assert!(hit("The attack failed.", "attack").is_some_and(|h| h.domain));
        assert!(hit("The cruel failure.", "cruel").is_some_and(|h| !h.domain));
    }

    #[test]
    fn idioms_emoticons_and_senses() {
        assert!(hit("Total waste of time.", "waste of time").is_some_and(|h| h.source == Source::Idiom && h.valence < 0.0));
        assert!(hit("What fun :)", ":)").is_some_and(|h| h.valence > 0.0));
        assert!(hit("I like it.", "like").is_some());
        assert!(hit("It feels like a chore.", "like").is_none());
        assert!(hit("A romantic comedy.", "romantic").is_none());
        assert!(read("See http://example.com/awful-terrible-bad now.").0.hits.is_empty());
        let (ev, _) = read("Wow! Really? Great!");
        assert_eq!((ev.exclamations, ev.question), (1, false));
    }

    #[test]
    fn loaded_language_hits_and_misses() {
        let hits = [
            ("The senator slams the report.", "slams", LoadedKind::Sensational),
            ("He issued a stern warning.", "stern warning", LoadedKind::Sensational),
            ("There is a touch of intrigue here.", "a touch of intrigue", LoadedKind::Sensational),
            ("They call it genocide.", "genocide", LoadedKind::Emotional),
            ("A brutal winter.", "brutal", LoadedKind::Emotional),
            ("The so-called experts met.", "so-called", LoadedKind::Subjective),
            ("Clearly, it failed.", "Clearly", LoadedKind::Subjective),
        ];
        for (text, span, kind) in hits {
            assert_eq!(read(text).1, [(span.to_string(), kind)], "{text}");
        }
        for text in ["The senator criticised the report.", "The attack killed three people.", "Prices rose 3%."] {
            assert!(read(text).1.is_empty(), "{text}");
        }
    }
}
