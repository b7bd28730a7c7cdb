//! Terms: the tokens of one sentence as the sentiment rules read them.
//!
//! Input: the text and the tokens of one sentence. Output: [`Terms`], a list of words (with a
//! lowercase key, apostrophes folded), emoticons, punctuation marks and other tokens. Words
//! split around an apostrophe by the tokenizer ("don" ' "t") are joined back, so negation works
//! whether "don't" arrives as one token, as "do" + "n't" (UD style) or as three pieces; the
//! clitics "'s", "'re", "'ll"… are dropped and a possessive "'s" is cut off the key; a hashtag
//! is read as its word ("#fail"); URLs, e-mail addresses and @mentions are not read; a hyphen
//! between two words is dropped ("so-called" reads as "so called"). Emoticons such as ":-)" are
//! recognised from the lexicon over runs of adjacent punctuation.

use super::lexicon::{Lexicon, Source};
use crate::doc::{Span, Token, TokenKind, Upos};
use crate::text::fold;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TermKind {
    Word,
    /// An emoticon with its valence (VADER's scale).
    Emoticon(f32),
    /// A punctuation mark, by its first character (folded).
    Punct(char),
    /// URLs, e-mail addresses, hashtags, mentions, emoji.
    Other,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    pub span: Span,
    pub kind: TermKind,
    /// All letters upper case, at least two of them ("GREAT").
    pub caps: bool,
    /// The part of speech of the (first) token, when a tagger has set one.
    pub pos: Option<Upos>,
    /// Where the lowercase key lies in [`Terms::keys`].
    key: Range<usize>,
}

/// The terms of one sentence; reused from sentence to sentence to avoid allocations.
#[derive(Default)]
pub struct Terms {
    pub list: Vec<Term>,
    keys: String,
    scratch: String,
}

/// Longest emoticon tried, in tokens.
const MAX_EMOTICON_TOKENS: usize = 6;

fn is_apostrophe(s: &str) -> bool {
    matches!(s, "'" | "\u{2019}")
}

fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "\u{2010}" | "\u{2011}")
}

fn is_clitic(key: &str) -> bool {
    matches!(key, "'s" | "'m" | "'re" | "'ll" | "'ve" | "'d")
}

/// A URL, an e-mail address or an @mention: text whose words are not prose.
fn is_address(chunk: &str) -> bool {
    chunk.contains("://") || chunk.starts_with("www.") || chunk.starts_with('@') || chunk.contains('@') && chunk.contains('.')
}

fn is_wordish(kind: TokenKind, s: &str) -> bool {
    match kind {
        TokenKind::Word | TokenKind::Number => true,
        TokenKind::Punct | TokenKind::Symbol => s.chars().any(char::is_alphabetic),
        _ => false,
    }
}

impl Terms {
    pub fn key(&self, term: &Term) -> &str {
        self.keys.get(term.key.clone()).unwrap_or_default()
    }

