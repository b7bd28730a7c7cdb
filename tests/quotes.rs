//! Quotes and sources through the public API: every quotation style, speakers before, after
//! and inside a quote, quotes over paragraphs, speaker resolution, kinds of sources and the
//! sourcing summary, graceful degradation on unbalanced marks, and linear time on texts full
//! of quotation marks. The fixtures are written for these tests.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::{analyze, Analysis, Options, SourceKind, Utf16Span};

fn run(text: &str) -> Analysis {
    analyze(text, &Options::default()).expect("test texts are small")
}

/// `text.slice(start, end)` as JavaScript does it.
fn slice(text: &str, span: Utf16Span) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(&units[span.start..span.end])
}

/// One quote as (source, cue, content, direct, speaker) texts.
type Row = (Option<String>, Option<String>, String, bool, Option<String>);

fn rows(text: &str) -> Vec<Row> {
    run(text)
        .quotes
        .iter()
        .map(|q| {
            let of = |s: Option<Utf16Span>| s.map(|s| slice(text, s));
            (of(q.source), of(q.cue), slice(text, q.content), q.direct, q.speaker.as_ref().map(|s| s.name.clone()))
        })
        .collect()
}

fn row(source: Option<&str>, cue: &str, content: &str, direct: bool, speaker: Option<&str>) -> Row {
    (source.map(String::from), Some(cue.to_string()), content.to_string(), direct, speaker.map(String::from))
}

const STORM: &str = include_str!("fixtures/quotes/harbour-storm.txt");

#[test]
fn every_quote_of_the_storm_article() {
    let want = [
        row(Some("people familiar with the rescue effort"), "According to", "at least two trawlers sank at their moorings overnight", false, None),
        row(Some("harbour master Lena Ortiz"), "said", "\u{201C}We will reopen the port by Friday,\u{201D}", true, Some("Lena Ortiz")),
        row(Some("Ortiz"), "said", "\"The water came up faster than anyone expected,\"", true, Some("Lena Ortiz")),
        row(Some("She"), "added", "that the sea wall had held, but only just", false, Some("Lena Ortiz")),
        row(Some("a fisherman"), "told", "\u{2018}It was chaos from start to finish,\u{2019}", true, None),
        row(Some("Ortiz"), "said", "\u{201C}The boats that survived are safe,\u{201D} Ortiz said, \u{201C}but the pier is not.\u{201D}", true, Some("Lena Ortiz")),
        row(Some("Brandt"), "said", "\u{201C}We lost two roads and a bridge.\n\n\u{201C}We will rebuild every one of them,\u{201D}", true, Some("Tomas Brandt")),
        row(Some("Brandt"), "told", "\u{201C}Nobody will be left behind.\u{201D}", true, Some("Tomas Brandt")),
        row(Some("The coast guard"), "said", "that two crew members had been treated for hypothermia", false, None),
        row(Some("The Avel Gazette"), "reported", "that insurers might refuse some claims", false, Some("Avel Gazette")),
        row(Some("a report by the regional ministry"), "warned", "that the sea wall was probably decades past its design life", false, None),
        row(Some("Officials"), "said", "repairs could take months", false, None),
    ];
    assert_eq!(rows(STORM), want);
}

#[test]
fn sources_have_kinds_and_the_quotes_that_cite_them() {
    let a = run(STORM);
    let sources: Vec<(String, SourceKind, Vec<usize>)> = a.sources.iter().map(|s| (s.name.clone(), s.kind, s.quotes.clone())).collect();
    let want = [
        ("people familiar with the rescue effort", SourceKind::Anonymous, vec![0]),
        ("Lena Ortiz", SourceKind::Person, vec![1, 2, 3, 5]),
        ("a fisherman", SourceKind::Person, vec![4]),
        ("Tomas Brandt", SourceKind::Person, vec![6, 7]),
        ("The coast guard", SourceKind::Organization, vec![8]),
        ("Avel Gazette", SourceKind::Outlet, vec![9]),
        ("a report by the regional ministry", SourceKind::Document, vec![10]),
        ("Officials", SourceKind::Anonymous, vec![11]),
    ];
    let want: Vec<(String, SourceKind, Vec<usize>)> = want.into_iter().map(|(n, k, q)| (n.to_string(), k, q)).collect();
    assert_eq!(sources, want);
    let s = &a.sourcing;
    assert_eq!((s.named, s.anonymous, s.outlet, s.document, s.unknown, s.unattributed), (8, 2, 1, 1, 0, 0));
    let role = a.sources[1].role.expect("Lena Ortiz has a role");
    assert_eq!(slice(STORM, role), "master");
}

#[test]
fn quotation_styles() {
    let cases = [
        ("Guillemets", "\u{00AB}We stay,\u{00BB} said Ana Ruiz.", "\u{00AB}We stay,\u{00BB}"),
        ("typewriter doubles", "''We stay,'' said Ana Ruiz.", "''We stay,''"),
        ("straight singles", "'We stay,' said Ana Ruiz.", "'We stay,'"),
        ("nested", "\u{201C}He said \u{2018}stay\u{2019} and left,\u{201D} said Ana Ruiz.", "\u{201C}He said \u{2018}stay\u{2019} and left,\u{201D}"),
    ];
    for (name, text, content) in cases {
        let got = rows(text);
        assert_eq!(got.len(), 1, "{name}: {got:?}");
        assert_eq!(got[0].2, content, "{name}");
        assert!(got[0].3, "{name} is direct");
        assert_eq!(got[0].0.as_deref(), Some("Ana Ruiz"), "{name}");
    }
}

