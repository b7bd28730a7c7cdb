//! Readability stage: the classic readability formulas over the body statistics.
//!
//! Reads: `stats`. Writes: `readability`, and a `tooShort` warning when the body has too few
//! words or sentences for the formulas to mean anything (the scores are then `None`).

use crate::doc::{Document, Readability, Stats};

/// Fewer words than this and no score is given: the formulas average over sentences, and in
/// two or three sentences one of them moves a grade by years. (Their authors normed them on
/// samples of 100 words or more.)
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
/// hard words/words). Hard words have three or more syllables, leaving out proper nouns,
/// compounds of short words and words made long by -ed, -es or -ing (`Stats::complex_words`;
/// the rules are in `stages/stats.rs`).
fn gunning_fog(s: &Stats) -> f64 {
    0.4 * (per(s.words, s.sentences) + 100.0 * per(s.complex_words, s.words))
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
            "The text has {} words in {} sentences; readability scores need at least {MIN_WORDS} words in whole sentences, so none are given.",
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
    use crate::pipeline;

    #[test]
    fn formulas_match_hand_computed_values() {
        // 100 words, 5 sentences, 150 syllables, 10 polysyllables (8 hard), 450 letters.
        let s = Stats {
            words: 100,
            sentences: 5,
            syllables: 150,
            polysyllables: 10,
            complex_words: 8,
            letters: 450,
            ..Stats::default()
        };
        type Formula = fn(&Stats) -> f64;
        let cases: &[(&str, Formula, f64)] = &[
            ("Flesch reading ease", flesch_reading_ease, 206.835 - 1.015 * 20.0 - 84.6 * 1.5),
            ("Flesch-Kincaid grade", flesch_kincaid_grade, 0.39 * 20.0 + 11.8 * 1.5 - 15.59),
            ("Gunning fog", gunning_fog, 0.4 * (20.0 + 8.0)),
            ("SMOG", smog, 1.0430 * 60f64.sqrt() + 3.1291),
            ("Coleman-Liau", coleman_liau, 0.0588 * 450.0 - 0.296 * 5.0 - 15.8),
            ("ARI", automated_readability_index, 4.71 * 4.5 + 0.5 * 20.0 - 21.43),
        ];
        for &(name, formula, want) in cases {
            assert!((formula(&s) - want).abs() < 1e-9, "{name}: {} != {want}", formula(&s));
        }
    }

    #[test]
    fn short_text_gets_a_warning_not_a_number() {
        for (words, sentences) in [(1, 1), (MIN_WORDS - 1, 3), (MIN_WORDS, 0)] {
            let mut doc = Document::new("");
            doc.stats = Stats { words, sentences, syllables: words, ..Stats::default() };
            run(&mut doc);
            assert_eq!(doc.readability, Readability::default(), "{words} words");
            assert_eq!(doc.warnings.len(), 1);
            assert_eq!(doc.warnings[0].code, "tooShort");
        }
        let doc = pipeline::run("Hi there.");
        assert_eq!(doc.readability, Readability::default());
        assert!(doc.warnings.iter().any(|w| w.code == "tooShort"));
    }

    #[test]
    fn long_enough_text_gets_every_score() {
        let mut doc = Document::new("");
        doc.stats = Stats { words: MIN_WORDS, sentences: 2, syllables: 45, letters: 130, ..Stats::default() };
        run(&mut doc);
        assert!(doc.warnings.is_empty());
        let r = &doc.readability;
        assert!(r.flesch_kincaid_grade.is_some() && r.gunning_fog.is_some() && r.coleman_liau.is_some());
        assert_eq!(r.smog, None, "SMOG needs {MIN_SMOG_SENTENCES} sentences");
    }

    const PLAIN: &str = "The dog ran to the park. It was a warm day. Kids played in the sun. \
        A man sat on a bench and read his book. The dog came back and sat by his feet. \
        Then they both went home for lunch.";
    const DENSE: &str = "The municipal authorities announced comprehensive infrastructure \
        investments, emphasising environmental sustainability, administrative transparency and \
        considerable economic opportunities for disadvantaged communities. Opposition \
        representatives criticised the unprecedented expenditure as fundamentally irresponsible. \
        Independent commentators questioned the administration's assumptions regarding \
        international investment.";

    #[test]
    fn a_text_repeated_twice_scores_the_same() {
        for text in [PLAIN, DENSE] {
            let once = pipeline::run(text).readability;
            let twice = pipeline::run(&format!("{text}\n\n{text}")).readability;
            assert!(once.flesch_kincaid_grade.is_some());
            assert_eq!(once, twice);
        }
    }

    #[test]
    fn dense_text_is_harder_than_plain_text() {
        let plain = pipeline::run(PLAIN).readability;
        let dense = pipeline::run(DENSE).readability;
        let harder = |a: Option<f64>, b: Option<f64>| a.zip(b).is_some_and(|(a, b)| a > b);
        assert!(harder(dense.flesch_kincaid_grade, plain.flesch_kincaid_grade));
        assert!(harder(dense.gunning_fog, plain.gunning_fog));
        assert!(harder(dense.coleman_liau, plain.coleman_liau));
        assert!(harder(dense.automated_readability_index, plain.automated_readability_index));
        assert!(harder(plain.flesch_reading_ease, dense.flesch_reading_ease));
    }
}
