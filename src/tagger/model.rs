//! A trained linear tagging model in its compact form, and greedy decoding with it.
//!
//! Input: the bytes of a model file (`src/models/*.model`) or a freshly trained weight
//! table. Output: per-position tag scores, and greedy left-to-right tag sequences.
//!
//! Features are hashed into `2^bits` buckets; each bucket holds one `i8` weight per tag
//! (weights quantised on a logarithmic scale, near-zero weights pruned to 0).
//!
//! File format: UTF-8 comment lines starting with `#` (source, licence, command), one
//! empty line, then the binary body:
//! `b"APT1"`, `bits: u8`, `tag count: u8`, the tag names each as `len: u8` + bytes,
//! `scale: f32` (little endian), then for each non-empty bucket in ascending order a
//! record `skip: varint` (empty buckets since the previous record), `mask: varint` (one
//! bit per tag with a non-zero weight), and one `i8` per set bit.

use super::decode::Scorer;
use std::fmt;

const MAGIC: &[u8; 4] = b"APT1";

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub &'static str);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad model file: {}", self.0)
    }
}

/// A quantised model ready for scoring. Weights are stored sparsely: most buckets are empty
/// (unseen features) and most others hold a weight for only a few tags. An occupancy bitmap,
/// in blocks of 64 buckets each with the rank of its first occupied bucket, maps a bucket to
/// its rank among the occupied ones; `entries[starts[r]..starts[r + 1]]` are the
/// `(tag, code)` pairs of the occupied bucket of rank `r`. An empty bucket costs one lookup
/// in a small table that stays in cache.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub tags: Vec<String>,
    bits: u8,
    blocks: Vec<Block>,
    starts: Vec<u32>,
    entries: Vec<(u8, i8)>,
    pub scale: f32,
    /// Decoded weight of each `i8` code (indexed by the code as `u8`).
    table: [i32; 256],
}

/// Score sums, one per tag (tags index it masked by 63, so without bounds checks). They are
/// integers so that a sum does not depend on the order of its terms: scores summed in parts
/// (see `memo`) equal scores summed feature by feature.
pub type Sums = [i32; 64];

/// 64 buckets: which are occupied, and the rank of the first occupied one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Block {
    occupied: u64,
    rank: u32,
}

/// The decoded value of the largest weight; scores are sums of such integers. (The smallest
/// level decodes to about 181, so rounding to integers costs under 0.3 % of any weight; a sum
/// of 500 largest weights still fits an `i32`.)
const DECODE_UNIT: f32 = 4_194_304.0;
/// Quantisation levels on each side of zero (codes outside ±LEVELS decode as 0).
const LEVELS: i8 = 31;
/// Levels per octave.
const STEPS: f32 = 2.0;

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, ModelError> {
        let b = *self.bytes.get(self.pos).ok_or(ModelError("truncated"))?;
        self.pos += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError("truncated"))?;
        let s = self.bytes.get(self.pos..end).ok_or(ModelError("truncated"))?;
        self.pos = end;
        Ok(s)
    }

    fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7F) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError("varint too long"))
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Skips the `#` comment lines and the empty line that ends them.
fn body(bytes: &[u8]) -> Result<&[u8], ModelError> {
    let mut rest = bytes;
    while rest.first() == Some(&b'#') {
        let nl = rest.iter().position(|&b| b == b'\n').ok_or(ModelError("unterminated header"))?;
        rest = &rest[nl + 1..];
    }
    rest.strip_prefix(b"\n").ok_or(ModelError("no empty line after the header"))
}

