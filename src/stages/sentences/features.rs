//! Features of a possible sentence boundary, for the boundary classifier.
//!
//! Input: the tokens of one paragraph and the index of the token before a space. Output:
//! about twenty named features (token forms, shapes, the length and casing of the stretch since
//! the last sentence-ending mark, whether the word is a listed abbreviation), handed to a
//! [`Sink`] that either hashes them (analysis) or spells them out (training), so both see
//! exactly the same features. Forms are lower-cased; numbers, URLs and other open classes
//! are replaced by a placeholder, so the model does not learn particular values.

use super::model::{hash_lower, hash_raw};
use crate::doc::{Token, TokenKind};
use crate::stages::tokens::is_listed_abbreviation;
use crate::text::{fold, is_closing, is_opening, is_quote, is_terminal};

/// How a piece of a feature name is spelled.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Spelling<'a> {
    Raw(&'a str),
    /// Lower-cased, character by character.
    Lower(&'a str),
}

/// A piece of a feature name, with its hash computed once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Part<'a> {
    pub(crate) spelling: Spelling<'a>,
    pub(crate) hash: u64,
}

impl<'a> Part<'a> {
    fn raw(s: &'a str) -> Part<'a> {
        Part { spelling: Spelling::Raw(s), hash: hash_raw(s) }
    }

    fn lower(s: &'a str) -> Part<'a> {
        Part { spelling: Spelling::Lower(s), hash: hash_lower(s) }
    }
}

/// Receives features: a template name and its parts.
pub(crate) trait Sink {
    fn add(&mut self, template: &str, parts: &[Part<'_>]);
}

/// Words longer than this (in bytes) are all `<long>`.
const MAX_FORM: usize = 24;

/// The tokens of one paragraph, with what every candidate boundary needs of them.
pub(crate) struct Paragraph<'a> {
    text: &'a str,
    tokens: &'a [Token],
    forms: Vec<Part<'a>>,
    shapes: Vec<Part<'static>>,
    /// For each token: tokens since the last sentence-ending mark (itself included).
    run_len: Vec<u32>,
    /// For each token: whether every word since the last sentence-ending mark is capitalised.
    title: Vec<bool>,
}

impl<'a> Paragraph<'a> {
    pub(crate) fn new(text: &'a str, tokens: &'a [Token]) -> Paragraph<'a> {
        let n = tokens.len();
        let (mut forms, mut shapes) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let (mut run_len, mut title) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let (mut len, mut all_caps, mut words) = (0u32, true, 0u32);
        for t in tokens {
            let s = slice(text, t);
            forms.push(form(t, s));
            shapes.push(Part::raw(shape(t, s)));
            if t.kind == TokenKind::Word {
                words += 1;
                all_caps &= s.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric());
            }
            len += 1;
            run_len.push(len);
            title.push(all_caps && words > 0);
            if is_terminal_mark(t, s) {
                (len, all_caps, words) = (0, true, 0);
            }
        }
        Paragraph { text, tokens, forms, shapes, run_len, title }
    }

    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The text of token `i` ("" outside the paragraph).
    pub(crate) fn text_of(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| slice(self.text, t))
    }

    pub(crate) fn token(&self, i: usize) -> Option<&'a Token> {
        self.tokens.get(i)
    }

    /// True when whitespace separates token `i` from token `i + 1`.
    pub(crate) fn space_after(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end < b.span.start,
            _ => false,
        }
    }

    /// The form of token `i`; `<s>` before the paragraph, `</s>` after it.
    fn form(&self, i: Option<usize>) -> Part<'a> {
        match i {
            None => Part::raw("<s>"),
            Some(i) => self.forms.get(i).copied().unwrap_or_else(|| Part::raw("</s>")),
        }
    }

    fn shape(&self, i: Option<usize>) -> Part<'static> {
        match i {
            None => Part::raw("<s>"),
            Some(i) => self.shapes.get(i).copied().unwrap_or_else(|| Part::raw("</s>")),
        }
    }

    /// Sends the features of a boundary after token `i` (followed by token `i + 1`) to `sink`.
    pub(crate) fn features(&self, i: usize, sink: &mut impl Sink) {
        let prev = i.checked_sub(1);
        let (a, b, c) = (Some(i), Some(i + 1), Some(i + 2));
        let (fp, fa, fb) = (self.form(prev), self.form(a), self.form(b));
        let (sp, sa, sb, sc) = (self.shape(prev), self.shape(a), self.shape(b), self.shape(c));
        sink.add("bias", &[]);
        sink.add("a", &[fa]);
        sink.add("b", &[fb]);
        sink.add("sa", &[sa]);
        sink.add("sb", &[sb]);
        sink.add("sa_sb", &[sa, sb]);
        sink.add("a_sb", &[fa, sb]);
        sink.add("sa_b", &[sa, fb]);
        sink.add("p_a", &[fp, fa]);
        sink.add("p_a_sb", &[fp, fa, sb]);
        sink.add("sp_sa_sb", &[sp, sa, sb]);
        sink.add("sb_sc", &[sb, sc]);
        sink.add("b_sc", &[fb, sc]);
        let run = Part::raw(bucket(self.run_len.get(i).copied().unwrap_or(0)));
        let title = Part::raw(flag(self.title.get(i).copied().unwrap_or(false)));
        sink.add("run_sb", &[run, sb]);
        sink.add("run_sa_sb", &[run, sa, sb]);
        sink.add("title_sb", &[title, sb]);
        sink.add("title_run_sb", &[title, run, sb]);
        let word = self.text_of(i);
        if let Some(stem) = word.strip_suffix('.').filter(|s| !s.is_empty() && self.token(i).is_some_and(|t| t.kind == TokenKind::Word)) {
            sink.add("abbr_sb", &[Part::raw(flag(is_listed_abbreviation(stem))), sb]);
        }
    }
}

