//! The Universal POS tagger: feature templates, greedy decoding and the embedded model.
//!
//! Input: the words of one sentence as [`Word`]s. Output: one index into [`TAGS`] per word.
//! The same [`features`] function serves training (`train-tagger pos`) and tagging, so the
//! committed model and the runtime can never disagree about what a feature means.

use super::clusters::{self, Classes};
use super::features::{flag, lower_hash, Features, HashedMap, Word};
use super::decode::argmax;
use super::memo::{Memo, EDGE, WINDOW};
use super::model::{to_scores, Model};
use std::sync::OnceLock;

/// The Universal Dependencies v2 part-of-speech tags, in the model's order.
pub const TAGS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ",
    "SYM", "VERB", "X",
];

/// Hash values standing for "no word here" before and after the sentence.
const BEFORE: u64 = 0x5EED_0001;
const AFTER: u64 = 0x5EED_0002;

/// The history value of a tag index (0 is reserved for "absent").
fn tag_value(tag: Option<usize>) -> u64 {
    tag.map_or(1, |t| t as u64 + 2)
}

/// Word → set of tags it had in training (bit `t` for `TAGS[t]`: every tag the lexicon file
/// lists), keyed by [`Word::lower`]; and apart, the same with only the major tags (those not
/// written in lower case in the file), which the lexicon-class features read.
#[derive(Default)]
pub struct Lexicon {
    tags: HashedMap<u32>,
    major: HashedMap<u32>,
}

impl Lexicon {
    /// The tag set of a word.
    pub fn get(&self, lower: &u64) -> Option<&u32> {
        self.tags.get(lower)
    }

    pub fn len(&self) -> usize {
        self.tags.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
    }

    /// The lexicon-class feature value of a word: its major tags (1 when it has none).
    fn class_value(&self, lower: &u64) -> u64 {
        self.major.get(lower).map_or(1, |&m| u64::from(m) | 1 << 40)
    }
}

impl<'a> IntoIterator for &'a Lexicon {
    type Item = (&'a u64, &'a u32);
    type IntoIter = std::collections::hash_map::Iter<'a, u64, u32>;

    fn into_iter(self) -> Self::IntoIter {
        self.tags.iter()
    }
}

/// Parses a lexicon file: `#` comment lines, then `word<TAB>TAG TAG…` lines, minor tags in
/// lower case. Lines that do not parse are skipped.
pub fn parse_lexicon(text: &str) -> Lexicon {
    let mut out = Lexicon::default();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some((word, tags)) = line.split_once('\t') else { continue };
        let (mut all, mut major) = (0u32, 0u32);
        for t in tags.split(' ') {
            let Some(i) = TAGS.iter().position(|x| x.eq_ignore_ascii_case(t)) else { continue };
            all |= 1 << i;
            if !t.bytes().all(|b| b.is_ascii_lowercase()) {
                major |= 1 << i;
            }
        }
        let lower = lower_hash(word);
        if all != 0 {
            out.tags.insert(lower, all);
        }
        if major != 0 {
            out.major.insert(lower, major);
        }
    }
    out
}

/// A sentence ready for tagging: its words, their lexicon classes and word classes.
pub struct Input {
    pub words: Vec<Word>,
    /// Per word: its tag set from the lexicon as a feature value, or a marker for "unknown".
    pub classes: Vec<u64>,
    /// Per word: its classes from unlabelled text (see `clusters`).
    pub clusters: Vec<Classes>,
    /// The sentence's capitalisation pattern (see [`caps_pattern`]).
    pub caps: u64,
}

