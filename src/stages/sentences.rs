//! Sentence stage: splits each paragraph into sentences.
//!
//! Reads: paragraphs, tokens. Writes: `sentences`, which never cross a paragraph boundary and
//! together cover every token of every paragraph (a paragraph is always at least one
//! sentence, so a heading without a final stop is one). Also splits the full stop off an
//! abbreviation that ends a sentence ("in the U.S." -> "U.S" "."), as UD tokenization does.
//!
//! Every space between two tokens of a paragraph is a possible boundary. Rules settle some:
//! never before a lower-case word after a word, never after a title ("Mr. Smith", "Dr John")
//! or "No." before its number, or after the initial of a name ("J. R. R. Tolkien"); always
//! after an abbreviation before "The", "He", "But"…; always after a CJK full stop, even with
//! no space. A linear classifier (`model.rs`, features in `features.rs`) trained on UD
//! English EWT decides the rest: sentence-ending marks before capitals, quotes and brackets
//! that close a sentence (`He left." Then`) or not (`"It is a relief," said Ana`), marks
//! inside quotes (`"Why?" he asked`), ellipses, and the unpunctuated boundaries of web text
//! (a title run into its first sentence), which need a higher score ([`UNPUNCTUATED_MARGIN`]).
//! A run of more than [`MAX_SENTENCE_TOKENS`] tokens with no boundary is cut at that length.

mod features;
mod model;

use features::{Part, Sink};
use model::feature_name;

use crate::doc::{Document, Sentence, Span, Token, TokenKind};
use crate::lexicon::{cached, WordList};
use crate::stages::tokens::{is_leading_abbreviation, is_listed_abbreviation};
use crate::text::{is_closing, is_terminal};
use features::Paragraph;
use std::ops::Range;
use std::sync::OnceLock;

/// The extra score a boundary without punctuation needs. Web text (EWT, the training data)
/// often runs a title or a signature into the next sentence; in articles such a boundary is
/// rare and a false one (between a first name and a surname) is costly. With 3, EWT F1 is
/// 0.003 lower in cross-validation on train (`train-sentences --folds 5`) and 0.002 higher on
/// dev, while boundaries without punctuation inside paragraphs of news text (news_pages,
/// onestopenglish, bbc_news_summary dev), nearly all false, fall from about 980 to 250 in
/// 44,000 sentences.
const UNPUNCTUATED_MARGIN: f32 = 3.0;

/// What kind of decision the space (or its absence) after a token needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    Never,
    Always,
    Classify,
}

/// A CJK or full-width sentence-ending mark, which needs no space after it.
fn is_wide_terminal(c: char) -> bool {
    is_terminal(c) && !c.is_ascii() && c != '\u{2026}'
}

fn gap(p: &Paragraph<'_>, i: usize) -> Gap {
    let (Some(a), Some(b)) = (p.token(i), p.token(i + 1)) else {
        return Gap::Never;
    };
    let first_b = p.text_of(i + 1).chars().next().unwrap_or(' ');
    if !p.space_after(i) {
        let wide_end = p.text_of(i).chars().any(is_wide_terminal)
            || (a.kind == TokenKind::Punct && p.text_of(i).chars().all(is_closing) && wide_end_before(p, i));
        let b_continues = b.kind == TokenKind::Punct && (is_closing(first_b) || is_terminal(first_b));
        return if wide_end && !b_continues { Gap::Always } else { Gap::Never };
    }
    let wordish = |t: &Token| t.kind != TokenKind::Punct && t.kind != TokenKind::Symbol && t.kind != TokenKind::Emoji;
    // A lower-case word continues the sentence unless a full stop, question or exclamation
    // mark comes before it: after a word, an emoji ("Cheer 🎉 as…") or an ellipsis ("good…
    // finally").
    let stop_before = p.text_of(i).contains(['.', '!', '?']) && !is_ellipsis(p.text_of(i));
    if (wordish(a) || !stop_before) && b.kind == TokenKind::Word && first_b.is_lowercase() {
        return Gap::Never;
    }
    let capitalised_b = b.kind == TokenKind::Word && first_b.is_uppercase();
    if a.kind == TokenKind::Word && capitalised_b && is_leading_abbreviation(p.text_of(i)) {
        return Gap::Never;
    }
    match stopped_stem(p.text_of(i)).filter(|_| a.kind == TokenKind::Word) {
        Some(stem) => after_abbreviation(stem, name_before(p, i), b, p.text_of(i + 1)),
        None => Gap::Classify,
    }
}

