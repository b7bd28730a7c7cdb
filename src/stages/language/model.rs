//! The language-identification model: `src/models/langid.bin`, made by
//! `scripts/train_langid.py` (whose docstring gives the method and the byte layout), parsed
//! once on first use.
//!
//! Input: the embedded bytes. Output: a [`Model`] that tells the script of a character, the
//! languages written in each script, and, for scripts shared by several languages, the
//! integer weights of character n-grams ([`Table::add`]) to sum per language.

use std::sync::OnceLock;

const BYTES: &[u8] = include_bytes!("../../models/langid.bin");

/// Script index the model gives to combining marks, which join the word they follow.
const MARK: u8 = 255;

/// What a character is to the identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CharClass {
    /// A letter of the script with this index into [`Model::scripts`].
    Letter(usize),
    /// A combining mark.
    Mark,
    /// Anything else: it separates words.
    Other,
}

/// A writing system and the languages the model knows in it.
#[derive(Debug)]
pub(crate) struct Script {
    /// How much one letter counts when choosing the script of a text.
    pub weight: u32,
    /// ISO 639-1 codes; the first is the answer when there is no table.
    pub languages: Vec<&'static str>,
    /// Present when the script is shared by several languages.
    pub table: Option<Table>,
}

/// Sparse integer weights of the n-grams of one script, per language.
#[derive(Debug)]
pub(crate) struct Table {
    /// Open addressing by n-gram hash ([`hash_char`]), linear probing, at most half full.
    slots: Vec<Slot>,
    /// `64 - log2(slots.len())`: the top bits of the mixed hash pick the first slot.
    shift: u32,
    /// (language index, weight in nats).
    entries: Vec<(u8, i8)>,
}

/// One n-gram of a [`Table`]: its hash (0: empty slot) and its range in `entries`.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: u64,
    start: u32,
    end: u32,
}

impl Table {
    fn new(capacity: usize, entries: Vec<(u8, i8)>) -> Table {
        let size = (capacity * 2).next_power_of_two().max(2);
        Table { slots: vec![Slot::default(); size], shift: 64 - size.trailing_zeros(), entries }
    }

