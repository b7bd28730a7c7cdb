//! Fuzz target: any bytes (read as UTF-8, invalid bytes replaced) go through every stage one
//! by one (English-only stages included) and then through `analyze`; asserts no panic, the
//! invariants of `invariants.rs` after each stage, output spans within the UTF-16 length, and
//! identical output on a second run.
#![no_main]

mod invariants;

use article_analyzer::internals::{Document, STAGES};
use article_analyzer::{analyze, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut doc = Document::new(&text);
    for stage in STAGES {
        (stage.run)(&mut doc);
        invariants::check(&doc, stage.name);
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