fn is_ellipsis(s: &str) -> bool {
    s == "\u{2026}" || (s.len() >= 2 && s.chars().all(|c| c == '.'))
}

/// True when token `i` starts its paragraph or follows a capitalised word or an initial, as
/// the initials of a name do ("J. R. R. Tolkien", "Jennifer M. Anderson").
fn name_before(p: &Paragraph<'_>, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1) else {
        return true;
    };
    p.token(prev).is_some_and(|t| t.kind == TokenKind::Word) && p.text_of(prev).chars().next().is_some_and(char::is_uppercase)
}

/// "Mr" for "Mr.": a word without the full stop that ends it.
fn stopped_stem(s: &str) -> Option<&str> {
    s.strip_suffix('.').filter(|stem| !stem.is_empty())
}

/// The space after an abbreviation's full stop: never a boundary after a title ("Mr. Smith")
/// or "No." before its number, nor after a listed abbreviation before a number ("Sept. 11"),
/// nor after the initial of a name before a capitalised word ("J. R. R. Tolkien"); always
/// one before a word that cannot continue a name ("in the U.S. The"); else the classifier
/// decides.
fn after_abbreviation(stem: &str, in_name: bool, b: &Token, b_text: &str) -> Gap {
    let capitalised = b.kind == TokenKind::Word && b_text.chars().next().is_some_and(char::is_uppercase);
    if is_leading_abbreviation(stem) || (b.kind == TokenKind::Number && is_listed_abbreviation(stem)) {
        return Gap::Never;
    }
    if capitalised && is_sentence_starter(b_text) {
        return Gap::Always;
    }
    let mut chars = stem.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    if initial && in_name && capitalised {
        return Gap::Never;
    }
    Gap::Classify
}

/// "The", "He", "But": capitalised words that begin a sentence after an abbreviation.
fn is_sentence_starter(word: &str) -> bool {
    static LIST: OnceLock<WordList> = OnceLock::new();
    cached(&LIST, include_str!("../lexicon/sentence-starters.txt")).contains_ignore_case(word)
}

/// Closing marks looked through after a CJK full stop ("。」』"): a small bound keeps long
/// runs of quotes linear.
const MAX_CLOSERS: usize = 3;

/// True when token `i` closes a quote or bracket right after a CJK full stop ("。」").
fn wide_end_before(p: &Paragraph<'_>, i: usize) -> bool {
    for prev in (i.saturating_sub(MAX_CLOSERS)..i).rev() {
        let s = p.text_of(prev);
        if s.chars().any(is_wide_terminal) {
            return true;
        }
        if !s.chars().all(is_closing) {
            return false;
        }
    }
    false
}

/// How much more than zero the classifier's score must be for a boundary after token `i`:
/// nothing after a sentence-ending mark or a closing quote or bracket, but
/// [`UNPUNCTUATED_MARGIN`] elsewhere, since a boundary with no punctuation needs strong evidence.
fn margin(p: &Paragraph<'_>, i: usize) -> f32 {
    let s = p.text_of(i);
    let punctuated = p.token(i).is_some_and(|t| t.kind == TokenKind::Punct) && s.chars().all(|c| is_terminal(c) || is_closing(c));
    if punctuated {
        0.0
    } else {
        UNPUNCTUATED_MARGIN
    }
}

