//! Paragraph stage: splits the text into paragraphs at line breaks.
//!
//! Reads: text. Writes: `paragraphs` (kind `Body`; the structure stage classifies them).
//! Blank lines and single line breaks both end a paragraph, because pasted articles often
//! have one paragraph per line. A line broken inside a sentence (it ends without closing
//! punctuation and the next line starts in lower case, as in `U.S.'` / `s resolve`) is
//! joined to the next line. Paragraph spans are trimmed of surrounding whitespace.

use crate::doc::{BlockKind, Document, Paragraph, Span};
use crate::text::{is_ignorable, is_line_break, is_space};

/// Splits `text` into trimmed, non-empty lines.
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if is_line_break(c) {
            push_trimmed(text, Span::new(start, i), &mut out);
            start = i + c.len_utf8();
        }
    }
    push_trimmed(text, Span::new(start, text.len()), &mut out);
    out
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = &text[span.start..span.end];
    let blank = |c: char| is_space(c) || is_ignorable(c);
    let lead = s.len() - s.trim_start_matches(blank).len();
    let trimmed = s.trim_matches(blank);
    if !trimmed.is_empty() {
        let start = span.start + lead;
        out.push(Span::new(start, start + trimmed.len()));
    }
}

/// True when the line break between `prev` and `next` falls inside a sentence.
fn continues(text: &str, prev: Span, next: Span, blank_between: bool) -> bool {
    if blank_between {
        return false;
    }
    let last = text[prev.start..prev.end].chars().next_back();
    let first = text[next.start..next.end].chars().next();
    let open_end = last.is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';' | '-' | '\'' | '\u{2019}'));
    open_end && first.is_some_and(|c| c.is_lowercase())
}

pub(crate) fn run(doc: &mut Document) {
    let text = doc.text;
    let lines = lines(text);
    let mut paragraphs: Vec<Paragraph> = Vec::with_capacity(lines.len());
    let mut prev: Option<Span> = None;
    for line in lines {
        let joined = prev.is_some_and(|p| {
            let gap = &text[p.end..line.start];
            let breaks = gap.chars().filter(|&c| c == '\n' || c == '\u{2029}').count();
            continues(text, p, line, breaks > 1)
        });
        match paragraphs.last_mut() {
            Some(last) if joined => last.span.end = line.end,
            _ => paragraphs.push(Paragraph { span: line, kind: BlockKind::Body }),
        }
        prev = Some(line);
    }
    doc.paragraphs = paragraphs;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<&str> {
        let mut doc = Document::new(text);
        run(&mut doc);
        doc.paragraphs.iter().map(|p| doc.text_of(p.span)).collect()
    }

    #[test]
    fn one_paragraph_per_line_or_blank_line() {
        assert_eq!(paragraphs("A.\nB.\n\n\nC."), ["A.", "B.", "C."]);
        assert_eq!(paragraphs("A.\r\nB.\r\n"), ["A.", "B."]);
        assert_eq!(paragraphs("  \n \u{A0}\n"), Vec::<&str>::new());
    }

    #[test]
    fn joins_a_line_broken_inside_a_sentence() {
        assert_eq!(paragraphs("the U.S.'\ns resolve is firm.\nNext."), ["the U.S.'\ns resolve is firm.", "Next."]);
        assert_eq!(paragraphs("Heading\nBody starts here."), ["Heading", "Body starts here."]);
    }
}
