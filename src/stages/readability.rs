//! Readability stage: the classic readability formulas over the body statistics.
//!
//! Reads: `stats`. Writes: `readability`, and a `tooShort` warning when the body has too few
//! words or sentences for the formulas to mean anything (the scores are then `None`).

use crate::doc::{Document, Readability, Stats};

/// Fewer words than this and no score is given.
pub(crate) const MIN_WORDS: usize = 30;
/// SMOG was normed on samples of 30 sentences; below this many it is not given.
pub(crate) const MIN_SMOG_SENTENCES: usize = 3;

/// Flesch (1948), "A new readability yardstick", Journal of Applied Psychology 32(3):
/// 206.835 − 1.015 × words/sentences − 84.6 × syllables/words.
fn flesch_reading_ease(s: &Stats) -> f64 {
    206.835 - 1.015 * per(s.words, s.sentences) - 84.6 * per(s.syllables, s.words)
}

/// Kincaid, Fishburne, Rogers & Chissom (1975), Research Branch Report 8-75, Naval
/// Technical Training: 0.39 × words/sentences + 11.8 × syllables/words − 15.59.
fn flesch_kincaid_grade(s: &Stats) -> f64 {
    0.39 * per(s.words, s.sentences) + 11.8 * per(s.syllables, s.words) - 15.59
}

/// Gunning (1952), "The Technique of Clear Writing": 0.4 × (words/sentences + 100 ×
/// complex words/words), complex words having three or more syllables.
fn gunning_fog(s: &Stats) -> f64 {
    0.4 * (per(s.words, s.sentences) + 100.0 * per(s.polysyllables, s.words))
}

/// McLaughlin (1969), "SMOG Grading — a New Readability Formula", Journal of Reading 12(8):
/// 1.0430 × √(polysyllables × 30/sentences) + 3.1291.
fn smog(s: &Stats) -> f64 {
    1.0430 * (s.polysyllables as f64 * 30.0 / s.sentences as f64).sqrt() + 3.1291
}

/// Coleman & Liau (1975), "A computer readability formula designed for machine scoring",
/// Journal of Applied Psychology 60(2): 0.0588 × L − 0.296 × S − 15.8, with L letters and S
/// sentences per 100 words.
fn coleman_liau(s: &Stats) -> f64 {
    0.0588 * 100.0 * per(s.letters, s.words) - 0.296 * 100.0 * per(s.sentences, s.words) - 15.8
}

/// Smith & Senter (1967), "Automated Readability Index", AMRL-TR-66-220: 4.71 ×
/// characters/words + 0.5 × words/sentences − 21.43 (characters = letters and digits).
fn automated_readability_index(s: &Stats) -> f64 {
    4.71 * per(s.letters, s.words) + 0.5 * per(s.words, s.sentences) - 21.43
}

fn per(a: usize, b: usize) -> f64 {
    a as f64 / b as f64
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

pub(crate) fn run(doc: &mut Document) {
    let s = &doc.stats;
    if s.words < MIN_WORDS || s.sentences == 0 {
        let message = format!(
            "The text has {} words in {} sentences; readability scores need at least {MIN_WORDS} words, so none are given.",
            s.words, s.sentences
        );
        doc.warn("tooShort", message);
        return;
    }
    let score = |f: fn(&Stats) -> f64| Some(round2(f(s)));
    doc.readability = Readability {
        flesch_reading_ease: score(flesch_reading_ease),
        flesch_kincaid_grade: score(flesch_kincaid_grade),
        gunning_fog: score(gunning_fog),
        smog: (s.sentences >= MIN_SMOG_SENTENCES).then(|| round2(smog(s))),
        coleman_liau: score(coleman_liau),
        automated_readability_index: score(automated_readability_index),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_match_hand_computed_values() {
        // 100 words, 5 sentences, 150 syllables, 10 polysyllables, 450 letters.
        let s = Stats { words: 100, sentences: 5, syllables: 150, polysyllables: 10, letters: 450, ..Stats::default() };
        assert!((flesch_reading_ease(&s) - (206.835 - 20.3 - 126.9)).abs() < 1e-9);
        assert!((flesch_kincaid_grade(&s) - (7.8 + 17.7 - 15.59)).abs() < 1e-9);
        assert!((gunning_fog(&s) - 0.4 * 30.0).abs() < 1e-9);
        assert!((smog(&s) - (1.0430 * 60f64.sqrt() + 3.1291)).abs() < 1e-9);
        assert!((coleman_liau(&s) - (0.0588 * 450.0 - 0.296 * 5.0 - 15.8)).abs() < 1e-9);
        assert!((automated_readability_index(&s) - (4.71 * 4.5 + 10.0 - 21.43)).abs() < 1e-9);
    }

    #[test]
    fn short_text_gets_a_warning_not_a_number() {
        let mut doc = Document::new("Hi.");
        doc.stats = Stats { words: 1, sentences: 1, syllables: 1, ..Stats::default() };
        run(&mut doc);
        assert_eq!(doc.readability, Readability::default());
        assert_eq!(doc.warnings[0].code, "tooShort");
    }
}
