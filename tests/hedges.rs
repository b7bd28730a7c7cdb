//! Hedges through the public API: each kind of cue, epistemic against non-epistemic uses
//! ("may" of possibility and of permission, "could" of possibility and of past ability, the
//! month of May), per-sentence certainty and the article's hedged share. The fixture is
//! written for these tests.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::{analyze, Analysis, Certainty, HedgeKind, Options};

fn run(text: &str) -> Analysis {
    analyze(text, &Options::default()).expect("test texts are small")
}

/// The hedges of `text` as (text, kind), ASCII texts only.
fn hedges(text: &str) -> Vec<(String, HedgeKind)> {
    run(text).hedges.iter().map(|h| (text[h.start..h.end].to_string(), h.kind)).collect()
}

const FERRY: &str = include_str!("fixtures/quotes/ferry-talks.txt");

#[test]
fn every_hedge_of_the_ferry_article() {
    use HedgeKind::*;
    let want = [
        ("May", Modal),
        ("might", Modal),
        ("is believed", Speculative),
        ("some say", Weasel),
        ("could", Modal),
        ("reportedly", Adverb),
    ];
    let want: Vec<(String, HedgeKind)> = want.into_iter().map(|(t, k)| (t.to_string(), k)).collect();
    assert_eq!(hedges(FERRY), want);
}

#[test]
fn certainty_per_sentence_and_hedged_share() {
    let a = run(FERRY);
    let levels: Vec<Certainty> = a.sentences.iter().map(|s| s.certainty).collect();
    use Certainty::*;
    // Title (May); talks (might); company (believed, some say, could); strike in May 2019
    // (reportedly); passengers (permission, ability: none); prices.
    assert_eq!(levels, [Medium, Medium, Low, Medium, High, High]);
    assert_eq!((a.hedging.hedged_sentences, a.hedging.sentences), (3, 5));
    assert!((a.hedging.share - 0.6).abs() < 1e-9);
}

#[test]
fn epistemic_and_non_epistemic_modals() {
    let hits = [
        "The bridge may close in the winter.",
        "The storm could flood the lower town.",
        "The crew might have left early.",
        "Prices are likely to rise.",
        "The mayor apparently knew.",
        "The results suggest that the wall is weak.",
        "It is thought that the ship sank.",
    ];
    for text in hits {
        assert!(!hedges(text).is_empty(), "{text}");
    }
    let misses = [
        "You may board the ferry now.",
        "Visitors may not park on the quay.",
        "May I see your ticket?",
        "The vote is on 3 May.",
        "In May the ferry sails daily.",
        "She could not find her ticket.",
        "The navy showed its might.",
        "Reply as soon as possible.",
        "The ferry sails at noon.",
    ];
    for text in misses {
        assert_eq!(hedges(text), [], "{text}");
    }
}

#[test]
fn vague_quantifiers_are_marked_but_do_not_lower_certainty() {
    let text = "Many residents have lived here for decades.";
    let a = run(text);
    let kinds: Vec<HedgeKind> = a.hedges.iter().map(|h| h.kind).collect();
    assert!(kinds.iter().all(|&k| k == HedgeKind::Vague), "{kinds:?}");
    assert_eq!(a.sentences[0].certainty, Certainty::High);
}

#[test]
fn unicode_spans_are_utf16() {
    let text = "Caf\u{e9} owners \u{2014} \u{1F600} \u{2014} might close early.";
    let a = run(text);
    let units: Vec<u16> = text.encode_utf16().collect();
    let h = a.hedges.first().expect("one hedge");
    assert_eq!(String::from_utf16_lossy(&units[h.start..h.end]), "might");
}