impl Model {
    /// Builds a model from float weights laid out as `[bucket][tag]`.
    ///
    /// Quantisation is logarithmic, in half-octave steps below the largest magnitude `max`:
    /// level `q` in `1..=LEVELS` stands for `max * 2^((q - LEVELS) / 2)`, so both the few huge
    /// weights and the many small ones keep their relative precision (±19 %). Weights whose
    /// magnitude is below `prune` (in the trainer's units) or below the lowest level become 0.
    pub fn quantise(tags: Vec<String>, bits: u8, weights: &[f32], prune: f32) -> Model {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max } else { 1.0 };
        let code = |w: f32| {
            let q = LEVELS as f32 + (STEPS * (w.abs() / scale).log2()).round();
            if w == 0.0 || w.abs() < prune || q < 1.0 {
                0
            } else {
                q.min(LEVELS as f32) as i8 * if w < 0.0 { -1 } else { 1 }
            }
        };
        let mut model = Model::empty(tags, bits, scale);
        let n = model.tags.len();
        for (bucket, row) in weights.chunks(n.max(1)).take(1 << bits).enumerate() {
            model.push_row(bucket, row.iter().enumerate().filter_map(|(t, &w)| Some((t as u8, code(w))).filter(|e| e.1 != 0)));
        }
        model
    }

    /// Appends the entries of `bucket`, which must come after every bucket pushed so far
    /// (buckets beyond the table are ignored); nothing is stored for an empty row.
    fn push_row(&mut self, bucket: usize, row: impl Iterator<Item = (u8, i8)>) {
        let before = self.entries.len();
        self.entries.extend(row);
        let Some(block) = self.blocks.get_mut(bucket / 64).filter(|_| self.entries.len() > before) else {
            self.entries.truncate(before);
            return;
        };
        if block.occupied == 0 {
            block.rank = self.starts.len() as u32 - 1;
        }
        block.occupied |= 1 << (bucket % 64);
        self.starts.push(self.entries.len() as u32);
    }

    /// A model without weights.
    fn empty(tags: Vec<String>, bits: u8, scale: f32) -> Model {
        let blocks = vec![Block::default(); (1usize << bits).div_ceil(64)];
        let mut model = Model { tags, bits, blocks, starts: vec![0], entries: Vec::new(), scale, table: [0; 256] };
        model.fill_table();
        model
    }

    /// The decoded value of every `i8` code, in units of `max / DECODE_UNIT`, rounded to an
    /// integer (so sums do not depend on the platform or the order of addition).
    fn fill_table(&mut self) {
        for q in -LEVELS..=LEVELS {
            let v = if q == 0 { 0.0 } else { DECODE_UNIT * (f32::from(q.abs() - LEVELS) / STEPS).exp2() };
            self.table[usize::from(q as u8)] = v.round() as i32 * i32::from(q.signum());
        }
    }

    /// Number of non-zero weights.
    pub fn non_zero(&self) -> usize {
        self.entries.len()
    }

    /// Reads a model file (header comments + binary body).
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes: body(bytes)?, pos: 0 };
        if r.take(4)? != MAGIC {
            return Err(ModelError("wrong magic"));
        }
        let bits = r.byte()?;
        let n_tags = usize::from(r.byte()?);
        if !(1..=30).contains(&bits) || n_tags == 0 || n_tags > 64 {
            return Err(ModelError("bad dimensions"));
        }
        let mut tags = Vec::with_capacity(n_tags);
        for _ in 0..n_tags {
            let len = usize::from(r.byte()?);
            let name = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError("tag not UTF-8"))?;
            tags.push(name.to_string());
        }
        let scale_bytes: [u8; 4] = r.take(4)?.try_into().map_err(|_| ModelError("truncated"))?;
        let scale = f32::from_le_bytes(scale_bytes);
        let buckets = 1usize << bits;
        let mut model = Model::empty(tags, bits, scale);
        let mut next = 0usize;
        let mut row = Vec::with_capacity(n_tags);
        while r.pos < r.bytes.len() {
            let skip = usize::try_from(r.varint()?).map_err(|_| ModelError("bad skip"))?;
            let bucket = next.checked_add(skip).filter(|&b| b < buckets).ok_or(ModelError("bucket out of range"))?;
            let mask = r.varint()?;
            if n_tags < 64 && mask >> n_tags != 0 {
                return Err(ModelError("mask names a missing tag"));
            }
            row.clear();
            for t in (0..n_tags).filter(|t| mask >> t & 1 == 1) {
                row.push((t as u8, r.byte()? as i8));
            }
            model.push_row(bucket, row.iter().copied());
            next = bucket + 1;
        }
        Ok(model)
    }

    /// Writes the model file: `header` (each line gets a `# ` prefix), an empty line, the body.
    pub fn to_bytes(&self, header: &str) -> Vec<u8> {
        let mut out = Vec::new();
        for line in header.lines() {
            out.extend_from_slice(format!("# {line}").trim_end().as_bytes());
            out.push(b'\n');
        }
        out.push(b'\n');
        out.extend_from_slice(MAGIC);
        out.push(self.bits);
        out.push(self.tags.len() as u8);
        for t in &self.tags {
            out.push(t.len() as u8);
            out.extend_from_slice(t.as_bytes());
        }
        out.extend_from_slice(&self.scale.to_le_bytes());
        let mut skip = 0u64;
        for b in 0..1usize << self.bits {
            let row = self.row(b);
            if row.is_empty() {
                skip += 1;
                continue;
            }
            put_varint(&mut out, skip);
            put_varint(&mut out, row.iter().fold(0u64, |m, &(t, _)| m | 1 << t));
            out.extend(row.iter().map(|&(_, q)| q as u8));
            skip = 0;
        }
        out
    }

    /// The `(tag, code)` pairs of one bucket.
    #[inline]
    fn row(&self, bucket: usize) -> &[(u8, i8)] {
        let Some(block) = self.blocks.get(bucket / 64) else { return &[] };
        let bit = 1u64 << (bucket % 64);
        if block.occupied & bit == 0 {
            return &[];
        }
        let r = block.rank as usize + (block.occupied & (bit - 1)).count_ones() as usize;
        match (self.starts.get(r), self.starts.get(r + 1)) {
            (Some(&a), Some(&b)) => self.entries.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Adds the decoded weights of `features` to `sums`.
    pub fn accumulate(&self, features: &[u64], sums: &mut Sums) {
        // Look up all the rows first, so that their memory loads overlap.
        let mut rows: [&[(u8, i8)]; 32] = [&[]; 32];
        for chunk in features.chunks(32) {
            for (row, &f) in rows.iter_mut().zip(chunk) {
                *row = self.row(bucket_of(f, self.bits));
            }
            for &(t, q) in rows.iter().take(chunk.len()).flat_map(|r| r.iter()) {
                sums[usize::from(t) & 63] += self.table[usize::from(q as u8)];
            }
        }
    }
}


/// Writes integer score sums as the float scores decoding works with.
pub fn to_scores(sums: &Sums, scores: &mut [f32]) {
    for (s, &a) in scores.iter_mut().zip(sums) {
        *s = a as f32;
    }
}

impl Scorer for Model {
    fn n_tags(&self) -> usize {
        self.tags.len()
    }

    /// Sums the decoded weights of `features` (one score per tag).
    fn score(&self, features: &[u64], scores: &mut [f32]) {
        let mut sums = [0; 64];
        self.accumulate(features, &mut sums);
        to_scores(&sums, scores);
    }
}

/// The bucket of a feature hash for a table of `2^bits` buckets (shared with training).
#[inline]
pub fn bucket_of(feature: u64, bits: u8) -> usize {
    (feature >> (64 - u32::from(bits))) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Model {
        let tags = vec!["A".to_string(), "B".to_string(), "C".to_string()];
        let mut w = vec![0f32; 16 * 3];
        w[3] = 2.0; // bucket 1, tag A
        w[5] = -1.0; // bucket 1, tag C
        w[45] = 0.01; // bucket 15, tag A: pruned
        w[47] = 1.0; // bucket 15, tag C
        Model::quantise(tags, 4, &w, 0.05)
    }

    #[test]
    fn round_trips_through_bytes() {
        let m = small();
        let bytes = m.to_bytes("test model\nsecond line");
        assert!(bytes.starts_with(b"# test model\n# second line\n\nAPT1"));
        assert_eq!(Model::from_bytes(&bytes), Ok(m.clone()));
        assert_eq!(m.non_zero(), 3);
    }

    #[test]
    fn scores_and_best_follow_the_buckets() {
        let m = small();
        let f1 = 1u64 << 60; // bucket 1
        let f15 = 15u64 << 60; // bucket 15
        let mut s = [0.0; 3];
        m.score(&[f1, f15], &mut s);
        assert_eq!(s, [DECODE_UNIT, 0.0, 0.0]);
        let mut sums = [0; 64];
        m.accumulate(&[f15, f1, f15], &mut sums);
        assert_eq!(sums[..3], [DECODE_UNIT as i32, 0, DECODE_UNIT as i32 / 2]);
        assert_eq!(m.best(&[f15], &mut s, |_| true), 2);
        assert_eq!(m.best(&[f15], &mut s, |t| t != 2), 0);
        assert_eq!(bucket_of(f15, 4), 15);
    }

    #[test]
    fn broken_files_are_errors_not_panics() {
        let good = small().to_bytes("x");
        let cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"# only a header".to_vec(),
            b"# x\n\nAPT2".to_vec(),
            good[..good.len() - 1].to_vec(),
            [&good[..], &[0xFF, 0xFF, 0x01]].concat(),
        ];
        for bytes in cases {
            assert!(Model::from_bytes(&bytes).is_err(), "{bytes:?}");
        }
    }
}
