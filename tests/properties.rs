//! Property tests: for any input string, `analyze` never panics, every span is in bounds and
//! never cuts a surrogate pair, the layers nest and stay in order, paragraphs cover every
//! visible character, sentences cover every token of their paragraph, and the output is the
//! same on every run.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::{analyze, Analysis, Options};
use proptest::prelude::*;

/// Pieces that make inputs look like pasted articles, including hostile ones.
const PIECES: &[&str] = &[
    "The", "U.S.", "Mr.", "Kim", "Jong-Un's", "said", "\"", "\u{201C}", "\u{201D}", "'", "\u{2019}", ".", "!", "?", "...",
    "\u{2026}", ",", ";", "(", ")", "[", "]", " ", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u{A0}", "\u{AD}", "\u{200B}",
    "😀", "👩\u{200D}👩\u{200D}👧", "e\u{301}", "漢字", "كتاب", "שלום", "1,000.50", "3.5%", "$2bn", "1996-08-30",
    "http://example.com/a?b=c", "a@b.org", "#tag", "@user", "No. 10", "a.m.", "-", "\u{2014}", "<img src=x>", "\u{FFFD}",
    "\u{0}", "\u{7}", "Related", "Read more", "Advertisement", "By Jane Doe",
];

fn article_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.concat())
}

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

fn is_high(u: u16) -> bool {
    (0xD800..0xDC00).contains(&u)
}

/// A span is valid when it is ordered, in bounds and does not cut a surrogate pair.
fn check_span(units: &[u16], start: usize, end: usize, what: &str) {
    assert!(start <= end && end <= units.len(), "{what} [{start},{end}) out of bounds ({})", units.len());
    for i in [start, end] {
        assert!(i == 0 || i == units.len() || !is_high(units[i - 1]), "{what} [{start},{end}) cuts a surrogate pair");
    }
}

fn check(text: &str) {
    let options = Options { tokens: true, ..Options::default() };
    let a: Analysis = analyze(text, &options).expect("inputs here are under the size limit");
    let units = utf16(text);
    assert_eq!(a.length, units.len());
    let mut prev_end = 0;
    for p in &a.paragraphs {
        check_span(&units, p.start, p.end, "paragraph");
        assert!(p.start >= prev_end && p.start < p.end, "paragraphs overlap or are empty");
        prev_end = p.end;
    }
    // Every visible character lies in a paragraph.
    let mut covered = vec![false; units.len()];
    for p in &a.paragraphs {
        covered[p.start..p.end].iter_mut().for_each(|c| *c = true);
    }
    let mut offset = 0;
    for c in text.chars() {
        let visible = !c.is_whitespace() && !matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}');
        assert!(!visible || covered[offset], "character {c:?} at {offset} is in no paragraph");
        offset += c.len_utf16();
    }
    let tokens = a.tokens.as_ref().expect("tokens were asked for");
    let mut prev_end = 0;
    for t in tokens {
        check_span(&units, t.start, t.end, "token");
        assert!(t.start >= prev_end && t.start < t.end, "tokens overlap or are empty");
        prev_end = t.end;
    }
    let mut prev_end = 0;
    for s in &a.sentences {
        check_span(&units, s.start, s.end, "sentence");
        assert!(s.start >= prev_end && s.start < s.end, "sentences overlap or are empty");
        let p = &a.paragraphs[s.paragraph];
        assert!(p.start <= s.start && s.end <= p.end, "sentence outside its paragraph");
        prev_end = s.end;
    }
    for t in tokens {
        let inside = a.sentences.iter().filter(|s| s.start <= t.start && t.end <= s.end).count();
        let in_paragraph = a.paragraphs.iter().any(|p| p.start <= t.start && t.end <= p.end);
        assert!(!in_paragraph || inside == 1, "token [{},{}) is in {inside} sentences", t.start, t.end);
    }
    let st = &a.structure;
    for s in st.title.iter().chain(&st.headings).chain(&st.body).chain(st.byline.iter()).chain(st.dateline.iter()) {
        check_span(&units, s.start, s.end, "structure");
    }
    for b in &st.boilerplate {
        check_span(&units, b.start, b.end, "boilerplate");
    }
    for k in &a.keyphrases {
        for m in &k.mentions {
            check_span(&units, m.start, m.end, "keyphrase mention");
        }
    }
    for s in &a.summary {
        check_span(&units, s.start, s.end, "summary");
        assert!(a.sentences.iter().any(|x| x.start == s.start && x.end == s.end && x.in_body), "summary span is no body sentence");
    }
    assert_eq!(analyze(text, &options).ok(), Some(a), "output differs between runs");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_string_is_analysed_safely(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn article_like_strings_are_analysed_safely(text in article_like()) {
        check(&text);
    }
}

#[test]
fn edge_cases() {
    for text in ["", " ", "\n\n\n", "\r\n", "\u{FEFF}", "\u{200B}\u{200B}", ".", "\"", "😀", "e\u{301}", "a\rb\rc"] {
        check(text);
    }
}
