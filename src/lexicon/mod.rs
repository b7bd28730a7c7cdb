//! Loader for the word lists under `src/lexicon/`.
//!
//! Input: the text of a list embedded with `include_str!`, one entry per line; `#` starts a
//! comment (whole line or trailing), blank lines are skipped and entries are trimmed.
//! Output: a [`WordList`], sorted and deduplicated, built once per list and cached in a
//! `static OnceLock` by [`cached`]:
//!
//! ```text
//! static LIST: OnceLock<WordList> = OnceLock::new();
//! let list = lexicon::cached(&LIST, include_str!("../lexicon/abbreviations.txt"));
//! ```

use std::cmp::Ordering;
use std::sync::OnceLock;

/// The entries of a list file: trimmed lines without comments, in file order.
pub(crate) fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().filter_map(|line| {
        let entry = line.split('#').next().unwrap_or("").trim();
        (!entry.is_empty()).then_some(entry)
    })
}

/// A sorted, deduplicated list of entries.
#[derive(Debug)]
pub(crate) struct WordList {
    entries: Vec<&'static str>,
}

impl WordList {
    pub(crate) fn parse(text: &'static str) -> WordList {
        let mut entries: Vec<&'static str> = entries(text).collect();
        entries.sort_unstable();
        entries.dedup();
        WordList { entries }
    }

    /// Exact membership.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.entries.binary_search(&word).is_ok()
    }

    /// Membership ignoring ASCII case; the list's entries must be in lower case.
    pub(crate) fn contains_ignore_case(&self, word: &str) -> bool {
        self.entries.binary_search_by(|e| cmp_lowered(e, word)).is_ok()
    }
}

/// Compares `entry` with `word` lower-cased (ASCII), without allocating: the order that
/// binary searches of lower-case entries by any-case words need.
pub(crate) fn cmp_lowered(entry: &str, word: &str) -> Ordering {
    entry.bytes().cmp(word.bytes().map(|b| b.to_ascii_lowercase()))
}

/// The list parsed from `text`, built on first use and kept in `cell`.
pub(crate) fn cached(cell: &'static OnceLock<WordList>, text: &'static str) -> &'static WordList {
    cell.get_or_init(|| WordList::parse(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# source: test\n\nbeta  # trailing comment\nalpha\n  gamma  \nalpha\n#only a comment\n";

    #[test]
    fn parses_sorts_and_dedups() {
        let list = WordList::parse(SAMPLE);
        assert_eq!(list.entries, ["alpha", "beta", "gamma"]);
    }

    #[test]
    fn membership_hits_and_misses() {
        let list = WordList::parse(SAMPLE);
        for (word, exact, folded) in [
            ("alpha", true, true),
            ("Alpha", false, true),
            ("GAMMA", false, true),
            ("alph", false, false),
            ("alphas", false, false),
            ("", false, false),
            ("# only a comment", false, false),
        ] {
            assert_eq!(list.contains(word), exact, "{word}");
            assert_eq!(list.contains_ignore_case(word), folded, "{word}");
        }
    }

    #[test]
    fn cached_list_is_built_once() {
        static CELL: OnceLock<WordList> = OnceLock::new();
        let a = cached(&CELL, SAMPLE) as *const WordList;
        let b = cached(&CELL, "other") as *const WordList;
        assert_eq!(a, b);
    }
}
