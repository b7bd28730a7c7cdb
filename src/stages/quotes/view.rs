//! A per-document view of the tokens that the quote stage reads many times.
//!
//! Input: a [`Document`] with paragraphs, tokens and sentences. Output: a [`View`] holding,
//! per token, its lowercase text (curly apostrophes folded; all of them in one buffer,
//! [`LowerWords`]), the sentence it lies in and
//! where it stands relative to quotation marks; and the quotations of the analysed
//! paragraphs (title and body). Built in one linear pass over tokens and quotations.

use super::cues::is_lexical_cue;
use super::lexicon::{lowercase, sources as source_words};
use super::marks::{self, Quotation};
use std::ops::Range;
use crate::doc::{BlockKind, Document, Span, TokenKind};

/// Where a token stands relative to the top-level quotations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct QuoteRole {
    /// Index into [`View::quotations`] of the quotation that holds the token.
    pub within: Option<u32>,
    /// The token is that quotation's opening mark.
    pub opens: bool,
    /// The token is that quotation's closing mark.
    pub closes: bool,
}

pub(crate) struct View<'d, 't> {
    pub doc: &'d Document<'t>,
    pub lower: LowerWords,
    /// Per token, the index of its sentence (`u32::MAX` for none). Indices here are `u32`
    /// (the input limit keeps them far below 2^32): these tables have one entry per token.
    sentence: Vec<u32>,
    /// Sentences, joined where a split fell after a title or initial ("Mr. | Barrett said")
    /// or between a quotation and its attribution ("“Why?” | Graham asked.").
    clauses: Vec<Range<usize>>,
    /// Per token, the index of its clause (`u32::MAX` for none).
    clause: Vec<u32>,
    /// Top-level quotations of the analysed paragraphs, by start.
    pub quotations: Vec<Quotation>,
    pub quote: Vec<QuoteRole>,
}

/// The lowercase form of every token of a document ([`lowercase`]), end to end in one
/// string: a fifth of the memory of one string per token, which counts on long inputs.
pub(crate) struct LowerWords {
    text: String,
    /// Per token, the end of its form in `text` (`u32`: the input limit keeps it small).
    ends: Vec<u32>,
}

impl LowerWords {
    fn new(doc: &Document) -> LowerWords {
        let mut text = String::with_capacity(doc.text.len());
        let mut ends = Vec::with_capacity(doc.tokens.len());
        for t in &doc.tokens {
            text.push_str(&lowercase(doc.text_of(t.span)));
            ends.push(u32::try_from(text.len()).unwrap_or(u32::MAX));
        }
        LowerWords { text, ends }
    }

    /// The number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The lowercase form of token `i`.
    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = match i.checked_sub(1) {
            Some(prev) => *self.ends.get(prev)? as usize,
            None => 0,
        };
        self.text.get(start..end)
    }
}

/// How far into a sentence a reporting verb may stand for the sentence to attribute the
/// quotation just before it.
const ATTRIBUTION_WINDOW: usize = 8;

/// True for paragraphs whose attributions are read: the title and the body.
pub(crate) fn analysed(kind: BlockKind) -> bool {
    matches!(kind, BlockKind::Title | BlockKind::Body)
}

impl<'d, 't> View<'d, 't> {
    pub(crate) fn new(doc: &'d Document<'t>) -> View<'d, 't> {
        let lower = LowerWords::new(doc);
        let paragraphs: Vec<Span> = doc.paragraphs.iter().filter(|p| analysed(p.kind)).map(|p| p.span).collect();
        let quotations: Vec<Quotation> = marks::quotations(doc.text, &paragraphs).into_iter().filter(|q| !q.nested).collect();
        let quote = quote_roles(doc, &quotations);
        let mut sentence = vec![u32::MAX; doc.tokens.len()];
        let mut clauses: Vec<Range<usize>> = Vec::with_capacity(doc.sentences.len());
        for (i, s) in doc.sentences.iter().enumerate() {
            let same_paragraph = i > 0 && doc.sentences[i - 1].paragraph == s.paragraph;
            let joined = ends_with_abbreviation(doc, &lower, s.tokens.start) || attributes_quote(&lower, &quote, s.tokens.clone());
            match clauses.last_mut() {
                Some(last) if same_paragraph && joined => last.end = s.tokens.end,
                _ => clauses.push(s.tokens.clone()),
            }
            for slot in sentence.get_mut(s.tokens.clone()).into_iter().flatten() {
                *slot = i as u32;
            }
        }
        let mut clause = vec![u32::MAX; doc.tokens.len()];
        for (i, c) in clauses.iter().enumerate() {
            for slot in clause.get_mut(c.clone()).into_iter().flatten() {
                *slot = i as u32;
            }
        }
        View { doc, lower, sentence, clauses, clause, quotations, quote }
    }

    pub(crate) fn word(&self, token: usize) -> &str {
        self.lower.get(token).unwrap_or("")
    }

    pub(crate) fn span(&self, token: usize) -> Span {
        self.doc.tokens.get(token).map_or_else(Span::default, |t| t.span)
    }

    pub(crate) fn is_word(&self, token: usize) -> bool {
        self.doc.tokens.get(token).is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
    }

    /// True when the token starts with an uppercase letter.
    pub(crate) fn is_capitalized(&self, token: usize) -> bool {
        self.doc.tokens.get(token).is_some_and(|t| self.doc.text_of(t.span).chars().next().is_some_and(char::is_uppercase))
    }

