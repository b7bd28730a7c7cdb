//! The sentiment lexicon: every word list of `src/lexicon/` the sentiment stage uses, merged into
//! one hash map that is built once, on first use.
//!
//! Input: the embedded files `sentiment-vader.tsv`, `sentiment-extra.tsv`,
//! `sentiment-pattern.tsv`, `idioms.tsv`,
//! `negators.txt`, `boosters.txt`, `connectives.txt`, `news-domain.txt` and `loaded.txt`.
//! Output: [`Lexicon::get`] maps a lowercase word or phrase (words joined by one space) to an
//! [`Entry`]: its valence and where it came from, its grammatical role (negator, degree word,
//! connective), whether it is news reporting vocabulary, and its loaded-language kind.
//! [`Lexicon::valence_of`] adds a morphological fallback for words that no list has.

use crate::doc::LoadedKind;
use crate::hash::FastMap;
use std::sync::OnceLock;

/// Which list a valence comes from; each has its own scale, brought to VADER's by a constant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// VADER's lexicon, -4 .. +4.
    Vader,
    /// Pattern's adjectives, -1 .. +1.
    Pattern,
    /// Our own ratings, on VADER's scale.
    Extra,
    /// Our idioms, on VADER's scale.
    Idiom,
}

/// What a word does to the sentiment words around it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    #[default]
    None,
    /// Reverses the next sentiment word of its clause.
    Negator,
    /// Makes the next sentiment word stronger (+1) or weaker (-1).
    Degree(i8),
    /// "but": the clause after it outweighs the one before.
    Contrast,
    /// "although": the clause it opens counts less.
    Concessive,
    /// "would", "if": the rest of the clause is hypothetical.
    Irrealis,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Entry {
    pub valence: Option<(Source, f32)>,
    pub role: Role,
    /// News reporting vocabulary, whose valence is dampened.
    pub domain: bool,
    pub loaded: Option<LoadedKind>,
    /// True when a longer listed phrase starts with this word or phrase.
    pub continues: bool,
}

pub struct Lexicon {
    map: FastMap<Box<str>, Entry>,
}

/// The data lines of a list file: comments (`#` then a space or nothing) and blank lines skipped.
fn data_lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines().filter(|l| !(l.is_empty() || l == &"#" || l.starts_with("# ")))
}

