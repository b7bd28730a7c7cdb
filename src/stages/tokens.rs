//! Token stage: splits the text into tokens and readability words.
//!
//! Reads: text. Writes: `tokens` (ordered, non-overlapping, never containing whitespace) and
//! `words`.
//!
//! Tokens follow Universal Dependencies English (EWT) boundaries, so that a tagger trained
//! on EWT sees the tokens it was trained on: punctuation is split off ("pockets" "..."),
//! clitics too ("do" "n't", "Kim" "'s"), hyphens are tokens of their own ("15" "-" "year")
//! unless a listed prefix comes before them ("e-mail"), while "U.S.", "Mr.", "a.m.",
//! "1,000.50", "10:30", "1996-08-30", URLs, e-mail addresses, hashtags, mentions, emoji and
//! emoticons stay whole (details in the submodules). A combining mark always stays with its
//! base, and soft hyphens or zero-width characters inside a word stay in it. Kinds: word,
//! number, punct, symbol, url, email, hashtag, mention, emoji (pictographs and text
//! emoticons such as ":)").
//!
//! `words` are readability words: tokens glued together without space by clitics or
//! hyphens make one word ("long-term", "Jong-Un's", "don't", "5pm"); numbers, URLs and
//! handles count as words; punctuation, symbols and emoji do not.
//!
//! One hand-written scan, linear in the text: every lookahead either consumes what it reads
//! or is bounded by a small constant.

mod lists;
mod number;
mod symbol;
mod web;
mod word;

use crate::doc::{Document, Span, Token, TokenKind};
use crate::text::{is_hyphen, is_ideograph, is_ignorable, is_mark, is_space};

/// The character starting at byte `i`, if `i` is a character boundary inside `text`.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The character ending at byte `i`.
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// `text[start..end]`, or "" when that is not a valid slice.
fn slice(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or("")
}

fn push(out: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    if end > start {
        out.push(Token { span: Span::new(start, end), kind, pos: None });
    }
}

/// Extends `end` over the combining marks after it.
fn with_marks(text: &str, mut end: usize) -> usize {
    while let Some(c) = char_at(text, end).filter(|&c| is_mark(c)) {
        end += c.len_utf8();
    }
    end
}

/// Splits `text` into tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    let mut next_at = 0;
    while let Some(c) = char_at(text, i) {
        if next_at < i {
            next_at = text.get(i..).and_then(|rest| rest.find('@')).map_or(usize::MAX, |k| i + k);
        }
        let end = if is_space(c) || is_ignorable(c) { i } else { token(text, i, c, next_at, &mut out) };
        i = end.max(i + c.len_utf8());
    }
    out
}

/// Scans the token(s) starting at `start` with `c`; returns where they end. `next_at` is the
/// offset of the next `@` (e-mail addresses are looked for only when one is near).
fn token(text: &str, start: usize, c: char, next_at: usize, out: &mut Vec<Token>) -> usize {
    if let Some(end) = web::url(text, start) {
        push(out, start, end, TokenKind::Url);
        return end;
    }
    if c.is_alphanumeric() && next_at.saturating_sub(start) <= web::MAX_LOCAL {
        if let Some(end) = web::email(text, start) {
            push(out, start, end, TokenKind::Email);
            return end;
        }
    }
    if is_ideograph(c) {
        let end = with_marks(text, start + c.len_utf8());
        push(out, start, end, TokenKind::Word);
        return end;
    }
    if c.is_numeric() {
        return number::scan(text, start, out);
    }
    if c.is_alphabetic() || is_mark(c) {
        return word::scan(text, start, out);
    }
    symbol::scan(text, start, c, out)
}

/// True when `word` (without its full stop) is a listed abbreviation ("Mr", "etc", "No").
pub(crate) fn is_listed_abbreviation(word: &str) -> bool {
    lists::is_abbreviation(word) || lists::is_abbreviation_before_number(word)
}

/// True when `word` (without its full stop) is an abbreviation that cannot end a sentence:
/// a title before a name ("Mr", "Gen") or one that takes its stop only before a number ("No").
pub(crate) fn is_leading_abbreviation(word: &str) -> bool {
    lists::is_title(word) || lists::is_abbreviation_before_number(word)
}

fn is_wordish(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::Word | TokenKind::Number | TokenKind::Url | TokenKind::Email | TokenKind::Hashtag | TokenKind::Mention)
}

/// Readability words: wordish tokens, glued to the previous one when nothing separates them
/// or only a single hyphen with wordish tokens on both sides.
fn words(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(tokens.len());
    let mut prev: Option<&Token> = None;
    let mut hyphen_after_word = false;
    for t in tokens {
        let glued = prev.is_some_and(|p| p.span.end == t.span.start);
        if !is_wordish(t.kind) {
            let s = slice(text, t.span.start, t.span.end);
            let single_hyphen = s.chars().count() == 1 && s.chars().all(is_hyphen);
            hyphen_after_word = glued && single_hyphen && prev.is_some_and(|p| is_wordish(p.kind));
            prev = Some(t);
            continue;
        }
        let joins = glued && prev.is_some_and(|p| is_wordish(p.kind) || hyphen_after_word);
        match out.last_mut() {
            Some(w) if joins => w.end = t.span.end,
            _ => out.push(t.span),
        }
        hyphen_after_word = false;
        prev = Some(t);
    }
    out
}

