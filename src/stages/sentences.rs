//! Sentence stage: splits each paragraph into sentences.
//!
//! Reads: paragraphs, tokens. Writes: `sentences`, which never cross a paragraph boundary
//! and together cover every token of every paragraph.

use crate::doc::{Document, Sentence, Span};

pub(crate) fn run(doc: &mut Document) {
    let text = doc.text;
    let mut sentences = Vec::new();
    let mut t = 0;
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        while t < doc.tokens.len() && doc.tokens[t].span.end <= p.span.start {
            t += 1;
        }
        let mut start = t;
        while t < doc.tokens.len() && doc.tokens[t].span.start < p.span.end {
            let s = &text[doc.tokens[t].span.start..doc.tokens[t].span.end];
            let next_upper = doc.tokens.get(t + 1).is_none_or(|n| {
                n.span.start >= p.span.end || text[n.span.start..].chars().next().is_some_and(|c| c.is_uppercase())
            });
            if matches!(s, "." | "!" | "?") && next_upper {
                let span = Span::new(doc.tokens[start].span.start, doc.tokens[t].span.end);
                sentences.push(Sentence { span, tokens: start..t + 1, paragraph: pi });
                start = t + 1;
            }
            t += 1;
        }
        if start < t {
            let span = Span::new(doc.tokens[start].span.start, doc.tokens[t - 1].span.end);
            sentences.push(Sentence { span, tokens: start..t, paragraph: pi });
        }
    }
    doc.sentences = sentences;
}
