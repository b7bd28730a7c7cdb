//! The WebAssembly interface: thin glue from JavaScript to [`crate::analyze`].
//!
//! `analyze(text, options?)` returns the analysis as a plain JS object (no `Map`s) or throws
//! an `Error` with a readable message; `version()` returns the crate version.

use crate::{Options, MAX_INPUT_BYTES};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Analyses `text`. `options` may be `undefined`, `null` or `{ tokens?: boolean }`. Throws
/// when `text` is not a string.
// `text` is taken as any JS value and checked here: with a `&str` parameter the glue hands a
// non-string (`analyze(42)`) to Rust as a bogus pointer and the instance traps.
#[wasm_bindgen]
pub fn analyze(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let text = text.as_string().ok_or_else(|| JsError::new("the text to analyse must be a string"))?;
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        reject_unknown_keys(&options)?;
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?
    };
    let analysis = crate::analyze(&text, &options).map_err(|e| JsError::new(&e.to_string()))?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    analysis.serialize(&serializer).map_err(|e| JsError::new(&e.to_string()))
}

/// Throws for a key that is not an option, as the CLI does (serde-wasm-bindgen reads only
/// the declared fields and would ignore a misspelt one).
fn reject_unknown_keys(options: &JsValue) -> Result<(), JsError> {
    if !options.is_object() {
        return Err(JsError::new("invalid options: expected an object"));
    }
    let known = Options::field_names();
    for key in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            return Err(JsError::new(&format!("invalid options: unknown field `{key}`, expected one of {known:?}")));
        }
    }
    Ok(())
}

/// The analyzer's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// The largest input accepted, in bytes of UTF-8.
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> usize {
    MAX_INPUT_BYTES
}
