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

/// A small seeded generator (xorshift64) for the shuffles of the logistic-regression trainers
/// (`train-hedges`, `train-quote-cues`): the same order on every run.
pub struct XorShift(pub u64);

impl XorShift {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// The logistic function.
pub fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}