    pub(crate) fn role(&self, token: usize) -> QuoteRole {
        self.quote.get(token).copied().unwrap_or_default()
    }

    /// The top-level quotation that holds `token`, if any.
    pub(crate) fn quotation_of(&self, token: usize) -> Option<&Quotation> {
        self.role(token).within.and_then(|q| self.quotations.get(q as usize))
    }

    /// The sentence that holds `token`, if any.
    pub(crate) fn sentence_of(&self, token: usize) -> Option<&crate::doc::Sentence> {
        self.sentence.get(token).and_then(|&s| self.doc.sentences.get(s as usize))
    }

    /// The top-level quotation that starts at byte `start`, if any.
    pub(crate) fn quotation_starting_at(&self, start: usize) -> Option<&Quotation> {
        let i = self.quotations.partition_point(|q| q.span.start < start);
        self.quotations.get(i).filter(|q| q.span.start == start)
    }

    /// True when `span` runs from the opening mark of a closed quotation to the closing mark
    /// of a closed quotation (the same one, or a later one when a cue splits the quote).
    pub(crate) fn is_quoted(&self, span: Span) -> bool {
        let i = self.quotations.partition_point(|q| q.span.end < span.end);
        let ends = self.quotations.get(i).is_some_and(|q| q.closed && q.span.end == span.end);
        ends && self.quotation_starting_at(span.start).is_some_and(|q| q.closed)
    }

    /// The index of the first token that starts at or after byte `at`.
    pub(crate) fn token_at(&self, at: usize) -> usize {
        self.doc.tokens.partition_point(|t| t.span.start < at)
    }

    /// The index of the paragraph holding `token`.
    pub(crate) fn paragraph(&self, token: usize) -> Option<usize> {
        self.sentence_of(token).map(|s| s.paragraph)
    }

    /// The token range of the sentence holding `token` (sentences split after a title or
    /// an initial, or before the attribution of a quotation, are joined back).
    pub(crate) fn sentence_tokens(&self, token: usize) -> Range<usize> {
        self.clause.get(token).and_then(|&c| self.clauses.get(c as usize)).map_or(token..token + 1, Clone::clone)
    }
}

/// True when the tokens before `start` end with a title or an initial and its period
/// ("Mr." "Sen." "F."), so that a sentence split there is not a real one.
fn ends_with_abbreviation(doc: &Document, lower: &LowerWords, start: usize) -> bool {
    let word = |i: Option<usize>| i.and_then(|i| lower.get(i)).unwrap_or("");
    let (dot, before) = (start.checked_sub(1), start.checked_sub(2));
    let abbreviation = word(dot) == "." && {
        let w = word(before);
        let initial = w.chars().count() == 1 && w.chars().all(char::is_alphabetic);
        initial || source_words().has("titles", w)
    };
    abbreviation && before.and_then(|b| doc.tokens.get(b)).is_some_and(|t| doc.text_of(t.span).chars().next().is_some_and(char::is_uppercase))
}

/// True when the sentence `tokens` follows a closing quotation mark and names its speaker
/// ("“Why?” | Graham asked."): a reporting verb among its first words, before any quotation.
fn attributes_quote(lower: &LowerWords, quote: &[QuoteRole], tokens: Range<usize>) -> bool {
    let after_quote = tokens.start.checked_sub(1).and_then(|t| quote.get(t)).is_some_and(|r| r.closes);
    let head = tokens.start..tokens.end.min(tokens.start + ATTRIBUTION_WINDOW);
    after_quote && head.take_while(|&t| !quote.get(t).is_some_and(|r| r.opens)).any(|t| lower.get(t).is_some_and(|w| is_lexical_cue(w)))
}

/// Per token, its place relative to the quotations, by a merge of two sorted lists.
/// Only closed quotations count: the words after an opening mark that is never closed are
/// read as plain text.
fn quote_roles(doc: &Document, quotations: &[Quotation]) -> Vec<QuoteRole> {
    let mut roles = vec![QuoteRole::default(); doc.tokens.len()];
    let mut q = 0;
    for (role, token) in roles.iter_mut().zip(&doc.tokens) {
        while quotations.get(q).is_some_and(|quote| quote.span.end <= token.span.start) {
            q += 1;
        }
        let Some(quote) = quotations.get(q) else { break };
        if quote.closed && quote.span.contains(token.span) {
            role.within = Some(q as u32);
            role.opens = token.span.start == quote.span.start;
            role.closes = quote.closed && token.span.end == quote.span.end;
        }
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline;

    #[test]
    fn tokens_know_their_quotation() {
        let doc = pipeline::run("\u{201C}We won,\u{201D} she said. Then it\u{2019}s over.");
        let view = View::new(&doc);
        assert_eq!(view.quotations.len(), 1);
        let at = |text: &str| (0..doc.tokens.len()).find(|&i| doc.text_of(doc.tokens[i].span) == text).expect("the token exists");
        let role = |text: &str| {
            let r = view.role(at(text));
            (r.within.is_some(), r.opens, r.closes)
        };
        assert_eq!(role("\u{201C}"), (true, true, false));
        assert_eq!(role("We"), (true, false, false));
        assert_eq!(role("\u{201D}"), (true, false, true));
        assert_eq!(role("she"), (false, false, false));
        assert!(view.word(at("over") - 1).starts_with('\''), "the curly apostrophe is folded");
        assert_eq!(view.sentence_tokens(at("she")), 0..at("Then"));
    }

}