    /// Replaces the terms with those of `tokens` (the tokens of one sentence of `text`).
    pub fn read(&mut self, text: &str, tokens: &[Token], lex: &Lexicon) {
        self.list.clear();
        self.keys.clear();
        let slice = |t: &Token| text.get(t.span.start..t.span.end).unwrap_or_default();
        let adjacent = |a: usize, b: usize| match (tokens.get(a), tokens.get(b)) {
            (Some(x), Some(y)) => x.span.end == y.span.start,
            _ => false,
        };
        let mut i = 0;
        while let Some(token) = tokens.get(i) {
            let s = slice(token);
            let chunk_start = i == 0 || !adjacent(i - 1, i);
            if chunk_start {
                // A URL, e-mail address or @mention split by the tokenizer is one unread term.
                let mut end = i + 1;
                while end < tokens.len() && adjacent(end - 1, end) {
                    end += 1;
                }
                let last = tokens.get(end - 1).map_or(token.span.end, |t| t.span.end);
                let chunk = text.get(token.span.start..last).unwrap_or_default();
                if end > i + 1 && is_address(chunk) {
                    self.list.push(Term { span: Span::new(token.span.start, last), kind: TermKind::Other, caps: false, pos: None, key: 0..0 });
                    i = end;
                    continue;
                }
            }
            if is_wordish(token.kind, s) {
                // Join "don" ' "t" back into one word.
                let mut last = i;
                while tokens.get(last + 1).is_some_and(|t| is_apostrophe(slice(t)))
                    && tokens.get(last + 2).is_some_and(|t| t.kind == TokenKind::Word)
                    && adjacent(last, last + 1)
                    && adjacent(last + 1, last + 2)
                {
                    last += 2;
                }
                let span = Span::new(token.span.start, tokens.get(last).map_or(token.span.end, |t| t.span.end));
                self.push_word(text.get(span.start..span.end).unwrap_or_default(), span, token.pos);
                i = last + 1;
            } else if token.kind == TokenKind::Hashtag {
                // "#love" is read as the word "love".
                let tag = s.trim_start_matches(['#', '\u{FF03}']);
                let span = Span::new(token.span.end - tag.len(), token.span.end);
                self.push_word(tag, span, None);
                i += 1;
            } else if matches!(token.kind, TokenKind::Punct | TokenKind::Symbol | TokenKind::Emoji) {
                // Emoticons such as ":)" arrive as one emoji token, or as punctuation.
                i = self.push_punct(text, tokens, i, lex);
            } else {
                self.list.push(Term { span: token.span, kind: TermKind::Other, caps: false, pos: None, key: 0..0 });
                i += 1;
            }
        }
    }

    fn push_word(&mut self, word: &str, span: Span, pos: Option<Upos>) {
        let start = self.keys.len();
        let (letters, lower) = if word.is_ascii() {
            self.keys.push_str(word);
            self.keys[start..].make_ascii_lowercase();
            let letters = word.bytes().filter(u8::is_ascii_alphabetic).count();
            (letters, word.bytes().any(|b| b.is_ascii_lowercase()))
        } else {
            let (mut letters, mut lower) = (0, false);
            for c in word.chars() {
                if c.is_alphabetic() {
                    letters += 1;
                    lower |= c.is_lowercase();
                }
                self.keys.extend(fold(c).to_lowercase());
            }
            (letters, lower)
        };
        let key = &self.keys[start..];
        if is_clitic(key) {
            self.keys.truncate(start);
            return;
        }
        if key.len() > 2 && key.ends_with("'s") {
            self.keys.truncate(self.keys.len() - 2);
        }
        let term = Term { span, kind: TermKind::Word, caps: letters >= 2 && !lower, pos, key: start..self.keys.len() };
        self.list.push(term);
    }

