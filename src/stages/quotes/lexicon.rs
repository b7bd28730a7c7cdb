//! Sectioned word lists embedded from `src/lexicon/`, parsed once.
//!
//! Input: the text of a list file: `#` comments, `[section]` headers, and lines of entries
//! separated by `|` (an entry may be a phrase of several words). Output: a [`Lexicon`] that
//! answers "is this lowercase word in that section" and "which phrase of that section starts
//! here". Used by the quotes, sources and hedges stages.

use crate::text::fold;
use std::borrow::Cow;
use crate::hash::FastMap;
use std::sync::OnceLock;

/// A word as the lists spell it: lowercase, curly apostrophes and quotes folded. Borrowed
/// when the word is already in that form (most words), so that no allocation is made.
pub(crate) fn lowercase(word: &str) -> Cow<'_, str> {
    // Lowercase letters, digits and ASCII punctuation other than the backtick are kept as they
    // are; the check is by bytes for such words, by characters for the others.
    let plain = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || (b.is_ascii_punctuation() && b != b'`');
    if word.bytes().all(plain) || word.chars().all(|c| !c.is_uppercase() && fold(c) == c) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.chars().flat_map(char::to_lowercase).map(fold).collect())
    }
}

/// The words around cues (`src/lexicon/quote_cues.txt`): reporting verbs, auxiliaries…
pub(crate) fn cues() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(include_str!("../../lexicon/quote_cues.txt")))
}

/// The words that tell kinds of sources apart (`src/lexicon/source_kinds.txt`).
pub(crate) fn sources() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(include_str!("../../lexicon/source_kinds.txt")))
}

/// The entries of one list file, by first word: one lookup answers for every section.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Section names in file order; section `i` is bit `1 << i` of [`Entry::words`]. A
    /// file has at most 64 sections (entries of later ones are dropped).
    sections: Vec<&'static str>,
    entries: FastMap<&'static str, Entry>,
}

/// Section `i`'s bit in [`Entry::words`] (none past the 64th section).
fn bit(section: usize) -> u64 {
    u32::try_from(section).ok().and_then(|i| 1u64.checked_shl(i)).unwrap_or(0)
}

