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
    first_best(scores.iter().copied().enumerate().filter(|&(t, _)| allowed(t)))
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
    // Forward: the best score of a path ending in each tag. Only the maxima are kept; the
    // backtrack finds the predecessor on the chosen path alone (t instead of t² work per
    // word), with the same first-best rule, so the path is the one full bookkeeping gives.
    let mut best = vec![0f32; n * t];
    for j in 0..t {
        best[j] = emissions[j] + transitions[j];
    }
    for i in 1..n {
        let (done, rest) = best.split_at_mut(i * t);
        let prev = &done[(i - 1) * t..];
        let row = &emissions[i * t..(i + 1) * t];
        for (j, (cur, &e)) in rest.iter_mut().zip(row).enumerate() {
            *cur = max_sum(prev, &into[j * t..(j + 1) * t]) + e;
        }
    }
    let mut out = vec![0usize; n];
    if n == 0 {
        return out;
    }
    let mut cur = first_best(best[(n - 1) * t..n * t].iter().copied().enumerate());
    for i in (1..n).rev() {
        out[i] = cur;
        let prev = &best[(i - 1) * t..i * t];
        let into_cur = &into[cur * t..(cur + 1) * t];
        cur = first_best(prev.iter().zip(into_cur).map(|(&b, &tr)| b + tr).enumerate());
    }
    out[0] = cur;
    out
}

/// The index of the first largest of the `(index, score)` pairs (0 when there are none).
fn first_best(scores: impl Iterator<Item = (usize, f32)>) -> usize {
    let mut best: Option<(usize, f32)> = None;
    for (t, s) in scores {
        if best.map_or(true, |(_, b)| s > b) {
            best = Some((t, s));
        }
    }
    best.map_or(0, |(t, _)| t)
}

/// The largest `a[k] + b[k]`, in eight independent lanes so that it compiles to vector code.
fn max_sum(a: &[f32], b: &[f32]) -> f32 {
    const LANES: usize = 8;
    let mut lanes = [f32::NEG_INFINITY; LANES];
    let (mut xs, mut ys) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    for (x, y) in (&mut xs).zip(&mut ys) {
        for k in 0..LANES {
            let s = x[k] + y[k];
            lanes[k] = if s > lanes[k] { s } else { lanes[k] };
        }
    }
    let tail = xs.remainder().iter().zip(ys.remainder()).map(|(x, y)| x + y);
    lanes.into_iter().chain(tail).fold(f32::NEG_INFINITY, |m, s| if s > m { s } else { m })
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