/// How the words of a sentence are capitalised: 1 no capitals at all, 2 all capitals,
/// 3 mostly capitalised words (a title or headline), 4 anything else.
fn caps_pattern(words: &[Word]) -> u64 {
    let lettered = words.iter().filter(|w| w.has(flag::TITLE | flag::UPPER | flag::LOWER));
    let (mut all, mut lower, mut upper) = (0usize, 0usize, 0usize);
    for w in lettered {
        all += 1;
        lower += usize::from(w.has(flag::LOWER));
        upper += usize::from(w.has(flag::UPPER));
    }
    if lower == all {
        1
    } else if upper == all && all > 1 {
        2
    } else if all >= 3 && lower * 3 <= all {
        3
    } else {
        4
    }
}

impl Input {
    pub fn new<'a>(forms: impl IntoIterator<Item = &'a str>, lexicon: &Lexicon) -> Input {
        let words: Vec<Word> = forms.into_iter().map(Word::new).collect();
        let classes = words.iter().map(|w| lexicon.class_value(&w.lower)).collect();
        let clusters = words.iter().map(clusters::of).collect();
        let caps = caps_pattern(&words);
        Input { words, classes, clusters, caps }
    }
}

/// What the features know of one word: the word, its lexicon class and its word classes.
pub type Known<'a> = (&'a Word, u64, &'a Classes);

/// The features that the word at offset `WINDOW[role]` from a position gives that position,
/// depending on that word alone (`None`: beyond the sentence edge). They are the same
/// wherever the word occurs, which is what lets [`Tagger`] memoise their sums.
pub fn word_features(role: usize, word: Option<Known>, out: &mut Features) {
    let d = WINDOW.get(role).copied().unwrap_or(0);
    let Some((w, class, cluster)) = word else {
        out.add_each(neighbour_templates(d), std::iter::repeat(if d < 0 { BEFORE } else { AFTER }));
        return;
    };
    if d != 0 {
        out.add_each(neighbour_templates(d), [w.lower, class, w.suffix3(), w.shape, cluster[1]]);
        return;
    }
    out.add(1, 1);
    out.add(2, w.lower);
    out.add(3, w.raw);
    for k in 0..4 {
        out.add(4 + k as u64, w.suffix[k]);
    }
    for k in 0..3 {
        out.add(8 + k as u64, w.prefix[k]);
    }
    out.add(11, w.shape);
    out.add(12, w.long_shape);
    out.add(31, class);
    out.add(39, cluster[0]);
    out.add(40, cluster[1]);
    out.add2(44, cluster[2], w.shape);
    out.add2(48, class, w.shape);
}

/// The template ids of the single-word features of the neighbour at offset `d`, for its
/// normalised form, lexicon class, three-letter suffix, shape and fine class in that order
/// (±2: the form and lexicon class; none for the word itself).
fn neighbour_templates(d: isize) -> &'static [u64] {
    match d {
        -1 => &[14, 34, 18, 21, 42],
        1 => &[15, 32, 19, 20, 41],
        -2 => &[16, 47],
        2 => &[17, 33],
        _ => &[],
    }
}

/// What the features know of word `j` of `input`, if there is one.
fn known(input: &Input, j: Option<usize>) -> Option<Known<'_>> {
    let j = j?;
    Some((input.words.get(j)?, *input.classes.get(j)?, input.clusters.get(j)?))
}

/// Writes the features of position `i` given the two previously chosen tags: the
/// [`word_features`] of the words around it, then its [`position_features`].
pub fn features(input: &Input, i: usize, prev: [Option<usize>; 2], out: &mut Features) {
    out.clear();
    if i >= input.words.len() {
        return;
    }
    for (role, &d) in WINDOW.iter().enumerate() {
        word_features(role, known(input, i.checked_add_signed(d)), out);
    }
    position_features(input, i, prev, out);
}