/// A key as the text is matched: lowercase, curly apostrophes straight, and a hyphen between
/// letters read as a space ("so-called" is matched as the words "so called").
fn normalize_key(key: &str) -> String {
    if key.bytes().all(|b| b.is_ascii() && b != b'-' && !b.is_ascii_uppercase()) {
        return key.to_string();
    }
    let chars: Vec<char> = key.chars().collect();
    let mut out = String::with_capacity(key.len());
    for (i, &c) in chars.iter().enumerate() {
        let between_letters = |i: usize| {
            i > 0 && chars.get(i - 1).is_some_and(|c| c.is_alphabetic()) && chars.get(i + 1).is_some_and(|c| c.is_alphabetic())
        };
        match c {
            '-' if between_letters(i) => out.push(' '),
            '\u{2019}' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

impl Lexicon {
    /// The lexicon, built on first use from the embedded files.
    pub fn get_or_init() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut lex = Lexicon { map: FastMap::default() };
        // Earlier lists win a key's valence: our idioms, then VADER, our words, Pattern.
        for (file, source) in [
            (include_str!("../../lexicon/idioms.tsv"), Source::Idiom),
            (include_str!("../../lexicon/sentiment-vader.tsv"), Source::Vader),
            (include_str!("../../lexicon/sentiment-extra.tsv"), Source::Extra),
            (include_str!("../../lexicon/sentiment-pattern.tsv"), Source::Pattern),
        ] {
            for line in data_lines(file) {
                let mut cols = line.split('\t');
                let (Some(key), Some(value)) = (cols.next(), cols.next()) else { continue };
                let Ok(value) = value.trim().parse::<f32>() else { continue };
                let entry = lex.entry(key);
                if entry.valence.is_none() {
                    entry.valence = Some((source, value));
                }
            }
        }
        for line in data_lines(include_str!("../../lexicon/negators.txt")) {
            lex.entry(line).role = Role::Negator;
        }
        for line in data_lines(include_str!("../../lexicon/boosters.txt")) {
            if let Some((key, value)) = line.split_once('\t') {
                let degree = if value.trim().starts_with('-') { -1 } else { 1 };
                lex.entry(key).role = Role::Degree(degree);
            }
        }
        for line in data_lines(include_str!("../../lexicon/connectives.txt")) {
            let role = match line.split_once('\t').map(|(_, kind)| kind.trim()) {
                Some("contrast") => Role::Contrast,
                Some("concessive") => Role::Concessive,
                Some("irrealis") => Role::Irrealis,
                _ => continue,
            };
            lex.entry(line.split('\t').next().unwrap_or_default()).role = role;
        }
        for line in data_lines(include_str!("../../lexicon/news-domain.txt")) {
            lex.entry(line).domain = true;
        }
        for line in data_lines(include_str!("../../lexicon/loaded.txt")) {
            let kind = match line.split_once('\t').map(|(_, kind)| kind.trim()) {
                Some("sensational") => LoadedKind::Sensational,
                Some("emotional") => LoadedKind::Emotional,
                Some("subjective") => LoadedKind::Subjective,
                _ => continue,
            };
            lex.entry(line.split('\t').next().unwrap_or_default()).loaded = Some(kind);
        }
        lex
    }

    /// The entry of `key`, created if needed; a phrase also marks each of its beginnings
    /// ("waste", "waste of" for "waste of time") as continuing.
    fn entry(&mut self, key: &str) -> &mut Entry {
        let key = normalize_key(key.trim());
        for (at, _) in key.match_indices(' ') {
            self.map.entry(key[..at].into()).or_default().continues = true;
        }
        self.map.entry(key.into()).or_default()
    }

    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.map.get(key)
    }

    /// The valence of a word no list has, from a listed word it is derived from: an inflection
    /// or derivation ("disappointingly" from "disappointing", "charms" from "charm") keeps the
    /// valence (`Derivation::Suffix`); "un-" and "-less" on a positive word reverse it
    /// ("unfunny", "charmless"; `Derivation::Reversed`); a drawn-out word is read as the word
    /// ("goooood"; `Derivation::Elongated`). `scratch` is reused to build keys.
    pub fn valence_of(&self, word: &str, scratch: &mut String) -> Option<(Source, f32, Derivation)> {
        if has_run_of_three(word) {
            for keep in [2, 1] {
                collapse_runs(word, keep, scratch);
                if let Some(&Entry { valence: Some((source, v)), .. }) = self.map.get(scratch.as_str()) {
                    return Some((source, v, Derivation::Elongated));
                }
            }
        }
        // Only the suffixes that end in the word's last letter are tried.
        let last = word.as_bytes().last().copied();
        for &(suffix, replacement) in SUFFIXES.iter().filter(|(suffix, _)| suffix.as_bytes().last().copied() == last) {
            let Some(stem) = word.strip_suffix(suffix) else { continue };
            if stem.len() < 3 {
                continue;
            }
            scratch.clear();
            scratch.push_str(stem);
            scratch.push_str(replacement);
            if let Some(&Entry { valence: Some((source, v)), .. }) = self.map.get(scratch.as_str()) {
                return Some((source, v, Derivation::Suffix));
            }
        }
        let positive_base = |base: &str| match self.map.get(base) {
            Some(&Entry { valence: Some((source, v)), .. }) if v > 0.0 => Some((source, v, Derivation::Reversed)),
            _ => None,
        };
        let reversed = word.strip_prefix("un").filter(|b| b.len() >= 4).and_then(positive_base);
        reversed.or_else(|| word.strip_suffix("less").filter(|b| b.len() >= 3).and_then(positive_base))
    }
}

/// Inflections and derivations that keep a word's tone: (suffix, what replaces it).
const SUFFIXES: &[(&str, &str)] = &[
    ("s", ""),
    ("es", ""),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ing", ""),
    ("ing", "e"),
    ("ly", ""),
    ("ily", "y"),
    ("ies", "y"),
    ("ied", "y"),
    ("ness", ""),
];

/// How a word's valence was derived from a listed word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Derivation {
    /// Listed as it is.
    Listed,
    /// An inflection or derivation of a listed word, same tone.
    Suffix,
    /// "un-" or "-less" on a listed positive word, reversed tone.
    Reversed,
    /// A listed word with a letter drawn out ("sooo good", "baaad"): same tone, emphasised.
    Elongated,
    /// A negator's own tone ("no", "lack"), besides its negating the words after it.
    Negator,
}

