//! The options of `analyze`, and the list of their JSON names.
//!
//! Input: JSON or JS objects with camelCase keys, every one optional. Output: [`Options`].
//! [`Options::field_names`] lets the wasm layer reject unknown keys, which
//! serde-wasm-bindgen alone would silently ignore (it only reads the declared fields).

use serde::de::{self, Deserialize, Deserializer, Visitor};

/// What to include in the analysis. Every field is optional in JSON.
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Options {
    /// Add the token layer (`tokens[]`) to the output.
    pub tokens: bool,
    /// How many sentences `summary[]` has (default 3; at most 100).
    pub summary_sentences: Option<usize>,
    /// The summary's share of the body sentences, in [0, 1], rounded up; overrides
    /// `summarySentences` when given (at most 100 sentences all the same).
    pub summary_ratio: Option<f64>,
}

impl Options {
    /// The JSON names of the fields, as serde derives them.
    pub fn field_names() -> &'static [&'static str] {
        let mut capture = FieldCapture(&[]);
        // The capture deserializer always ends with an error once it has seen the names.
        let _ = Options::deserialize(&mut capture);
        capture.0
    }
}

/// A deserializer that records the field names serde asks for and then stops.
struct FieldCapture(&'static [&'static str]);

impl<'de> Deserializer<'de> for &mut FieldCapture {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("only structs are captured"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        self.0 = fields;
        Err(de::Error::custom("field names captured"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option
        unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_are_the_camel_case_json_keys() {
        assert!(Options::field_names().contains(&"tokens"));
        assert!(Options::field_names().iter().all(|f| !f.contains('_')));
    }
}
