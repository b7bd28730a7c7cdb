//! Language stage: identifies the language of the body.
//!
//! Reads: body paragraphs (all paragraphs when the body is missing or has too few letters
//! to tell). Writes: `language` (ISO 639-1 code and a confidence in [0, 1]; `"und"` with
//! confidence 0 when the text has no letters or too few to tell) and, for a language other
//! than English, a `notEnglish` warning.
//!
//! Method (trained by `scripts/train_langid.py`, see [`model`]): the script with the most
//! weighted letters decides the candidate languages; a script used by one language (Greek,
//! Hangul, Thai…) decides outright, and for the others integer naive-Bayes weights of the
//! character 1- to 4-grams of the words in that script are summed per language. The
//! confidence is the softmax probability of the best score times the deciding script's share
//! of the letters.
//!
//! To stay fast on long articles the stage reads a bounded sample of the body: its opening
//! ([`OPENING_CHARS`] characters), the start of [`SAMPLES`] paragraphs spread evenly over the
//! rest ([`SAMPLE_CHARS`] each, so that a text which changes language is noticed), then more
//! of the opening, up to [`HEAD_CHARS`] in all, but only while the answer is unclear: it stops
//! once the best language leads the next by [`STOP_MARGIN`] nats. Pieces end at word ends.

mod model;

use crate::doc::{Document, Language, Span};
use crate::text::is_ignorable;
use model::{hash_char, CharClass, Model, HASH_START};
use std::sync::OnceLock;

/// Characters always read from the start of the body.
const OPENING_CHARS: usize = 300;
/// Characters read from the start of the body at most.
const HEAD_CHARS: usize = 1_500;
/// Characters read from each later sample paragraph.
const SAMPLE_CHARS: usize = 150;
/// Paragraphs sampled after the head.
const SAMPLES: usize = 3;
/// Lead, in nats, of the best language over the next at which reading stops early. The
/// confidence tempers scores by the model's temperature (6 today), so such a lead means a
/// confidence above 0.99.
const STOP_MARGIN: i32 = 60;
/// How far past its budget a piece may run to finish its last word.
const WORD_SLACK: usize = 40;

const NAMES: &str = include_str!("../models/langid_names.tsv");

pub(crate) fn run(doc: &mut Document) {
    let Some(model) = model::get() else { return };
    let body: Vec<Span> = doc.body_paragraphs().map(|p| p.span).collect();
    let mut language = identify(model, &sample(model, doc, &body));
    if language.code == "und" && body.len() < doc.paragraphs.len() {
        let all: Vec<Span> = doc.paragraphs.iter().map(|p| p.span).collect();
        language = identify(model, &sample(model, doc, &all));
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

/// The text the stage reads, in reading order.
#[derive(Debug)]
struct Sample<'t> {
    pieces: Vec<&'t str>,
    /// The first `required` pieces are read in full; reading may stop early after them.
    required: usize,
}

/// The sample of the paragraphs `spans`: the opening, the later samples, the rest of the head.
fn sample<'t>(model: &Model, doc: &Document<'t>, spans: &[Span]) -> Sample<'t> {
    let mut opening = Vec::new();
    let mut head_rest = Vec::new();
    let mut budget = HEAD_CHARS;
    let mut opening_left = OPENING_CHARS;
    let mut used_paragraphs = 0;
    for span in spans {
        if budget == 0 {
            break;
        }
        let (piece, chars) = prefix(model, doc.text_of(*span), budget);
        budget = budget.saturating_sub(chars);
        used_paragraphs += 1;
        if opening_left == 0 {
            head_rest.push(piece);
            continue;
        }
        let (first, first_chars) = prefix(model, piece, opening_left);
        opening_left = opening_left.saturating_sub(first_chars);
        opening.push(first);
        if let Some(rest) = piece.get(first.len()..).filter(|r| !r.is_empty()) {
            head_rest.push(rest);
        }
    }
    let rest = spans.get(used_paragraphs..).unwrap_or_default();
    let mut pieces = opening;
    let mut last = None;
    for k in 1..=SAMPLES {
        let index = k * rest.len() / (SAMPLES + 1);
        if let (Some(span), true) = (rest.get(index), last != Some(index)) {
            pieces.push(prefix(model, doc.text_of(*span), SAMPLE_CHARS).0);
            last = Some(index);
        }
    }
    let required = pieces.len();
    pieces.extend(head_rest);
    Sample { pieces, required }
}