/// What the lists hold for one word.
#[derive(Debug, Default)]
struct Entry {
    /// The sections where the word is a one-word entry, as bits.
    words: u64,
    /// The phrases of several words that start with the word, with their section's index;
    /// longest first (and in file order among phrases of one length).
    phrases: Vec<(usize, Vec<&'static str>)>,
}

impl Lexicon {
    /// Parses a list file. Entries before any `[section]` header go to section `""`.
    pub(crate) fn parse(source: &'static str) -> Lexicon {
        let mut lexicon = Lexicon::default();
        let mut section = lexicon.section_index("");
        for line in source.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = lexicon.section_index(name.trim());
                continue;
            }
            if bit(section) == 0 {
                continue;
            }
            for entry in line.split('|').map(str::trim).filter(|e| !e.is_empty()) {
                let parts: Vec<&'static str> = entry.split_whitespace().collect();
                match parts.first() {
                    Some(&first) if parts.len() > 1 => lexicon.entries.entry(first).or_default().phrases.push((section, parts)),
                    _ => lexicon.entries.entry(entry).or_default().words |= bit(section),
                }
            }
        }
        for entry in lexicon.entries.values_mut() {
            // Longest first, so that the longest phrase starting at a word wins.
            entry.phrases.sort_by_key(|(_, p)| std::cmp::Reverse(p.len()));
        }
        lexicon
    }

    /// The index of section `name`, added if new.
    fn section_index(&mut self, name: &'static str) -> usize {
        self.sections.iter().position(|&s| s == name).unwrap_or_else(|| {
            self.sections.push(name);
            self.sections.len() - 1
        })
    }

    /// The index of section `name`, if the file has it.
    fn section(&self, name: &str) -> Option<usize> {
        self.sections.iter().position(|&s| s == name)
    }

    /// The bits of `sections` in [`Entry::words`].
    fn bits(&self, sections: &[&str]) -> u64 {
        sections.iter().filter_map(|s| self.section(s)).fold(0, |bits, i| bits | bit(i))
    }

    /// True when the lowercase `word` is a one-word entry of `section`.
    pub(crate) fn has(&self, section: &str, word: &str) -> bool {
        self.has_any(&[section], word)
    }

    /// True when the lowercase `word` is a one-word entry of any of `sections`.
    pub(crate) fn has_any(&self, sections: &[&str], word: &str) -> bool {
        self.entries.get(word).is_some_and(|e| e.words & self.bits(sections) != 0)
    }

    /// The number of words of the longest phrase of `section` that `words` starts with
    /// (one-word entries included), or 0.
    pub(crate) fn phrase_at<'w>(&self, section: &str, words: impl Iterator<Item = &'w str> + Clone) -> usize {
        let [n] = self.phrases_at([section], words);
        n
    }

    /// [`Lexicon::phrase_at`] for each of `sections`, with one lookup of the first word.
    pub(crate) fn phrases_at<'w, const N: usize>(&self, sections: [&str; N], words: impl Iterator<Item = &'w str> + Clone) -> [usize; N] {
        let entry = words.clone().next().and_then(|first| self.entries.get(first));
        sections.map(|name| {
            let (Some(entry), Some(section)) = (entry, self.section(name)) else { return 0 };
            let longest = entry.phrases.iter().filter(|(s, _)| *s == section).find(|(_, phrase)| {
                let mut ws = words.clone();
                phrase.iter().all(|p| ws.next() == Some(*p))
            });
            match longest {
                Some((_, p)) => p.len(),
                None => usize::from(entry.words & bit(section) != 0),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# comment\n[verbs]\nsay | says # trailing\n[phrases]\naccording to | as | as reported by\n";

    #[test]
    fn lowercase_folds_and_borrows_when_it_can() {
        assert!(matches!(lowercase("said"), Cow::Borrowed("said")));
        assert!(matches!(lowercase("n't,1990s"), Cow::Borrowed(_)));
        assert!(matches!(lowercase("caf\u{E9}"), Cow::Borrowed(_)));
        assert_eq!(lowercase("it`s"), "it's");
        assert_eq!(lowercase("Said"), "said");
        assert_eq!(lowercase("Kirby\u{2019}s"), "kirby's");
        assert_eq!(lowercase("\u{C9}T\u{C9}"), "\u{E9}t\u{E9}");
    }

    #[test]
    fn reads_sections_words_and_phrases() {
        let lex = Lexicon::parse(SAMPLE);
        assert!(lex.has("verbs", "says"));
        assert!(!lex.has("verbs", "comment"));
        assert!(!lex.has("phrases", "says"));
        let at = |s: &str| lex.phrase_at("phrases", s.split(' '));
        assert_eq!(at("according to him"), 2);
        assert_eq!(at("as reported by the"), 3);
        assert_eq!(at("as it"), 1);
        assert_eq!(at("according him"), 0);
        assert_eq!(lex.phrase_at("missing", "as".split(' ')), 0);
        assert_eq!(lex.phrases_at(["phrases", "verbs", "missing"], "as reported by".split(' ')), [3, 0, 0]);
        assert_eq!(lex.phrases_at(["verbs", "phrases"], "says so".split(' ')), [1, 0]);
        assert!(lex.has_any(&["phrases", "verbs"], "says") && !lex.has_any(&["phrases", "missing"], "says"));
    }

    #[test]
    fn words_may_sit_in_several_sections_and_before_any() {
        let lex = Lexicon::parse("top | as\n[a]\nas | as if\n[b]\nas well as\n");
        assert!(lex.has("", "top") && lex.has("", "as") && lex.has("a", "as") && !lex.has("b", "as"));
        assert_eq!(lex.phrases_at(["", "a", "b"], "as well as if".split(' ')), [1, 1, 3]);
        assert_eq!(lex.phrases_at(["", "a", "b"], "as if".split(' ')), [1, 2, 0]);
    }
}
