//! The one fast hasher every lookup table of the crate uses.
//!
//! Input: keys as bytes (words, phrases) or integers (word ids, feature hashes that are
//! already well spread). Output: a 64-bit hash. Each 8-byte chunk is mixed in by a rotate,
//! an xor and a multiplication by an odd constant (the scheme of rustc's FxHash): several
//! times faster than the standard SipHash on the short keys looked up for every word. The
//! keys come from the reader's own text, so hash flooding is not a concern here.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// See the module comment.
#[derive(Default, Clone, Copy, Debug)]
pub struct FastHasher(u64);

impl FastHasher {
    #[inline]
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.mix(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(last));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.mix(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.mix(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.mix(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.mix(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A `HashMap` hashed with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` hashed with [`FastHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn equal_keys_agree_and_near_keys_differ() {
        let b = BuildHasherDefault::<FastHasher>::default();
        assert_eq!(b.hash_one("putin"), b.hash_one(String::from("putin")));
        let words = ["a", "b", "ab", "ba", "abcdefgh", "abcdefghi", "abcdefgi", ""];
        let hashes: FastSet<u64> = words.iter().map(|w| b.hash_one(w)).collect();
        assert_eq!(hashes.len(), words.len());
        let mut map: FastMap<u64, usize> = FastMap::default();
        map.insert(7, 1);
        assert_eq!(map.get(&7), Some(&1));
    }
}