/// `word` with every run of three or more identical letters cut to `keep` letters.
fn collapse_runs(word: &str, keep: usize, out: &mut String) {
    out.clear();
    let mut run = 0;
    let mut last = None;
    for c in word.chars() {
        run = if Some(c) == last { run + 1 } else { 1 };
        last = Some(c);
        if run <= keep {
            out.push(c);
        }
    }
}

fn has_run_of_three(word: &str) -> bool {
    word.as_bytes().windows(3).any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_ascii_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_loaded() {
        let lex = Lexicon::get_or_init();
        let valence = |w: &str| lex.get(w).and_then(|e| e.valence);
        assert!(matches!(valence("good"), Some((Source::Vader, v)) if v > 1.0));
        assert!(matches!(valence("tedious"), Some((Source::Extra, v)) if v < 0.0));
        assert!(matches!(valence("abrupt"), Some((Source::Pattern, v)) if v < 0.0));
        assert!(matches!(valence("waste of time"), Some((Source::Idiom, v)) if v < 0.0));
        assert!(matches!(valence(":)"), Some((Source::Vader, v)) if v > 0.0));
        assert_eq!(lex.get("never").map(|e| e.role), Some(Role::Negator));
        assert_eq!(lex.get("no longer").map(|e| e.role), Some(Role::Negator));
        assert_eq!(lex.get("very").map(|e| e.role), Some(Role::Degree(1)));
        assert_eq!(lex.get("slightly").map(|e| e.role), Some(Role::Degree(-1)));
        assert_eq!(lex.get("but").map(|e| e.role), Some(Role::Contrast));
        assert_eq!(lex.get("although").map(|e| e.role), Some(Role::Concessive));
        assert_eq!(lex.get("would").map(|e| e.role), Some(Role::Irrealis));
        assert!(lex.get("sanctions").is_some_and(|e| e.domain));
        assert_eq!(lex.get("bombshell").and_then(|e| e.loaded), Some(LoadedKind::Sensational));
        assert_eq!(lex.get("genocide").and_then(|e| e.loaded), Some(LoadedKind::Emotional));
        assert_eq!(lex.get("so called").and_then(|e| e.loaded), Some(LoadedKind::Subjective));
        assert!(lex.get("waste").is_some_and(|e| e.continues));
        assert!(lex.get("waste of").is_some_and(|e| e.continues && e.valence.is_none()));
        assert!(lex.get("waste of time").is_some_and(|e| !e.continues));
        assert!(lex.get("table").is_none());
    }

    #[test]
    fn derived_words_take_their_base_valence() {
        let lex = Lexicon::get_or_init();
        let mut scratch = String::new();
        // (word, how it is derived, sign of the base valence)
        let hits = [("disappointingly", Derivation::Suffix, -1.0), ("charms", Derivation::Suffix, 1.0), ("unfunny", Derivation::Reversed, 1.0), ("goooood", Derivation::Elongated, 1.0), ("baaad", Derivation::Elongated, -1.0)];
        for (word, how, sign) in hits {
            let found = lex.valence_of(word, &mut scratch);
            assert!(matches!(found, Some((_, v, d)) if d == how && v * sign > 0.0), "{word}: {found:?}");
        }
        for miss in ["table", "un", "less", "unbox", "cats", "zzzz", "aaa"] {
            assert_eq!(lex.valence_of(miss, &mut scratch), None, "{miss}");
        }
    }

    #[test]
    fn keys_are_normalized() {
        assert_eq!(normalize_key("So-Called"), "so called");
        assert_eq!(normalize_key(":-)"), ":-)");
        assert_eq!(normalize_key("can\u{2019}t"), "can't");
    }
}
