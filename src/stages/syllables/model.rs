//! The learned part of the syllable counter: letter groups, their context features, and
//! weights saying how many syllables each group contributes.
//!
//! Input: a word part of lowercase ASCII letters and apostrophes (no hyphens, digits or other
//! scripts; `stages/syllables.rs` prepares it). It is cut into maximal groups of vowel letters
//! (a e i o u y) and of other characters. Each group contributes 0 to 3 syllables: mostly 1 for
//! a vowel group and 0 for a consonant group, but "ia" in "via" gives 2, the "e" of "make" 0,
//! the "sm" of "prism" 1. The contribution is the label with the highest summed weight over
//! the group's features (the group with up to three characters of context on each side, its
//! neighbouring groups, its place among the vowel groups). Output: the sum over the groups.
//!
//! The trainer (`src/bin/train-syllables.rs`) compiles this same file through `#[path]`, so
//! training and counting use identical features; it must not use anything else of the crate.

/// Contributions a group can have: 0, 1, 2 or 3 syllables (see [`Part::labels`]).
pub(crate) const LABELS: usize = 4;

/// Features that every vowel group, and every consonant group, has.
pub(crate) const VOWEL_BIAS: &str = "zV";
pub(crate) const CONSONANT_BIAS: &str = "zC";

/// Context windows `(left, right)` in characters around a group, one feature each.
const WINDOWS: [(usize, usize); 19] = [
    (4, 0),
    (0, 4),
    (4, 1),
    (1, 4),
    (0, 0),
    (1, 0),
    (0, 1),
    (1, 1),
    (2, 1),
    (1, 2),
    (2, 2),
    (3, 1),
    (1, 3),
    (3, 3),
    (0, 2),
    (0, 3),
    (2, 0),
    (2, 3),
    (3, 2),
];

/// Vowel letters; "y" is one too, since it is a vowel far more often than not ("rhythm", "my").
pub(crate) fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Splits the clitic "n't" off a part: it is a syllable of its own after a consonant or a
/// silent "e" ("did-n't", "would-n't", "have-n't", "are-n't") and none after another vowel
/// ("don't", "can't", "won't", "ain't"). Too few dictionary words end in it for the model to
/// learn this, so it is a rule, used by the counter and the trainer alike. Returns the stem
/// and the clitic's syllables.
pub(crate) fn split_not(part: &[u8]) -> (&[u8], usize) {
    match part.strip_suffix(b"n't") {
        Some(stem) if !stem.is_empty() => (stem, usize::from(stem.last().is_some_and(|&b| b == b'e' || !is_vowel(b)))),
        _ => (part, 0),
    }
}

/// A word part cut into groups, ready for feature extraction.
pub(crate) struct Part {
    /// The part between `^` and `$` edge marks.
    padded: Vec<u8>,
    /// Maximal runs of vowels and of non-vowels, as `(start, end)` ranges into `padded`.
    groups: Vec<(usize, usize)>,
}

impl Part {
    pub(crate) fn new(part: &[u8]) -> Part {
        let mut padded = Vec::with_capacity(part.len() + 2);
        padded.push(b'^');
        padded.extend_from_slice(part);
        padded.push(b'$');
        let mut groups: Vec<(usize, usize)> = Vec::with_capacity(part.len());
        for (i, &b) in part.iter().enumerate() {
            let i = i + 1;
            match groups.last_mut() {
                Some(last) if padded.get(last.0).is_some_and(|&first| is_vowel(first) == is_vowel(b)) => last.1 = i + 1,
                _ => groups.push((i, i + 1)),
            }
        }
        Part { padded, groups }
    }

    pub(crate) fn groups(&self) -> usize {
        self.groups.len()
    }

    /// How many labels group `g` may take: 0–3 syllables for a vowel group, 0 or 1 for a
    /// consonant group (the "sm" of "prism", the "'s" of "James's").
    pub(crate) fn labels(&self, g: usize) -> usize {
        if self.is_vowel_group(g) {
            LABELS
        } else {
            2
        }
    }

    fn is_vowel_group(&self, g: usize) -> bool {
        self.groups.get(g).and_then(|&(s, _)| self.padded.get(s)).copied().is_some_and(is_vowel)
    }

