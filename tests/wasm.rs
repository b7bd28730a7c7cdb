//! Tests of the WebAssembly interface, run under Node by
//! `cargo test --target wasm32-unknown-unknown` (wasm-bindgen-test-runner, see .cargo/config.toml).
//!
//! Input: texts and option objects built here, handed to `article_analyzer::wasm::{analyze,
//! version, max_input_bytes}` exactly as the JS glue hands them over. Output checked: the JS
//! values that come back are plain objects and arrays (never `Map`s), their spans are UTF-16
//! offsets that `String.prototype.slice` cuts correctly (emoji, CJK, combining marks, CRLF),
//! and refusals are thrown as real `Error`s with readable messages.
#![cfg(target_arch = "wasm32")]

use article_analyzer::{wasm, MAX_INPUT_BYTES};
use js_sys::{Array, JsString, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// Two paragraphs with astral emoji, a ZWJ sequence, CJK, a combining accent and CRLF breaks.
const MIXED: &str = "Café 😀 naïve cafe\u{301} today. 漢字のテスト。\r\n\r\n\
                     Second paragraph 👩\u{200d}👩\u{200d}👧 here. It ends.\r\n";

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn number(value: &JsValue, key: &str) -> u32 {
    let n = get(value, key).as_f64().unwrap_or_else(|| panic!("`{key}` is not a number"));
    assert!(n >= 0.0 && n.fract() == 0.0, "`{key}` = {n} is not an offset");
    n as u32
}

/// The `{start, end}` pairs of the array at `key`.
fn spans(value: &JsValue, key: &str) -> Vec<(u32, u32)> {
    let array: Array = get(value, key).dyn_into().unwrap_or_else(|_| panic!("`{key}` is not an array"));
    array.iter().map(|s| (number(&s, "start"), number(&s, "end"))).collect()
}

/// `text.slice(start, end)` computed by JavaScript on the JS copy of the text.
fn js_slice(text: &JsString, (start, end): (u32, u32)) -> String {
    String::from(text.slice(start, end))
}

fn analyze(text: &str, options: JsValue) -> JsValue {
    wasm::analyze(JsValue::from_str(text), options).unwrap_or_else(|_| panic!("analyze refused {:.40}", text))
}

/// The `Error` that `analyze` throws, with its message.
fn analyze_error(text: &str, options: JsValue) -> String {
    let shown = js_sys::JSON::stringify(&options).ok().and_then(|s| s.as_string()).unwrap_or_default();
    let thrown: JsValue = match wasm::analyze(JsValue::from_str(text), options) {
        Ok(_) => panic!("analyze accepted options {shown}"),
        Err(e) => e.into(),
    };
    let error: js_sys::Error = thrown.dyn_into().expect("the thrown value is an Error");
    String::from(error.message())
}

fn options(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("valid JSON")
}

/// Asserts that `value` and everything inside it is a primitive, an Array or a plain object.
fn assert_plain(value: &JsValue, path: &str) {
    if Array::is_array(value) {
        for (i, item) in Array::from(value).iter().enumerate() {
            assert_plain(&item, &format!("{path}[{i}]"));
        }
    } else if value.is_object() {
        assert!(!value.is_instance_of::<js_sys::Map>(), "{path} is a Map");
        let plain_proto = Object::get_prototype_of(&Object::new());
        assert!(Object::is(&Object::get_prototype_of(value), &plain_proto), "{path} is not a plain object");
        let object: &Object = value.unchecked_ref();
        for entry in Object::entries(object).iter() {
            let key = String::from(JsString::from(Array::from(&entry).get(0)));
            assert_plain(&Array::from(&entry).get(1), &format!("{path}.{key}"));
        }
    }
}

/// Asserts that no span cuts a surrogate pair and every span lies inside the text.
fn assert_on_code_points(text: &JsString, list: &[(u32, u32)], what: &str) {
    let is_low = |i: u32| i < text.length() && (0xDC00 as f64..0xE000 as f64).contains(&text.char_code_at(i));
    for &(start, end) in list {
        assert!(start <= end && end <= text.length(), "{what} {start}..{end} out of bounds");
        assert!(!is_low(start) && !is_low(end), "{what} {start}..{end} splits a surrogate pair");
    }
}

#[wasm_bindgen_test]
fn result_is_a_plain_object_tree() {
    let analysis = analyze(MIXED, JsValue::UNDEFINED);
    assert_plain(&analysis, "analysis");
    for key in ["version", "length", "language", "warnings", "stats", "readability", "structure", "paragraphs", "sentences"] {
        assert!(!get(&analysis, key).is_undefined(), "`{key}` is missing");
    }
    assert!(get(&analysis, "tokens").is_undefined(), "tokens present without options.tokens");
    assert!(get(&get(&analysis, "language"), "code").is_string());
}

#[wasm_bindgen_test]
fn null_options_mean_defaults() {
    let analysis = analyze("One sentence here.", JsValue::NULL);
    assert_eq!(number(&analysis, "length"), 18);
    let analysis = analyze("One sentence here.", options("{}"));
    assert!(get(&analysis, "tokens").is_undefined());
}

#[wasm_bindgen_test]
fn spans_slice_correctly_in_javascript() {
    let text = JsString::from(MIXED);
    let analysis = analyze(MIXED, JsValue::UNDEFINED);
    assert_eq!(number(&analysis, "length"), text.length());

    let paragraphs: Vec<String> = spans(&analysis, "paragraphs").into_iter().map(|s| js_slice(&text, s)).collect();
    assert_eq!(
        paragraphs,
        ["Café 😀 naïve cafe\u{301} today. 漢字のテスト。", "Second paragraph 👩\u{200d}👩\u{200d}👧 here. It ends."]
    );

    let sentences: Vec<String> = spans(&analysis, "sentences").into_iter().map(|s| js_slice(&text, s)).collect();
    assert!(sentences.contains(&"Second paragraph 👩\u{200d}👩\u{200d}👧 here.".to_string()), "{sentences:?}");
    assert!(sentences.contains(&"It ends.".to_string()), "{sentences:?}");
    assert!(
        sentences.iter().any(|s| s.contains("naïve cafe\u{301} today.")),
        "combining mark lost from {sentences:?}"
    );
    for s in &sentences {
        assert_eq!(s.trim(), s, "sentence {s:?} has surrounding whitespace or CR");
    }
}

#[wasm_bindgen_test]
fn every_span_lies_on_code_point_boundaries() {
    let text = JsString::from(MIXED);
    let analysis = analyze(MIXED, options(r#"{"tokens":true}"#));
    let structure = get(&analysis, "structure");
    for (what, list) in [
        ("paragraph", spans(&analysis, "paragraphs")),
        ("sentence", spans(&analysis, "sentences")),
        ("token", spans(&analysis, "tokens")),
        ("body", spans(&structure, "body")),
        ("heading", spans(&structure, "headings")),
        ("boilerplate", spans(&structure, "boilerplate")),
    ] {
        assert_on_code_points(&text, &list, what);
    }
}

#[wasm_bindgen_test]
fn tokens_option_adds_tokens() {
    let text = JsString::from(MIXED);
    let analysis = analyze(MIXED, options(r#"{"tokens":true}"#));
    let tokens: Array = get(&analysis, "tokens").dyn_into().expect("tokens is an array");
    assert!(tokens.length() > 10);
    let words: Vec<String> = tokens
        .iter()
        .filter(|t| get(t, "kind").as_string().as_deref() == Some("word"))
        .map(|t| js_slice(&text, (number(&t, "start"), number(&t, "end"))))
        .collect();
    for expected in ["Café", "naïve", "today", "Second", "ends"] {
        assert!(words.iter().any(|w| w == expected), "no word token {expected:?} in {words:?}");
    }
    let kinds = tokens.iter().filter_map(|t| get(&t, "kind").as_string());
    assert!(kinds.clone().any(|k| k == "punct"));

    let without = analyze(MIXED, options(r#"{"tokens":false}"#));
    assert!(get(&without, "tokens").is_undefined());
}

#[wasm_bindgen_test]
fn bad_options_throw_an_error() {
    for bad in [r#"{"tokens":"yes"}"#, r#"{"tokens":1}"#, "42", r#""tokens""#, r#"{"colour":true}"#] {
        let message = analyze_error("Some text.", options(bad));
        assert!(message.starts_with("invalid options"), "{bad}: {message}");
    }
}

#[wasm_bindgen_test]
fn version_matches_the_crate_and_the_result() {
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
    let analysis = analyze("Text.", JsValue::UNDEFINED);
    assert_eq!(get(&analysis, "version").as_string().as_deref(), Some(env!("CARGO_PKG_VERSION")));
    assert_eq!(wasm::max_input_bytes(), MAX_INPUT_BYTES);
}

#[wasm_bindgen_test]
fn empty_and_whitespace_inputs_are_fine() {
    for text in ["", " ", "\r\n\r\n", "\u{feff}"] {
        let analysis = analyze(text, JsValue::UNDEFINED);
        assert_eq!(number(&analysis, "length"), JsString::from(text).length());
    }
}

#[wasm_bindgen_test]
fn over_limit_input_throws_a_clear_error() {
    // One byte over the limit: refused before any analysis, so this is fast even in debug builds.
    let text = "a".repeat(MAX_INPUT_BYTES + 1);
    let message = analyze_error(&text, JsValue::UNDEFINED);
    assert!(message.contains("16 MB") && message.contains("larger"), "{message}");

    // About 17 MB, as a reader pasting a huge page would send.
    let text = "word ".repeat(17_000_000 / 5);
    let message = analyze_error(&text, JsValue::UNDEFINED);
    assert!(message.contains("16.2 MB"), "{message}");
}

#[wasm_bindgen_test]
fn a_text_that_is_not_a_string_throws_an_error_not_a_trap() {
    for value in [JsValue::from(42), JsValue::NULL, JsValue::UNDEFINED, Object::new().into(), Array::new().into()] {
        let thrown: JsValue = match wasm::analyze(value, JsValue::UNDEFINED) {
            Ok(_) => panic!("a non-string text was accepted"),
            Err(e) => e.into(),
        };
        let error: js_sys::Error = thrown.dyn_into().expect("the thrown value is an Error");
        assert_eq!(String::from(error.message()), "the text to analyse must be a string");
    }
}