pub(crate) fn run(doc: &mut Document) {
    doc.tokens = tokenize(doc.text);
    doc.words = words(doc.text, &doc.tokens);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.span.start..t.span.end]).collect()
    }

    fn words_of(text: &str) -> Vec<&str> {
        let mut doc = Document::new(text);
        run(&mut doc);
        doc.words.iter().map(|&w| doc.text_of(w)).collect()
    }

    #[test]
    fn ud_token_boundaries() {
        for (text, expected) in [
            ("Kim Jong-Un's long-term plan.", &["Kim", "Jong", "-", "Un", "'s", "long", "-", "term", "plan", "."][..]),
            ("I don't know, gonna go.", &["I", "do", "n't", "know", ",", "gon", "na", "go", "."]),
            ("a 15-year term", &["a", "15", "-", "year", "term"]),
            ("The U.S. Army, Mr. Smith.", &["The", "U.S.", "Army", ",", "Mr.", "Smith", "."]),
            ("at 10:30 a.m. on 1996-08-30", &["at", "10:30", "a.m.", "on", "1996-08-30"]),
            ("$1,000.50 or 3.5%", &["$", "1,000.50", "or", "3.5", "%"]),
            ("$2bn deal", &["$", "2", "bn", "deal"]),
            ("(see www.bbc.co.uk/news).", &["(", "see", "www.bbc.co.uk/news", ")", "."]),
            ("Mail john@x.com, or @jack #news", &["Mail", "john@x.com", ",", "or", "@jack", "#news"]),
            ("Wow!!! Really?! ...", &["Wow", "!!!", "Really", "?!", "..."]),
            ("\"It is,\" she said.", &["\"", "It", "is", ",", "\"", "she", "said", "."]),
            ("\u{201C}Go\u{201D}, he said\u{2019}s", &["\u{201C}", "Go", "\u{201D}", ",", "he", "said", "\u{2019}s"]),
            ("great:) thanks", &["great", ":)", "thanks"]),
            ("I \u{2764}\u{FE0F} NY\u{1F600}!", &["I", "\u{2764}\u{FE0F}", "NY", "\u{1F600}", "!"]),
            ("caf\u{E9} cafe\u{301}", &["caf\u{E9}", "cafe\u{301}"]),
            ("\u{928}\u{92E}\u{938}\u{94D}\u{924}\u{947}", &["\u{928}\u{92E}\u{938}\u{94D}\u{924}\u{947}"]),
            ("\u{4E2D}\u{6587}\u{3002}", &["\u{4E2D}", "\u{6587}", "\u{3002}"]),
            ("Hi\r\nthere\u{A0}now", &["Hi", "there", "now"]),
            ("co\u{AD}operate \u{200B}x", &["co\u{AD}operate", "x"]),
            ("e-mail non-stop self-made", &["e-mail", "non-stop", "self", "-", "made"]),
            ("the 1990s and 21st", &["the", "1990s", "and", "21st"]),
            ("Sanders' plan", &["Sanders", "'", "plan"]),
            ("\u{301}x", &["\u{301}x"]),
        ] {
            assert_eq!(tokens(text), expected, "{text}");
        }
    }

    #[test]
    fn token_kinds() {
        use TokenKind::*;
        let text = "Go 3.5 , $ http://a.io a@b.cd #x @y \u{1F600} :)";
        let kinds: Vec<TokenKind> = tokenize(text).iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [Word, Number, Punct, Symbol, Url, Email, Hashtag, Mention, Emoji, Emoji]);
    }

    #[test]
    fn readability_words() {
        for (text, expected) in [
            ("Kim Jong-Un's long-term plan, 15-year.", &["Kim", "Jong-Un's", "long-term", "plan", "15-year"][..]),
            ("I don't know - really.", &["I", "don't", "know", "really"]),
            ("It costs $5 (5%) at 5pm!", &["It", "costs", "5", "5", "at", "5pm"]),
            ("\u{1F600} -- x", &["x"]),
        ] {
            assert_eq!(words_of(text), expected, "{text}");
        }
    }

    #[test]
    fn never_panics_and_spans_are_sane() {
        for text in ["", " ", "\u{301}", "a'", "'", "n't", "-", "1-", "1-2-", "U.", "http://(", "a@", "#", "@", "\u{1F1FA}", "\u{200D}", "..a..b", "x.\u{301}", "\u{FEFF}hi"] {
            let tokens = tokenize(text);
            let mut last = 0;
            for t in &tokens {
                assert!(t.span.start >= last && t.span.end > t.span.start && t.span.end <= text.len(), "{text:?}");
                assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
                assert!(!text[t.span.start..t.span.end].chars().any(|c| c.is_whitespace()));
                last = t.span.end;
            }
        }
    }
}