    /// Calls `emit` with each feature of group `g`. A feature is a short string: a template
    /// letter, the left context, the group in capitals, the right context, maybe a suffix;
    /// `^` and `$` mark the word's edges. (The trainer writes these names; the counter
    /// looks features up by [`Part::for_each_key`].)
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn for_each_feature(&self, g: usize, emit: &mut impl FnMut(&str)) {
        let mut buf = String::new();
        self.visit(g, &mut |pieces| {
            buf.clear();
            for (k, piece) in pieces.iter().enumerate() {
                buf.extend(piece.iter().map(|&b| char::from(if k == GROUP { b.to_ascii_uppercase() } else { b })));
            }
            emit(&buf);
        });
    }

    /// Calls `emit` with the [`key`] of each feature of group `g`, as [`Part::for_each_feature`]
    /// would name it, without building the names.
    pub(crate) fn for_each_key(&self, g: usize, emit: &mut impl FnMut(u64)) {
        let fold = |h: u64, bytes: &[u8]| bytes.iter().fold(h, |h, &b| key_step(h, b));
        let fold_upper = |h: u64, bytes: &[u8]| bytes.iter().fold(h, |h, &b| key_step(h, b.to_ascii_uppercase()));
        self.visit(g, &mut |[tag, left, group, right, extra]| {
            emit(fold(fold(fold_upper(fold(fold(KEY_START, tag), left), group), right), extra));
        });
    }

    /// Calls `sink` with the pieces of each feature of group `g`: template letter, left
    /// context, the group (to be written in capitals: index [`GROUP`]), right context, suffix.
    fn visit(&self, g: usize, sink: &mut impl FnMut([&[u8]; 5])) {
        let Some(&(start, end)) = self.groups.get(g) else { return };
        let bias = if self.is_vowel_group(g) { VOWEL_BIAS } else { CONSONANT_BIAS }.as_bytes();
        sink([&bias[..1], &[], &[], &[], &bias[1..]]);
        let padded = &self.padded[..];
        let slice = |from: usize, to: usize| padded.get(from.min(padded.len())..to.min(padded.len())).unwrap_or(&[]);
        let mut push = |tag: &[u8], left: usize, right: usize, extra: &[u8]| {
            sink([tag, slice(start.saturating_sub(left), start), slice(start, end), slice(end, end + right), extra]);
        };
        const LETTERS: &[u8; 19] = b"abcdefghijklmnopqrs";
        for (k, &(left, right)) in WINDOWS.iter().enumerate() {
            push(&LETTERS[k..k + 1], left, right, b"");
        }
        // Place among the vowel groups: how many there are (up to 4) and how many follow (up to 3).
        // Groups alternate between vowels and other characters, so both are halves.
        let n = self.groups.len();
        let vowel_groups = |from: usize| (n - from + usize::from(self.is_vowel_group(from))) / 2;
        let total = vowel_groups(0).min(4) as u8;
        let after = vowel_groups(g + 1).min(3) as u8;
        let place = [b'0' + total, b'0' + after];
        push(b"P", 0, 0, &place);
        push(b"Q", 1, 1, &place);
        // The whole neighbouring groups on both sides (or the edge mark when there is none).
        let len_of = |i: Option<usize>| i.and_then(|i| self.groups.get(i)).map_or(1, |&(s, e)| e - s);
        push(b"N", len_of(g.checked_sub(1)), len_of(Some(g + 1)), b"");
    }
}

/// Index of the group itself among a feature's pieces (see [`Part::visit`]).
const GROUP: usize = 2;

/// FNV-1a over the bytes of a feature name: the key the model stores a feature under.
const KEY_START: u64 = 0xCBF2_9CE4_8422_2325;

fn key_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
}

/// The key of a feature name.
pub(crate) fn key(name: &str) -> u64 {
    name.bytes().fold(KEY_START, key_step)
}

/// Learned weights: for each known feature, one integer per label, in a hash table keyed by
/// [`key`] whose buckets are cache lines of [`SLOTS`] features: a lookup reads one line (a
/// general hash map read a control group and then a 24-byte entry elsewhere). The few
/// features of a full bucket go to `overflow`, sorted by key.
pub(crate) struct Model {
    /// A Bloom filter of the keys, two bits per key in one word of [`FILTER_WORDS`]: about
    /// three features in four that are looked up are not in the model, and this small array,
    /// which stays in the fastest caches, rules out most of them without reading the table.
    filter: Vec<u64>,
    buckets: Vec<Bucket>,
    /// Right shift taking a key's scrambled bits to a bucket index.
    shift: u32,
    overflow: Vec<(u64, [i16; 3])>,
}

