//! The analysis stages, one module each, run in the order given in `pipeline.rs`.

pub(crate) mod entities;
pub(crate) mod hedges;
pub(crate) mod keyphrases;
pub(crate) mod language;
pub(crate) mod paragraphs;
pub(crate) mod pos;
pub(crate) mod quotes;
pub(crate) mod readability;
pub(crate) mod sentences;
pub(crate) mod sentiment;
pub(crate) mod sources;
pub(crate) mod stats;
pub(crate) mod structure;
pub(crate) mod summary;
pub(crate) mod syllables;
pub(crate) mod tokens;
