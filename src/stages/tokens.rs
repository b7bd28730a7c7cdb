//! Token stage: splits the text into tokens and readability words.
//!
//! Reads: text. Writes: `tokens` (ordered, non-overlapping, never containing whitespace) and
//! `words` (maximal runs of letters and digits joined by hyphens or apostrophes, so that
//! "long-term" and "Jong-Un" count as one word for readability).

use crate::doc::{Document, Span, Token, TokenKind};
use crate::text::{is_ignorable, is_space};

fn class(c: char) -> TokenKind {
    if c.is_alphabetic() || is_ignorable(c) {
        TokenKind::Word
    } else if c.is_numeric() {
        TokenKind::Number
    } else if c.is_ascii_punctuation() || is_general_punctuation(c) {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}

fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{00A1}' | '\u{00A7}' | '\u{00AB}' | '\u{00B6}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}')
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut current: Option<(usize, TokenKind)> = None;
    for (i, c) in text.char_indices() {
        if is_space(c) && !is_ignorable(c) {
            if let Some((start, kind)) = current.take() {
                tokens.push(Token { span: Span::new(start, i), kind, pos: None });
            }
            continue;
        }
        let kind = class(c);
        let alnum = matches!(kind, TokenKind::Word | TokenKind::Number);
        match current {
            Some((start, k)) if alnum && matches!(k, TokenKind::Word | TokenKind::Number) => {
                let merged = if k == TokenKind::Word || kind == TokenKind::Word { TokenKind::Word } else { k };
                current = Some((start, merged));
            }
            Some((start, k)) => {
                tokens.push(Token { span: Span::new(start, i), kind: k, pos: None });
                current = Some((i, kind));
            }
            None => current = Some((i, kind)),
        }
        if !alnum {
            if let Some((start, k)) = current.take() {
                tokens.push(Token { span: Span::new(start, i + c.len_utf8()), kind: k, pos: None });
            }
        }
    }
    if let Some((start, kind)) = current {
        tokens.push(Token { span: Span::new(start, text.len()), kind, pos: None });
    }
    tokens
}

/// Joins adjacent word tokens linked by a hyphen or apostrophe into readability words.
fn words(text: &str, tokens: &[Token]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut linked = false;
    for (i, t) in tokens.iter().enumerate() {
        let wordish = matches!(t.kind, TokenKind::Word | TokenKind::Number);
        if !wordish {
            let s = &text[t.span.start..t.span.end];
            let joiner = matches!(s, "-" | "'" | "\u{2019}" | "\u{2010}" | "\u{2011}");
            let prev_adjacent = out.last().is_some_and(|w| w.end == t.span.start);
            let next_adjacent = tokens.get(i + 1).is_some_and(|n| {
                n.span.start == t.span.end && matches!(n.kind, TokenKind::Word | TokenKind::Number)
            });
            linked = joiner && prev_adjacent && next_adjacent;
            continue;
        }
        match out.last_mut() {
            Some(w) if linked => w.end = t.span.end,
            _ => out.push(t.span),
        }
        linked = false;
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

    #[test]
    fn hyphenated_words_are_one_readability_word() {
        let mut doc = Document::new("Kim Jong-Un's long-term plan, 15-year.");
        run(&mut doc);
        let words: Vec<&str> = doc.words.iter().map(|&w| doc.text_of(w)).collect();
        assert_eq!(words, ["Kim", "Jong-Un's", "long-term", "plan", "15-year"]);
    }
}
