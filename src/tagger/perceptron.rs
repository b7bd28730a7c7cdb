//! Training an averaged perceptron over hashed features (native builds only; used by
//! `src/bin/train-tagger.rs`).
//!
//! Input: for each position, its feature hashes, the gold tag and the tag the current
//! weights predict. Output: averaged float weights, turned into a compact [`Model`] by
//! [`Perceptron::finish`]. Averaging uses the "sum of timestamped updates" identity
//! `avg = w - u / c`, so an update costs O(features) and nothing is touched per step.

use super::decode::Scorer;
use super::model::{bucket_of, Model};

/// A small deterministic random generator (SplitMix64) for seeded shuffling.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// The weights being learned.
pub struct Perceptron {
    pub tags: Vec<String>,
    bits: u8,
    w: Vec<f32>,
    /// Sum of `step * delta` per weight.
    u: Vec<f64>,
    /// Number of positions seen so far.
    step: u64,
}

impl Perceptron {
    pub fn new(tags: Vec<String>, bits: u8) -> Perceptron {
        let size = (1usize << bits) * tags.len();
        Perceptron { tags, bits, w: vec![0.0; size], u: vec![0.0; size], step: 1 }
    }

    fn n(&self) -> usize {
        self.tags.len()
    }


    /// Rewards `gold` and penalises `guess` on every feature, then advances one step.
    pub fn update(&mut self, features: &[u64], gold: usize, guess: usize) {
        if gold != guess {
            self.add(features, gold, 1.0);
            self.add(features, guess, -1.0);
        }
        self.tick();
    }

    /// Adds `delta` to the weight of `tag` on every feature.
    pub fn add(&mut self, features: &[u64], tag: usize, delta: f32) {
        let n = self.n();
        let c = self.step as f64 * f64::from(delta);
        for &f in features {
            let at = bucket_of(f, self.bits) * n + tag;
            self.w[at] += delta;
            self.u[at] += c;
        }
    }

    /// Advances the averaging clock by one example.
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// The averaged weights, `[bucket][tag]`.
    pub fn averaged(&self) -> Vec<f32> {
        let c = self.step as f64;
        self.w.iter().zip(&self.u).map(|(&w, &u)| (f64::from(w) - u / c) as f32).collect()
    }

    /// The averaged weights, quantised and pruned.
    pub fn finish(&self, prune: f32) -> Model {
        Model::quantise(self.tags.clone(), self.bits, &self.averaged(), prune)
    }
}

impl Scorer for Perceptron {
    fn n_tags(&self) -> usize {
        self.n()
    }

    /// Current (not averaged) scores, one per tag.
    fn score(&self, features: &[u64], scores: &mut [f32]) {
        let n = self.n();
        scores.iter_mut().for_each(|s| *s = 0.0);
        for &f in features {
            let at = bucket_of(f, self.bits) * n;
            for (s, w) in scores.iter_mut().zip(&self.w[at..at + n]) {
                *s += w;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_toy_problem() {
        // Tag 1 with feature A, tag 0 with feature B; feature C is noise.
        let (a, b, c) = (1u64 << 62, 2u64 << 62, 3u64 << 62);
        let data = [(vec![a, c], 1), (vec![b, c], 0), (vec![a], 1), (vec![b], 0)];
        let mut p = Perceptron::new(vec!["no".into(), "yes".into()], 2);
        let mut scores = [0f32; 2];
        for _ in 0..10 {
            for (f, gold) in &data {
                let guess = p.best(f, &mut scores, |_| true);
                p.update(f, *gold, guess);
            }
        }
        let m = p.finish(0.0);
        let mut s = [0f32; 2];
        for (f, gold) in &data {
            assert_eq!(m.best(f, &mut s, |_| true), *gold, "{f:?}");
        }
    }

    #[test]
    fn shuffle_is_seeded() {
        let mut x: Vec<u32> = (0..20).collect();
        let mut y = x.clone();
        Rng(7).shuffle(&mut x);
        Rng(7).shuffle(&mut y);
        assert_eq!(x, y);
        let mut z: Vec<u32> = (0..20).collect();
        Rng(8).shuffle(&mut z);
        assert_ne!(x, z);
    }
}
