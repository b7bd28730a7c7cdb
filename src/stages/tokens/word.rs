//! Word tokens: letters and digits with the joiners that Universal Dependencies English keeps
//! inside a word, and the splits it makes.
//!
//! Kept inside: combining marks and invisible characters, apostrophes of names ("O'Neill"),
//! hyphens after a listed prefix ("e-mail", "non-violence"), full stops of initialisms
//! ("U.S.", "a.m.", "Ph.D.") and of listed abbreviations ("Mr.", "etc.", "No." before a
//! number), domain and file names ("bbc.co.uk", "resume.doc"), "AT&T", "w/o", "Lisa_resume".
//! Split off: clitics ("Kim" "'s", "do" "n't", "ca" "n't"), listed fused words ("can" "not",
//! "gon" "na"), and every other hyphen ("long" "-" "term").
//! Input: the text and the offset of a letter or mark. Output: tokens pushed, and their end.

use super::{char_at, char_before, lists, push, slice};
use crate::doc::{Token, TokenKind};
use crate::text::{is_apostrophe, is_hyphen, is_ideograph, is_ignorable, is_mark};

/// Characters that continue a word.
fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() && !is_ideograph(c)) || is_mark(c)
}

/// Scans the word at `start`, pushes its token(s) and returns where it ends.
pub(super) fn scan(text: &str, start: usize, out: &mut Vec<Token>) -> usize {
    if let Some(end) = initialism(text, start) {
        push(out, start, end, TokenKind::Word);
        return end;
    }
    let mut i = start;
    let mut segment = start;
    let mut kind = TokenKind::Word;
    while let Some(c) = char_at(text, i) {
        let len = c.len_utf8();
        let next = char_at(text, i + len);
        if is_word_char(c) || (is_ignorable(c) && next.is_some_and(is_word_char)) {
            i += len;
            continue;
        }
        if is_apostrophe(c) && next.is_some_and(char::is_alphabetic) {
            match apostrophe(text, start, i, len) {
                Apostrophe::Inside(resume) => {
                    i = resume;
                    continue;
                }
                Apostrophe::EndAt(end) => {
                    i = end;
                    break;
                }
            }
        }
        let joins = match c {
            '.' if next.is_some_and(|n| n.is_ascii_alphanumeric()) => {
                if let Some((end, name_kind)) = dotted_name(text, start) {
                    i = end;
                    kind = name_kind;
                }
                false
            }
            '&' => ampersand_joins(slice(text, start, i), next),
            '_' => next.is_some_and(char::is_alphanumeric),
            '/' => slash_joins(text, start, i),
            c if is_hyphen(c) => next.is_some_and(char::is_alphanumeric) && lists::is_hyphen_prefix(slice(text, segment, i)),
            _ => false,
        };
        if !joins {
            break;
        }
        i += len;
        segment = i;
    }
    if kind == TokenKind::Word {
        let word = slice(text, start, i);
        if char_at(text, i) == Some('.') && takes_full_stop(text, word, i) {
            i += 1;
        } else if let Some(at) = lists::multiword_split(word) {
            push(out, start, start + at, TokenKind::Word);
            push(out, start + at, i, TokenKind::Word);
            return i;
        }
    }
    push(out, start, i, kind);
    i
}

enum Apostrophe {
    /// The apostrophe is inside the word; scanning resumes at this offset.
    Inside(usize),
    /// The word ends here (a clitic follows).
    EndAt(usize),
}

/// The clitics split from the word before them.
fn is_clitic(s: &str) -> bool {
    ["s", "re", "ve", "ll", "d", "m"].iter().any(|c| s.eq_ignore_ascii_case(c))
}

/// Decides about the apostrophe at `at` (of `len` bytes, a letter after it) in the word
/// that starts at `start`.
fn apostrophe(text: &str, start: usize, at: usize, len: usize) -> Apostrophe {
    let rest_start = at + len;
    let mut rest_end = rest_start;
    while let Some(c) = char_at(text, rest_end).filter(|c| c.is_alphabetic()) {
        rest_end += c.len_utf8();
    }
    let rest = slice(text, rest_start, rest_end);
    let closed = !char_at(text, rest_end).is_some_and(is_word_char);
    if closed && rest.eq_ignore_ascii_case("t") && matches!(char_before(text, at), Some('n' | 'N')) {
        // "don't" -> "do" "n't"; scanning "n't" itself, the token is the whole of it.
        return Apostrophe::EndAt(if at == start + 1 { rest_end } else { at - 1 });
    }
    if closed && is_clitic(rest) {
        return Apostrophe::EndAt(at);
    }
    Apostrophe::Inside(rest_start)
}

/// "U.S.", "a.m.", "e.g", "Ph.D.": two or more groups of one letter (or two, the first a
/// capital) joined by full stops, with its final full stop if there is one.
pub(super) fn initialism(text: &str, start: usize) -> Option<usize> {
    let mut i = start;
    let mut groups = 0;
    loop {
        let group_start = i;
        let mut letters = 0;
        while let Some(c) = char_at(text, i).filter(|c| c.is_alphabetic()) {
            letters += 1;
            i += c.len_utf8();
            if letters > 2 {
                return None;
            }
        }
        let capital = char_at(text, group_start).is_some_and(char::is_uppercase);
        if letters == 0 || (letters == 2 && !capital) {
            return None;
        }
        groups += 1;
        let ellipsis = text.get(i..).is_some_and(|r| r.starts_with("..."));
        if char_at(text, i) != Some('.') || ellipsis {
            break;
        }
        i += 1;
        if !char_at(text, i).is_some_and(char::is_alphabetic) {
            break;
        }
    }
    let closed = !char_at(text, i).is_some_and(is_word_char);
    (groups >= 2 && closed).then_some(i)
}

