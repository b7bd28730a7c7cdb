//! Word classes learned from unlabelled text (`src/models/word.clusters`, built by
//! `train-tagger clusters`): two flat clusterings, coarse and fine, and how often the word
//! is capitalised inside a sentence.
//!
//! Input: a word's normalised hash ([`Word::lower`]). Output: its two classes as feature
//! values (non-zero; a fixed value for words without a class).

use super::features::{lower_hash, HashedMap, Word};
use std::sync::OnceLock;

/// The classes of one word as feature values: `[coarse, fine, case]` (case: how often the
/// word is capitalised inside a sentence, in five buckets).
pub type Classes = [u64; 3];

/// Feature values of a word that has no class.
pub const UNKNOWN: Classes = [1, 1, 1];

/// Parses a clusters file: `#` comment lines, then `coarse fine case<TAB>word word…` lines.
/// Lines that do not parse are skipped.
pub fn parse(text: &str) -> HashedMap<Classes> {
    let mut out = HashedMap::default();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((classes, words)) = line.split_once('\t') else { continue };
        let mut it = classes.split(' ').map(|c| c.parse::<u64>().ok());
        if let (Some(Some(a)), Some(Some(b)), Some(Some(c)), None) = (it.next(), it.next(), it.next(), it.next()) {
            for word in words.split(' ').filter(|w| !w.is_empty()) {
                out.insert(lower_hash(word), [a + 2, b + 2, c + 2]);
            }
        }
    }
    out
}

/// The embedded word classes, parsed once.
pub fn table() -> &'static HashedMap<Classes> {
    static TABLE: OnceLock<HashedMap<Classes>> = OnceLock::new();
    TABLE.get_or_init(|| parse(include_str!("../models/word.clusters")))
}

/// The classes of a word.
pub fn of(word: &Word) -> Classes {
    table().get(&word.lower).copied().unwrap_or(UNKNOWN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lines_and_skips_bad_ones() {
        let t = parse("# c\n3 17 3\tlyon paris\nbad line\n1\tx\n1 2\ty\n1 2 3 4\tz\n");
        assert_eq!(t.len(), 2);
        assert_eq!(t.get(&Word::new("Paris").lower), Some(&[5, 19, 5]));
        assert_eq!(t.get(&Word::new("lyon").lower), Some(&[5, 19, 5]));
    }

    #[test]
    fn embedded_table_knows_common_words() {
        assert_ne!(of(&Word::new("the")), UNKNOWN);
        assert_eq!(of(&Word::new("qzxv")), UNKNOWN);
    }
}
