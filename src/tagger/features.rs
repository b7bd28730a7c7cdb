//! Word-level feature material shared by every tagger: hashing, normalised forms, affixes
//! and word shapes.
//!
//! Input: one word as it is written. Output: a [`Word`], a handful of 64-bit hashes (lower
//! case form, affixes, shape…) computed once per token, so that the per-position feature
//! templates of `pos.rs` and `ner.rs` only combine integers and never allocate.


/// A map keyed by hashes (word, phrase or feature hashes).
pub type HashedMap<V> = crate::hash::FastMap<u64, V>;
/// A set of hashes.
pub type HashedSet = crate::hash::FastSet<u64>;

/// Mixes two 64-bit values into one well-spread hash (a SplitMix64-style finaliser).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let mut x = a ^ b.rotate_left(25) ^ 0x9E37_79B9_7F4A_7C15;
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Hashes a sequence of characters (FNV-1a over the code points, then mixed).
pub fn hash_chars(chars: impl Iterator<Item = char>) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for c in chars {
        h = (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01B3);
    }
    mix(h, 0x51_7CC1_B727_220A)
}

/// Hashes a string as written.
pub fn hash_str(s: &str) -> u64 {
    hash_chars(s.chars())
}

/// The case-folded, quote-folded, digit-folded form of one character: what "the same word"
/// means to the taggers (`Don’t` and `don't` agree, `1996` and `2019` agree).
pub fn norm_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '`' | '\u{00B4}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => '-',
        c if c.is_ascii_digit() => '0',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// The hash of a word's normalised form: its [`Word::lower`], without the rest of
/// [`Word::new`]'s work. Word lists and gazetteers are keyed by it, and loading them hashes
/// tens of thousands of words. Kept out of line: inlined into each of its callers, it made
/// the .wasm 3 KB larger gzipped.
#[inline(never)]
pub fn lower_hash(word: &str) -> u64 {
    hash_chars(word.chars().map(norm_char))
}

/// The normalised form of a word as a string (used for gazetteers and word lists).
pub fn normalise(word: &str) -> String {
    word.chars().map(norm_char).collect()
}

/// One character's class in a word shape.
fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        norm_char(c)
    }
}

/// Bit flags describing a word's letters.
pub mod flag {
    pub const TITLE: u8 = 1; // first letter upper, some lower after
    pub const UPPER: u8 = 2; // has letters, all upper
    pub const LOWER: u8 = 4; // has letters, all lower
    pub const DIGIT: u8 = 8; // has a digit
    pub const HYPHEN: u8 = 16; // has a hyphen
    pub const ALNUM: u8 = 32; // has a letter or digit
}

/// The precomputed hashes of one word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Word {
    /// The word exactly as written.
    pub raw: u64,
    /// The normalised form (see [`norm_char`]).
    pub lower: u64,
    /// Normalised prefixes of 1..=4 characters; 0 when the word is shorter.
    pub prefix: [u64; 4],
    /// Normalised suffixes of 1..=4 characters; 0 when the word is shorter.
    pub suffix: [u64; 4],
    /// Shape with runs of one class collapsed: `Xx`, `d.d`, `X.X.`.
    pub shape: u64,
    /// Shape with runs capped at three: `Xxxx` for "Putin" and "Kim" alike is `Xxx`.
    pub long_shape: u64,
    /// [`flag`] bits.
    pub flags: u8,
    /// Length in characters, capped at 255.
    pub len: u8,
}

impl Word {
    pub fn new(text: &str) -> Word {
        let mut w = Word::casing(text);
        w.raw = hash_str(text);
        // Affixes: FNV over growing prefixes; suffixes from the reversed characters.
        let mut h: u64 = 0xCBF2_9CE4_8422_2325;
        for (k, c) in text.chars().map(norm_char).take(4).enumerate() {
            h = (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01B3);
            w.prefix[k] = mix(h, 1 + k as u64);
        }
        let mut h: u64 = 0xCBF2_9CE4_8422_2325;
        for (k, c) in text.chars().rev().map(norm_char).take(4).enumerate() {
            h = (h ^ c as u64).wrapping_mul(0x0000_0100_0000_01B3);
            w.suffix[k] = mix(h, 11 + k as u64);
        }
        let (mut short, mut long): (u64, u64) = (0xCBF2_9CE4_8422_2325, 0xCBF2_9CE4_8422_2325);
        let (mut last, mut run) = ('\0', 0usize);
        for c in text.chars() {
            let s = shape_char(c);
            run = if s == last { run + 1 } else { 1 };
            if run == 1 {
                short = (short ^ s as u64).wrapping_mul(0x0000_0100_0000_01B3);
            }
            if run <= 3 {
                long = (long ^ s as u64).wrapping_mul(0x0000_0100_0000_01B3);
            }
            last = s;
        }
        w.shape = mix(short, 21);
        w.long_shape = mix(long, 22);
        w
    }