/// The token ranges of the paragraphs, in order, with the paragraph index.
fn paragraph_ranges(doc: &Document) -> Vec<(usize, Range<usize>)> {
    let tokens = &doc.tokens;
    let mut out = Vec::with_capacity(doc.paragraphs.len());
    let mut t = 0;
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        while tokens.get(t).is_some_and(|tok| tok.span.end <= p.span.start) {
            t += 1;
        }
        let start = t;
        while tokens.get(t).is_some_and(|tok| tok.span.start < p.span.end) {
            t += 1;
        }
        if t > start {
            out.push((pi, start..t));
        }
    }
    out
}

/// The most tokens a sentence holds: a longer run with no boundary (a line of quotation marks,
/// a pasted table, a megabyte without a full stop) is cut after this many, so that the work
/// and memory of every per-sentence step (taggers, decoders) stay bounded. News sentences
/// rarely reach 100 tokens. Without the cap, 5 MB of quotation marks, one sentence, made the
/// entity decoder exhaust the 4 GB of wasm32 memory.
const MAX_SENTENCE_TOKENS: usize = 1_000;

/// Calls `f(first, last)` for each sentence of a paragraph (token indices within it, `last`
/// included); `boundary(p, i)` decides the spaces the rules leave open.
fn split_paragraph(p: &Paragraph<'_>, mut boundary: impl FnMut(&Paragraph<'_>, usize) -> bool, mut f: impl FnMut(usize, usize)) {
    let mut first = 0;
    for i in 0..p.len() {
        let ends = i + 1 == p.len()
            || match gap(p, i) {
                Gap::Never => false,
                Gap::Always => true,
                Gap::Classify => boundary(p, i),
            }
            || i + 1 - first >= MAX_SENTENCE_TOKENS;
        if ends {
            f(first, i);
            first = i + 1;
        }
    }
}

pub(crate) fn run(doc: &mut Document) {
    let model = model::shipped();
    let text = doc.text;
    let mut sentences = Vec::new();
    for (pi, range) in paragraph_ranges(doc) {
        let tokens = doc.tokens.get(range.clone()).unwrap_or(&[]);
        let p = Paragraph::new(text, tokens);
        let boundary = |p: &Paragraph<'_>, i: usize| model.score(|s| p.features(i, s)) > margin(p, i);
        split_paragraph(&p, boundary, |first, last| {
            if let (Some(a), Some(b)) = (tokens.get(first), tokens.get(last)) {
                let span = Span::new(a.span.start, b.span.end);
                sentences.push(Sentence { span, tokens: range.start + first..range.start + last + 1, paragraph: pi });
            }
        });
    }
    doc.sentences = sentences;
    split_final_stops(doc);
}

/// A word token that ends with its full stop ("U.S.", "etc.", "J.").
fn is_stopped_word(text: &str, t: &Token) -> bool {
    let s = text.get(t.span.start..t.span.end).unwrap_or("");
    t.kind == TokenKind::Word && s.len() > 1 && s.ends_with('.')
}

/// A punctuation token made only of closing quotes or brackets.
fn is_closing_mark(text: &str, t: &Token) -> bool {
    let s = text.get(t.span.start..t.span.end).unwrap_or("");
    t.kind == TokenKind::Punct && !s.is_empty() && s.chars().all(is_closing)
}

/// Splits the full stop off the abbreviation that ends each sentence (before any closing
/// quotes or brackets), renumbering the sentences' token ranges.
fn split_final_stops(doc: &mut Document) {
    let text = doc.text;
    let old = std::mem::take(&mut doc.tokens);
    let mut tokens: Vec<Token> = Vec::with_capacity(old.len() + doc.sentences.len() / 8 + 1);
    let mut copied = 0;
    for s in &mut doc.sentences {
        let range = s.tokens.clone();
        let mut last = range.end;
        while last > range.start && old.get(last - 1).is_some_and(|t| is_closing_mark(text, t)) {
            last -= 1;
        }
        let split = last.checked_sub(1).filter(|&k| k >= range.start && old.get(k).is_some_and(|t| is_stopped_word(text, t)));
        tokens.extend_from_slice(old.get(copied..range.start).unwrap_or(&[]));
        let start = tokens.len();
        for (k, t) in old.iter().enumerate().take(range.end).skip(range.start) {
            if Some(k) == split {
                let stop = t.span.end - 1;
                tokens.push(Token { span: Span::new(t.span.start, stop), ..*t });
                tokens.push(Token { span: Span::new(stop, t.span.end), kind: TokenKind::Punct, pos: None });
            } else {
                tokens.push(*t);
            }
        }
        s.tokens = start..tokens.len();
        copied = range.end;
    }
    tokens.extend_from_slice(old.get(copied..).unwrap_or(&[]));
    doc.tokens = tokens;
}

