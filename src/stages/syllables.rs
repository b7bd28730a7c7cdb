//! Syllable counter for English words.
//!
//! Input: one word. Output: its number of syllables (at least 1 for a word with a letter).

/// Counts the syllables of `word` from its vowel groups.
pub(crate) fn count(word: &str) -> usize {
    let lower = word.to_lowercase();
    let letters: Vec<char> = lower.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return 0;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut groups = 0;
    let mut prev = false;
    for &c in &letters {
        let v = vowel(c);
        if v && !prev {
            groups += 1;
        }
        prev = v;
    }
    let n = letters.len();
    if n > 2 && letters[n - 1] == 'e' && !vowel(letters[n - 2]) && !(letters[n - 2] == 'l' && !vowel(letters[n - 3])) {
        groups -= 1;
    }
    groups.max(1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_common_words() {
        for (w, n) in [("cat", 1), ("table", 2), ("make", 1), ("banana", 3), ("rhythm", 1)] {
            assert_eq!(super::count(w), n, "{w}");
        }
    }
}
