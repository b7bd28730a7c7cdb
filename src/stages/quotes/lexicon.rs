//! Sectioned word lists embedded from `src/lexicon/`, parsed once.
//!
//! Input: the text of a list file: `#` comments, `[section]` headers, and lines of entries
//! separated by `|` (an entry may be a phrase of several words). Output: a [`Lexicon`] that
//! answers "is this lowercase word in that section" and "which phrase of that section starts
//! here". Used by the quotes, sources and hedges stages.

use crate::text::fold;
use std::borrow::Cow;
use crate::hash::{FastMap, FastSet};
use std::sync::OnceLock;

/// A word as the lists spell it: lowercase, curly apostrophes and quotes folded. Borrowed
/// when the word is already in that form (most words), so that no allocation is made.
pub(crate) fn lowercase(word: &str) -> Cow<'_, str> {
    if word.chars().all(|c| !c.is_uppercase() && fold(c) == c) {
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

/// The entries of one list file, by section.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    words: FastMap<&'static str, FastSet<&'static str>>,
    /// Phrases of several words by section and first word, longest first.
    phrases: FastMap<(&'static str, &'static str), Vec<Vec<&'static str>>>,
}

impl Lexicon {
    /// Parses a list file. Entries before any `[section]` header go to section `""`.
    pub(crate) fn parse(source: &'static str) -> Lexicon {
        let mut lexicon = Lexicon::default();
        let mut section = "";
        for line in source.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name.trim();
                continue;
            }
            for entry in line.split('|').map(str::trim).filter(|e| !e.is_empty()) {
                let parts: Vec<&'static str> = entry.split_whitespace().collect();
                match parts.first() {
                    Some(&first) if parts.len() > 1 => lexicon.phrases.entry((section, first)).or_default().push(parts),
                    _ => {
                        lexicon.words.entry(section).or_default().insert(entry);
                    }
                }
            }
        }
        for list in lexicon.phrases.values_mut() {
            // Longest first, so that the longest phrase starting at a word wins.
            list.sort_by_key(|p| std::cmp::Reverse(p.len()));
        }
        lexicon
    }

    /// True when the lowercase `word` is a one-word entry of `section`.
    pub(crate) fn has(&self, section: &str, word: &str) -> bool {
        self.words.get(section).is_some_and(|s| s.contains(word))
    }

    /// The number of words of the longest phrase of `section` that `words` starts with
    /// (one-word entries included), or 0.
    pub(crate) fn phrase_at<'w>(&self, section: &str, words: impl Iterator<Item = &'w str> + Clone) -> usize {
        let Some(first) = words.clone().next() else { return 0 };
        let longest = self.phrases.get(&(section, first)).and_then(|list| {
            list.iter().find(|phrase| {
                let mut ws = words.clone();
                phrase.iter().all(|p| ws.next() == Some(*p))
            })
        });
        match longest {
            Some(p) => p.len(),
            None => usize::from(self.has(section, first)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# comment\n[verbs]\nsay | says # trailing\n[phrases]\naccording to | as | as reported by\n";

    #[test]
    fn lowercase_folds_and_borrows_when_it_can() {
        assert!(matches!(lowercase("said"), Cow::Borrowed("said")));
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
    }
}