/// The features of position `i` that combine several things: the previous tags, word pairs,
/// the position in the sentence.
fn position_features(input: &Input, i: usize, prev: [Option<usize>; 2], out: &mut Features) {
    let words = &input.words;
    let at = |d: isize| -> Option<&Word> { i.checked_add_signed(d).and_then(|j| words.get(j)) };
    let lower = |d: isize| at(d).map_or(if d < 0 { BEFORE } else { AFTER }, |w| w.lower);
    let class = |d: isize| {
        let fallback = if d < 0 { BEFORE } else { AFTER };
        i.checked_add_signed(d).and_then(|j| input.classes.get(j)).copied().unwrap_or(fallback)
    };
    let Some(w) = at(0) else { return };
    let (t1, t2) = (tag_value(prev[0]), tag_value(prev[1]));
    out.add(13, u64::from(w.flags) | u64::from(i == 0) << 8 | 1 << 9);
    out.add(22, t1);
    out.add(23, t2);
    out.add2(24, t1, t2);
    out.add2(25, t1, w.lower);
    out.add2(26, w.lower, lower(1));
    out.add2(27, lower(-1), w.lower);
    out.add2(28, t1, lower(1));
    out.add2(29, t1, w.suffix3());
    if w.has(flag::TITLE) && i > 0 {
        out.add2(30, t1, w.shape);
    }
    out.add2(35, t1, class(0));
    out.add2(36, class(0), class(1));
    out.add2(37, t1, class(1));
    out.add2(38, class(-1), class(0));
    let cluster = |d: isize, k: usize| {
        let fallback = if d < 0 { BEFORE } else { AFTER };
        i.checked_add_signed(d).and_then(|j| input.clusters.get(j)).map_or(fallback, |c| c[k])
    };
    out.add2(43, t1, cluster(0, 1));
    out.add2(45, lower(-1), lower(1));
    out.add2(46, class(1), class(2));
    out.add2(54, input.caps, w.shape);
    out.add2(49, w.lower, class(1));
}

/// Tags sentences greedily, left to right, with the sums of each distinct word's
/// [`word_features`] memoised across the sentences of a document.
pub struct Tagger<'m> {
    model: &'m Model,
    memo: Memo<'m>,
    features: Features,
}

impl<'m> Tagger<'m> {
    pub fn new(model: &'m Model) -> Tagger<'m> {
        let memo = Memo::new(model, |role, out| word_features(role, None, out));
        Tagger { model, memo, features: Features::new() }
    }

    /// The tags of one sentence: what scoring [`features`] at each position would choose.
    pub fn tag(&mut self, input: &Input) -> Vec<usize> {
        self.memo.begin_sentence();
        let memo = &mut self.memo;
        let ids: Vec<u32> = (0..input.words.len())
            .map(|j| match (known(input, Some(j)), input.words.get(j)) {
                (Some(k), Some(w)) => memo.id(w.raw, |role, out| word_features(role, Some(k), out)),
                _ => EDGE,
            })
            .collect();
        let mut out = Vec::with_capacity(input.words.len());
        let mut scores = vec![0f32; self.model.tags.len()];
        for i in 0..input.words.len() {
            let mut sums = [0; 64];
            self.memo.add_window(&ids, i, &mut sums);
            let prev = [i.checked_sub(1).map(|j| out[j]), i.checked_sub(2).map(|j| out[j])];
            self.features.clear();
            position_features(input, i, prev, &mut self.features);
            self.model.accumulate(&self.features.hashes, &mut sums);
            to_scores(&sums, &mut scores);
            out.push(argmax(&scores, |_| true));
        }
        out
    }
}

/// Tags one sentence greedily, left to right.
pub fn tag(model: &Model, input: &Input) -> Vec<usize> {
    Tagger::new(model).tag(input)
}

/// The embedded model (`src/models/pos.model`), parsed once; `None` if it does not parse
/// or does not have the tags of [`TAGS`].
pub fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| {
            Model::from_bytes(include_bytes!("../models/pos.model"))
                .ok()
                .filter(|m| m.tags.iter().map(String::as_str).eq(TAGS))
        })
        .as_ref()
}

