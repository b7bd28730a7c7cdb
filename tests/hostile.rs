//! Hostile and odd input for the core, one test per kind (issue #8, Robustness): empty and
//! whitespace-only text, one byte over the size limit, runs of quotation marks, deeply nested
//! brackets and quotes, an HTML page pasted as source, right-to-left and mixed scripts, emoji
//! ZWJ sequences and combining marks, binary bytes (directly and through the CLI), control
//! characters, and a long line with no punctuation.
//!
//! Each gets a result or a clear error, never a panic, with every span of the JSON output in
//! bounds, not cutting a surrogate pair, and paragraphs, sentences and tokens in order. The
//! wall-clock ceiling is only a guard against hangs (timing belongs to the benchmarks); these
//! run in debug builds (often 20× slower than release), so the sizes here are kept to tens of
//! kilobytes; the full sizes (10 MB, a 1 MB line, 100,000 quotation marks, 50,000 levels of
//! nesting, an article repeated 1,000 times) and lone surrogates from JavaScript are in
//! `tests/e2e/hostile.test.mjs`, against the release CLI and the release wasm.
#![cfg(not(target_arch = "wasm32"))]

use article_analyzer::{analyze, AnalyzeError, Analysis, Options, MAX_INPUT_BYTES};
use serde_json::Value;
use std::time::{Duration, Instant};

mod common;
use common::cli;

/// Far above any real run: only a hang, or quadratic work on these sizes, reaches it.
const HANG_GUARD: Duration = Duration::from_secs(30);

/// Checks every `{start, end}` object anywhere in the JSON output against the text's UTF-16
/// units, and the order of the paragraph, sentence and token layers.
fn check_spans(text: &str, analysis: &Analysis) {
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(analysis.length, units.len());
    let json = serde_json::to_value(analysis).expect("the analysis serialises");
    let mut count = 0;
    walk(&json, &mut |path, start, end| {
        count += 1;
        assert!(start <= end && end <= units.len(), "{path}: {start}..{end} out of bounds ({})", units.len());
        for i in [start, end] {
            let cuts_pair = i > 0 && i < units.len() && (0xD800..0xDC00).contains(&units[i - 1]);
            assert!(!cuts_pair, "{path}: {start}..{end} cuts a surrogate pair");
        }
    });
    for layer in ["paragraphs", "sentences", "tokens"] {
        let mut prev_end = 0;
        for item in json[layer].as_array().into_iter().flatten() {
            let (start, end) = (offset(&item["start"]), offset(&item["end"]));
            assert!(start < end && start >= prev_end, "{layer}: {start}..{end} empty or out of order");
            prev_end = end;
        }
    }
    for s in &analysis.sentences {
        assert!(s.paragraph < analysis.paragraphs.len(), "sentence paragraph {}", s.paragraph);
    }
    assert!(count >= analysis.paragraphs.len());
}

fn offset(v: &Value) -> usize {
    v.as_u64().and_then(|n| usize::try_from(n).ok()).unwrap_or(usize::MAX)
}

/// Calls `f(path, start, end)` for every object that has numeric `start` and `end`.
fn walk(value: &Value, f: &mut impl FnMut(&str, usize, usize)) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| walk(v, f)),
        Value::Object(map) => {
            if let (Some(s), Some(e)) = (map.get("start").filter(|v| v.is_number()), map.get("end").filter(|v| v.is_number())) {
                f(&format!("{map:.60?}"), offset(s), offset(e));
            }
            map.values().for_each(|v| walk(v, f));
        }
        _ => {}
    }
}

/// Analyses `text` with tokens, checks the result, and returns it with the time taken.
fn analysed(what: &str, text: &str) -> Analysis {
    let started = Instant::now();
    let analysis = analyze(text, &Options { tokens: true, ..Options::default() }).expect("under the size limit");
    let took = started.elapsed();
    eprintln!("{what}: {} bytes analysed in {took:.2?} (debug build)", text.len());
    assert!(took < HANG_GUARD, "{what}: {took:?}");
    check_spans(text, &analysis);
    analysis
}

