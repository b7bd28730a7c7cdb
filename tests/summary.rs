//! The summary through the public API: body sentences only, in article order, as many as
//! the options ask (by count or share), none repeating another.

use article_analyzer::{analyze, Analysis, Options, Utf16Span};

const FLOODS: &str = "River Floods Force Thousands From Homes\n\n\
Heavy rain pushed the river Severn over its banks on Sunday, forcing 3,000 people from their homes in Worcester.\n\n\
Emergency crews built temporary barriers along the river overnight, but the water rose faster than forecast.\n\n\
\"We lost everything on the ground floor,\" said one shop owner.\n\n\
Forecasters expect more heavy rain on Wednesday, and the river could rise another half metre.\n\n\
Heavy rain pushed the river Severn over its banks on Sunday and forced 3,000 people from homes in Worcester.\n\n\
Local schools will stay closed until Friday.\n\n\
How to help\n\n\
The council has opened three shelters for families forced from their homes by the floods.";

fn run(text: &str, options: Options) -> Analysis {
    analyze(text, &options).expect("short texts are accepted")
}

fn sentences_of(spans: &[Utf16Span]) -> Vec<String> {
    spans.iter().map(|s| FLOODS[s.start..s.end].to_string()).collect()
}

#[test]
fn three_body_sentences_in_article_order_by_default() {
    let a = run(FLOODS, Options::default());
    assert_eq!(a.summary.len(), 3);
    assert!(a.summary.windows(2).all(|w| w[0].end <= w[1].start), "in article order");
    for s in &a.summary {
        let sentence = a.sentences.iter().find(|x| x.start == s.start && x.end == s.end).expect("a sentence span");
        assert!(sentence.in_body, "{}", &FLOODS[s.start..s.end]);
    }
    let got = sentences_of(&a.summary);
    assert!(got[0].starts_with("Heavy rain pushed"), "{got:?}");
    assert!(!got.iter().any(|s| s.contains("How to help") || s.contains("River Floods Force")), "{got:?}");
}

#[test]
fn no_two_sentences_say_the_same_thing() {
    let a = run(FLOODS, Options { summary_sentences: Some(8), ..Options::default() });
    let got = sentences_of(&a.summary);
    let repeats = got.iter().filter(|s| s.starts_with("Heavy rain pushed")).count();
    assert_eq!(repeats, 1, "{got:?}");
    // Eight asked, of seven body sentences, one repeating another: six remain.
    assert_eq!(got.len(), 6, "{got:?}");
}

#[test]
fn count_and_share_options() {
    assert_eq!(run(FLOODS, Options { summary_sentences: Some(1), ..Options::default() }).summary.len(), 1);
    assert!(run(FLOODS, Options { summary_sentences: Some(0), ..Options::default() }).summary.is_empty());
    // 7 body sentences: a quarter rounds up to 2, a tenth rounds up to 1; the share wins over the count.
    let quarter = Options { summary_ratio: Some(0.25), summary_sentences: Some(5), ..Options::default() };
    assert_eq!(run(FLOODS, quarter).summary.len(), 2);
    assert_eq!(run(FLOODS, Options { summary_ratio: Some(0.1), ..Options::default() }).summary.len(), 1);
    assert!(run(FLOODS, Options { summary_ratio: Some(-3.0), ..Options::default() }).summary.is_empty());
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn options_are_camel_case_json() {
    let o: Options = serde_json::from_str(r#"{"summarySentences": 2, "summaryRatio": 0.5}"#).expect("valid options");
    assert_eq!((o.summary_sentences, o.summary_ratio), (Some(2), Some(0.5)));
    assert_eq!(serde_json::from_str::<Options>("{}").expect("empty options"), Options::default());
}

#[test]
fn short_and_empty_texts() {
    assert!(run("", Options::default()).summary.is_empty());
    let one = "Only one sentence here.";
    let a = run(one, Options::default());
    assert_eq!(a.summary.len(), 1);
    assert_eq!(&one[a.summary[0].start..a.summary[0].end], one);
}
