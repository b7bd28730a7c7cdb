//! Key phrases through the public API: the topic comes first, variants merge, mentions
//! point at the text (UTF-16 offsets), nothing comes from headings or stop words.

use article_analyzer::{analyze, Analysis, Options};

const HARBOUR: &str = "Harbour Cranes Stop as Dock Workers Strike\n\n\
Dock workers at the port of Rotterdam walked out on Tuesday over a new automation plan.\n\n\
The strike halted the harbour cranes that serve container ships, and the port authority said \
dozens of container ships were waiting at sea.\n\n\
The dock workers' union says the automation plan would cut 800 jobs by 2027.\n\n\
What happens next\n\n\
Port managers offered talks, but the union said the strike would go on until the plan is dropped. \
Shipping firms warned that container prices could rise across Europe.";

fn run(text: &str) -> Analysis {
    analyze(text, &Options::default()).expect("short texts are accepted")
}

/// The text a UTF-16 span names.
fn slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).expect("spans never cut a surrogate pair")
}

fn texts(a: &Analysis) -> Vec<String> {
    a.keyphrases.iter().map(|k| k.text.to_lowercase()).collect()
}

#[test]
fn the_topic_leads_and_scores_fall() {
    let a = run(HARBOUR);
    let got = texts(&a);
    assert!(!got.is_empty() && got.len() <= 10, "{got:?}");
    for hit in ["dock workers", "container ships", "automation plan"] {
        assert!(got.iter().any(|k| k == hit), "{hit} missing from {got:?}");
    }
    assert_eq!(a.keyphrases[0].score, 1.0);
    assert!(a.keyphrases.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn stop_words_verbs_and_headings_stay_out() {
    let got = texts(&run(HARBOUR));
    for miss in ["said", "tuesday", "walked", "would", "what happens", "next", "800 jobs"] {
        assert!(!got.iter().any(|k| k == miss), "{miss} in {got:?}");
    }
}

#[test]
fn variants_merge_and_mentions_point_at_them() {
    let a = run(HARBOUR);
    let ships = a.keyphrases.iter().find(|k| k.text == "container ships").expect("container ships");
    // "container ships" twice, then "container prices" is another phrase.
    assert_eq!(ships.mentions.len(), 2);
    for m in &ships.mentions {
        assert_eq!(slice(HARBOUR, m.start, m.end), "container ships");
    }
    let text = "Arms Deal Row\n\nThe arms deal angered voters. Two arms deals were signed last year. \
                Critics say every arms-deal is secret.";
    let a = run(text);
    let same = |k: &&article_analyzer::KeyphraseOut| {
        let t = k.text.to_lowercase().replace('-', " ");
        t == "arms deal" || t == "arms deals"
    };
    let deals: Vec<_> = a.keyphrases.iter().filter(same).collect();
    assert_eq!(deals.len(), 1, "{:?}", texts(&a));
    let written: Vec<String> = deals[0].mentions.iter().map(|m| slice(text, m.start, m.end)).collect();
    assert_eq!(written, ["arms deal", "arms deals", "arms-deal"]);
}

#[test]
fn spans_are_utf16_offsets() {
    let text = "Café Owners in Zürich 😀 Protest\n\nCafé owners in Zürich protested against the new café tax on Monday. \
                The café tax doubles next year, café owners said.";
    let a = run(text);
    let owners = a.keyphrases.iter().find(|k| k.text.to_lowercase() == "café owners").expect("café owners");
    for m in &owners.mentions {
        assert_eq!(slice(text, m.start, m.end).to_lowercase(), "café owners");
    }
}

#[test]
fn empty_or_phraseless_text_has_none() {
    for text in ["", "   ", "It was, and then it was not.", "??? !!! ..."] {
        assert!(run(text).keyphrases.is_empty(), "{text:?}");
    }
}
