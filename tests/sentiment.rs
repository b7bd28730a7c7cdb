//! Tone through the public API, on sentences written for these tests: each rule (negation,
//! degree words, contrast, capitals and exclamation, idioms, news vocabulary) moves the
//! compound the right way; the document score does not grow with length; loaded language is
//! found with its kind and rate; the output stays in range.

use article_analyzer::{analyze, Analysis, LoadedKind, Options};

fn analysis(text: &str) -> Analysis {
    analyze(text, &Options::default()).expect("small input")
}

fn tone(text: &str) -> f64 {
    analysis(text).sentiment.compound
}

/// Asserts that each pair's first text scores strictly higher than its second.
fn higher(pairs: &[(&str, &str)]) {
    for (a, b) in pairs {
        let (x, y) = (tone(a), tone(b));
        assert!(x > y, "expected {a:?} ({x}) > {b:?} ({y})");
    }
}

#[test]
fn polarity_of_plain_sentences() {
    for text in ["The staff were friendly and the room was lovely.", "What a wonderful surprise!"] {
        assert!(tone(text) > 0.3, "{text}");
    }
    for text in ["The hotel was dirty and the staff were rude.", "A tedious, lifeless film."] {
        assert!(tone(text) < -0.3, "{text}");
    }
    for text in ["The meeting is on Tuesday at the town hall.", "", "   ", "12 34 56"] {
        assert_eq!(tone(text), 0.0, "{text}");
    }
}

#[test]
fn negation() {
    assert!(tone("The soup was not good.") < 0.0);
    assert!(tone("The soup wasn't good.") < 0.0);
    assert!(tone("This charger never fails.") > 0.0);
    assert!(tone("The old printer no longer works well.") < 0.0);
    assert!(tone("The sequel lacks charm.") < 0.0);
    assert!(tone("The ending was not bad at all.") > 0.0);
    // "not only" does not negate.
    assert!(tone("The garden is not only pretty but peaceful.") > 0.0);
}

#[test]
fn intensifiers_and_dampeners() {
    higher(&[
        ("The view was extremely beautiful.", "The view was beautiful."),
        ("The view was beautiful.", "The view was somewhat beautiful."),
        ("The delay was a bit annoying.", "The delay was really annoying."),
    ]);
}

#[test]
fn contrast() {
    assert!(tone("The cast is superb, but the script is dull and tedious.") < 0.0);
    assert!(tone("The script is dull, but the cast is superb.") > 0.0);
    assert!(tone("Although the rooms are small, the service is wonderful.") > 0.0);
    higher(&[("It is expensive, but it is excellent.", "It is excellent, but it is expensive.")]);
}

#[test]
fn capitals_and_exclamation() {
    higher(&[
        ("The concert was AMAZING.", "The concert was amazing."),
        ("The concert was amazing!!", "The concert was amazing."),
        ("What a horrible day.", "What a HORRIBLE day."),
    ]);
}

#[test]
fn idioms() {
    assert!(tone("Honestly, the course was a total waste of money.") < 0.0);
    assert!(tone("Her speech was a breath of fresh air.") > 0.0);
    assert!(tone("The new menu is second to none.") > 0.0);
    assert!(tone("The product leaves a lot to be desired.") < 0.0);
}

#[test]
fn news_reporting_vocabulary_is_dampened() {
    // The same facts, once in reporting vocabulary and once in judging words of equal strength
    // in the lexicons: reporting reads milder.
    let report = tone("The attack on the convoy killed two soldiers.");
    assert!(report < 0.0 && report > -0.6, "{report}");
    higher(&[("Sanctions took effect on Monday.", "Cruelty took effect on Monday.")]);
}

#[test]
fn document_score_keeps_its_value_when_the_text_repeats() {
    let paragraph = "The first act is slow and confusing. Then the film finds its feet. \
                     The final scenes are moving and beautifully shot. Still, it runs too long.";
    let once = tone(paragraph);
    let as_paragraphs = [paragraph; 10].join("\n\n");
    let as_one_paragraph = [paragraph; 10].join(" ");
    assert!((tone(&as_paragraphs) - once).abs() < 1e-3, "{once} vs {}", tone(&as_paragraphs));
    assert!((tone(&as_one_paragraph) - once).abs() < 1e-3, "{once} vs {}", tone(&as_one_paragraph));
    assert!(once.abs() < 0.99);
}

#[test]
fn per_sentence_tone_turns_where_the_text_turns() {
    let a = analysis("The launch went smoothly and the crowd cheered. Then the rocket exploded and the mission failed.");
    let tones: Vec<f64> = a.sentences.iter().map(|s| s.sentiment).collect();
    assert_eq!(tones.len(), 2);
    assert!(tones[0] > 0.0 && tones[1] < 0.0, "{tones:?}");
    for s in &a.sentences {
        assert!((-1.0..=1.0).contains(&s.sentiment));
    }
}

#[test]
fn shares_sum_to_one() {
    for text in ["Great food, awful service.", "The meeting is on Tuesday.", ""] {
        let s = analysis(text).sentiment;
        let sum = s.positive + s.negative + s.neutral;
        assert!((sum - 1.0).abs() < 1e-3, "{text}: {s:?}");
    }
}

#[test]
fn loaded_language_with_kinds_and_rate() {
    let text = "Senator slams bombshell report. Critics call the brutal crackdown genocide. \
                Clearly, the so-called reforms failed.";
    let a = analysis(text);
    let found: Vec<(&str, LoadedKind)> = a.loaded.iter().map(|l| (&text[l.start..l.end], l.kind)).collect();
    for expected in [
        ("slams", LoadedKind::Sensational),
        ("bombshell report", LoadedKind::Sensational),
        ("brutal", LoadedKind::Emotional),
        ("genocide", LoadedKind::Emotional),
        ("Clearly", LoadedKind::Subjective),
        ("so-called", LoadedKind::Subjective),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
    assert!(a.sentiment.loaded_per_thousand_words > 100.0);
    let plain = analysis("The council approved the budget on Tuesday after a short debate.");
    assert!(plain.loaded.is_empty());
    assert_eq!(plain.sentiment.loaded_per_thousand_words, 0.0);
}

#[test]
fn an_entity_takes_the_mean_tone_of_the_sentences_that_mention_it() {
    let text = "Rain Falls on the Valley\n\nMaria Lopez praised the wonderful new park on Monday. \
                The council approved the budget. Maria Lopez called the delay a terrible failure.";
    let a = analyze(text, &Options::default()).expect("small input");
    let maria = a.entities.iter().find(|e| e.name == "Maria Lopez").expect("Maria Lopez is found");
    let tone_of = |needle: &str| {
        a.sentences.iter().find(|s| text[s.start..s.end].contains(needle)).map(|s| s.sentiment).expect("sentence exists")
    };
    let want = (tone_of("praised") + tone_of("terrible")) / 2.0;
    let got = maria.sentiment.expect("a tone is given");
    assert!((got - want).abs() < 1e-3, "{got} vs {want}");
}
