//! Tokens that start with neither a letter nor a digit: punctuation and symbols, emoji and
//! emoticons, hashtags and mentions, clitics after an apostrophe, numbers with a plus sign
//! (a minus sign is a token of its own, as in UD EWT).
//!
//! Runs stay one token as in UD EWT: "...", "?!", "!!!", "--", "==", "***", "$$$", "''";
//! brackets and double quotes never join. Emoji keep their modifiers, variation selectors
//! and zero-width-joiner sequences; two regional indicators make one flag.
//! Input: the text and the offset of the character. Output: tokens pushed, and their end.

use super::{char_at, char_before, number, push, slice, web, with_marks};
use crate::doc::{Token, TokenKind};
use crate::text::{
    is_apostrophe, is_emoji_extender, is_emoji_modifier, is_emoji_presentation, is_opening, is_pictographic,
    is_punctuation, is_regional_indicator, is_space,
};

const ZWJ: char = '\u{200D}';

/// Scans the token at `start`, whose first character is `c`, and returns its end.
pub(super) fn scan(text: &str, start: usize, c: char, out: &mut Vec<Token>) -> usize {
    let prev = char_before(text, start);
    let after_word = prev.is_some_and(char::is_alphanumeric);
    let next = char_at(text, start + c.len_utf8());
    let at_word_start = prev.map_or(true, |p| is_space(p) || is_opening(p));
    if c == '+' && at_word_start && next.is_some_and(|n| n.is_ascii_digit()) {
        return number::scan(text, start, out);
    }
    let found = match c {
        '#' if !after_word => web::handle(text, start + 1, true).map(|end| (end, TokenKind::Hashtag)),
        '@' if !after_word => web::handle(text, start + 1, true).map(|end| (end, TokenKind::Mention)),
        c if is_apostrophe(c) => apostrophe(text, start, c, after_word || prev.is_some_and(is_space)),
        _ => None,
    };
    let (end, kind) = found
        .or_else(|| emoticon(text, start, after_word).map(|end| (end, TokenKind::Emoji)))
        .or_else(|| emoji(text, start).map(|end| (end, TokenKind::Emoji)))
        .unwrap_or_else(|| {
            let kind = if is_punctuation(c) { TokenKind::Punct } else { TokenKind::Symbol };
            (with_marks(text, run(text, start, c)), kind)
        });
    push(out, start, end, kind);
    end
}

