//! Character classes for analysis that never move offsets.
//!
//! Stages look at the original text through these helpers instead of rewriting it: curly and
//! straight quotes compare equal, NBSP and other spaces are spaces, soft hyphens and
//! zero-width characters are ignorable. Input: single `char`s. Output: their class or folded form.

/// Folds typographic variants to one ASCII form: curly quotes to `'` or `"`, dashes to `-`
/// where they join words, exotic spaces to `' '`. Other characters are returned unchanged.
pub(crate) fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' => '-',
        c if is_space(c) => ' ',
        c => c,
    }
}

/// Whitespace, including NBSP and the other Unicode spaces.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// A line or paragraph break.
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Characters that are invisible to analysis: soft hyphen, zero-width space/joiners, BOM,
/// word joiner, bidi marks. They stay in spans but never split or form words.
pub(crate) fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Any quotation mark, straight or typographic.
pub(crate) fn is_quote(c: char) -> bool {
    matches!(fold(c), '\'' | '"') || matches!(c, '\u{2039}' | '\u{203A}' | '\u{300C}' | '\u{300D}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_and_spaces() {
        assert_eq!(fold('\u{201C}'), '"');
        assert_eq!(fold('\u{2019}'), '\'');
        assert_eq!(fold('\u{A0}'), ' ');
        assert_eq!(fold('a'), 'a');
        assert!(is_quote('\u{201D}'));
        assert!(is_ignorable('\u{AD}'));
        assert!(is_line_break('\u{2029}'));
        assert!(!is_space('x'));
    }
}