/// For the training binary: the possible boundaries of `text` that the classifier decides,
/// as (byte offset where the sentence would end, score margin needed, feature names).
pub(crate) fn training_examples(text: &str) -> Vec<(usize, f32, Vec<String>)> {
    struct Names(Vec<String>);
    impl Sink for Names {
        fn add(&mut self, template: &str, parts: &[Part<'_>]) {
            self.0.push(feature_name(template, parts));
        }
    }
    let mut doc = Document::new(text);
    crate::stages::paragraphs::run(&mut doc);
    crate::stages::tokens::run(&mut doc);
    let mut out = Vec::new();
    for (_, range) in paragraph_ranges(&doc) {
        let tokens = doc.tokens.get(range).unwrap_or(&[]);
        let p = Paragraph::new(text, tokens);
        let boundary = |p: &Paragraph<'_>, i: usize| {
            let mut names = Names(Vec::new());
            p.features(i, &mut names);
            if let Some(t) = tokens.get(i) {
                out.push((t.span.end, margin(p, i), names.0));
            }
            false
        };
        split_paragraph(&p, boundary, |_, _| {});
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::{paragraphs, tokens};

    fn analyse(text: &str) -> Document<'_> {
        let mut doc = Document::new(text);
        paragraphs::run(&mut doc);
        tokens::run(&mut doc);
        run(&mut doc);
        doc
    }

    fn sentences(text: &str) -> Vec<&str> {
        let doc = analyse(text);
        doc.sentences.iter().map(|s| doc.text_of(s.span)).collect()
    }

    #[test]
    fn a_run_without_boundaries_is_cut_into_sentences_of_at_most_the_cap() {
        for (text, tokens) in [("\"".repeat(2_500), 2_500), ("word ".repeat(2_001), 2_001), ("([".repeat(1_000), 2_000)] {
            let doc = analyse(&text);
            let lengths: Vec<usize> = doc.sentences.iter().map(|s| s.tokens.len()).collect();
            assert_eq!(lengths.iter().sum::<usize>(), tokens);
            assert!(lengths.iter().all(|&n| n <= MAX_SENTENCE_TOKENS), "{lengths:?}");
            assert_eq!(lengths[0], MAX_SENTENCE_TOKENS);
        }
        // Ordinary sentences are untouched.
        assert_eq!(sentences("It rained. It stopped."), ["It rained.", "It stopped."]);
    }

    #[test]
    fn splits_where_a_sentence_ends() {
        for (text, expected) in [
            ("He left. Then she came.", &["He left.", "Then she came."][..]),
            ("He left.\" Then she came.", &["He left.\"", "Then she came."]),
            ("Farmers cheered on Tuesday. \"It is a relief,\" said Ana.", &["Farmers cheered on Tuesday.", "\"It is a relief,\" said Ana."]),
            ("Is it true? Yes, it is.", &["Is it true?", "Yes, it is."]),
            ("Wow! That was great.", &["Wow!", "That was great."]),
            ("It rained all day... Then it stopped.", &["It rained all day...", "Then it stopped."]),
            ("He lives in the U.S. The weather is nice there.", &["He lives in the U.S.", "The weather is nice there."]),
            ("The meeting ended at 5 p.m. Everyone went home.", &["The meeting ended at 5 p.m.", "Everyone went home."]),
            ("It was plan B. Then it failed.", &["It was plan B.", "Then it failed."]),
            ("The award went to John Smith Jr. He was delighted.", &["The award went to John Smith Jr.", "He was delighted."]),
            ("They sell apples, pears, etc. The shop opens daily.", &["They sell apples, pears, etc.", "The shop opens daily."]),
            ("(He left early.) Then she came.", &["(He left early.)", "Then she came."]),
            ("\u{201C}Stop!\u{201D} she said. Then she ran.", &["\u{201C}Stop!\u{201D} she said.", "Then she ran."]),
            ("He said \u{201C}no.\u{201D} Then he left.", &["He said \u{201C}no.\u{201D}", "Then he left."]),
            ("I love it \u{1F600}. Next time I will stay longer.", &["I love it \u{1F600}.", "Next time I will stay longer."]),
            ("He left.\u{A0}Then she came.", &["He left.", "Then she came."]),
            ("First line.\r\nSecond line.", &["First line.", "Second line."]),
            ("Rain Returns to the Valley\n\nIt rained.", &["Rain Returns to the Valley", "It rained."]),
            ("\u{4ECA}\u{5929}\u{4E0B}\u{96E8}\u{3002}\u{660E}\u{5929}\u{6674}\u{3002}", &["\u{4ECA}\u{5929}\u{4E0B}\u{96E8}\u{3002}", "\u{660E}\u{5929}\u{6674}\u{3002}"]),
            ("\u{300C}\u{597D}\u{3002}\u{300D}\u{4ED6}\u{8AAA}\u{3002}", &["\u{300C}\u{597D}\u{3002}\u{300D}", "\u{4ED6}\u{8AAA}\u{3002}"]),
            ("Cafe\u{301} prices rose. Cre\u{300}me too.", &["Cafe\u{301} prices rose.", "Cre\u{300}me too."]),
        ] {
            assert_eq!(sentences(text), expected, "{text}");
        }
    }

    #[test]
    fn does_not_split_inside_a_sentence() {
        for text in [
            "Mr. Smith went to Washington.",
            "Dr. Jones and Mrs. Brown met Gen. Lee and Sen. Warren.",
            "J. R. R. Tolkien wrote it.",
            "It costs 3.5 dollars at 10:30 today.",
            "The U.S. economy grew.",
            "\"It is a relief,\" said Ana Ruiz.",
            "\"Why?\" he asked.",
            "\u{201C}Stop!\u{201D} she shouted.",
            "It was No. 10 on the list.",
            "We met on Jan. 5 and Feb. 6 in St. Louis.",
            "It ended at 5 p.m. on Friday.",
            "See e.g. the report, i.e. the long one.",
            "He said... well, maybe.",
            "Apples, pears, etc. are fruit.",
            "The talks (at 10 a.m. in Paris) went well.",
            "George W. Bush met Jennifer M. Anderson.",
            "In a statement, Dr John Kelly said so.",
            "Welcoming the ruling, Maeve Sherlock said it was fair.",
            "They were ahead of Sir Elton John, who came fourth.",
            "Latinohiphopradio.com has been up for a year.",
            "John Smith Jr. of Boston won.",
            "Caf\u{e9} Owners Cheer \u{1F389} as Tourists Return",
            "\"Business is good\u{2026} finally,\" said the owner.",
        ] {
            assert_eq!(sentences(text), [text], "{text}");
        }
    }

    #[test]
    fn sentences_cover_paragraphs_and_never_cross_them() {
        let text = "Title line\nFirst one. Second one!\r\n\r\n\u{201C}Third?\u{201D} Yes.";
        let doc = analyse(text);
        let mut covered = 0;
        for s in &doc.sentences {
            let p = doc.paragraphs[s.paragraph].span;
            assert!(p.contains(s.span));
            assert_eq!(doc.tokens[s.tokens.start].span.start, s.span.start);
            assert_eq!(doc.tokens[s.tokens.end - 1].span.end, s.span.end);
            assert_eq!(s.tokens.start, covered);
            covered = s.tokens.end;
        }
        assert_eq!(covered, doc.tokens.len());
        assert_eq!(doc.sentences.len(), 5);
    }

    #[test]
    fn final_abbreviation_gives_up_its_full_stop() {
        let doc = analyse("They moved to the U.S. Then they left, etc.\") Done.");
        let tokens: Vec<&str> = doc.tokens.iter().map(|t| doc.text_of(t.span)).collect();
        assert_eq!(tokens, ["They", "moved", "to", "the", "U.S", ".", "Then", "they", "left", ",", "etc", ".", "\"", ")", "Done", "."]);
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(doc.tokens[5].kind, TokenKind::Punct);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::stages::{paragraphs, tokens};
    use proptest::prelude::*;

    /// Characters that exercise every scanner and rule: letters with marks, digits and their
    /// separators, quotes, brackets, stops, web signs, emoji parts, CJK, spaces and breaks.
    const ALPHABET: &str = "aZe\u{301}1 0.,:;!?'\"\u{201C}\u{201D}\u{2019}()[]-\u{2014}/@#_&$%*=<>~\u{1F600}\u{1F3FD}\u{200D}\u{FE0F}\u{1F1FA}\u{4E2D}\u{3002}\u{AD}\u{A0}\u{FEFF}\r\n\t";

    fn check(text: &str) {
        let mut doc = Document::new(text);
        paragraphs::run(&mut doc);
        tokens::run(&mut doc);
        run(&mut doc);
        let mut end = 0;
        for t in &doc.tokens {
            assert!(end <= t.span.start && t.span.start < t.span.end && t.span.end <= text.len());
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(!doc.text_of(t.span).chars().any(char::is_whitespace));
            end = t.span.end;
        }
        let mut next = 0;
        for s in &doc.sentences {
            assert_eq!(s.tokens.start, next);
            assert!(s.tokens.start < s.tokens.end && s.tokens.end <= doc.tokens.len());
            assert!(doc.paragraphs[s.paragraph].span.contains(s.span));
            next = s.tokens.end;
        }
        assert_eq!(next, doc.tokens.len());
        for w in &doc.words {
            assert!(w.start < w.end && w.end <= text.len() && text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
        }
    }

    /// Long runs of one pattern: a quadratic loop anywhere would make this test hang.
    #[test]
    fn long_runs_stay_linear() {
        for pattern in ["'", "\"", ")", "\u{3002}\u{300D}", "a.", "1-", ":)", "x@", "U.S. ", "A. ", "http://a", "\u{301}"] {
            check(&pattern.repeat(40_000));
        }
    }

    proptest! {
        #[test]
        fn any_text_gives_sane_tokens_and_sentences(text in any::<String>()) {
            check(&text);
        }

        #[test]
        fn tricky_text_gives_sane_tokens_and_sentences(chars in proptest::collection::vec(proptest::sample::select(ALPHABET.chars().collect::<Vec<_>>()), 0..80)) {
            check(&chars.into_iter().collect::<String>());
        }
    }
}

#[cfg(test)]
mod speed {
    use super::*;
    use crate::stages::{paragraphs, tokens};
    use std::time::Instant;

    /// Nanoseconds this thread has run on a CPU (Linux), else wall-clock nanoseconds: on a
    /// loaded machine the former still measures the work done.
    fn cpu_ns(wall: Instant) -> u128 {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse().ok())
            .unwrap_or_else(|| wall.elapsed().as_nanos())
    }

    /// Rough timing of tokens + sentences; run with
    /// `cargo test --release --lib sentences::speed -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn tokens_and_sentences_per_thousand_words() {
        let text = include_str!("../../www/sample-article.txt").repeat(300);
        let words = text.split_whitespace().count() as f64;
        let mut doc = Document::new(&text);
        paragraphs::run(&mut doc);
        let paragraphs = doc.paragraphs;
        let (runs, wall) = (7, Instant::now());
        let mut best = u128::MAX;
        for _ in 0..runs {
            let mut doc = Document::new(&text);
            doc.paragraphs = paragraphs.clone();
            let started = cpu_ns(wall);
            tokens::run(&mut doc);
            run(&mut doc);
            best = best.min(cpu_ns(wall) - started);
        }
        println!("{words} words: {:.4} ms per 1,000 words (best of {runs})", best as f64 / 1e6 / (words / 1000.0));
    }
}
