//! Quotation marks: pairs opening and closing marks into quotations, in one linear pass.
//!
//! Input: the text and the spans of the paragraphs to read, in order. Output: every
//! [`Quotation`], sorted by start. Straight (`"` `'`), curly (`“ ” ‘ ’`), low (`„`) and angle
//! (`« » ‹ ›`) marks are read; single and double marks may nest. An apostrophe (`don't`,
//! `’90s`, `voters’`) is told from a closing single mark by its neighbours and by whether a
//! single quotation is open. A paragraph that ends inside a quotation continues it when the
//! next paragraph opens with the same kind of mark (the newspaper convention); otherwise an
//! unclosed double quotation ends with its paragraph and a stray mark is ignored; marks of
//! one kind do not nest, so an opening mark met while one of its kind is open drops the
//! older, unclosed one. Each mark is pushed and popped at most once, so the pass is linear
//! in the number of marks.

use crate::doc::Span;

/// A stretch of text between quotation marks, marks included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quotation {
    /// From the start of the opening mark to the end of the closing mark (or of the
    /// paragraph, when the quotation was never closed).
    pub span: Span,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
    /// True when the quotation lies inside another one.
    pub nested: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Double,
    Single,
}

impl Kind {
    fn index(self) -> usize {
        self as usize
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Open(Kind),
    Close(Kind),
    /// A straight mark that could open or close; the open quotations decide.
    Either(Kind),
}

/// Elided words written with a leading apostrophe ('em, 'til), never an opening mark.
const ELISIONS: &[&str] = &["em", "til", "tis", "twas", "cause", "bout", "n", "round"];

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// True for a character after which a mark opens: start of text, space, bracket, dash.
fn opens_after(c: Option<char>) -> bool {
    c.map_or(true, |c| c.is_whitespace() || matches!(c, '(' | '[' | '{' | '-' | '\u{2013}' | '\u{2014}' | '/' | '\u{201C}' | '\u{2018}' | '"' | '\''))
}

/// True for a character before which a mark closes: end of text, space, punctuation.
fn closes_before(c: Option<char>) -> bool {
    c.map_or(true, |c| c.is_whitespace() || (c.is_ascii_punctuation() && c != '\'' && c != '"') || matches!(c, '\u{2014}' | '\u{2013}' | '\u{2026}' | '\u{201D}' | '\u{2019}'))
}

/// The role of the quotation character `c` between `prev` and `next`, or `None` when it is
/// not a quotation mark here (an apostrophe, an inch sign, any other character).
fn classify(prev: Option<char>, c: char, next: Option<char>, rest: &str) -> Option<Mark> {
    use Kind::*;
    let (open, close) = (opens_after(prev), closes_before(next));
    match c {
        // A left mark after a word and before a space closes (German „…“).
        '\u{201C}' if !open && close => Some(Mark::Close(Double)),
        '\u{201C}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' => Some(Mark::Open(Double)),
        // A right mark written before a word, after a space, is a misused opening mark.
        '\u{201D}' | '\u{00BB}' if open && !close => Some(Mark::Open(Double)),
        '\u{201D}' | '\u{00BB}' => Some(Mark::Close(Double)),
        '\u{2039}' => Some(Mark::Open(Single)),
        '\u{203A}' => Some(Mark::Close(Single)),
        '"' => match (open, close) {
            (true, false) => Some(Mark::Open(Double)),
            (false, true) => Some(Mark::Close(Double)),
            _ => Some(Mark::Either(Double)),
        },
        '\'' | '\u{2018}' | '\u{2019}' | '\u{201B}' => {
            if is_word(prev) && is_word(next) {
                return None;
            }
            if open && !close {
                let elided = next.is_some_and(|n| n.is_ascii_digit()) || starts_with_elision(rest);
                return (!elided).then_some(Mark::Open(Single));
            }
            (!open && close).then_some(Mark::Close(Single))
        }
        _ => None,
    }
}

/// True when `rest` (the text after an apostrophe) starts with an elided word.
fn starts_with_elision(rest: &str) -> bool {
    let word_end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    let word = &rest[..word_end];
    ELISIONS.iter().any(|e| word.eq_ignore_ascii_case(e))
}

#[derive(Clone, Copy, Debug)]
struct OpenMark {
    kind: Kind,
    start: usize,
}

/// The marks of one paragraph with their byte offsets and lengths. Two straight
/// apostrophes in a row (`''`, a typewriter habit) count as one double mark.
fn marks(text: &str, span: Span) -> impl Iterator<Item = (usize, usize, Mark)> + '_ {
    let para = &text[span.start..span.end];
    let mut prev: Option<char> = None;
    let mut chars = para.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((i, mut c)) = chars.next() {
            let mut len = c.len_utf8();
            if c == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
                (c, len) = ('"', 2);
            }
            let next = chars.peek().map(|&(_, n)| n);
            let before = prev;
            prev = Some(c);
            let rest = &para[i + len..];
            if let Some(mark) = classify(before, c, next, rest) {
                return Some((span.start + i, len, mark));
            }
        }
        None
    })
}