/// The form of a token: its lower-cased text for a word, a placeholder for open classes.
fn form<'a>(t: &Token, s: &'a str) -> Part<'a> {
    match t.kind {
        TokenKind::Word if s.len() <= MAX_FORM => Part::lower(s),
        TokenKind::Word => Part::raw("<long>"),
        TokenKind::Number => Part::raw("<num>"),
        TokenKind::Url | TokenKind::Email => Part::raw("<url>"),
        TokenKind::Hashtag | TokenKind::Mention => Part::raw("<handle>"),
        TokenKind::Emoji => Part::raw("<emoji>"),
        TokenKind::Punct | TokenKind::Symbol => Part::raw(punct_form(s)),
    }
}

fn slice<'a>(text: &'a str, t: &Token) -> &'a str {
    text.get(t.span.start..t.span.end).unwrap_or("")
}

fn flag(b: bool) -> &'static str {
    if b {
        "1"
    } else {
        "0"
    }
}

fn bucket(n: u32) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4 => "4",
        5..=6 => "5-6",
        7..=10 => "7-10",
        11..=20 => "11-20",
        _ => "21+",
    }
}

/// A punctuation mark that ends a sentence ("." "?!" "..." "。").
pub(crate) fn is_terminal_mark(t: &Token, s: &str) -> bool {
    t.kind == TokenKind::Punct && s.chars().next().is_some_and(is_terminal)
}

/// The form of a punctuation token: quotes folded, runs cut to three characters.
fn punct_form(s: &str) -> &str {
    let mut chars = s.chars();
    match chars.next().map(fold) {
        Some('"') if s.chars().count() == 1 => "\"",
        Some('\'') if s.chars().count() == 1 => "'",
        _ => {
            let cut = s.char_indices().nth(3).map_or(s.len(), |(at, _)| at);
            s.get(..cut).unwrap_or(s)
        }
    }
}

/// The shape of a token: casing and full stops of words, classes of punctuation.
fn shape(t: &Token, s: &str) -> &'static str {
    let first = s.chars().next().unwrap_or(' ');
    match t.kind {
        TokenKind::Word => word_shape(s, first),
        TokenKind::Number => "d",
        TokenKind::Url | TokenKind::Email => "url",
        TokenKind::Hashtag | TokenKind::Mention => "handle",
        TokenKind::Emoji => "emoji",
        TokenKind::Symbol => "sym",
        TokenKind::Punct if is_terminal(first) => "term",
        TokenKind::Punct if is_quote(first) => "quote",
        TokenKind::Punct if is_closing(first) => "close",
        TokenKind::Punct if is_opening(first) => "open",
        TokenKind::Punct => match first {
            ',' => ",",
            ':' => ":",
            ';' => ";",
            '-' | '\u{2013}' | '\u{2014}' => "dash",
            _ => "punct",
        },
    }
}

fn word_shape(s: &str, first: char) -> &'static str {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let upper = first.is_uppercase();
    if s.ends_with('.') {
        return match (letters, upper) {
            (1, true) => "I.",
            (_, true) => "X.",
            _ => "x.",
        };
    }
    if upper {
        let all_upper = s.chars().all(|c| !c.is_lowercase());
        return match (letters, all_upper) {
            (1, _) => "X1",
            (_, true) => "XX",
            _ => "Xx",
        };
    }
    if first.is_lowercase() {
        "x"
    } else if first.is_numeric() {
        "dx"
    } else {
        "o"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::tokens::tokenize;

    struct Names(Vec<String>);

    impl Sink for Names {
        fn add(&mut self, template: &str, parts: &[Part<'_>]) {
            self.0.push(super::super::model::feature_name(template, parts));
        }
    }

    fn spelled(part: Part<'_>) -> String {
        super::super::model::feature_name("", &[part]).trim_start().to_string()
    }

    #[test]
    fn shapes_and_forms() {
        let text = "Mr. Smith met J. Doe in the U.S. \u{201C}Hi,\u{201D} he said... 42 NASA x";
        let tokens = tokenize(text);
        let p = Paragraph::new(text, &tokens);
        let shapes: Vec<String> = (0..p.len()).map(|i| spelled(p.shape(Some(i)))).collect();
        assert_eq!(
            shapes,
            ["X.", "Xx", "x", "I.", "Xx", "x", "x", "X.", "quote", "Xx", ",", "quote", "x", "x", "term", "d", "XX", "x"]
        );
        assert_eq!(spelled(p.form(Some(15))), "<num>");
        assert_eq!(spelled(p.form(Some(8))), "\"");
        assert_eq!(spelled(p.form(Some(0))), "mr.");
        assert_eq!(spelled(p.form(Some(100))), "</s>");
        assert_eq!(spelled(p.form(None)), "<s>");
    }

    #[test]
    fn stretch_since_last_stop() {
        let text = "Great Service. I had a car";
        let tokens = tokenize(text);
        let p = Paragraph::new(text, &tokens);
        assert_eq!(p.run_len, [1, 2, 3, 1, 2, 3, 4]);
        assert_eq!(p.title, [true, true, true, true, false, false, false]);
        let mut names = Names(Vec::new());
        p.features(1, &mut names);
        assert!(names.0.contains(&"a service".to_string()));
        assert!(names.0.contains(&"sa_sb Xx term".to_string()));
        assert!(names.0.contains(&"title_sb 1 term".to_string()));
    }
}
