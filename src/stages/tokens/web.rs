//! Web tokens: URLs, e-mail addresses, hashtags and mentions.
//!
//! Input: the text and the byte offset where a token starts. Output: the end of the web
//! token starting there, if there is one. Every scan is bounded or consumes what it reads.

use super::{char_at, char_before};
use crate::text::{is_ignorable, is_mark, is_space};

const SCHEMES: [&str; 5] = ["https://", "http://", "ftp://", "www.", "mailto:"];
/// Longest local part and domain of an e-mail address (RFC 5321 limits).
pub(super) const MAX_LOCAL: usize = 64;
const MAX_DOMAIN: usize = 255;

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.as_bytes().get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// A URL starting with a scheme or `www.`: runs to the next space or angle bracket or double
/// quote, without trailing punctuation or an unbalanced closing bracket.
pub(super) fn url(text: &str, start: usize) -> Option<usize> {
    let rest = text.get(start..)?;
    let scheme = SCHEMES.iter().find(|s| starts_with_ignore_case(rest, s))?.len();
    let stop = |c: char| is_space(c) || is_ignorable(c) || matches!(c, '<' | '>' | '"' | '`' | '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}');
    let body = rest.get(scheme..)?;
    let len = body.find(stop).unwrap_or(body.len());
    let (mut open, mut close) = (0usize, 0usize);
    for c in body.get(..len)?.chars() {
        open += usize::from(matches!(c, '(' | '['));
        close += usize::from(matches!(c, ')' | ']'));
    }
    let mut end = start + scheme + len;
    while let Some(c) = char_before(text, end) {
        let unbalanced = matches!(c, ')' | ']') && close > open;
        if !(unbalanced || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '*')) || end <= start + scheme {
            break;
        }
        close -= usize::from(unbalanced);
        end -= c.len_utf8();
    }
    (end > start + scheme).then_some(end)
}

/// An e-mail address `local@domain.tld` (ASCII) starting at `start`, or an internal one
/// without a dot ("Warner@ENRON").
pub(super) fn email(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let local = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-' | b'\'');
    let mut at = start;
    while at < start + MAX_LOCAL && bytes.get(at).is_some_and(|&b| local(b)) {
        at += 1;
    }
    if at == start || bytes.get(at) != Some(&b'@') {
        return None;
    }
    let mut end = at + 1;
    let mut last_dot = None;
    while end < at + 1 + MAX_DOMAIN {
        match bytes.get(end) {
            Some(b) if b.is_ascii_alphanumeric() || *b == b'-' => end += 1,
            Some(b'.') if bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric) => {
                last_dot = Some(end);
                end += 1;
            }
            _ => break,
        }
    }
    let Some(dot) = last_dot else {
        // "Warner@ENRON": a mail-system address without a domain.
        let named = at - start >= 2 && end - at > 2 && text.get(start..at)?.bytes().any(|b| b.is_ascii_alphabetic());
        return named.then_some(end);
    };
    let tld = text.get(dot + 1..end)?;
    (tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())).then_some(end)
}

/// The name after `#` or `@` (letters, digits, `_`), given the offset just after the sign;
/// a hashtag needs a letter, so that "#1" stays a sign and a number.
pub(super) fn handle(text: &str, from: usize, need_letter: bool) -> Option<usize> {
    let mut end = from;
    let mut letter = false;
    while let Some(c) = char_at(text, end) {
        if !(c.is_alphanumeric() || c == '_' || (is_mark(c) && end > from)) {
            break;
        }
        letter |= c.is_alphabetic();
        end += c.len_utf8();
    }
    (end > from && (letter || !need_letter)).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(f: impl Fn(&str, usize) -> Option<usize>, text: &str) -> Option<&str> {
        f(text, 0).map(|end| &text[..end])
    }

    #[test]
    fn urls_hits_and_misses() {
        for (text, url_part) in [
            ("http://example.com/a?b=1.", Some("http://example.com/a?b=1")),
            ("https://en.wikipedia.org/wiki/Rust_(language)).", Some("https://en.wikipedia.org/wiki/Rust_(language)")),
            ("www.bbc.co.uk, then", Some("www.bbc.co.uk")),
            ("HTTP://X.ORG\" and", Some("HTTP://X.ORG")),
            ("http://x.com/caf\u{e9}\u{a0}next", Some("http://x.com/caf\u{e9}")),
            ("http://", None),
            ("www.", None),
            ("wwwhat", None),
            ("example.com", None),
        ] {
            assert_eq!(found(url, text), url_part, "{text}");
        }
    }

    #[test]
    fn emails_hits_and_misses() {
        for (text, address) in [
            ("john.smith@example.co.uk.", Some("john.smith@example.co.uk")),
            ("franz371...@gmail.com", Some("franz371...@gmail.com")),
            ("a@b.cd>", Some("a@b.cd")),
            ("Warner@ENRON COMMUNICATIONS", Some("Warner@ENRON")),
            ("x@ENRON", None),
            ("ab@c", None),
            ("@example.com", None),
            ("john@example.c0m", None),
            ("john at example.com", None),
        ] {
            assert_eq!(found(email, text), address, "{text}");
        }
    }

    #[test]
    fn handles_hits_and_misses() {
        assert_eq!(handle("#audiobooks for", 1, true), Some(11));
        assert_eq!(handle("#1 hit", 1, true), None);
        assert_eq!(handle("@jack_2!", 1, false), Some(7));
        assert_eq!(handle("@ ", 1, false), None);
    }
}