/// The open quotations, outermost first, with a count per kind for O(1) membership.
#[derive(Default)]
struct Stack {
    open: Vec<OpenMark>,
    counts: [usize; 2],
}

impl Stack {
    fn push(&mut self, mark: OpenMark) {
        self.counts[mark.kind.index()] += 1;
        self.open.push(mark);
    }

    fn pop(&mut self) -> Option<OpenMark> {
        let mark = self.open.pop()?;
        self.counts[mark.kind.index()] -= 1;
        Some(mark)
    }

    /// Opens a quotation. Quotations of one kind do not nest, so an open one of the same
    /// kind was never closed: it is dropped, with any opened inside it.
    fn reopen(&mut self, mark: OpenMark) {
        if self.has(mark.kind) {
            while self.pop().is_some_and(|m| m.kind != mark.kind) {}
        }
        self.push(mark);
    }

    fn has(&self, kind: Kind) -> bool {
        self.counts[kind.index()] > 0
    }

    /// Closes the innermost open quotation of `kind`, dropping any opened inside it.
    fn close(&mut self, kind: Kind, end: usize, out: &mut Vec<Quotation>) {
        while let Some(mark) = self.pop() {
            if mark.kind == kind {
                let nested = !self.open.is_empty();
                out.push(Quotation { span: Span::new(mark.start, end), closed: true, nested });
                return;
            }
        }
    }

    fn clear(&mut self) {
        self.open.clear();
        self.counts = [0, 0];
    }
}

/// The length and kind of the mark a paragraph opens with, if it opens with one.
fn leading_open(text: &str, span: Span) -> Option<(usize, Kind)> {
    match marks(text, span).next()? {
        (at, len, Mark::Open(kind) | Mark::Either(kind)) if at == span.start => Some((len, kind)),
        _ => None,
    }
}