/// After a word (or a space, as in "that 's"), a clitic ("'s", "'re", "'ll"); else, or if
/// no clitic follows, a decade ("'72", "'60s").
fn apostrophe(text: &str, start: usize, c: char, after_word: bool) -> Option<(usize, TokenKind)> {
    let from = start + c.len_utf8();
    let rest = text.get(from..).unwrap_or("");
    if after_word {
        let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let clitic = slice(rest, 0, letters);
        let closed = !rest.get(letters..).and_then(|r| r.chars().next()).is_some_and(char::is_alphanumeric);
        let known = ["s", "re", "ve", "ll", "d", "m"].iter().any(|k| clitic.eq_ignore_ascii_case(k));
        if closed && known {
            return Some((from + letters, TokenKind::Word));
        }
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let end = from + digits + usize::from(rest.get(digits..).is_some_and(|r| r.starts_with('s')));
    let closed = !char_at(text, end).is_some_and(char::is_alphanumeric);
    (digits == 2 && closed).then_some((end, TokenKind::Number))
}

/// ":)", ":-(", ";)", ":D", "=))": eyes, an optional nose, then a mouth; letter mouths only
/// when no word is glued before, and never a letter or digit right after.
fn emoticon(text: &str, start: usize, after_word: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    if !matches!(bytes.get(start), Some(b':' | b';' | b'=')) {
        return None;
    }
    let mut i = start + 1;
    if matches!(bytes.get(i), Some(b'-' | b'\'')) {
        i += 1;
    }
    let mouth = *bytes.get(i)?;
    let letter = matches!(mouth, b'D' | b'P' | b'p');
    if !(letter || matches!(mouth, b')' | b'(' | b']' | b'[' | b'/' | b'\\' | b'|' | b'*')) || (letter && after_word) {
        return None;
    }
    i += 1;
    while !matches!(mouth, b'/' | b'\\' | b'|') && bytes.get(i) == Some(&mouth) {
        i += 1;
    }
    let closed = !char_at(text, i).is_some_and(|c| c.is_alphanumeric() || c == '/');
    closed.then_some(i)
}

/// An emoji at `start`: a presentation emoji, a pictograph with U+FE0F, a keycap ("#️⃣"), or
/// a flag, with its modifiers and any zero-width-joiner sequence.
fn emoji(text: &str, start: usize) -> Option<usize> {
    let c = char_at(text, start)?;
    let mut i = start + c.len_utf8();
    let next = char_at(text, i);
    if is_regional_indicator(c) {
        return Some(i + next.filter(|&n| is_regional_indicator(n)).map_or(0, char::len_utf8));
    }
    let keycap = matches!(c, '#' | '*') && next.is_some_and(|n| matches!(n, '\u{FE0F}' | '\u{20E3}'));
    let pictograph = is_pictographic(c) && next == Some('\u{FE0F}');
    if !(keycap || pictograph || is_emoji_presentation(c) || is_emoji_modifier(c)) {
        return None;
    }
    loop {
        while let Some(e) = char_at(text, i).filter(|&e| is_emoji_extender(e)) {
            i += e.len_utf8();
        }
        match char_at(text, i + ZWJ.len_utf8()) {
            Some(p) if char_at(text, i) == Some(ZWJ) && is_pictographic(p) => i += ZWJ.len_utf8() + p.len_utf8(),
            _ => break,
        }
    }
    Some(with_marks(text, i))
}

/// Which run a punctuation character can join: 1 for sentence ends, 2 for rules and arrows.
fn run_group(c: char) -> u8 {
    match c {
        '.' | '!' | '?' | '\u{2026}' | '\u{203C}' | '\u{2047}'..='\u{2049}' => 1,
        '-' | '=' | '_' | '*' | '~' | '+' | '^' | '<' | '>' | '|' | '#' => 2,
        _ => 0,
    }
}

/// The end of the punctuation run that starts at `start` with `c`. Sentence-ending marks
/// join ("?!", ".?", "!!!"), except that an ellipsis of two or more full stops stays apart
/// from the marks around it ("..." "?", "!!" "..").
fn run(text: &str, start: usize, c: char) -> usize {
    let mut end = start + c.len_utf8();
    let group = run_group(c);
    let single_quote = |q: char| matches!(q, '\'' | '`' | '\u{2018}' | '\u{2019}');
    if matches!(c, '(' | ')' | '[' | ']' | '{' | '}' | '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{AB}' | '\u{BB}') {
        return end;
    }
    if single_quote(c) {
        return end + char_at(text, end).filter(|&q| single_quote(q)).map_or(0, char::len_utf8);
    }
    let mut stops = usize::from(c == '.');
    while let Some(n) = char_at(text, end) {
        let joins = match group {
            0 => n == c,
            1 => run_group(n) == 1 && !ellipsis_edge(text, end, stops, n),
            _ => run_group(n) == group,
        };
        if !joins {
            break;
        }
        stops = if n == '.' { stops + 1 } else { 0 };
        end += n.len_utf8();
    }
    end
}

/// True when `n` at `at` starts or ends an ellipsis inside a run of sentence-ending marks;
/// `stops` is the number of full stops just before it.
fn ellipsis_edge(text: &str, at: usize, stops: usize, n: char) -> bool {
    let run_before = text.get(..at).is_some_and(|b| !b.ends_with('.'));
    if n == '.' {
        run_before && text.get(at + 1..).is_some_and(|r| r.starts_with('.'))
    } else {
        stops >= 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> (&str, TokenKind) {
        let mut out = Vec::new();
        let c = text.chars().next().unwrap_or(' ');
        scan(text, 0, c, &mut out);
        (&text[out[0].span.start..out[0].span.end], out[0].kind)
    }

    #[test]
    fn symbols_hits_and_misses() {
        use TokenKind::*;
        for (text, expected) in [
            ("...", ("...", Punct)),
            ("?!?!! x", ("?!?!!", Punct)),
            ("!.", ("!.", Punct)),
            (".?", (".?", Punct)),
            ("...?", ("...", Punct)),
            ("!!..", ("!!", Punct)),
            ("?..", ("?", Punct)),
            ("--", ("--", Punct)),
            ("----==", ("----==", Punct)),
            ("<<", ("<<", Symbol)),
            ("$$$", ("$$$", Symbol)),
            ("$5", ("$", Symbol)),
            ("''", ("''", Punct)),
            ("\u{2018}\u{2019}", ("\u{2018}\u{2019}", Punct)),
            ("\"\"", ("\"", Punct)),
            ("((", ("(", Punct)),
            (".\"", (".", Punct)),
            (",,", (",,", Punct)),
            (":)", (":)", Emoji)),
            (":-)", (":-)", Emoji)),
            (";)", (";)", Emoji)),
            (":D ", (":D", Emoji)),
            (":Don't", (":", Punct)),
            (":(555)", (":", Punct)),
            ("://", (":", Punct)),
            ("#audiobooks", ("#audiobooks", Hashtag)),
            ("#1", ("#", Punct)),
            ("@jack hi", ("@jack", Mention)),
            ("@2.97", ("@", Punct)),
            ("'72", ("'72", Number)),
            ("'60s", ("'60s", Number)),
            ("'em", ("'", Punct)),
            ("-5", ("-", Punct)),
            ("+9", ("+9", Number)),
            ("\u{1F600}\u{1F600}", ("\u{1F600}", Emoji)),
            ("\u{1F44D}\u{1F3FD}!", ("\u{1F44D}\u{1F3FD}", Emoji)),
            ("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} x", ("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", Emoji)),
            ("\u{2764}\u{FE0F}", ("\u{2764}\u{FE0F}", Emoji)),
            ("\u{2764} x", ("\u{2764}", Symbol)),
            ("\u{1F1FA}\u{1F1F8}\u{1F1EC}", ("\u{1F1FA}\u{1F1F8}", Emoji)),
            ("#\u{FE0F}\u{20E3}", ("#\u{FE0F}\u{20E3}", Emoji)),
            ("\u{A9} 2024", ("\u{A9}", Symbol)),
            ("\u{2014}\u{2014}", ("\u{2014}\u{2014}", Punct)),
            ("\u{3002}", ("\u{3002}", Punct)),
            ("%\u{301}", ("%\u{301}", Punct)),
            ("+\u{301}", ("+\u{301}", Symbol)),
        ] {
            assert_eq!(first(text), expected, "{text}");
        }
    }

    #[test]
    fn clitic_after_a_word() {
        let text = "Kim's";
        let mut out = Vec::new();
        scan(text, 3, '\'', &mut out);
        assert_eq!(&text[out[0].span.start..out[0].span.end], "'s");
        assert_eq!(out[0].kind, TokenKind::Word);
    }
}
