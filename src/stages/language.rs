//! Language stage: identifies the language of the body.
//!
//! Reads: body paragraphs. Writes: `language` and, for non-English text, a warning.

use crate::doc::{Document, Language};

const COMMON: &[&str] = &["the", "of", "and", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "he", "she", "are", "by", "this", "be", "at", "from", "a", "an", "said"];

pub(crate) fn run(doc: &mut Document) {
    let mut total = 0usize;
    let mut hits = 0usize;
    for w in &doc.words {
        let s = doc.text_of(*w).to_lowercase();
        total += 1;
        if COMMON.contains(&s.as_str()) {
            hits += 1;
        }
    }
    if total == 0 {
        return;
    }
    let share = hits as f64 / total as f64;
    if share > 0.1 || total < 4 {
        doc.language = Language { code: "en", confidence: (share * 4.0).min(1.0) };
    } else {
        doc.warn("notEnglish", "The text does not look like English; only language-independent analyses were run.");
    }
}