/// Finds the quotations in `paragraphs` (ascending, non-overlapping spans of `text`).
pub(crate) fn quotations(text: &str, paragraphs: &[Span]) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut stack = Stack::default();
    // Bytes at the start of the current paragraph that continue an open quotation.
    let mut skip_until = 0;
    for (i, &para) in paragraphs.iter().enumerate() {
        for (at, len, mark) in marks(text, para) {
            if at < skip_until {
                continue;
            }
            match mark {
                Mark::Open(kind) => stack.reopen(OpenMark { kind, start: at }),
                Mark::Close(kind) | Mark::Either(kind) if stack.has(kind) => stack.close(kind, at + len, &mut out),
                Mark::Either(kind) => stack.push(OpenMark { kind, start: at }),
                Mark::Close(_) => {}
            }
        }
        let Some(&outer) = stack.open.first() else { continue };
        let next = paragraphs.get(i + 1);
        let continued = next.and_then(|&n| leading_open(text, n)).filter(|&(_, kind)| kind == outer.kind);
        stack.clear();
        match (continued, next) {
            (Some((len, _)), Some(n)) => {
                stack.push(outer);
                skip_until = n.start + len;
            }
            _ if outer.kind == Kind::Double => {
                out.push(Quotation { span: Span::new(outer.start, para.end), closed: false, nested: false });
            }
            _ => {}
        }
    }
    out.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quotations of `text` read as one paragraph per line, as (text, closed, nested).
    fn found(text: &str) -> Vec<(&str, bool, bool)> {
        let mut paragraphs = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            paragraphs.push(Span::new(start, start + line.len()));
            start += line.len() + 1;
        }
        quotations(text, &paragraphs).into_iter().map(|q| (&text[q.span.start..q.span.end], q.closed, q.nested)).collect()
    }

    #[test]
    fn pairs_marks_of_every_style() {
        let cases: &[(&str, &[&str])] = &[
            ("He said \"we will win\" today.", &["\"we will win\""]),
            ("She said \u{201C}no way\u{201D}.", &["\u{201C}no way\u{201D}"]),
            ("A \u{2018}fair\u{2019} deal.", &["\u{2018}fair\u{2019}"]),
            ("The 'so-called' plan.", &["'so-called'"]),
            ("\u{00AB}Oui\u{00BB}, dit-il.", &["\u{00AB}Oui\u{00BB}"]),
            ("\u{201E}Ja\u{201C}, sagte er.", &["\u{201E}Ja\u{201C}"]),
            ("''Tell that to him,'' he said.", &["''Tell that to him,''"]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = found(text).into_iter().map(|q| q.0).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let misses = [
            "Don't stop, it's the voters' choice.",
            "Kim Jong-Un\u{2019}s trip in the \u{2019}90s.",
            "Rock 'n roll, 'til dawn, '90s music.",
            "The board\u{2019}s vote.",
        ];
        for text in misses {
            assert_eq!(found(text), [], "{text}");
        }
    }

    #[test]
    fn nested_quotations_are_marked_nested() {
        let text = "\u{201C}He told me \u{2018}never\u{2019} twice,\u{201D} she said.";
        let got = found(text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], ("\u{201C}He told me \u{2018}never\u{2019} twice,\u{201D}", true, false));
        assert_eq!(got[1], ("\u{2018}never\u{2019}", true, true));
        let straight = found("\"He told me 'never' twice,\" she said.");
        assert_eq!(straight[0].0, "\"He told me 'never' twice,\"");
        assert_eq!(straight[1], ("'never'", true, true));
    }

    #[test]
    fn a_quotation_continues_into_a_paragraph_that_opens_with_a_mark() {
        let text = "\u{201C}First part.\n\u{201C}Second part,\u{201D} he said.\nAfter.";
        assert_eq!(found(text), [("\u{201C}First part.\n\u{201C}Second part,\u{201D}", true, false)]);
    }

    #[test]
    fn unbalanced_marks_degrade_gracefully() {
        // An unclosed double quotation ends with its paragraph; a stray close is ignored.
        assert_eq!(found("\"Never closed\nNext line."), [("\"Never closed", false, false)]);
        assert_eq!(found("A stray\u{201D} mark.\nAnd \u{2018}one open"), []);
        // Marks crossed wrongly: the double closes and drops the single opened inside.
        assert_eq!(found("\u{201C}a \u{2018}b\u{201D} c"), [("\u{201C}a \u{2018}b\u{201D}", true, false)]);
        // An opening mark left open is dropped when another of its kind opens.
        assert_eq!(found("\u{201C}a \u{201C}b\u{201D} c"), [("\u{201C}b\u{201D}", true, false)]);
    }

    #[test]
    fn many_marks_stay_linear_and_balanced() {
        let text = "\"a\" ".repeat(50_000) + &"\u{201C}".repeat(50_000);
        let got = found(&text);
        assert_eq!(got.iter().filter(|q| q.1).count(), 50_000);
    }
}
