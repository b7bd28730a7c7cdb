//! Paragraph stage: splits the text into paragraphs at line breaks.
//!
//! Reads: text. Writes: `paragraphs` (kind `Body`; the structure stage classifies them).
//! Blank lines and single line breaks both end a paragraph, because pasted articles often
//! have one paragraph per line. A line broken inside a sentence is joined to the next one
//! (as in `…noting the U.S.'` / `s resolve to…`), but only when both sides say so: the
//! first line is running text cut short (several words, ending in a lower-case word, a
//! comma, a hyphen or an apostrophe) and the next line goes on in lower case. Menus, lists
//! and headlines (short lines, bullets, capitalised starts) are never merged, nor are lines
//! separated by a blank line. Paragraph spans are trimmed of surrounding whitespace.

use crate::doc::{BlockKind, Document, Paragraph, Span};
use crate::text::{fold, is_ignorable, is_line_break, is_space};

/// A line cut inside a sentence has at least this many words.
const MIN_CUT_WORDS: usize = 5;

/// Splits `text` into trimmed, non-empty lines, each with the number of line breaks
/// between it and the previous line (`\r\n` counts once).
fn lines(text: &str) -> Vec<(Span, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut breaks = 0;
    let mut after_cr = false;
    for (i, c) in text.char_indices() {
        if is_line_break(c) {
            if push_trimmed(text, Span::new(start, i), breaks, &mut out) {
                breaks = 0;
            }
            if !(after_cr && c == '\n') {
                breaks += 1;
            }
            start = i + c.len_utf8();
        }
        after_cr = c == '\r';
    }
    push_trimmed(text, Span::new(start, text.len()), breaks, &mut out);
    out
}

/// Pushes the trimmed line when it is not blank; says whether it did.
fn push_trimmed(text: &str, span: Span, breaks: usize, out: &mut Vec<(Span, usize)>) -> bool {
    let s = &text[span.start..span.end];
    let blank = |c: char| is_space(c) || is_ignorable(c);
    let lead = s.len() - s.trim_start_matches(blank).len();
    let trimmed = s.trim_matches(blank);
    if trimmed.is_empty() {
        return false;
    }
    let start = span.start + lead;
    out.push((Span::new(start, start + trimmed.len()), breaks));
    true
}

/// True when the line `prev` stops in the middle of a sentence: it has a few words, most
/// of them not capitalised (so not a headline), and ends in an open way.
fn is_cut(prev: &str) -> bool {
    let open_end = prev.chars().next_back().is_some_and(|c| {
        c.is_lowercase() || matches!(fold(c), ',' | '-' | '\'') || c == '\u{2013}'
    });
    let words = prev.split_whitespace().count();
    let capitalised = prev.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    open_end && words >= MIN_CUT_WORDS && capitalised * 2 <= words
}

/// True when the line `next` carries on a sentence: it starts with a lower-case letter,
/// and not with a web address.
fn carries_on(next: &str) -> bool {
    let first = next.split_whitespace().next().unwrap_or_default();
    let url = first.contains("://") || first.starts_with("www.");
    next.chars().next().is_some_and(char::is_lowercase) && !url
}

pub(crate) fn run(doc: &mut Document) {
    let text = doc.text;
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    let mut prev: Option<Span> = None;
    for (line, breaks) in lines(text) {
        let joined = breaks == 1
            && prev.is_some_and(|p| is_cut(&text[p.start..p.end]))
            && carries_on(&text[line.start..line.end]);
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
        assert_eq!(paragraphs(""), Vec::<&str>::new());
    }

    #[test]
    fn joins_a_line_broken_inside_a_sentence() {
        let hits = [
            ("He warned of the U.S.'\ns resolve to act.", 1),
            ("He warned of the U.S.\u{2019}\ns resolve to act.", 1),
            ("The council met on Tuesday and\nvoted to close the bridge.", 1),
            ("The council met on Tuesday, as\r\nplanned, and voted.", 1),
            ("Officials said that the plan was long-\nterm and costly.", 1),
            ("Officials said the plan would be,\nin their words, final.", 1),
        ];
        for (text, n) in hits {
            assert_eq!(paragraphs(text).len(), n, "{text:?}");
        }
    }

    #[test]
    fn keeps_lists_headlines_and_finished_lines_apart() {
        let misses = [
            "Heading\nbody starts here.",                              // a short line
            "news\nworld\npolitics",                                   // a lower-case menu
            "The council met on Tuesday.\nthen it rained.",            // a finished sentence
            "The council met on Tuesday and\n\nvoted.",                // a blank line between
            "The council met on Tuesday and\n- voted\n- adjourned",    // a bullet list
            "The council met on Tuesday with the mayor\nOthers came.", // a capital start
            "Five things to know about the river\n2024 was wet.",      // a digit start
            "Buy the complete box set of the series\nhttp://example.com/x", // a web address
            "Hiking the Boulder Flat Irons\nby Ana Ruiz",               // a headline
        ];
        for text in misses {
            assert!(paragraphs(text).len() > 1, "{text:?}");
        }
    }

    #[test]
    fn counts_crlf_blank_lines_once_per_break() {
        assert_eq!(paragraphs("The council met on Tuesday and\r\n\r\nvoted.").len(), 2);
        assert_eq!(paragraphs("The council met on Tuesday and\r\nvoted.").len(), 1);
    }
}