    /// The part of [`Word::new`] that says how the word is written: its lowercase hash,
    /// length and [`flag`]s, without the affix and shape hashes (the other fields stay 0).
    /// Enough to read a document's casing, at a fraction of the cost.
    pub fn casing(text: &str) -> Word {
        let mut w = Word { lower: lower_hash(text), ..Word::default() };
        w.len = text.chars().count().min(255) as u8;
        let (mut upper, mut lower, mut first_upper) = (0usize, 0usize, false);
        for (i, c) in text.chars().enumerate() {
            if c.is_uppercase() {
                upper += 1;
                first_upper |= i == 0;
            } else if c.is_alphabetic() {
                lower += 1;
            }
            if c.is_numeric() {
                w.flags |= flag::DIGIT;
            }
            if c == '-' {
                w.flags |= flag::HYPHEN;
            }
            if c.is_alphanumeric() {
                w.flags |= flag::ALNUM;
            }
        }
        if first_upper && lower > 0 {
            w.flags |= flag::TITLE;
        }
        if upper > 0 && lower == 0 {
            w.flags |= flag::UPPER;
        }
        if lower > 0 && upper == 0 {
            w.flags |= flag::LOWER;
        }
        w
    }

    /// The three-letter suffix, or the whole word when it is shorter.
    pub fn suffix3(&self) -> u64 {
        if self.suffix[2] != 0 {
            self.suffix[2]
        } else {
            self.lower
        }
    }

    pub fn has(&self, f: u8) -> bool {
        self.flags & f != 0
    }
}

/// The hash of one feature: a template id and a value.
#[inline]
pub fn feature(template: u64, value: u64) -> u64 {
    mix(template.wrapping_mul(0x2545_F491_4F6C_DD1D), value)
}

/// Collects the feature hashes of one position; each feature is a template id mixed with
/// one or more values. Templates with a 0 value (an absent affix) are skipped.
pub struct Features {
    pub hashes: Vec<u64>,
}

impl Features {
    pub fn new() -> Features {
        Features { hashes: Vec::with_capacity(64) }
    }

    pub fn clear(&mut self) {
        self.hashes.clear();
    }

    #[inline]
    pub fn add(&mut self, template: u64, value: u64) {
        if value != 0 {
            self.hashes.push(feature(template, value));
        }
    }

    #[inline]
    pub fn add2(&mut self, template: u64, a: u64, b: u64) {
        self.add(template, mix(a, b));
    }

    /// Adds each template with the value at the same place in `values` (extra values are
    /// ignored).
    pub fn add_each(&mut self, templates: &[u64], values: impl IntoIterator<Item = u64>) {
        for (&template, value) in templates.iter().zip(values) {
            self.add(template, value);
        }
    }
}

impl Default for Features {
    fn default() -> Self {
        Features::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalised_forms_agree_and_differ() {
        let same = [("Don’t", "don't"), ("1996", "2019"), ("PUTIN", "putin"), ("Ünal", "ünal")];
        for (a, b) in same {
            assert_eq!(Word::new(a).lower, Word::new(b).lower, "{a} {b}");
        }
        let differ = [("Putin", "putin"), ("cat", "cats"), ("1996", "96")];
        for (a, b) in differ {
            assert_ne!(Word::new(a).raw, Word::new(b).raw, "{a} {b}");
        }
        assert_eq!(normalise("N’Djamena 1996"), "n'djamena 0000");
    }

    #[test]
    fn lower_hash_is_the_words_normalised_hash() {
        for w in ["Putin", "don’t", "1996", "Ünal", "", "U.S.", "Jong-Un", "漢字"] {
            assert_eq!(lower_hash(w), Word::new(w).lower, "{w}");
        }
        let differ = [("cat", "cats"), ("Putin", "Putn"), ("1996", "96")];
        for (a, b) in differ {
            assert_ne!(lower_hash(a), lower_hash(b), "{a} {b}");
        }
    }

    #[test]
    fn casing_is_the_words_case_part() {
        for text in ["Putin", "NATO", "said", "Jong-Un", "1,000.50", "U.S.", "é", "", "ΑΘΗΝΑ", "iPhone", "--"] {
            let (full, part) = (Word::new(text), Word::casing(text));
            assert_eq!((part.lower, part.len, part.flags), (full.lower, full.len, full.flags), "{text}");
            assert_eq!((part.raw, part.shape, part.prefix[0]), (0, 0, 0), "{text}");
        }
    }

    #[test]
    fn shapes_and_flags() {
        assert_eq!(Word::new("Putin").shape, Word::new("Kim").shape);
        assert_ne!(Word::new("Putin").shape, Word::new("putin").shape);
        assert_eq!(Word::new("U.S.").shape, Word::new("U.K.").shape);
        assert_ne!(Word::new("Putin").long_shape, Word::new("Kim").long_shape);
        let w = Word::new("Jong-Un");
        assert!(w.has(flag::TITLE) && w.has(flag::HYPHEN) && !w.has(flag::UPPER));
        assert!(Word::new("NATO").has(flag::UPPER));
        assert!(Word::new("1996").has(flag::DIGIT) && !Word::new("1996").has(flag::LOWER));
        assert!(!Word::new(",").has(flag::ALNUM));
    }

    #[test]
    fn affixes_exist_only_up_to_the_length() {
        let w = Word::new("ab");
        assert!(w.prefix[1] != 0 && w.prefix[2] == 0 && w.suffix[1] != 0 && w.suffix[3] == 0);
        assert_eq!(Word::new("walked").suffix[1], Word::new("talked").suffix[1]);
        assert_ne!(Word::new("walked").prefix[1], Word::new("talked").prefix[1]);
        assert_eq!(Word::new("").prefix, [0; 4]);
    }
}