/// The start of `s` holding about `max_chars` characters, ending where a word ends (or
/// [`WORD_SLACK`] characters later), and the number of characters in it.
fn prefix<'s>(model: &Model, s: &'s str, max_chars: usize) -> (&'s str, usize) {
    let mut chars = 0;
    for (i, c) in s.char_indices() {
        if chars >= max_chars
            && ((model.class(c) == CharClass::Other && !is_ignorable(c)) || chars >= max_chars + WORD_SLACK)
        {
            return (&s[..i], chars);
        }
        chars += 1;
    }
    (s, chars)
}

/// The language of a sample.
fn identify(model: &Model, sample: &Sample) -> Language {
    let undetermined = Language { code: "und", confidence: 0.0 };
    let mut letters = vec![0u64; model.scripts.len()];
    for c in sample.pieces.iter().flat_map(|p| p.chars()) {
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
    if best == 0 || best < u64::from(model.min_letters) {
        return undetermined;
    }
    let share = best as f64 / total as f64;
    let Some(table) = &script.table else {
        return script.languages.first().map_or(undetermined, |&code| Language { code, confidence: round(share) });
    };
    let mut scores = vec![0i32; script.languages.len()];
    for (i, piece) in sample.pieces.iter().enumerate() {
        let may_stop = i >= sample.required;
        let finished = for_each_word(model, piece, chosen, |word| {
            add_grams(table, model.max_n, word, &mut scores);
            may_stop && lead(&scores) >= STOP_MARGIN
        });
        if finished {
            break;
        }
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

/// How far the best score leads the second best.
fn lead(scores: &[i32]) -> i32 {
    let (mut first, mut second) = (i32::MIN, i32::MIN);
    for &s in scores {
        if s > first {
            second = first;
            first = s;
        } else if s > second {
            second = s;
        }
    }
    first.saturating_sub(second)
}

/// Calls `f` with every word of the script `chosen` in `text`, lowercased and padded with a
/// space on each side, until `f` returns true; returns whether it did. A word is a run of
/// letters of one script; combining marks stay in it, ignorable characters are skipped and
/// anything else ends it.
fn for_each_word(model: &Model, text: &str, chosen: usize, mut f: impl FnMut(&[char]) -> bool) -> bool {
    let mut word: Vec<char> = Vec::with_capacity(32);
    let mut current: Option<usize> = None;
    for c in text.chars().filter(|&c| !is_ignorable(c)) {
        match model.class(c) {
            CharClass::Mark if current.is_some() => {
                if current == Some(chosen) {
                    word.push(c);
                }
            }
            CharClass::Letter(s) if current == Some(s) => {
                if s == chosen {
                    push_lowercase(&mut word, c);
                }
            }
            class => {
                if current == Some(chosen) {
                    word.push(' ');
                    if f(&word) {
                        return true;
                    }
                }
                word.clear();
                current = match class {
                    CharClass::Letter(s) => Some(s),
                    _ => None,
                };
                if current == Some(chosen) {
                    word.push(' ');
                    push_lowercase(&mut word, c);
                }
            }
        }
    }
    if current == Some(chosen) {
        word.push(' ');
        return f(&word);
    }
    false
}

fn push_lowercase(word: &mut Vec<char>, c: char) {
    if c.is_ascii() {
        word.push(c.to_ascii_lowercase());
    } else {
        word.extend(c.to_lowercase());
    }
}

/// Adds the weights of every 1- to `max_n`-gram of a padded word, except the lone space.
fn add_grams(table: &model::Table, max_n: usize, word: &[char], scores: &mut [i32]) {
    for start in 0..word.len() {
        let mut hash = HASH_START;
        for (n, &c) in word.iter().skip(start).take(max_n).enumerate() {
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
        identify(model::get().expect("model"), &Sample { pieces: vec![text], required: 1 })
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
    fn ignorable_characters_change_nothing() {
        let plain = detect("The minister said the new rules would take effect next month.");
        let marked = detect("\u{FEFF}The minis\u{AD}ter said the new ru\u{200B}les would take effect next month.");
        assert_eq!(plain, marked);
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
        let model = model::get().expect("model");
        for (text, max, want) in [
            ("hello world", 3, "hello"),
            ("hello world", 100, "hello world"),
            ("ab, cd", 2, "ab"),
            ("", 5, ""),
            ("cafe\u{301} noir", 4, "cafe\u{301}"),
            ("प्रकाश है", 1, "प्रकाश"),
        ] {
            let (piece, chars) = prefix(model, text, max);
            assert_eq!(piece, want);
            assert_eq!(chars, want.chars().count());
        }
        let long = "a".repeat(100);
        assert_eq!(prefix(model, &long, 10).1, 10 + WORD_SLACK);
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
        // A title and a body of dots, as the structure stage may leave a short text.
        doc.paragraphs[0].kind = crate::doc::BlockKind::Title;
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
        let model = model::get().expect("model");
        let sample = sample(model, &doc, &spans);
        let count = |pieces: &[&str]| pieces.iter().map(|p| p.chars().count()).sum::<usize>();
        let (required, optional) = sample.pieces.split_at(sample.required);
        let (opening, samples) = required.split_at(required.len() - SAMPLES);
        assert!((OPENING_CHARS..OPENING_CHARS + WORD_SLACK).contains(&count(opening)));
        assert!(samples.iter().all(|p| p.chars().count() <= SAMPLE_CHARS + WORD_SLACK));
        assert!((HEAD_CHARS..HEAD_CHARS + WORD_SLACK).contains(&(count(opening) + count(optional))));
        run(&mut doc);
        assert_eq!(doc.language.code, "en");
    }

    #[test]
    fn a_long_text_in_another_language_after_an_english_opening() {
        let mut text = String::from("Editor's note: the following report was first published in German.\n\n");
        for _ in 0..40 {
            text.push_str("Die Stadtverwaltung hat am Montag mitgeteilt, dass die Arbeiten an der Brücke \
                           noch mindestens bis zum Ende des kommenden Jahres dauern werden.\n\n");
        }
        let mut doc = Document::new(&text);
        crate::stages::paragraphs::run(&mut doc);
        run(&mut doc);
        assert_eq!(doc.language.code, "de");
    }

    proptest::proptest! {
        #[test]
        fn any_text_gets_a_valid_answer(text in "(\\PC|[\n ]){0,400}") {
            let mut doc = Document::new(&text);
            crate::stages::paragraphs::run(&mut doc);
            crate::stages::structure::run(&mut doc);
            run(&mut doc);
            let language = &doc.language;
            proptest::prop_assert!((0.0..=1.0).contains(&language.confidence));
            proptest::prop_assert!(language.code == "und" || language.code.len() == 2);
            proptest::prop_assert_eq!(language.code == "und", language.confidence == 0.0);
        }
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

#[cfg(test)]
mod speed {
    use super::*;

    /// About `words` words of `base` repeated, one sentence per paragraph.
    fn article(base: &str, words: usize) -> String {
        let all: Vec<&str> = base.split_whitespace().cycle().take(words).collect();
        all.join(" ").replace(". ", ".\n\n")
    }

    /// `cargo test --release --lib language::speed -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn stage_time_per_thousand_words() {
        let german = "Die Stadtverwaltung hat am Montag mitgeteilt, dass die Arbeiten an der Brücke \
                      noch mindestens bis zum Ende des kommenden Jahres dauern werden. ";
        for (label, base) in [("English", include_str!("../../www/sample-article.txt")), ("German", german)] {
            let text = article(base, 1000);
            let mut doc = Document::new(&text);
            crate::stages::paragraphs::run(&mut doc);
            crate::stages::structure::run(&mut doc);
            let runs = 2000;
            let start = std::time::Instant::now();
            for _ in 0..runs {
                doc.warnings.clear();
                run(&mut doc);
            }
            let micros = start.elapsed().as_secs_f64() * 1e6 / f64::from(runs);
            println!("{label}, 1000 words: {micros:.1} µs per run ({:?})", doc.language);
        }
    }
}
