//! A per-document memo of the part of the tag scores that depends on one word alone.
//!
//! A tagger's features at a position are of two kinds: those of one word of the window taken
//! alone, in a *role* (the word itself, or the word one or two places before or after: "the
//! previous word is *the*"), and those that combine things (word pairs, earlier tags, facts
//! about the document). The first kind is the same wherever the word occurs, so its score
//! sums are computed once per distinct word and role and then added as vectors: one table
//! lookup per word instead of one per feature. Sums are integers ([`Sums`]), so the result is
//! exactly what scoring every feature one by one gives.
//!
//! Input: a [`Model`], and for each new word a function writing its features in each role.
//! Output: an id per word ([`Memo::id`]) and the role sums of an id ([`Memo::add`]). Memory
//! is bounded: after [`CAPACITY`] distinct words, a new word's sums are kept only until the
//! next [`Memo::begin_sentence`].

use super::features::{Features, HashedMap};
use super::model::{Model, Sums};

/// Distinct words remembered per document (about 340 bytes each for five roles: 1.4 MB in
/// all). The words that repeat most come early in any text, so a larger memo gains little.
pub const CAPACITY: usize = 4_096;

/// The id of the sentence edge: the "word" before the first and after the last.
pub const EDGE: u32 = 0;

/// Where the words whose single-word features a position reads stand, relative to it: the
/// word itself, then one and two places before and after. A *role* is an index into this.
pub const WINDOW: [isize; 5] = [0, -1, 1, -2, 2];

pub struct Memo<'m> {
    model: &'m Model,
    /// Tags per sum vector.
    width: usize,
    ids: HashedMap<u32>,
    /// `[id][role][tag]`.
    sums: Vec<i32>,
    /// Length of `sums` holding remembered words; what follows belongs to the current sentence.
    kept: usize,
    features: Features,
}

impl<'m> Memo<'m> {
    /// A memo for the roles of [`WINDOW`], with the sentence edge's sums from `edge(role, out)`.
    pub fn new(model: &'m Model, edge: impl FnMut(usize, &mut Features)) -> Memo<'m> {
        let width = model.tags.len().min(64);
        let mut memo = Memo { model, width, ids: HashedMap::default(), sums: Vec::new(), kept: 0, features: Features::new() };
        memo.push(edge);
        memo.kept = memo.sums.len();
        memo
    }

    /// Forgets the words of the previous sentence that were past the capacity.
    pub fn begin_sentence(&mut self) {
        self.sums.truncate(self.kept);
    }

    /// The id of the word `key` (any hash that determines every feature `fill` writes),
    /// computing its sums with `fill(role, out)` when it is new.
    pub fn id(&mut self, key: u64, fill: impl FnMut(usize, &mut Features)) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.push(fill);
        if self.ids.len() < CAPACITY {
            self.ids.insert(key, id);
            self.kept = self.sums.len();
        }
        id
    }

    /// Appends the sums of one word, returning its id.
    fn push(&mut self, mut fill: impl FnMut(usize, &mut Features)) -> u32 {
        let id = (self.sums.len() / (WINDOW.len() * self.width).max(1)) as u32;
        for role in 0..WINDOW.len() {
            self.features.clear();
            fill(role, &mut self.features);
            let mut sums = [0; 64];
            self.model.accumulate(&self.features.hashes, &mut sums);
            self.sums.extend_from_slice(&sums[..self.width]);
        }
        id
    }

    /// Adds to `acc` the sums of the words around position `i` of a sentence whose words
    /// have the ids `ids`, each in its role (the edge beyond the sentence).
    pub fn add_window(&self, ids: &[u32], i: usize, acc: &mut Sums) {
        for (role, &d) in WINDOW.iter().enumerate() {
            let id = i.checked_add_signed(d).and_then(|j| ids.get(j)).copied().unwrap_or(EDGE);
            self.add(id, role, acc);
        }
    }

    /// Adds the sums of word `id` in `role` to `acc`.
    #[inline]
    fn add(&self, id: u32, role: usize, acc: &mut Sums) {
        let at = (id as usize * WINDOW.len() + role) * self.width;
        if let Some(row) = self.sums.get(at..at + self.width) {
            for (a, &s) in acc.iter_mut().zip(row) {
                *a += s;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::decode::Scorer;

    fn model() -> Model {
        let tags = vec!["A".to_string(), "B".to_string()];
        let weights: Vec<f32> = (0..2 * 256).map(|i| ((i * 7919) % 13) as f32 - 6.0).collect();
        Model::quantise(tags, 8, &weights, 0.0)
    }

    fn word_features(word: u64, role: usize, out: &mut Features) {
        out.add(10 + role as u64, word);
        out.add2(20 + role as u64, word, 3);
    }

    #[test]
    fn memo_sums_equal_direct_sums() {
        let m = model();
        let mut memo = Memo::new(&m, |role, out| word_features(999, role, out));
        for word in [5u64, 6, 5, 7] {
            let id = memo.id(word, |role, out| word_features(word, role, out));
            for role in 0..WINDOW.len() {
                let mut f = Features::new();
                word_features(word, role, &mut f);
                let mut direct = [0f32; 2];
                m.score(&f.hashes, &mut direct);
                let mut sums = [0; 64];
                memo.add(id, role, &mut sums);
                assert_eq!([sums[0] as f32, sums[1] as f32], direct, "{word} {role}");
            }
        }
        // A one-word sentence: the word in its own role, the edge in every other.
        let id = memo.id(5, |_, _| unreachable!("remembered"));
        let mut window = [0; 64];
        memo.add_window(&[id], 0, &mut window);
        let mut parts = [0; 64];
        memo.add(id, 0, &mut parts);
        (1..WINDOW.len()).for_each(|role| memo.add(EDGE, role, &mut parts));
        assert_eq!(window, parts);
        assert_eq!(memo.id(5, |_, _| unreachable!("remembered")), memo.id(5, |_, _| {}));
        assert_ne!(memo.id(5, |_, _| {}), EDGE);
    }

    #[test]
    fn words_past_the_capacity_last_one_sentence() {
        let m = model();
        let mut memo = Memo::new(&m, |_, _| {});
        for word in 0..CAPACITY as u64 {
            memo.id(word, |role, out| word_features(word, role, out));
        }
        let kept = memo.sums.len();
        let extra = memo.id(u64::MAX, |role, out| word_features(7, role, out));
        let mut sums = [0; 64];
        memo.add(extra, 0, &mut sums);
        assert_ne!(sums[..2], [0, 0]);
        memo.begin_sentence();
        assert_eq!(memo.sums.len(), kept);
    }
}