    /// Pushes the emoticon or punctuation mark that starts at token `i`; returns the next index.
    fn push_punct(&mut self, text: &str, tokens: &[Token], i: usize, lex: &Lexicon) -> usize {
        let Some(first) = tokens.get(i) else { return i + 1 };
        let mut run_end = i + 1;
        while run_end < tokens.len()
            && run_end - i < MAX_EMOTICON_TOKENS
            && tokens.get(run_end - 1).zip(tokens.get(run_end)).is_some_and(|(a, b)| a.span.end == b.span.start)
        {
            run_end += 1;
        }
        for end in (i + 1..=run_end).rev() {
            let Some(last) = tokens.get(end - 1) else { continue };
            let Some(candidate) = text.get(first.span.start..last.span.end) else { continue };
            if candidate.len() < 2 {
                continue;
            }
            self.scratch.clear();
            self.scratch.extend(candidate.chars().flat_map(char::to_lowercase));
            if let Some(&(Source::Vader, v)) = lex.get(&self.scratch).and_then(|e| e.valence.as_ref()) {
                let span = Span::new(first.span.start, last.span.end);
                self.list.push(Term { span, kind: TermKind::Emoticon(v), caps: false, pos: None, key: 0..0 });
                return end;
            }
        }
        let s = text.get(first.span.start..first.span.end).unwrap_or_default();
        let between_words = |j: Option<usize>| {
            j.and_then(|j| tokens.get(j)).is_some_and(|t| t.kind == TokenKind::Word)
        };
        let joined = i > 0 && tokens.get(i - 1).is_some_and(|p| p.span.end == first.span.start)
            && tokens.get(i + 1).is_some_and(|n| n.span.start == first.span.end);
        if !(is_hyphen(s) && joined && between_words(i.checked_sub(1)) && between_words(Some(i + 1))) {
            let c = s.chars().next().map_or(' ', fold);
            self.list.push(Term { span: first.span, kind: TermKind::Punct(c), caps: false, pos: None, key: 0..0 });
        }
        i + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(text: &str, pieces: &[(usize, usize, TokenKind)]) -> Vec<Token> {
        let _ = text;
        pieces.iter().map(|&(s, e, kind)| Token { span: Span::new(s, e), kind, pos: None }).collect()
    }

    fn keys(text: &str, tokens: &[Token]) -> Vec<String> {
        let mut terms = Terms::default();
        terms.read(text, tokens, Lexicon::get_or_init());
        terms
            .list
            .iter()
            .map(|t| match t.kind {
                TermKind::Word => terms.key(t).to_string(),
                TermKind::Emoticon(_) => format!("emo:{}", &text[t.span.start..t.span.end]),
                TermKind::Punct(c) => format!("p:{c}"),
                TermKind::Other => "other".to_string(),
            })
            .collect()
    }

    use TokenKind::{Punct, Word};

    #[test]
    fn apostrophes_join_or_split_as_the_tokenizer_did() {
        // Three pieces (a simple tokenizer).
        let t = "I don't";
        assert_eq!(keys(t, &tok(t, &[(0, 1, Word), (2, 5, Word), (5, 6, Punct), (6, 7, Word)])), ["i", "don't"]);
        // UD style: "do" + "n't".
        assert_eq!(keys(t, &tok(t, &[(0, 1, Word), (2, 4, Word), (4, 7, Word)])), ["i", "do", "n't"]);
        // UD style with n't classed as punctuation, and a possessive clitic dropped.
        let t = "Kim's don\u{2019}t";
        let pieces = [(0, 3, Word), (3, 5, Punct), (6, 8, Word), (8, 13, Punct)];
        assert_eq!(keys(t, &tok(t, &pieces)), ["kim", "do", "n't"]);
        // Possessive as one token.
        let t = "Kim's";
        assert_eq!(keys(t, &tok(t, &[(0, 5, Word)])), ["kim"]);
    }

    #[test]
    fn emoticons_hyphens_and_punctuation() {
        let t = "good :-) so-called - ok!";
        let pieces = [
            (0, 4, Word),
            (5, 6, Punct),
            (6, 7, Punct),
            (7, 8, Punct),
            (9, 11, Word),
            (11, 12, Punct),
            (12, 18, Word),
            (19, 20, Punct),
            (21, 23, Word),
            (23, 24, Punct),
        ];
        assert_eq!(keys(t, &tok(t, &pieces)), ["good", "emo::-)", "so", "called", "p:-", "ok", "p:!"]);
    }

    #[test]
    fn addresses_are_not_read() {
        let t = "bad http://x.com/awful @hate good";
        let pieces = [
            (0, 3, Word),
            (4, 8, Word),
            (8, 9, Punct),
            (9, 10, Punct),
            (10, 11, Punct),
            (11, 12, Word),
            (12, 13, Punct),
            (13, 16, Word),
            (16, 17, Punct),
            (17, 22, Word),
            (23, 24, Punct),
            (24, 28, Word),
            (29, 33, Word),
        ];
        assert_eq!(keys(t, &tok(t, &pieces)), ["bad", "other", "other", "good"]);
    }

    #[test]
    fn capitals_are_marked() {
        let t = "GREAT Ok A";
        let mut terms = Terms::default();
        terms.read(t, &tok(t, &[(0, 5, Word), (6, 8, Word), (9, 10, Word)]), Lexicon::get_or_init());
        let caps: Vec<bool> = terms.list.iter().map(|t| t.caps).collect();
        assert_eq!(caps, [true, false, false]);
    }
}