/// The text of a UTF-16 span.
fn slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(&units[start..end])
}

#[test]
fn empty_and_whitespace_only() {
    let spaces = " \n\t\r\n\u{A0}\u{3000}\u{2028}\u{FEFF}\u{200B}".repeat(10_000);
    for text in ["", " ", "\n\n\n", "\r\n\r\n", "\t\u{A0}\u{3000}\u{2029}", "\u{FEFF}", &spaces] {
        let a = analysed("whitespace", text);
        assert!(a.paragraphs.is_empty() && a.sentences.is_empty(), "{text:.20?}");
        assert_eq!(a.stats.words, 0);
        assert_eq!(a.language.code, "und");
        assert!(a.entities.is_empty() && a.quotes.is_empty() && a.keyphrases.is_empty() && a.summary.is_empty());
    }
}

#[test]
fn one_byte_over_the_limit_is_a_clear_error() {
    let text = "a".repeat(MAX_INPUT_BYTES + 1);
    let error = analyze(&text, &Options::default()).expect_err("over the limit");
    assert_eq!(error, AnalyzeError::TooLarge { bytes: MAX_INPUT_BYTES + 1 });
    assert_eq!(error.to_string(), "the text is 16.0 MB, larger than the 16 MB this analyzer accepts; split it into smaller parts");
}

#[test]
fn ten_thousand_quotation_marks() {
    for mark in ["\"", "\u{201C}", "\u{201C}\u{201D}", "'", "\u{AB}"] {
        let text = mark.repeat(10_000 / mark.chars().count());
        let a = analysed(&format!("10,000 × {mark}"), &text);
        assert_eq!(a.stats.words, 0);
        assert!(a.quotes.is_empty(), "quotes of no words");
    }
    // Quotation marks between words, unbalanced: every one opens a quotation that never closes.
    let text = "\u{201C}He said so, ".repeat(2_000);
    let a = analysed("2,000 unclosed quotations", &text);
    assert!(a.stats.words >= 6_000);
}

#[test]
fn five_thousand_levels_of_nested_brackets_and_quotes() {
    let depth = 5_000;
    for (open, close) in [("(", ")"), ("[", "]"), ("{", "}"), ("\u{201C}", "\u{201D}"), ("([{\"\u{2018}", "\u{2019}\"}])")] {
        let text = format!("{}Deep inside, the minister said it. {}", open.repeat(depth), close.repeat(depth));
        let a = analysed(&format!("{depth} levels of {open}"), &text);
        assert!(a.sentences.iter().any(|s| slice(&text, s.start, s.end).contains("minister")));
        // Unbalanced: only openings, then only closings.
        let a = analysed("only openings", &open.repeat(depth));
        assert_eq!(a.stats.words, 0);
        analysed("only closings", &format!("Words first. {}", close.repeat(depth)));
    }
}

