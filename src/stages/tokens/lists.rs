//! The word lists the tokenizer consults, each parsed once from `src/lexicon/`.
//!
//! Input: a word (without its full stop, hyphen or apostrophe). Output: whether the list has it.

use crate::lexicon::{cached, cmp_lowered, entries, WordList};
use std::sync::OnceLock;

/// "Mr", "etc", "Sun" (capitalised only): a full stop after them belongs to the word.
pub(super) fn is_abbreviation(word: &str) -> bool {
    static LIST: OnceLock<WordList> = OnceLock::new();
    let list = cached(&LIST, include_str!("../../lexicon/abbreviations.txt"));
    list.contains(word) || list.contains_ignore_case(word) || is_title(word)
}

/// "Mr", "Dr", "Gen": titles before a name, never at the end of a sentence.
pub(super) fn is_title(word: &str) -> bool {
    static LIST: OnceLock<WordList> = OnceLock::new();
    cached(&LIST, include_str!("../../lexicon/abbreviations-before-name.txt")).contains_ignore_case(word)
}

/// "No", "pp", "Vol": abbreviations only when a number follows.
pub(super) fn is_abbreviation_before_number(word: &str) -> bool {
    static LIST: OnceLock<WordList> = OnceLock::new();
    cached(&LIST, include_str!("../../lexicon/abbreviations-before-number.txt")).contains_ignore_case(word)
}

/// "non", "e", "co": prefixes that keep their hyphen inside the word.
pub(super) fn is_hyphen_prefix(word: &str) -> bool {
    static LIST: OnceLock<WordList> = OnceLock::new();
    cached(&LIST, include_str!("../../lexicon/hyphen-prefixes.txt")).contains_ignore_case(word)
}

/// "com", "org": endings that make "name.ending" a URL.
pub(super) fn is_top_level_domain(word: &str) -> bool {
    static LIST: OnceLock<WordList> = OnceLock::new();
    cached(&LIST, include_str!("../../lexicon/top-level-domains.txt")).contains_ignore_case(word)
}

/// "doc", "pdf": endings that make "name.ending" a file name.
pub(super) fn is_file_extension(word: &str) -> bool {
    static LIST: OnceLock<WordList> = OnceLock::new();
    cached(&LIST, include_str!("../../lexicon/file-extensions.txt")).contains_ignore_case(word)
}

/// "pm", "kg", "bn": units split from a number written against them.
pub(super) fn is_unit(word: &str) -> bool {
    static LIST: OnceLock<WordList> = OnceLock::new();
    cached(&LIST, include_str!("../../lexicon/unit-suffixes.txt")).contains_ignore_case(word)
}

/// The fused words of `multiword-splits.txt`, with a quick filter on length.
struct Splits {
    /// (word without `|`, where it splits), sorted.
    entries: Vec<(String, usize)>,
    /// Bit `n` set when some entry is `n` bytes long.
    lengths: u64,
}

/// Where a word written as one ("cannot", "gonna") splits into two tokens, as a byte offset.
pub(super) fn multiword_split(word: &str) -> Option<usize> {
    static SPLITS: OnceLock<Splits> = OnceLock::new();
    let splits = SPLITS.get_or_init(|| {
        let mut entries: Vec<(String, usize)> = entries(include_str!("../../lexicon/multiword-splits.txt"))
            .filter_map(|e| e.find('|').map(|at| (e.replace('|', ""), at)))
            .collect();
        entries.sort_unstable();
        let lengths = entries.iter().filter(|(w, _)| w.len() < 64).fold(0, |bits, (w, _)| bits | 1u64 << w.len());
        Splits { entries, lengths }
    });
    if word.len() >= 64 || splits.lengths & (1u64 << word.len()) == 0 {
        return None;
    }
    let i = splits.entries.binary_search_by(|(entry, _)| cmp_lowered(entry, word)).ok()?;
    splits.entries.get(i).map(|&(_, at)| at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_hits_and_misses() {
        assert!(is_title("Gen") && is_title("mrs") && !is_title("etc") && !is_title("St"));
        for w in ["Mr", "mr", "MR", "etc", "Sept", "Inc", "Sun", "Ill", "vs", "St"] {
            assert!(is_abbreviation(w), "{w}");
        }
        for w in ["sun", "ill", "mass", "the", "Mrx", "max", ""] {
            assert!(!is_abbreviation(w), "{w}");
        }
        assert!(is_abbreviation_before_number("No") && !is_abbreviation_before_number("yes"));
        assert!(is_hyphen_prefix("non") && is_hyphen_prefix("E") && !is_hyphen_prefix("long"));
        assert!(is_top_level_domain("Com") && !is_top_level_domain("it"));
        assert!(is_file_extension("PDF") && !is_file_extension("then"));
        assert!(is_unit("PM") && is_unit("bn") && !is_unit("th") && !is_unit("s"));
        assert_eq!(multiword_split("Cannot"), Some(3));
        assert_eq!(multiword_split("gonna"), Some(3));
        assert_eq!(multiword_split("can"), None);
        assert_eq!(multiword_split("canno\u{301}t"), None);
    }
}
