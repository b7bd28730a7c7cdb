//! Number tokens, following Universal Dependencies English.
//!
//! One token: "1,000.50", "3.5", "10:30", "08/16/2000", "1996-08-30", "713-853-3989", a plus
//! sign at the start of a word ("+9"; a minus sign is split off), ordinals and decades ("21st", "1990s", "60's"), and
//! codes that go on with letters ("4G", "3143C"). Split: ranges and other short hyphenated
//! pairs ("2" "-" "3", "15" "-" "year"), units ("5" "pm", "35" "mm", "2" "bn"), and "%".
//! Input: the text and the offset of a digit or sign. Output: tokens pushed, and their end.

use super::{char_at, push, slice, with_marks, word};
use crate::doc::{Token, TokenKind};
use crate::text::{is_apostrophe, is_emoji_extender, is_mark};

fn is_digit(c: char) -> bool {
    c.is_numeric()
}

/// Scans the number at `start` (a digit, or a plus sign before one), pushes it and returns its end.
pub(super) fn scan(text: &str, start: usize, out: &mut Vec<Token>) -> usize {
    let mut i = start;
    if text.get(i..).is_some_and(|r| r.starts_with('+')) {
        i += 1;
    }
    let mut group_start = i;
    let mut slashes = 0;
    while let Some(c) = char_at(text, i) {
        if is_digit(c) {
            i += c.len_utf8();
            continue;
        }
        let digit_next = char_at(text, i + 1).is_some_and(|n| n.is_ascii_digit());
        match c {
            ',' | '.' | ':' if digit_next => i += 1,
            '/' if digit_next && slash_joins(text, i, slashes) => {
                slashes += 1;
                i += 1;
            }
            '-' if digit_next => match hyphen_chain(text, group_start, i) {
                Some(end) => i = end,
                None => break,
            },
            _ => break,
        }
        group_start = i;
    }
    let (end, kind) = suffix(text, start, i);
    push(out, start, end, kind);
    end
}

/// A slash between digits joins dates and fractions ("08/16/2000", "3/15") but not a
/// single-digit pair ("1/2" stays "1" "/" "2" as in UD EWT).
fn slash_joins(text: &str, slash: usize, slashes_before: usize) -> bool {
    let digits = text.get(slash + 1..).unwrap_or("").chars().take_while(|c| c.is_ascii_digit()).count();
    let another = text.get(slash + 1 + digits..).is_some_and(|rest| rest.starts_with('/'));
    slashes_before > 0 || digits >= 2 || another
}

/// Digit groups joined by hyphens from `group_start` (the hyphen at `hyphen`): phone numbers
/// and dates ("713-853-3989", "1996-08-30", "345-9945", "3-5213") stay one token; ranges
/// and short pairs ("1969-1970", "5-10", "1-800") do not. Returns the end of the chain when it stays whole.
fn hyphen_chain(text: &str, group_start: usize, hyphen: usize) -> Option<usize> {
    let first = slice(text, group_start, hyphen);
    if !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (mut groups, mut second) = (1, 0);
    let mut end = hyphen;
    while text.get(end..).is_some_and(|r| r.starts_with('-')) {
        let digits = text.get(end + 1..).unwrap_or("").bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            break;
        }
        groups += 1;
        if groups == 2 {
            second = digits;
        }
        end += 1 + digits;
    }
    let a = first.len();
    let whole = if groups == 2 { second >= 3 && (a >= 3 || second >= 4) && !(a == 4 && second == 4) } else { groups >= 3 };
    whole.then_some(end)
}

/// What follows the digits: ordinal, decade, unit (split), initialism ("5p.m.", split),
/// keycap emoji, or letters that make a code.
fn suffix(text: &str, start: usize, digits_end: usize) -> (usize, TokenKind) {
    let letters_end = digits_end + slice(text, digits_end, text.len()).bytes().take_while(u8::is_ascii_alphabetic).count();
    let letters = slice(text, digits_end, letters_end);
    let closed = !char_at(text, letters_end).is_some_and(|c| c.is_alphanumeric() || is_mark(c));
    if letters.is_empty() {
        return match char_at(text, digits_end) {
            Some(c) if is_apostrophe(c) && decade_s(text, digits_end + c.len_utf8()) => (digits_end + c.len_utf8() + 1, TokenKind::Number),
            Some(c) if is_emoji_extender(c) && digits_end == start + 1 => (keycap_end(text, digits_end), TokenKind::Emoji),
            _ => (with_marks(text, digits_end), TokenKind::Number),
        };
    }
    let ordinal = ["st", "nd", "rd", "th", "s"].iter().any(|s| letters.eq_ignore_ascii_case(s));
    if closed && ordinal {
        return (letters_end, TokenKind::Number);
    }
    if (closed && super::lists::is_unit(letters)) || (letters.len() == 1 && word::initialism(text, digits_end).is_some()) {
        return (digits_end, TokenKind::Number);
    }
    let mut end = letters_end;
    while let Some(c) = char_at(text, end).filter(|c| c.is_alphanumeric() || is_mark(*c)) {
        end += c.len_utf8();
    }
    (end, TokenKind::Word)
}

/// "s" then no letter or digit, at `from` (after the apostrophe of "60's").
fn decade_s(text: &str, from: usize) -> bool {
    char_at(text, from) == Some('s') && !char_at(text, from + 1).is_some_and(char::is_alphanumeric)
}

fn keycap_end(text: &str, mut end: usize) -> usize {
    while let Some(c) = char_at(text, end).filter(|&c| is_emoji_extender(c)) {
        end += c.len_utf8();
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(&str, TokenKind)> {
        let mut out = Vec::new();
        scan(text, 0, &mut out);
        out.iter().map(|t| (&text[t.span.start..t.span.end], t.kind)).collect()
    }

    #[test]
    fn numbers_hits_and_misses() {
        use TokenKind::{Emoji, Number, Word};
        for (text, expected) in [
            ("1,000.50 dollars", ("1,000.50", Number)),
            ("3.5%", ("3.5", Number)),
            ("10:30", ("10:30", Number)),
            ("1996-08-30", ("1996-08-30", Number)),
            ("713-853-3989.", ("713-853-3989", Number)),
            ("345-9945", ("345-9945", Number)),
            ("3-5213)", ("3-5213", Number)),
            ("5-10", ("5", Number)),
            ("1969-1970", ("1969", Number)),
            ("15-year", ("15", Number)),
            ("2-3", ("2", Number)),
            ("08/16/2000", ("08/16/2000", Number)),
            ("3/15", ("3/15", Number)),
            ("1/2", ("1", Number)),
            ("+0.3931 (", ("+0.3931", Number)),
            ("21st", ("21st", Number)),
            ("1990s", ("1990s", Number)),
            ("60's", ("60's", Number)),
            ("60's.", ("60's", Number)),
            ("5pm", ("5", Number)),
            ("7:30PM", ("7:30", Number)),
            ("2bn", ("2", Number)),
            ("5p.m.", ("5", Number)),
            ("4G", ("4G", Word)),
            ("3143C", ("3143C", Word)),
            ("4x4", ("4x4", Word)),
            ("1996.", ("1996", Number)),
            ("3,", ("3", Number)),
            ("1\u{FE0F}\u{20E3}", ("1\u{FE0F}\u{20E3}", Emoji)),
            ("\u{661}\u{662}", ("\u{661}\u{662}", Number)),
        ] {
            assert_eq!(tokens(text)[0], expected, "{text}");
        }
    }
}
