//! Sequence decoding shared by training and tagging: the [`Scorer`] interface (float weights
//! while training, the quantised [`super::model::Model`] at run time) and first-order Viterbi.
//!
//! Input: per-position tag scores and a tag-to-tag transition table. Output: the best tag
//! sequence. Linear in the sequence length (times the square of the tag count).

/// Anything that scores tags from feature hashes.
pub trait Scorer {
    fn n_tags(&self) -> usize;
    /// Writes one score per tag for `features` into `scores` (overwriting it).
    fn score(&self, features: &[u64], scores: &mut [f32]);

    /// The best-scoring tag among those `allowed` accepts (the first such tag on ties).
    fn best(&self, features: &[u64], scores: &mut [f32], allowed: impl Fn(usize) -> bool) -> usize
    where
        Self: Sized,
    {
        self.score(features, scores);
        argmax(scores, allowed)
    }
}

/// The index of the best score among the tags `allowed` accepts (the first on ties; 0 when
/// none is allowed).
pub fn argmax(scores: &[f32], allowed: impl Fn(usize) -> bool) -> usize {
    let mut best: Option<(usize, f32)> = None;
    for (t, &s) in scores.iter().enumerate() {
        if allowed(t) && best.map_or(true, |(_, b)| s > b) {
            best = Some((t, s));
        }
    }
    best.map_or(0, |(t, _)| t)
}

/// The best tag sequence for `emissions` (`n * t` scores, position-major) under
/// `transitions` (`(t + 1) * t`: row 0 from the sentence start, row `p + 1` from tag `p`).
pub fn viterbi(emissions: &[f32], transitions: &[f32], t: usize) -> Vec<usize> {
    if t == 0 || emissions.len() < t || transitions.len() < (t + 1) * t {
        return Vec::new();
    }
    let n = emissions.len() / t;
    // Transitions into each tag, contiguous: `into[j * t + p]` from tag `p` to tag `j`.
    let mut into = vec![0f32; t * t];
    for j in 0..t {
        for p in 0..t {
            into[j * t + p] = transitions[(p + 1) * t + j];
        }
    }
    let mut best = vec![0f32; n * t];
    let mut back = vec![0usize; n * t];
    for j in 0..t {
        best[j] = emissions[j] + transitions[j];
    }
    for i in 1..n {
        let (done, rest) = best.split_at_mut(i * t);
        let prev = &done[(i - 1) * t..];
        let row = &emissions[i * t..(i + 1) * t];
        for (j, ((cur, from), &e)) in rest.iter_mut().zip(back[i * t..].iter_mut()).zip(row).enumerate() {
            let (mut arg, mut max) = (0, f32::NEG_INFINITY);
            for (p, (&b, &tr)) in prev.iter().zip(&into[j * t..(j + 1) * t]).enumerate() {
                if b + tr > max {
                    (arg, max) = (p, b + tr);
                }
            }
            *cur = max + e;
            *from = arg;
        }
    }
    let mut out = vec![0usize; n];
    if n == 0 {
        return out;
    }
    let last = &best[(n - 1) * t..n * t];
    let mut cur = (0..t).fold(0, |a, j| if last[j] > last[a] { j } else { a });
    for i in (0..n).rev() {
        out[i] = cur;
        cur = back[i * t + cur];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_transitions_over_greedy_choice() {
        // Two tags. Position 1 slightly prefers tag 0, but 1 → 0 is forbidden-ish.
        let emissions = [0.0, 5.0, 1.0, 0.9];
        let transitions = [0.0, 0.0, 0.0, 0.0, -10.0, 0.0];
        assert_eq!(viterbi(&emissions, &transitions, 2), vec![1, 1]);
        let free = [0.0; 6];
        assert_eq!(viterbi(&emissions, &free, 2), vec![1, 0]);
    }

    #[test]
    fn degenerate_inputs_give_empty_or_short_paths() {
        assert!(viterbi(&[], &[0.0; 6], 2).is_empty());
        assert!(viterbi(&[1.0, 2.0], &[0.0; 2], 2).is_empty());
        assert_eq!(viterbi(&[1.0, 2.0], &[0.0; 6], 2), vec![1]);
    }
}
