//! Sequence tagging with averaged perceptrons: the machinery behind part-of-speech tags and
//! named entities.
//!
//! - `features`: per-word hashes (normalised form, affixes, shape) and feature collection;
//! - `clusters`: word classes learned from unlabelled text;
//! - `decode`: the scoring interface and Viterbi decoding;
//! - `model`: the compact quantised weight format, scoring and its file format;
//! - `memo`: per-document memo of the scores of single words, for fast tagging;
//! - `perceptron`: training (native builds only, used by `src/bin/train-tagger.rs`);
//! - `pos`: the Universal POS tagger (templates + embedded model);
//! - `ner`: the named-entity tagger (templates, gazetteer, document features, model).
//!
//! Input: words of a sentence (and, for entities, of a document). Output: tag indices.
//! Public (but hidden from the docs) only so the trainer binary can share the exact code.

pub mod clusters;
pub mod decode;
pub mod features;
pub mod memo;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod perceptron;
pub mod ner;
pub mod pos;
