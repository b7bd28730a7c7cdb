//! Fuzz target: any bytes (read as UTF-8, invalid bytes replaced) go through every stage one
//! by one and then through `analyze`; asserts no panic, every layer's spans in bounds, on
//! char boundaries and in order after each stage, and identical output on a second run.
#![no_main]

use article_analyzer::internals::{Document, STAGES};
use article_analyzer::{analyze, Options};
use libfuzzer_sys::fuzz_target;

fn check_layers(doc: &Document, stage: &str) {
    let text = doc.text;
    let ok = |s: usize, e: usize| s <= e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e);
    let mut prev = 0;
    for p in &doc.paragraphs {
        assert!(ok(p.span.start, p.span.end) && p.span.start >= prev, "{stage}: paragraph {:?}", p.span);
        prev = p.span.end;
    }
    let mut prev = 0;
    for t in &doc.tokens {
        assert!(ok(t.span.start, t.span.end) && t.span.start >= prev, "{stage}: token {:?}", t.span);
        prev = t.span.end;
    }
    for w in &doc.words {
        assert!(ok(w.start, w.end), "{stage}: word {w:?}");
    }
    let mut prev = 0;
    for s in &doc.sentences {
        assert!(ok(s.span.start, s.span.end) && s.span.start >= prev, "{stage}: sentence {:?}", s.span);
        assert!(s.tokens.end <= doc.tokens.len() && s.paragraph < doc.paragraphs.len(), "{stage}: sentence indices");
        prev = s.span.end;
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut doc = Document::new(&text);
    for stage in STAGES {
        (stage.run)(&mut doc);
        check_layers(&doc, stage.name);
    }
    let options = Options { tokens: true, ..Options::default() };
    let first = analyze(&text, &options).ok();
    let units = text.encode_utf16().count();
    if let Some(a) = &first {
        assert_eq!(a.length, units);
        for s in &a.sentences {
            assert!(s.start <= s.end && s.end <= units);
        }
    }
    assert_eq!(first, analyze(&text, &options).ok(), "non-deterministic output");
});
