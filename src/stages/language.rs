//! Language stage: identifies the language of the body.
//!
//! Reads: body paragraphs (all paragraphs when the body is missing or has too few letters
//! to tell). Writes: `language` (ISO
//! 639-1 code and a confidence in [0, 1]; `"und"` with confidence 0 when the text has no
//! letters or too few to tell) and, for a language other than English, a `notEnglish` warning.
//!
//! Method (trained by `scripts/train_langid.py`, see [`model`]): the script with the most
//! weighted letters decides the candidate languages; a script used by one language (Greek,
//! Hangul, Thai…) decides outright, and for the others integer naive-Bayes weights of the
//! character 1- to 4-grams of the words in that script are summed per language. The
//! confidence is the softmax probability of the best score times the deciding script's share
//! of the letters.
//!
//! To stay fast on long articles the stage reads at most [`HEAD_CHARS`] characters from the
//! start of the body, plus [`SAMPLE_CHARS`] from the start of each of [`SAMPLES`] paragraphs
//! spread evenly over the rest, so a long text that changes language is still noticed. Each
//! piece ends at a word end.

mod model;

use crate::doc::{Document, Language, Span};
use crate::text::is_ignorable;
use model::{hash_char, CharClass, Model, HASH_START};
use std::sync::OnceLock;

/// Characters read from the start of the body.
const HEAD_CHARS: usize = 1_500;
/// Characters read from each later sample paragraph.
const SAMPLE_CHARS: usize = 250;
/// Paragraphs sampled after the head.
const SAMPLES: usize = 3;
/// Longest n-gram of the model.
const MAX_N: usize = 4;
/// How far past its budget a piece may run to finish its last word.
const WORD_SLACK: usize = 40;

const NAMES: &str = include_str!("../models/langid_names.tsv");

pub(crate) fn run(doc: &mut Document) {
    let Some(model) = model::get() else { return };
    let body: Vec<Span> = doc.body_paragraphs().map(|p| p.span).collect();
    let mut language = identify(model, &sample(doc, &body));
    if language.code == "und" && body.len() < doc.paragraphs.len() {
        let all: Vec<Span> = doc.paragraphs.iter().map(|p| p.span).collect();
        language = identify(model, &sample(doc, &all));
    }
    if language.code != "en" && language.code != "und" {
        let message = format!(
            "The text looks like {} ({}); only language-independent analyses were run.",
            name(language.code),
            language.code
        );
        doc.warn("notEnglish", message);
    }
    doc.language = language;
}

/// The pieces of text the stage reads from the paragraphs `spans`: their head and a few
/// later samples.
fn sample<'t>(doc: &Document<'t>, spans: &[Span]) -> Vec<&'t str> {
    let mut pieces = Vec::new();
    let mut budget = HEAD_CHARS;
    let mut used_paragraphs = 0;
    for span in spans {
        if budget == 0 {
            break;
        }
        let (piece, chars) = prefix(doc.text_of(*span), budget);
        pieces.push(piece);
        budget = budget.saturating_sub(chars);
        used_paragraphs += 1;
    }
    let rest = spans.get(used_paragraphs..).unwrap_or_default();
    let mut last = None;
    for k in 1..=SAMPLES {
        let index = k * rest.len() / (SAMPLES + 1);
        if let (Some(span), true) = (rest.get(index), last != Some(index)) {
            pieces.push(prefix(doc.text_of(*span), SAMPLE_CHARS).0);
            last = Some(index);
        }
    }
    pieces
}

/// The start of `s` holding about `max_chars` characters, ending at a word end, and the
/// number of characters in it.
fn prefix(s: &str, max_chars: usize) -> (&str, usize) {
    let mut chars = 0;
    for (i, c) in s.char_indices() {
        let past = chars >= max_chars;
        if past && (!c.is_alphanumeric() || chars >= max_chars + WORD_SLACK) {
            return (&s[..i], chars);
        }
        chars += 1;
    }
    (s, chars)
}

/// The language of the pieces of text.
fn identify(model: &Model, pieces: &[&str]) -> Language {
    let undetermined = Language { code: "und", confidence: 0.0 };
    let mut letters = vec![0u64; model.scripts.len()];
    for c in pieces.iter().flat_map(|p| p.chars()).filter(|&c| !is_ignorable(c)) {
        if let CharClass::Letter(s) = model.class(c) {
            if let Some(n) = letters.get_mut(s) {
                *n += 1;
            }
        }
    }
    let weighted: Vec<u64> = letters.iter().zip(&model.scripts).map(|(n, s)| n * u64::from(s.weight)).collect();
    let total: u64 = weighted.iter().sum();
    // The first of equals, in model order.
    let Some((chosen, &best)) = weighted.iter().enumerate().rev().max_by_key(|&(_, w)| w) else {
        return undetermined;
    };
    let Some(script) = model.scripts.get(chosen) else { return undetermined };
    if best < u64::from(model.min_letters) {
        return undetermined;
    }
    let share = best as f64 / total as f64;
    let Some(table) = &script.table else {
        return script.languages.first().map_or(undetermined, |&code| Language { code, confidence: round(share) });
    };
    let mut scores = vec![0i32; script.languages.len()];
    for piece in pieces {
        for_each_word(model, piece, chosen, |word| add_grams(table, word, &mut scores));
    }
    let top = scores.iter().copied().max().unwrap_or(0);
    if scores.iter().all(|&s| s == top) {
        return undetermined;
    }
    let Some(index) = scores.iter().position(|&s| s == top) else { return undetermined };
    let sum: f64 = scores.iter().map(|&s| (f64::from(s - top) / model.temperature).exp()).sum();
    match script.languages.get(index) {
        Some(&code) => Language { code, confidence: round(share / sum) },
        None => undetermined,
    }
}