#[test]
fn an_html_page_pasted_as_source() {
    let article = "City Council Approves New Budget";
    let body = "The city council voted on Tuesday to approve a budget of $2.4 billion, said Mayor Ana Ruiz.";
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{article} | Daily News</title>\n\
         <style>body {{ font: 16px/1.5 serif; }} .ad {{ display: none; }}</style>\n\
         <script>window.dataLayer = [{{\"event\": \"pageview\", \"a\": \"<b>\"}}]; if (a < b && c > d) {{ go(); }}</script>\n\
         </head><body><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>\n\
         <article><h1>{article}</h1><p class=\"byline\">By Jane Doe</p>\n<p>{body}</p>\n\
         <p>&ldquo;It is a careful plan,&rdquo; Ruiz said. &amp; more &#8212; &#x201C;quoted&#x201D;</p>\n\
         <!-- comment <p>hidden</p> --><img src=\"x.png\" onerror=\"alert(1)\" alt=\"\"></article>\n\
         <footer>&copy; 2024 Daily News. All rights reserved.</footer></body></html>\n"
    );
    let a = analysed("HTML page", &page);
    assert!(a.stats.words > 40);
    let sentences: Vec<String> = a.sentences.iter().map(|s| slice(&page, s.start, s.end)).collect();
    assert!(sentences.iter().any(|s| s.contains("voted on Tuesday")), "{sentences:#?}");
    // The markup of a whole page, repeated to 25 KB, is still just text.
    analysed("HTML page × 20", &page.repeat(20));
}

#[test]
fn right_to_left_and_mixed_scripts() {
    let arabic = "قالت الحكومة يوم الثلاثاء إنها ستخفض الضرائب في العام المقبل لجميع العاملين بدوام كامل. \
                  وأضاف الوزير أن القرار سيطبق على الفور في جميع المدن الكبرى والصغيرة في البلاد.";
    let a = analysed("Arabic", arabic);
    assert_eq!(a.language.code, "ar");
    assert!(a.warnings.iter().any(|w| w.code == "notEnglish"));
    assert_eq!(a.sentences.len(), 2, "Arabic full stops end sentences");

    let hebrew = "הממשלה הודיעה ביום שלישי על הורדת מסים בשנה הבאה לכל העובדים במשרה מלאה בכל הערים.";
    let mixed = format!(
        "Prime Minister Netanyahu said on Tuesday, \u{201C}{hebrew}\u{201D} The statement, \
         \u{202B}{arabic}\u{202C}, was read in Jerusalem \u{2067}(القدس)\u{2069} and New York.\n\n\
         \u{200F}Mixed \u{200E}marks\u{200F} and \u{202E}reversed\u{202C} runs: 2024 \u{661}\u{662}\u{663} \u{6F4} ٪٥٠."
    );
    let a = analysed("Hebrew and Arabic inside English", &mixed);
    assert_eq!(a.paragraphs.len(), 2);
    assert!(a.sentences.iter().any(|s| slice(&mixed, s.start, s.end).starts_with("Prime Minister")));
}

#[test]
fn emoji_zwj_sequences_and_combining_marks() {
    let emoji = [
        "👩\u{200D}👩\u{200D}👧\u{200D}👦", // family
        "🏳\u{FE0F}\u{200D}🌈",            // rainbow flag
        "🇺🇦🇬🇧",                            // regional indicator pairs
        "👍🏽",                              // skin tone
        "1\u{FE0F}\u{20E3}",              // keycap
        "🧑\u{200D}💻",                    // ZWJ profession
        "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", // tag sequence (Scotland)
    ]
    .concat();
    let zalgo: String = "Zalgo".chars().flat_map(|c| std::iter::once(c).chain((0..60).map(|i| char::from_u32(0x300 + i).unwrap_or('\u{301}')))).collect();
    let text = format!(
        "Fans cheered {emoji} as the team won. The cafe\u{301} on the corner, na\u{EF}ve and re\u{301}sume\u{301}, \
         stayed open.\n\n{zalgo} arrived. Hangul \u{1100}\u{1161}\u{11A8} and Devanagari \u{915}\u{94D}\u{937} \
         and Thai \u{E01}\u{E34}\u{E19}.\n\n{}",
        "👩\u{200D}👩\u{200D}👧 ".repeat(1_000)
    );
    let a = analysed("emoji and combining marks", &text);
    // No token starts with a combining mark, a ZWJ or a variation selector: those stay
    // with the character before them.
    let units: Vec<u16> = text.encode_utf16().collect();
    for t in a.tokens.iter().flatten() {
        let first = char::decode_utf16(units[t.start..t.end].iter().copied()).next().and_then(Result::ok).unwrap_or(' ');
        let joins = matches!(first, '\u{300}'..='\u{36F}' | '\u{200D}' | '\u{FE0F}' | '\u{20E3}' | '\u{1F3FB}'..='\u{1F3FF}');
        assert!(!joins, "token {}..{} starts with {first:?}", t.start, t.end);
    }
    let sentences: Vec<String> = a.sentences.iter().map(|s| slice(&text, s.start, s.end)).collect();
    assert!(sentences[0].starts_with("Fans cheered") && sentences[0].ends_with("won."), "{:?}", sentences[0]);
}


#[test]
fn binary_bytes_through_the_cli_are_replaced_with_a_warning() {
    // 16 KB of deterministic pseudo-random bytes (xorshift), NULs and all.
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let bytes: Vec<u8> = (0..16_384)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    let started = Instant::now();
    let out = cli(&["-", "--tokens"], &bytes);
    eprintln!("16 KB of binary bytes through the CLI in {:.2?} (debug build)", started.elapsed());
    assert!(started.elapsed() < HANG_GUARD);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).expect("the output is JSON");
    assert_eq!(json["warnings"][0]["code"], "invalidUtf8");
    let lossy = String::from_utf8_lossy(&bytes);
    assert_eq!(json["length"], lossy.encode_utf16().count());
    // The same text through the library, with every span checked.
    let a = analysed("binary bytes, lossy", &lossy);
    assert_eq!(serde_json::to_value(&a).expect("the analysis serialises"), without_warning(&json));
}

/// Regression: one line of invalid UTF-8 in `--jsonl` input used to stop the whole run
/// ("stream did not contain valid UTF-8", exit 1) with the lines after it unanswered.
#[test]
fn binary_bytes_in_a_jsonl_line_get_an_error_reply_and_the_rest_are_answered() {
    let mut input = b"{\"id\":0,\"text\":\"Good.\"}\n{\"id\":1,\"text\":\"Caf\xe9 \x00\xff.\"}\n\xfe\xff\x00\x80\r\n".to_vec();
    input.extend_from_slice(b"{\"id\":3,\"text\":\"Fine.\"}\r\n");
    let out = cli(&["--jsonl"], &input);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<Value> = out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(|l| serde_json::from_slice(l).expect("JSON")).collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], 0);
    assert!(lines[0]["analysis"].is_object());
    for bad in &lines[1..3] {
        assert_eq!(bad["id"], Value::Null);
        assert!(bad["error"].as_str().is_some_and(|e| e.starts_with("line is not JSON: invalid UTF-8 at byte")), "{bad}");
    }
    assert_eq!(lines[3]["id"], 3);
    assert_eq!(lines[3]["analysis"]["stats"]["words"], 1);
}