#[test]
fn speaker_before_after_and_in_the_middle() {
    let before = rows("Ana Ruiz told reporters: \u{201C}The dam will hold.\u{201D}");
    assert_eq!(before, [row(Some("Ana Ruiz"), "told", "\u{201C}The dam will hold.\u{201D}", true, Some("Ana Ruiz"))]);
    let after = rows("\u{201C}The dam will hold,\u{201D} Ana Ruiz said on Monday.");
    assert_eq!(after, [row(Some("Ana Ruiz"), "said", "\u{201C}The dam will hold,\u{201D}", true, Some("Ana Ruiz"))]);
    let middle = rows("\u{201C}The dam will hold,\u{201D} Ana Ruiz said, \u{201C}for now.\u{201D}");
    assert_eq!(middle[0].2, "\u{201C}The dam will hold,\u{201D} Ana Ruiz said, \u{201C}for now.\u{201D}");
    assert!(middle[0].3);
}

#[test]
fn reported_speech_and_partial_quotes() {
    let text = "The engineer, Ravi Menon, remarked that the crews had tried to \u{201C}patch the wall with sandbags\u{201D} before dawn.";
    let got = rows(text);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0.as_deref(), Some("The engineer, Ravi Menon"));
    assert_eq!(got[0].2, "that the crews had tried to \u{201C}patch the wall with sandbags\u{201D} before dawn");
    assert!(!got[0].3, "a partial quote inside reported speech is not a direct quote");
    assert_eq!(got[0].4.as_deref(), Some("Ravi Menon"));
}

#[test]
fn anonymous_phrasings() {
    let texts = [
        "According to an unnamed city official, the vote was delayed.",
        "The vote was delayed, sources said.",
        "Officials said the vote was delayed.",
        "People familiar with the matter said the vote was delayed.",
        "The vote was delayed, a source close to the council said.",
    ];
    for text in texts {
        let a = run(text);
        assert_eq!(a.quotes.len(), 1, "{text}");
        assert_eq!(a.sources.first().map(|s| s.kind), Some(SourceKind::Anonymous), "{text}");
        assert_eq!(a.sourcing.anonymous, 1, "{text}");
    }
}

#[test]
fn pronouns_and_surnames_resolve_to_the_name_before() {
    let text = "Port engineer Ravi Menon inspected the wall at dawn. He said it was sound.\n\n\
                Later, Menon warned that another storm could breach it.";
    let speakers: Vec<Option<String>> = rows(text).into_iter().map(|r| r.4).collect();
    assert_eq!(speakers, [Some("Ravi Menon".to_string()), Some("Ravi Menon".to_string())]);
}

#[test]
fn text_without_attribution_has_no_quotes() {
    let misses = [
        "The ferry sails at noon and returns at six.",
        "Crews repaired the roof before the storm arrived.",
        "The 6\" pipe burst under the road.",
        "The port, a harbour already battered by storms, reopened on Monday.",
        "",
    ];
    for text in misses {
        assert_eq!(rows(text), [], "{text}");
    }
}

#[test]
fn unbalanced_marks_degrade_gracefully() {
    // An opening mark never closed: the quotation ends with its paragraph.
    let got = rows("\u{201C}We will never leave this town, Ana Ruiz said.\n\nThe vote is on Friday.");
    assert_eq!(got.len(), 1);
    assert!(!got[0].3, "an unclosed quotation is not a closed direct quote");
    // Stray closing marks and apostrophes change nothing.
    assert_eq!(rows("The voters\u{2019} choice\u{201D} was clear, Ana Ruiz said.").len(), 1);
}

#[test]
fn many_quotation_marks_stay_linear() {
    let unit = "\u{201C}Stay,\u{201D} she said. \"Go,\" he said. 'No,' they said. \u{201C}";
    let text = unit.repeat(12_500); // 100,000 quotation marks, many unbalanced
    let start = std::time::Instant::now();
    let a = run(&text);
    assert!(a.quotes.len() >= 25_000, "{} quotes", a.quotes.len());
    assert!(start.elapsed().as_secs() < 60, "took {:?}", start.elapsed());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Pieces that stress quotation marks, cues and hedges.
    const PIECES: &[&str] = &[
        "\"", "'", "''", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{00AB}", "\u{00BB}", "\u{201E}", " ", "\n", "\n\n", ",", ".",
        ":", "\u{2014}", "\u{2015}", "(", ")", "said", "told", "according to", "he", "She", "Mr.", "Ana Ruiz", "Ruiz", "who", "might",
        "May", "may", "could", "not", "n't", "sources", "the Post", "a report", "that", "and", "\u{1F600}", "e\u{301}", "\u{AD}",
    ];

    fn quote_like() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.join(" "))
    }

    fn check(text: &str) {
        let a = run(text);
        let units = text.encode_utf16().count();
        let valid = |s: Utf16Span| s.start <= s.end && s.end <= units;
        for q in &a.quotes {
            assert!(valid(q.content), "content");
            assert!(q.source.map_or(true, valid) && q.cue.map_or(true, valid), "source or cue");
            assert!(q.speaker.as_ref().map_or(true, |s| s.start <= s.end && s.end <= units), "speaker");
        }
        for s in &a.sources {
            assert!(s.start <= s.end && s.end <= units && s.quotes.iter().all(|&q| q < a.quotes.len()), "source");
        }
        let mut end = 0;
        for h in &a.hedges {
            assert!(h.start >= end && h.start < h.end && h.end <= units, "hedges ordered and apart");
            end = h.end;
        }
        let s = &a.sourcing;
        assert_eq!(s.named + s.anonymous + s.outlet + s.document + s.unknown + s.unattributed, a.quotes.len());
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn quote_heavy_strings_give_valid_layers(text in quote_like()) {
            check(&text);
        }

        #[test]
        fn any_string_gives_valid_layers(text in any::<String>()) {
            check(&text);
        }
    }
}
