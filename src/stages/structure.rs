//! Structure stage: finds the article inside what was pasted.
//!
//! Reads: paragraphs, sentences. Writes: the `kind` of each paragraph (title, heading,
//! body, boilerplate…). A text of one paragraph is all body.

use crate::doc::{BlockKind, Document};

/// True when a paragraph ends like a sentence.
fn ends_like_sentence(s: &str) -> bool {
    s.trim_end_matches(|c: char| matches!(c, '"' | '\'' | ')' | '\u{201D}' | '\u{2019}'))
        .ends_with(['.', '!', '?', ':', ';', '\u{2026}'])
}

pub(crate) fn run(doc: &mut Document) {
    if doc.paragraphs.len() < 2 {
        return;
    }
    let text = doc.text;
    let mut seen_body = false;
    for i in 0..doc.paragraphs.len() {
        let s = &text[doc.paragraphs[i].span.start..doc.paragraphs[i].span.end];
        let words = s.split_whitespace().count();
        let kind = if !ends_like_sentence(s) && words <= 20 {
            if i == 0 && !seen_body {
                BlockKind::Title
            } else {
                BlockKind::Heading
            }
        } else {
            seen_body = true;
            BlockKind::Body
        };
        doc.paragraphs[i].kind = kind;
    }
}