/// The CLI's output without the `invalidUtf8` warning it adds in front: what `analyze` gives.
fn without_warning(json: &Value) -> Value {
    let mut json = json.clone();
    if let Some(w) = json["warnings"].as_array_mut() {
        w.retain(|w| w["code"] != "invalidUtf8");
    }
    json
}

#[test]
fn control_characters_and_nul_bytes_as_valid_utf8() {
    let controls: String = (0u8..32).map(char::from).chain(['\u{7F}', '\u{85}', '\u{9F}', '\u{FFFD}', '\u{FFFF}', '\u{10FFFF}']).collect();
    let text = format!("Start.{}End of the line. {}\0\0\0 Done.", controls.repeat(200), "\u{E000}".repeat(1000));
    analysed("control characters", &text);
}

#[test]
fn a_long_line_with_no_punctuation() {
    // 20,000 characters here (debug build); the 1 MB line is in tests/e2e/hostile.test.mjs.
    let words = ["council", "budget", "Ana", "Ruiz", "water", "the", "of", "said", "London", "vote"];
    let text: String = (0..2_800).map(|i| words[i * 7 % words.len()]).collect::<Vec<_>>().join(" ");
    let a = analysed("a 20,000-character line", &text);
    assert_eq!(a.paragraphs.len(), 1);
    assert!(a.stats.words >= 2_800);
}