/// Calls `f` with every word of the script `chosen` in `text`, lowercased and padded with a
/// space on each side. A word is a run of letters of one script; combining marks stay in
/// it, ignorable characters are skipped and anything else ends it.
fn for_each_word(model: &Model, text: &str, chosen: usize, mut f: impl FnMut(&[char])) {
    let mut word: Vec<char> = Vec::with_capacity(32);
    let mut current: Option<usize> = None;
    let mut flush = |word: &mut Vec<char>, current: Option<usize>| {
        if current == Some(chosen) {
            word.push(' ');
            f(word);
        }
        word.clear();
    };
    for c in text.chars().filter(|&c| !is_ignorable(c)) {
        match model.class(c) {
            CharClass::Mark if current.is_some() => {
                if current == Some(chosen) {
                    word.push(c);
                }
            }
            CharClass::Letter(s) if current == Some(s) => {
                if s == chosen {
                    word.extend(c.to_lowercase());
                }
            }
            class => {
                flush(&mut word, current);
                current = match class {
                    CharClass::Letter(s) => Some(s),
                    _ => None,
                };
                if current == Some(chosen) {
                    word.push(' ');
                    word.extend(c.to_lowercase());
                }
            }
        }
    }
    flush(&mut word, current);
}

/// Adds the weights of every 1- to 4-gram of a padded word, except the lone space.
fn add_grams(table: &model::Table, word: &[char], scores: &mut [i32]) {
    for start in 0..word.len() {
        let mut hash = HASH_START;
        for (n, &c) in word.iter().skip(start).take(MAX_N).enumerate() {
            hash = hash_char(hash, c);
            if n > 0 || c != ' ' {
                table.add(hash, scores);
            }
        }
    }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The English name of a language code, or the code itself when the list lacks it.
fn name(code: &str) -> &str {
    static TABLE: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        NAMES
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    });
    table.iter().find(|(c, _)| *c == code).map_or(code, |(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(text: &str) -> Language {
        identify(model::get().expect("model"), &[text])
    }

    #[test]
    fn recognises_languages() {
        for (text, code) in [
            ("The minister said on Tuesday that the new rules would take effect next month.", "en"),
            ("Die Regierung hat am Dienstag beschlossen, die Steuern im nächsten Jahr zu senken.", "de"),
            ("Le gouvernement a annoncé mardi une nouvelle réforme des retraites pour l'année prochaine.", "fr"),
            ("El ayuntamiento aprobó ayer el presupuesto para el próximo año con los votos de la mayoría.", "es"),
            ("Il sindaco ha detto che i lavori sulla strada principale finiranno entro la fine dell'anno.", "it"),
            ("O governo anunciou ontem novas medidas para reduzir o preço da energia nas próximas semanas.", "pt"),
            ("De gemeente heeft gisteren besloten om de nieuwe brug pas volgend jaar te openen.", "nl"),
            ("Regeringen meddelade på tisdagen att skatten sänks för alla som arbetar heltid.", "sv"),
            ("Rząd zapowiedział we wtorek, że od przyszłego roku podatki zostaną obniżone.", "pl"),
            ("Правительство во вторник объявило о снижении налогов в следующем году.", "ru"),
            ("Уряд у вівторок оголосив про зниження податків наступного року.", "uk"),
            ("Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα για την οικονομία.", "el"),
            ("הממשלה הודיעה ביום שלישי על צעדים חדשים בכלכלה.", "he"),
            ("أعلنت الحكومة يوم الثلاثاء عن إجراءات جديدة لدعم الاقتصاد.", "ar"),
            ("सरकार ने मंगलवार को अर्थव्यवस्था के लिए नए कदमों की घोषणा की।", "hi"),
            ("政府は火曜日、経済対策を発表しました。", "ja"),
            ("政府星期二宣布了新的经济措施。", "zh"),
            ("정부는 화요일 새로운 경제 대책을 발표했다.", "ko"),
            ("รัฐบาลประกาศมาตรการเศรษฐกิจใหม่เมื่อวันอังคาร", "th"),
            ("Hükümet salı günü ekonomi için yeni önlemler açıkladı.", "tr"),
        ] {
            let got = detect(text);
            assert_eq!(got.code, code, "{text}");
            assert!(got.confidence > 0.0 && got.confidence <= 1.0, "{text}: {}", got.confidence);
        }
    }

    #[test]
    fn undetermined_without_enough_letters() {
        for text in ["", "   ", "12 345 678,90 — 2024-01-01", "😀🎉👍 🙂", "!!! ??? ...", "OK", "a 1 b"] {
            assert_eq!(detect(text), Language { code: "und", confidence: 0.0 }, "{text:?}");
        }
    }

    #[test]
    fn english_with_a_foreign_quote_stays_english() {
        let text = "The mayor opened the new bridge on Saturday morning in front of a large crowd. \
                    Residents had waited almost ten years for the crossing, which links the old town \
                    to the railway station. \"C'est un grand jour pour notre ville,\" said a visitor \
                    from Lyon, who had come with her family. Traffic is expected to ease by the end \
                    of the month, officials said, although work on the approach roads continues.";
        assert_eq!(detect(text).code, "en");
    }

    #[test]
    fn english_with_uppercase_headlines_stays_english() {
        let text = "BREAKING: STORM HITS COAST\n\nHEAVY RAIN EXPECTED THROUGH THE WEEKEND\n\n\
                    Forecasters warned that the storm would bring strong winds and flooding to \
                    low-lying areas until Sunday night.";
        assert_eq!(detect(text).code, "en");
        assert_eq!(detect("SCHOOLS CLOSED AS SNOW BLANKETS THE NORTH").code, "en");
    }

    #[test]
    fn mixed_scripts_follow_the_main_one() {
        // Latin brand names inside Russian text.
        assert_eq!(detect("Компания Apple представила новый iPhone в Москве в среду.").code, "ru");
        // A Greek word inside English.
        assert_eq!(detect("The word λόγος is usually translated as word or reason.").code, "en");
    }

    #[test]
    fn pieces_end_at_word_ends() {
        assert_eq!(prefix("hello world", 3), ("hello", 5));
        assert_eq!(prefix("hello world", 100), ("hello world", 11));
        assert_eq!(prefix("ab, cd", 2), ("ab", 2));
        assert_eq!(prefix("", 5), ("", 0));
    }

    #[test]
    fn stage_warns_for_other_languages() {
        let mut doc = Document::new("Der Bürgermeister hat am Montag die neue Brücke eröffnet, auf die viele gewartet hatten.");
        crate::stages::paragraphs::run(&mut doc);
        run(&mut doc);
        assert_eq!(doc.language.code, "de");
        assert_eq!(doc.warnings.len(), 1);
        assert_eq!(doc.warnings[0].code, "notEnglish");
        assert!(doc.warnings[0].message.contains("German (de)"), "{}", doc.warnings[0].message);

        let mut doc = Document::new("The mayor opened the new bridge on Monday after years of delays.");
        crate::stages::paragraphs::run(&mut doc);
        run(&mut doc);
        assert_eq!(doc.language.code, "en");
        assert!(doc.warnings.is_empty());
    }

    #[test]
    fn a_body_without_letters_falls_back_to_all_paragraphs() {
        let mut doc = Document::new("Die neue Brücke über den Fluss ist endlich eröffnet worden\n\n...");
        crate::stages::paragraphs::run(&mut doc);
        crate::stages::structure::run(&mut doc);
        assert_eq!(doc.body_paragraphs().count(), 1);
        run(&mut doc);
        assert_eq!(doc.language.code, "de");
    }

    #[test]
    fn long_texts_are_sampled() {
        let english = "The council met again on Thursday to discuss the budget for next year.\n\n";
        let text = english.repeat(200);
        let mut doc = Document::new(&text);
        crate::stages::paragraphs::run(&mut doc);
        let spans: Vec<Span> = doc.paragraphs.iter().map(|p| p.span).collect();
        let pieces = sample(&doc, &spans);
        let chars: usize = pieces.iter().map(|p| p.chars().count()).sum();
        assert!(chars <= HEAD_CHARS + SAMPLES * (SAMPLE_CHARS + WORD_SLACK) + WORD_SLACK, "{chars}");
        let per_paragraph = english.trim().chars().count();
        assert_eq!(pieces.len(), HEAD_CHARS.div_ceil(per_paragraph) + SAMPLES);
        run(&mut doc);
        assert_eq!(doc.language.code, "en");
    }

    #[test]
    fn every_language_has_a_name() {
        for script in &model::get().expect("model").scripts {
            for code in &script.languages {
                assert_ne!(name(code), *code, "{code}");
            }
        }
        assert_eq!(name("de"), "German");
        assert_eq!(name("xx"), "xx");
    }
}