/// Features per bucket.
const SLOTS: usize = 4;

/// Up to [`SLOTS`] features: their keys and weights of labels 0, 2 and 3 (label 1 weighs 0).
#[derive(Clone, Copy, Default)]
#[repr(C, align(64))]
struct Bucket {
    keys: [u64; SLOTS],
    weights: [[i16; 3]; SLOTS],
    /// Slots in use, from the first.
    len: u8,
    /// Some feature of this bucket went to [`Model::overflow`].
    spilled: bool,
}

/// Features of a group: one per window, the bias, two of place and one of neighbours.
const FEATURES: usize = WINDOWS.len() + 4;

/// Words of [`Model::filter`] (16 KB), a power of two.
const FILTER_WORDS: usize = 2048;

/// The word of [`Model::filter`] for `key`, and the key's two bits in it, from the top bits
/// of the key times an odd constant (another than [`Model::bucket`]'s).
fn filter_bits(key: u64) -> (usize, u64) {
    let h = key.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    let word = (h >> (64 - FILTER_WORDS.trailing_zeros())) as usize;
    (word, 1 << ((h >> 40) & 63) | 1 << ((h >> 46) & 63))
}

/// Features per bucket on average when the table is smallest.
const BUCKET_LOAD: usize = 2;

impl Model {
    /// Reads `feature TAB w0 TAB w2 TAB w3` lines (the weight of label 1 is always 0: only
    /// differences between labels matter); `#` lines are comments. Malformed lines, and
    /// weights beyond ±32767, are skipped (a unit test checks that the shipped file has none).
    /// A later line for a feature replaces an earlier one.
    pub(crate) fn parse(text: &str) -> Model {
        let mut entries: Vec<(u64, [i16; 3])> = text
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let feature = fields.next()?;
                let mut w = [0; 3];
                for x in &mut w {
                    *x = fields.next()?.parse().ok()?;
                }
                fields.next().is_none().then(|| (key(feature), w))
            })
            .collect();
        // Keep the last line of each key (a stable sort keeps the file order within a key).
        entries.reverse();
        entries.sort_by_key(|e| e.0);
        entries.dedup_by_key(|e| e.0);
        let bits = entries.len().div_ceil(BUCKET_LOAD).next_power_of_two().trailing_zeros().max(1);
        let mut model = Model { filter: vec![0; FILTER_WORDS], buckets: vec![Bucket::default(); 1 << bits], shift: 64 - bits, overflow: Vec::new() };
        for (key, weights) in entries {
            let (word, mask) = filter_bits(key);
            if let Some(w) = model.filter.get_mut(word) {
                *w |= mask;
            }
            let i = model.bucket(key);
            let Some(b) = model.buckets.get_mut(i) else { continue };
            match (b.keys.get_mut(usize::from(b.len)), b.weights.get_mut(usize::from(b.len))) {
                (Some(k), Some(w)) => {
                    (*k, *w) = (key, weights);
                    b.len += 1;
                }
                _ => {
                    b.spilled = true;
                    model.overflow.push((key, weights));
                }
            }
        }
        model.overflow.sort_unstable_by_key(|e| e.0);
        model
    }

    fn bucket(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// The weights of labels 0, 2 and 3 of the feature with `key`; zeros if the model does
    /// not have it. The filter answers for most features it lacks.
    fn get(&self, key: u64) -> [i16; 3] {
        let (word, mask) = filter_bits(key);
        if self.filter.get(word).is_none_or(|&w| w & mask != mask) {
            return [0; 3];
        }
        let Some(b) = self.buckets.get(self.bucket(key)) else { return [0; 3] };
        let mut w = [0; 3];
        let mut found = false;
        for (i, (&k, ws)) in b.keys.iter().zip(&b.weights).enumerate() {
            let hit = k == key && i < usize::from(b.len);
            found |= hit;
            for (x, &y) in w.iter_mut().zip(ws) {
                *x |= y & -i16::from(hit);
            }
        }
        if b.spilled && !found {
            if let Ok(i) = self.overflow.binary_search_by_key(&key, |e| e.0) {
                w = self.overflow.get(i).map_or([0; 3], |e| e.1);
            }
        }
        w
    }

    /// The number of syllables of `part` (lowercase ASCII letters and apostrophes).
    pub(crate) fn count(&self, part: &[u8]) -> usize {
        let (stem, clitic) = split_not(part);
        let part = Part::new(stem);
        let mut keys = [0u64; FEATURES];
        clitic + (0..part.groups())
            .map(|g| {
                // All keys first, then all lookups: the lookups do not wait on each other.
                let mut n = 0;
                part.for_each_key(g, &mut |k| {
                    if let Some(slot) = keys.get_mut(n) {
                        *slot = k;
                        n += 1;
                    }
                });
                let mut score = [0i32; LABELS];
                for &k in keys.iter().take(n) {
                    for (s, x) in [0, 2, 3].into_iter().zip(self.get(k)) {
                        score[s] += i32::from(x);
                    }
                }
                (0..part.labels(g)).fold(0, |b, l| if score[l] > score[b] { l } else { b })
            })
            .sum::<usize>()
    }

    /// The number of features the model knows.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.buckets.iter().map(|b| usize::from(b.len)).sum::<usize>() + self.overflow.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_keys_of_the_feature_names() {
        for word in ["rhythm", "via", "make", "prism", "a", "queueing", "don't"] {
            let part = Part::new(word.as_bytes());
            for g in 0..part.groups() {
                let (mut names, mut keys) = (Vec::new(), Vec::new());
                part.for_each_feature(g, &mut |f| names.push(key(f)));
                part.for_each_key(g, &mut |k| keys.push(k));
                assert_eq!(names, keys, "{word} group {g}");
                assert_eq!(names.len(), WINDOWS.len() + 4);
            }
        }
    }

    #[test]
    fn shipped_weights_parse_completely() {
        let text = include_str!("../../models/syllables.tsv");
        let lines = text.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).count();
        assert!(lines > 1000);
        assert_eq!(Model::parse(text).len(), lines);
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let model = Model::parse("# comment\nzV\t1\t2\t3\nbad\t1\nworse\t1\t2\t3\t4\nnan\tx\t1\t2\n");
        assert_eq!(model.len(), 1);
        assert_eq!(model.get(key("zV")), [1, 2, 3]);
        assert_eq!(model.get(key("bad")), [0; 3]);
    }

    #[test]
    fn every_feature_is_found_also_in_full_buckets() {
        let text: String = (0..1000).map(|i| format!("f{i}\t{i}\t-{i}\t1\n")).collect();
        let model = Model::parse(&text);
        assert!(!model.overflow.is_empty(), "some bucket overflows");
        for i in 0..1000i16 {
            assert_eq!(model.get(key(&format!("f{i}"))), [i, -i, 1]);
        }
        for missing in ["f1000", "f-1", "", "zV"] {
            assert_eq!(model.get(key(missing)), [0; 3], "{missing}");
        }
        let model = Model::parse("zV\t1\t2\t3\nzC\t0\t0\t1\nzV\t4\t5\t6\n");
        assert_eq!((model.len(), model.get(key("zV"))), (2, [4, 5, 6]), "the last line wins");
    }

    #[test]
    fn groups_alternate_vowels_and_consonants() {
        let part = Part::new(b"strength's");
        assert_eq!(part.groups(), 3);
        assert_eq!((part.labels(0), part.labels(1), part.labels(2)), (2, LABELS, 2));
        let mut features = Vec::new();
        part.for_each_feature(1, &mut |f| features.push(f.to_string()));
        for want in [VOWEL_BIAS, "eE", "frE", "a^strE", "drEngth", "PE10", "QrEn10", "NstrEngth's"] {
            assert!(features.iter().any(|f| f == want), "{want} not in {features:?}");
        }
    }

    #[test]
    fn not_is_a_syllable_after_a_consonant_only() {
        assert_eq!(split_not(b"didn't"), (&b"did"[..], 1));
        assert_eq!(split_not(b"don't"), (&b"do"[..], 0));
        assert_eq!(split_not(b"can't"), (&b"ca"[..], 0));
        assert_eq!(split_not(b"haven't"), (&b"have"[..], 1));
        assert_eq!(split_not(b"n't"), (&b"n't"[..], 0));
        assert_eq!(split_not(b"dont"), (&b"dont"[..], 0));
    }
}
