//! Sectioned word lists embedded from `src/lexicon/`, parsed once.
//!
//! Input: the text of a list file: `#` comments, `[section]` headers, and lines of entries
//! separated by `|` (an entry may be a phrase of several words). Output: a [`Lexicon`] that
//! answers "is this lowercase word in that section" and "which phrase of that section starts
//! here". Used by the quotes, sources and hedges stages.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

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
    words: HashMap<&'static str, HashSet<&'static str>>,
    phrases: HashMap<&'static str, Vec<Vec<&'static str>>>,
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
                if parts.len() == 1 {
                    lexicon.words.entry(section).or_default().insert(entry);
                } else {
                    lexicon.phrases.entry(section).or_default().push(parts);
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
        let longest = self.phrases.get(section).and_then(|list| {
            list.iter().find(|phrase| {
                let mut ws = words.clone();
                phrase.iter().all(|p| ws.next() == Some(*p))
            })
        });
        match longest {
            Some(p) => p.len(),
            None => usize::from(words.clone().next().is_some_and(|w| self.has(section, w))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# comment\n[verbs]\nsay | says # trailing\n[phrases]\naccording to | as | as reported by\n";

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
