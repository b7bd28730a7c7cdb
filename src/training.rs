//! Internals that the training binaries (`src/bin/train-*.rs`) need. Not a stable API.
//!
//! Each function takes raw text and returns what a learner needs, computed by exactly the
//! code the analysis runs, so that trained weights match the features seen at analysis time.

/// The possible sentence boundaries of `text` that the boundary classifier decides, as
/// (byte offset where the sentence would end, score above which the analysis takes it for
/// a boundary, names of the features that fire).
pub fn sentence_boundary_examples(text: &str) -> Vec<(usize, f32, Vec<String>)> {
    crate::stages::sentences::training_examples(text)
}
