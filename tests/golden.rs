//! Golden fixtures: each `tests/fixtures/golden/<name>.txt` is analysed and rendered as a
//! readable outline (paragraph kinds, sentences, key figures) that must equal
//! `<name>.golden`. The outline is made from the UTF-16 spans exactly as JavaScript would
//! slice them, so it also checks the offsets. After an intended change, regenerate with
//! `UPDATE_GOLDEN=1 cargo test --test golden` and review the diff before committing.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::{analyze, Analysis, Options};
use std::fmt::Write;
use std::path::Path;

/// `text.slice(start, end)` as JavaScript does it.
fn slice(units: &[u16], start: usize, end: usize) -> String {
    String::from_utf16_lossy(&units[start..end]).replace("\r\n", "⏎").replace('\n', "⏎")
}

fn outline(text: &str, a: &Analysis) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out = String::new();
    let _ = writeln!(out, "language: {} ({:.2})", a.language.code, a.language.confidence);
    for w in &a.warnings {
        let _ = writeln!(out, "warning: {}", w.code);
    }
    let s = &a.stats;
    let _ = writeln!(
        out,
        "stats: {} words, {} sentences, {} paragraphs, {} syllables, {} min",
        s.words, s.sentences, s.paragraphs, s.syllables, s.reading_time_minutes
    );
    let r = &a.readability;
    let _ = writeln!(out, "grade: {:?}, ease: {:?}", r.flesch_kincaid_grade, r.flesch_reading_ease);
    for b in &a.structure.boilerplate {
        let _ = writeln!(out, "boilerplate {:?}: {}", b.kind, slice(&units, b.start, b.end));
    }
    for (i, p) in a.paragraphs.iter().enumerate() {
        let _ = writeln!(out, "[{}]", p.kind);
        for sentence in a.sentences.iter().filter(|s| s.paragraph == i) {
            let _ = writeln!(out, "  | {}", slice(&units, sentence.start, sentence.end));
        }
    }
    out
}

#[test]
fn golden_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut entries: Vec<_> = std::fs::read_dir(&dir).expect("fixture dir exists").flatten().map(|e| e.path()).collect();
    entries.sort();
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
        let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
        let analysis = analyze(&text, &Options::default()).expect("fixture is small");
        let got = outline(&text, &analysis);
        let golden = path.with_extension("golden");
        if update {
            std::fs::write(&golden, &got).expect("golden is writable");
        } else if std::fs::read_to_string(&golden).ok().as_deref() != Some(got.as_str()) {
            failures.push(format!("{}:\n{got}", golden.display()));
        }
        checked += 1;
    }
    assert!(checked >= 3, "expected golden fixtures in {}", dir.display());
    assert!(failures.is_empty(), "outlines differ from their golden files:\n{}", failures.join("\n"));
}