/// The embedded lexicon (`src/models/pos.lexicon`), parsed once.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| parse_lexicon(include_str!("../models/pos.lexicon")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag_words(text: &str) -> Vec<&'static str> {
        let input = Input::new(text.split(' '), lexicon());
        let model = model().expect("the committed POS model loads");
        tag(model, &input).into_iter().map(|t| TAGS[t]).collect()
    }

    #[test]
    fn tags_plain_sentences() {
        let cases = [
            ("The cat sat on the mat .", "DET NOUN VERB ADP DET NOUN PUNCT"),
            ("She has n't eaten since Tuesday .", "PRON AUX PART VERB ADP PROPN PUNCT"),
            ("Vladimir Putin met 3 ministers in Moscow", "PROPN PROPN VERB NUM NOUN ADP PROPN"),
            ("I will book a flight", "PRON AUX VERB DET NOUN"),
            ("They read the book and left quickly", "PRON VERB DET NOUN CCONJ VERB ADV"),
        ];
        for (text, want) in cases {
            assert_eq!(tag_words(text).join(" "), want, "{text}");
        }
    }

    #[test]
    fn memoised_tagging_equals_scoring_every_feature() {
        use crate::tagger::decode::Scorer;
        let model = model().expect("the committed POS model loads");
        let mut tagger = Tagger::new(model);
        let mut scores = vec![0f32; TAGS.len()];
        for text in ["The cat sat on the mat .", "the cat , the mat and the hat", "Kim Jong - Un met Putin", "x"] {
            let input = Input::new(text.split(' '), lexicon());
            let mut want: Vec<usize> = Vec::new();
            let mut f = Features::new();
            for i in 0..input.words.len() {
                let prev = [i.checked_sub(1).map(|j| want[j]), i.checked_sub(2).map(|j| want[j])];
                features(&input, i, prev, &mut f);
                want.push(model.best(&f.hashes, &mut scores, |_| true));
            }
            assert_eq!(tagger.tag(&input), want, "{text}");
        }
    }

    #[test]
    fn features_never_panic_at_edges() {
        let mut f = Features::new();
        features(&Input::new([], lexicon()), 0, [None, None], &mut f);
        assert!(f.hashes.is_empty());
        let input = Input::new(["x"], lexicon());
        features(&input, 0, [None, None], &mut f);
        let n = f.hashes.len();
        features(&input, 0, [Some(3), Some(16)], &mut f);
        assert_eq!(f.hashes.len(), n);
    }

    #[test]
    fn capitalisation_patterns() {
        let cases = [
            ("i think so .", 1),
            ("12 , 13", 1),
            ("WHO WANTS TO HELP ?", 2),
            ("Enron Investment Partners", 3),
            ("Association of Muslim Scholars", 3),
            ("The cat sat on the mat .", 4),
            ("NATO", 4),
            ("Posted by darin", 4),
        ];
        for (text, want) in cases {
            let words: Vec<Word> = text.split(' ').map(Word::new).collect();
            assert_eq!(caps_pattern(&words), want, "{text}");
        }
    }

    #[test]
    fn lexicon_lines_parse_or_are_skipped() {
        let lex = parse_lexicon("# comment\nthe\tDET\nbook\tNOUN VERB\nall\tDET noun\nbad line\nodd\tNOPE\nrare\tnoun\n");
        assert_eq!(lex.len(), 4);
        let get = |w: &str| lex.get(&Word::new(w).lower);
        assert_eq!(get("The"), Some(&(1 << 5)));
        assert_eq!(get("book"), Some(&(1 << 7 | 1 << 15)));
        assert_eq!(get("all"), Some(&(1 << 5 | 1 << 7)));
        assert_eq!(get("odd"), None);
        let class = |w: &str| lex.class_value(&Word::new(w).lower);
        assert_eq!(class("all"), 1 << 5 | 1 << 40);
        assert_eq!(class("book"), 1 << 7 | 1 << 15 | 1 << 40);
        assert_eq!([class("rare"), class("odd")], [1, 1]);
    }
}