/// "bbc.co.uk", "alt.animals.cat", "resume.doc": a name with two inner full stops or a known
/// ending. Returns its end and kind (URL, or word for a file name).
fn dotted_name(text: &str, start: usize) -> Option<(usize, TokenKind)> {
    let mut i = start;
    let mut dots = 0;
    let mut last = start;
    while let Some(c) = char_at(text, i) {
        if is_word_char(c) || c == '_' || c == '-' {
            i += c.len_utf8();
        } else if c == '.' && char_at(text, i + 1).is_some_and(|n| n.is_ascii_alphanumeric()) {
            dots += 1;
            i += 1;
            last = i;
        } else {
            break;
        }
    }
    let ending = slice(text, last, i);
    if lists::is_file_extension(ending) {
        Some((i, TokenKind::Word))
    } else if dots >= 2 || lists::is_top_level_domain(ending) {
        Some((i, TokenKind::Url))
    } else {
        None
    }
}

/// "AT&T", "Q&A": an ampersand between short capitalised parts.
fn ampersand_joins(before: &str, next: Option<char>) -> bool {
    (1..=3).contains(&before.len()) && before.bytes().all(|b| b.is_ascii_uppercase()) && next.is_some_and(|c| c.is_ascii_uppercase())
}

/// "w/o", "b/c", "I/C", "w/out": a slash between a single letter and a short word.
fn slash_joins(text: &str, start: usize, slash: usize) -> bool {
    let mut end = slash + 1;
    while let Some(c) = char_at(text, end).filter(|c| c.is_ascii_alphabetic()) {
        end += c.len_utf8();
    }
    let after = slice(text, slash + 1, end);
    slash == start + 1
        && (after.len() == 1 || after.eq_ignore_ascii_case("out"))
        && !char_at(text, end).is_some_and(char::is_alphanumeric)
}

/// Whether the full stop at `at` after `word` belongs to it: listed abbreviations, single
/// capital initials, and "No."-like abbreviations before a number; never the first stop of
/// an ellipsis (but "Inc.." is "Inc." and ".").
fn takes_full_stop(text: &str, word: &str, at: usize) -> bool {
    if char_at(text, at + 1) == Some('.') && char_at(text, at + 2) == Some('.') {
        return false;
    }
    let mut chars = word.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    initial || lists::is_abbreviation(word) || (lists::is_abbreviation_before_number(word) && number_follows(text, at + 1))
}

/// A digit after at most a few spaces from `from`.
fn number_follows(text: &str, from: usize) -> bool {
    let rest = text.get(from..).unwrap_or("");
    rest.chars().take(4).find(|c| !c.is_whitespace()).is_some_and(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        scan(text, 0, &mut out);
        out.iter().map(|t| &text[t.span.start..t.span.end]).collect()
    }

    #[test]
    fn words_hits_and_misses() {
        for (text, expected) in [
            ("don't", &["do"][..]),
            ("can't", &["ca"]),
            ("n't", &["n't"]),
            ("Kim's", &["Kim"]),
            ("they\u{2019}re", &["they"]),
            ("O'Neill", &["O'Neill"]),
            ("Shi'ite", &["Shi'ite"]),
            ("cannot", &["can", "not"]),
            ("Gonna", &["Gon", "na"]),
            ("long-term", &["long"]),
            ("e-mail", &["e-mail"]),
            ("non-Microsoft", &["non-Microsoft"]),
            ("U.S. army", &["U.S."]),
            ("U.S", &["U.S"]),
            ("a.m.", &["a.m."]),
            ("Ph.D.", &["Ph.D."]),
            ("ok.so", &["ok"]),
            ("Mr. Smith", &["Mr."]),
            ("etc.", &["etc."]),
            ("J. R. R.", &["J."]),
            ("No. 10", &["No."]),
            ("no. We", &["no"]),
            ("the sun.", &["the"]),
            ("sun.", &["sun"]),
            ("Sun. paper", &["Sun."]),
            ("Mr...", &["Mr"]),
            ("Inc..", &["Inc."]),
            ("L.P..", &["L.P."]),
            ("U.S...", &["U.S"]),
            ("paulhastings.com.", &["paulhastings.com"]),
            ("alt.animals.cat", &["alt.animals.cat"]),
            ("TEXT.htm", &["TEXT.htm"]),
            ("Sushi.They", &["Sushi"]),
            ("AT&T", &["AT&T"]),
            ("Johnson&Johnson", &["Johnson"]),
            ("w/o", &["w/o"]),
            ("and/or", &["and"]),
            ("Lisa_resume", &["Lisa_resume"]),
            ("cafe\u{301}s", &["cafe\u{301}s"]),
            ("co\u{AD}op", &["co\u{AD}op"]),
            ("word\u{AD}", &["word"]),
            ("mp3", &["mp3"]),
        ] {
            assert_eq!(words(text), expected, "{text}");
        }
    }

    #[test]
    fn url_kind_for_domains() {
        let mut out = Vec::new();
        scan("bbc.co.uk", 0, &mut out);
        assert_eq!(out[0].kind, TokenKind::Url);
        out.clear();
        scan("API.pdf", 0, &mut out);
        assert_eq!(out[0].kind, TokenKind::Word);
    }
}