    /// The nonzero key stored for a hash, and its first slot.
    fn home(&self, hash: u64) -> (u64, usize) {
        let key = hash.max(1);
        (key, (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize)
    }

    fn insert(&mut self, hash: u64, start: u32, end: u32) {
        let (key, mut i) = self.home(hash);
        let mask = self.slots.len() - 1;
        while let Some(slot) = self.slots.get_mut(i) {
            if slot.key == 0 {
                *slot = Slot { key, start, end };
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds the weights of the n-gram with hash `key` (if the model has it) to `scores`,
    /// one score per language of the script.
    pub(crate) fn add(&self, hash: u64, scores: &mut [i32]) {
        let (key, mut i) = self.home(hash);
        let mask = self.slots.len() - 1;
        while let Some(slot) = self.slots.get(i) {
            if slot.key == key {
                let row = self.entries.get(slot.start as usize..slot.end as usize).unwrap_or_default();
                for &(lang, weight) in row {
                    if let Some(score) = scores.get_mut(usize::from(lang)) {
                        *score += i32::from(weight);
                    }
                }
                return;
            }
            if slot.key == 0 {
                return;
            }
            i = (i + 1) & mask;
        }
    }
}

#[derive(Debug)]
pub(crate) struct Model {
    /// Softmax temperature, in nats, for the confidence.
    pub temperature: f64,
    /// Fewer weighted letters than this in the deciding script and the text is undetermined.
    pub min_letters: u32,
    /// The longest n-gram in the tables.
    pub max_n: usize,
    pub scripts: Vec<Script>,
    /// (first, last, script index or [`MARK`]), sorted and disjoint.
    ranges: Vec<(u32, u32, u8)>,
    /// The class of each ASCII character, looked up once.
    ascii: [CharClass; 128],
}

impl Model {
    pub(crate) fn class(&self, c: char) -> CharClass {
        match self.ascii.get(c as usize) {
            Some(&class) => class,
            None => self.class_by_ranges(c),
        }
    }

    fn class_by_ranges(&self, c: char) -> CharClass {
        let code = c as u32;
        let after = self.ranges.partition_point(|&(first, _, _)| first <= code);
        match after.checked_sub(1).and_then(|i| self.ranges.get(i)) {
            Some(&(_, last, script)) if code <= last => match script {
                MARK => CharClass::Mark,
                s => CharClass::Letter(s as usize),
            },
            _ => CharClass::Other,
        }
    }
}

/// The embedded model, parsed on first use; `None` only if the file is corrupt (a unit test
/// checks that it is not).
pub(crate) fn get() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL.get_or_init(|| parse(BYTES)).as_ref()
}

/// 64-bit FNV-1a, continued over the UTF-8 bytes of `c`: hashing the characters of an n-gram
/// one after the other from [`HASH_START`] gives the hash of its UTF-8 text.
pub(crate) fn hash_char(mut hash: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
    }
    hash
}

pub(crate) const HASH_START: u64 = 0xCBF2_9CE4_8422_2325;

struct Reader {
    bytes: &'static [u8],
    pos: usize,
}

impl Reader {
    fn take(&mut self, n: usize) -> Option<&'static [u8]> {
        let slice = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(slice)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn str(&mut self, n: usize) -> Option<&'static str> {
        std::str::from_utf8(self.take(n)?).ok()
    }
    /// Skips the leading `#` comment lines.
    fn skip_comments(&mut self) -> Option<()> {
        while self.bytes.get(self.pos) == Some(&b'#') {
            let line = self.bytes.get(self.pos..)?.iter().position(|&b| b == b'\n')?;
            self.pos += line + 1;
        }
        Some(())
    }
}

fn parse(bytes: &'static [u8]) -> Option<Model> {
    let mut r = Reader { bytes, pos: 0 };
    r.skip_comments()?;
    if r.take(4)? != b"LID1" {
        return None;
    }
    let temperature = f64::from(r.u16()?) / 100.0;
    let min_letters = u32::from(r.u8()?);
    let max_n = usize::from(r.u8()?);
    let mut scripts = Vec::new();
    for _ in 0..r.u8()? {
        let name_len = usize::from(r.u8()?);
        r.take(name_len)?; // the ISO 15924 code, for people reading the file
        let weight = u32::from(r.u8()?);
        let count = usize::from(r.u8()?);
        let languages = (0..count).map(|_| r.str(2)).collect::<Option<Vec<_>>>()?;
        scripts.push(Script { weight, languages, table: None });
    }
    let mut ranges = Vec::new();
    for _ in 0..r.u16()? {
        let (first, last, script) = (r.u32()?, r.u32()?, r.u8()?);
        if script != MARK && usize::from(script) >= scripts.len() {
            return None;
        }
        ranges.push((first, last, script));
    }
    for script in scripts.iter_mut().filter(|s| s.languages.len() > 1) {
        script.table = Some(parse_table(&mut r, script.languages.len())?);
    }
    let mut model = Model { temperature, min_letters, max_n, scripts, ranges, ascii: [CharClass::Other; 128] };
    for (c, slot) in (0..128u8).map(char::from).zip(0..128) {
        model.ascii[slot] = model.class_by_ranges(c);
    }
    (r.pos == bytes.len()).then_some(model)
}

fn parse_table(r: &mut Reader, languages: usize) -> Option<Table> {
    let grams = r.u32()? as usize;
    let weights = r.u32()? as usize;
    let mut keys = Vec::with_capacity(grams);
    let mut gram: Vec<u8> = Vec::new();
    for _ in 0..grams {
        let shared = usize::from(r.u8()?);
        let new = usize::from(r.u8()?);
        if shared > gram.len() {
            return None;
        }
        gram.truncate(shared);
        gram.extend_from_slice(r.take(new)?);
        let text = std::str::from_utf8(&gram).ok()?;
        keys.push(text.chars().fold(HASH_START, hash_char));
    }
    let counts = r.take(grams)?;
    let deltas = r.take(weights)?;
    let values = r.take(weights)?;
    let mut entries = Vec::with_capacity(weights);
    let mut rows = Vec::with_capacity(grams);
    for &count in counts {
        let start = entries.len();
        let end = start.checked_add(usize::from(count))?;
        let mut lang = 0usize;
        for (&delta, &value) in deltas.get(start..end)?.iter().zip(values.get(start..end)?) {
            lang += usize::from(delta);
            if lang >= languages {
                return None;
            }
            entries.push((lang as u8, value as i8));
        }
        rows.push((u32::try_from(start).ok()?, u32::try_from(end).ok()?));
    }
    if entries.len() != weights {
        return None;
    }
    let mut table = Table::new(grams, entries);
    for (&key, &(start, end)) in keys.iter().zip(&rows) {
        table.insert(key, start, end);
    }
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_parses() {
        let model = get().expect("langid.bin parses");
        assert!(model.temperature > 0.0);
        assert!(model.scripts.first().is_some_and(|s| s.languages.contains(&"en")), "Latin first");
        let languages: usize = model.scripts.iter().map(|s| s.languages.len()).sum();
        assert_eq!(languages, 75);
        for script in &model.scripts {
            assert_eq!(script.table.is_some(), script.languages.len() > 1, "{:?}", script.languages);
        }
    }

    #[test]
    fn characters_get_their_script() {
        let model = get().unwrap();
        // Each character, and a language written in its script (or its class).
        for (c, want) in [
            ('a', "en"),
            ('Z', "en"),
            ('é', "fr"),
            ('ệ', "vi"),
            ('\u{301}', "mark"),
            ('ж', "ru"),
            ('λ', "el"),
            ('ש', "he"),
            ('ب', "ar"),
            ('क', "hi"),
            ('ก', "th"),
            ('한', "ko"),
            ('の', "ja"),
            ('中', "zh"),
            ('1', "other"),
            (' ', "other"),
            ('٣', "other"),
            ('×', "other"),
            ('😀', "other"),
        ] {
            let ok = match model.class(c) {
                CharClass::Letter(s) => model.scripts[s].languages.contains(&want),
                CharClass::Mark => want == "mark",
                CharClass::Other => want == "other",
            };
            assert!(ok, "{c:?}: {:?}", model.class(c));
        }
    }

    #[test]
    fn ignorable_characters_are_in_no_script() {
        let model = get().unwrap();
        let ignorable = (0..=0x10FFFF).filter_map(char::from_u32).filter(|&c| crate::text::is_ignorable(c));
        for c in ignorable {
            assert_eq!(model.class(c), CharClass::Other, "{c:?}");
        }
    }

    #[test]
    fn hashing_chars_equals_hashing_the_text() {
        let fnv = |s: &str| s.bytes().fold(HASH_START, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3));
        for s in [" th", "é", "жи ", "中"] {
            assert_eq!(s.chars().fold(HASH_START, hash_char), fnv(s));
        }
    }

    #[test]
    fn corrupt_files_are_refused() {
        assert!(parse(b"# comment\nLID0").is_none());
        assert!(parse(b"LID1\x58\x02").is_none());
        assert!(parse(b"").is_none());
    }
}
