//! The named-entity tagger: BILOU tags over PER, ORG, LOC and MISC for a whole document.
//!
//! Input: a document as sentences of words (strings). Output: one tag index per word (see
//! [`tag_name`]) and, through [`spans`], the entity mentions as word ranges with a type.
//!
//! Besides the usual word, affix, shape and context features, it uses:
//! - a gazetteer of names seen in the training data (`src/models/ner.gazetteer`), matched as
//!   word sequences and marked on each word with its type and position;
//! - document features: whether the word appears capitalised in the middle of a sentence
//!   elsewhere in the document, or in lower case anywhere, and whether its sentence is a
//!   headline in capitals or in title case;
//! - a prediction history: the type most recently given to the same word earlier in the
//!   document, so that "Kirby" after "John Kirby" stays a person;
//! - word classes and case statistics from unlabelled text (`clusters`), and the words'
//!   parts of speech (from the POS tagger, trained on web text: robust outside news).
//!
//! Decoding is first-order Viterbi per sentence, sentences in document order. The same
//! [`Decoder`] serves training (the trainer updates between sentences) and tagging.

use super::clusters::{self, Classes};
use super::decode::{viterbi, Scorer};
use super::features::{feature, flag, lower_hash, mix, Features, HashedMap, HashedSet, Word};
use super::memo::{Memo, WINDOW};
use super::model::{to_scores, Model};
use std::ops::Range;
use std::sync::OnceLock;

/// Entity types, in tag order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// Number of tags: O plus B, I, L, U for each type.
pub const N_TAGS: usize = 1 + 4 * TYPES.len();
/// Longest gazetteer entry, in words.
pub const MAX_GAZ_WORDS: usize = 6;

const BEFORE: u64 = 0xB4_0001;
const AFTER: u64 = 0xB4_0002;

/// Position of a word in an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

const PARTS: [Part; 4] = [Part::Begin, Part::Inside, Part::Last, Part::Unit];

/// The tag index of a type and part.
pub fn tag_of(ty: usize, part: Part) -> usize {
    1 + 4 * ty + PARTS.iter().position(|&p| p == part).unwrap_or(0)
}

/// The type and part of a tag index, `None` for O.
pub fn split_tag(tag: usize) -> Option<(usize, Part)> {
    let k = tag.checked_sub(1)?;
    Some((k / 4, *PARTS.get(k % 4)?)).filter(|&(ty, _)| ty < TYPES.len())
}

/// The tag names, in index order: `O`, `B-PER`, `I-PER`, `L-PER`, `U-PER`, `B-ORG`…
pub fn tag_names() -> Vec<String> {
    let mut out = vec!["O".to_string()];
    for ty in TYPES {
        for p in ["B", "I", "L", "U"] {
            out.push(format!("{p}-{ty}"));
        }
    }
    out
}

/// The name of one tag.
pub fn tag_name(tag: usize) -> String {
    tag_names().get(tag).cloned().unwrap_or_default()
}

/// The entity mentions of a tag sequence: `(word range, type)`. A mention left open at the
/// end of the sentence is closed there.
pub fn spans(tags: &[usize]) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let cur = split_tag(t);
        if let Some((start, ty)) = open {
            if matches!(cur, Some((t2, Part::Inside | Part::Last)) if t2 == ty) {
                if matches!(cur, Some((_, Part::Last))) {
                    out.push((start..i + 1, ty));
                    open = None;
                }
                continue;
            }
            out.push((start..i, ty));
            open = None;
        }
        match cur {
            Some((ty, Part::Unit)) => out.push((i..i + 1, ty)),
            Some((ty, _)) => open = Some((i, ty)),
            None => {}
        }
    }
    if let Some((start, ty)) = open {
        out.push((start..tags.len(), ty));
    }
    out
}

/// The mentions of one tagged sentence: [`spans`], except that in a title-case headline
/// (more words of four letters or more capitalised than not among those usually written in
/// lower case inside a sentence, by the case statistics of `clusters`; at least two) each
/// mention loses such words at either end, and is dropped when nothing is left:
/// "Russia Imposes Temporary Limits" → "Russia". (Headlines in capitals are left alone: the
/// training data has many, and the tagger reads them well.)
pub fn mentions(sentence: &Sentence, tags: &[usize]) -> Vec<(Range<usize>, usize)> {
    let found = spans(tags);
    // Case values are bucket + 2; buckets 0 and 1 mean capitalised in under half the uses
    // (words without statistics, value 1, are kept).
    let lowerish = |i: usize| sentence.classes.get(i).is_some_and(|c| matches!(c[2], 2 | 3));
    // A headline capitalises such words ("Russia Imposes Temporary Limits"); an ordinary
    // sentence writes them in lower case, and a list of names has few of them.
    let (mut capitalised, mut lower) = (0, 0);
    for (i, w) in sentence.words.iter().enumerate().filter(|(i, w)| w.len >= 4 && lowerish(*i)) {
        if w.has(flag::TITLE) && i > 0 {
            capitalised += 1;
        } else if w.has(flag::LOWER) {
            lower += 1;
        }
    }
    if capitalised < 2 || capitalised <= lower {
        return found;
    }
    found
        .into_iter()
        .filter_map(|(mut r, ty)| {
            while r.start < r.end && lowerish(r.start) {
                r.start += 1;
            }
            while r.end > r.start && lowerish(r.end - 1) {
                r.end -= 1;
            }
            (!r.is_empty()).then_some((r, ty))
        })
        .collect()
}

/// The hash of a word sequence (of their normalised forms), as gazetteer keys.
pub fn phrase_key(words: &[Word]) -> u64 {
    words.iter().fold(PHRASE_SEED, |h, w| mix(h, w.lower))
}

/// [`phrase_key`] of words given as text, hashing only their normalised forms.
pub fn text_phrase_key<'a>(words: impl IntoIterator<Item = &'a str>) -> u64 {
    words.into_iter().fold(PHRASE_SEED, |h, w| mix(h, lower_hash(w)))
}

/// The key of the empty phrase, which each word's normalised hash is mixed into.
const PHRASE_SEED: u64 = 0x6A2E;

/// Gazetteer classes: the entity types (names from the training data), then the public
/// lists of first names, surnames and places.
pub const GAZ_CLASSES: [&str; 7] = ["PER", "ORG", "LOC", "MISC", "FIRST", "LAST", "PLACE"];

/// The kinds of place in the public lists, most specific last; the features see them all as
/// `PLACE`.
pub const PLACE_KINDS: [&str; 3] = ["REGION", "COUNTRY", "CITY"];

/// What kind of place a name is in the public lists (`country`, `city` or `region`); when
/// it is several ("New York", "Mexico"), the broadest.
pub fn place_kind(name: &str) -> Option<&'static str> {
    static KINDS: OnceLock<HashedMap<u8>> = OnceLock::new();
    let kinds = KINDS.get_or_init(|| {
        let mut map = HashedMap::default();
        for (class, phrase) in gazetteer_entries(include_str!("../models/ner.lists")) {
            if let Some(k) = PLACE_KINDS.iter().position(|&c| c == class) {
                *map.entry(text_phrase_key(phrase.split(' '))).or_insert(0) |= 1 << k;
            }
        }
        map
    });
    let mask = kinds.get(&text_phrase_key(name.split_whitespace())).copied().unwrap_or(0);
    let broadest = (0..PLACE_KINDS.len()).find(|k| mask >> k & 1 == 1)?;
    ["region", "country", "city"].get(broadest).copied()
}

/// Names and their classes: phrase key → bit mask over [`GAZ_CLASSES`].
pub type Gazetteer = HashedMap<u8>;

/// The entries of a gazetteer file as (class, name): `#` comment lines, then one section per
/// class, a `[CLASS]` line followed by its names, one a line, words separated by single
/// spaces. (Grouped by class, the names compress far better than with a class on each line.)
pub fn gazetteer_entries(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut class = "";
    text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).filter_map(move |line| {
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(header) => {
                class = header;
                None
            }
            None => Some((class, line)),
        }
    })
}

/// Parses a gazetteer file ([`gazetteer_entries`]) into `out`.
pub fn parse_gazetteer(text: &str, out: &mut Gazetteer) {
    for (class, phrase) in gazetteer_entries(text) {
        let class = if PLACE_KINDS.contains(&class) { "PLACE" } else { class };
        let Some(k) = GAZ_CLASSES.iter().position(|&c| c == class) else { continue };
        if phrase.split(' ').count() <= MAX_GAZ_WORDS {
            *out.entry(text_phrase_key(phrase.split(' '))).or_insert(0) |= 1 << k;
        }
    }
}

/// One sentence ready for tagging.
pub struct Sentence {
    pub words: Vec<Word>,
    /// Per word: its classes (see `clusters`).
    pub classes: Vec<Classes>,
    /// Per word: its part of speech as a feature value (index into `pos::TAGS` + 2; 1 when
    /// unknown).
    pub pos: Vec<u64>,
    /// Per word: gazetteer marks, bit `4 * class + part` for every match covering the word.
    pub gaz: Vec<u32>,
    /// How the sentence is cased: [`NORMAL`], [`CAPITALS`] or [`TITLE_CASE`] (headlines).
    pub case: u8,
}

impl Sentence {
    /// Prepares one sentence: its words, and for each word its part of speech (an index
    /// into `pos::TAGS`; missing tags count as unknown). `lookup` gives the type mask of a
    /// phrase key (0 when absent): the gazetteer at run time, a leave-this-document-out
    /// count in training.
    pub fn new<S: AsRef<str>>(forms: &[S], tags: &[usize], lookup: &impl Fn(u64) -> u8) -> Sentence {
        let words: Vec<Word> = forms.iter().map(|f| Word::new(f.as_ref())).collect();
        let case = sentence_case(&words);
        let gaz = gazetteer_marks(&words, lookup);
        let classes = words.iter().map(clusters::of).collect();
        let known = |i: usize| tags.get(i).copied().filter(|&t| t < super::pos::TAGS.len());
        let pos: Vec<u64> = (0..words.len()).map(|i| known(i).map_or(1, |t| t as u64 + 2)).collect();
        Sentence { words, classes, gaz, case, pos }
    }
}

/// What the whole document says about how each word is written.
#[derive(Default)]
pub struct DocCase {
    /// Words seen capitalised after the first word of a non-headline sentence.
    cap_mid: HashedSet,
    /// Words seen in lower case.
    lower: HashedSet,
}

impl DocCase {
    /// Records the words of one sentence cased as `case`.
    fn add(&mut self, words: &[Word], case: u8) {
        for (i, w) in words.iter().enumerate() {
            if w.has(flag::LOWER) {
                self.lower.insert(w.lower);
            } else if i > 0 && case == NORMAL && (w.has(flag::TITLE) || w.has(flag::UPPER)) {
                self.cap_mid.insert(w.lower);
            }
        }
    }

    /// The casing of a document's sentences, from their words alone.
    pub fn of<S: AsRef<str>>(sentences: impl Iterator<Item = Vec<S>>) -> DocCase {
        let mut out = DocCase::default();
        for forms in sentences {
            let words: Vec<Word> = forms.iter().map(|f| Word::casing(f.as_ref())).collect();
            out.add(&words, sentence_case(&words));
        }
        out
    }
}

/// A document ready for tagging, every sentence prepared at once (training decodes each
/// document many times); a [`Stream`] prepares one sentence at a time instead.
pub struct Document {
    pub sentences: Vec<Sentence>,
    case: DocCase,
}

impl Document {
    /// Prepares every sentence (see [`Sentence::new`]).
    pub fn new<S: AsRef<str>>(sentences: &[Vec<S>], pos: &[Vec<usize>], lookup: impl Fn(u64) -> u8) -> Document {
        let mut doc = Document { sentences: Vec::new(), case: DocCase::default() };
        for (s, forms) in sentences.iter().enumerate() {
            let sentence = Sentence::new(forms, pos.get(s).map_or(&[][..], Vec::as_slice), &lookup);
            doc.case.add(&sentence.words, sentence.case);
            doc.sentences.push(sentence);
        }
        doc
    }
}

/// Sentence casing: ordinary, all in capitals, or every longer word capitalised.
pub const NORMAL: u8 = 0;
pub const CAPITALS: u8 = 1;
pub const TITLE_CASE: u8 = 2;

/// How a sentence is cased: [`CAPITALS`] when at least 4/5 of at least three cased words are
/// in capitals, [`TITLE_CASE`] when at least 4/5 of at least three words of four letters or
/// more are capitalised, else [`NORMAL`].
fn sentence_case(words: &[Word]) -> u8 {
    let cased = words.iter().filter(|w| w.has(flag::UPPER) || w.has(flag::TITLE) || w.has(flag::LOWER));
    let (n, upper) = cased.fold((0, 0), |(n, u), w| (n + 1, u + usize::from(w.has(flag::UPPER))));
    let long = words.iter().filter(|w| w.len >= 4 && (w.has(flag::TITLE) || w.has(flag::LOWER)));
    let (m, title) = long.fold((0, 0), |(n, t), w| (n + 1, t + usize::from(w.has(flag::TITLE))));
    if n >= 3 && upper * 5 >= n * 4 {
        CAPITALS
    } else if m >= 3 && title * 5 >= m * 4 {
        TITLE_CASE
    } else {
        NORMAL
    }
}

/// Marks every word covered by a gazetteer phrase with the phrase's types and the word's part.
fn gazetteer_marks(words: &[Word], lookup: &impl Fn(u64) -> u8) -> Vec<u32> {
    let mut marks = vec![0u32; words.len()];
    for start in 0..words.len() {
        if !words[start].has(flag::ALNUM) {
            continue;
        }
        let mut key = PHRASE_SEED;
        for (end, word) in words.iter().enumerate().take(start + MAX_GAZ_WORDS).skip(start) {
            key = mix(key, word.lower);
            let types = lookup(key);
            if types == 0 {
                continue;
            }
            for ty in (0..GAZ_CLASSES.len()).filter(|t| types >> t & 1 == 1) {
                for (i, m) in marks.iter_mut().enumerate().take(end + 1).skip(start) {
                    let part = match (i == start, i == end) {
                        (true, true) => 3,
                        (true, false) => 0,
                        (false, true) => 2,
                        (false, false) => 1,
                    };
                    *m |= 1 << (4 * ty + part);
                }
            }
        }
    }
    marks
}

/// The transition feature from the previous tag (`None` at the start of a sentence).
pub fn transition(prev: Option<usize>) -> u64 {
    feature(25, prev.map_or(1, |t| t as u64 + 2))
}

/// The features that the word at offset `WINDOW[role]` from a position gives that position,
/// depending on that word alone (`None`: beyond the sentence edge). They are the same
/// wherever the word occurs, which is what lets the tagger [`Memo`]ise their sums.
pub fn word_features(role: usize, word: Option<(&Word, &Classes)>, out: &mut Features) {
    let d = WINDOW.get(role).copied().unwrap_or(0);
    let Some((w, class)) = word else {
        out.add_each(neighbour_templates(d), std::iter::repeat(if d < 0 { BEFORE } else { AFTER }));
        return;
    };
    if d != 0 {
        out.add_each(neighbour_templates(d), [w.lower, w.raw, w.shape, w.suffix3(), class[1]]);
        return;
    }
    out.add(1, 1);
    out.add(2, w.lower);
    out.add(3, w.raw);
    for k in 0..4 {
        out.add(4 + k as u64, w.suffix[k]);
        out.add(8 + k as u64, w.prefix[k]);
    }
    out.add(12, w.shape);
    out.add(13, w.long_shape);
    out.add(44, class[0]);
    out.add(45, class[1]);
    out.add2(48, class[1], w.shape);
    out.add2(52, class[2], w.shape);
}

/// The template ids of the single-word features of the neighbour at offset `d`, for its
/// normalised form, form as written, shape, three-letter suffix and fine class in that order
/// (±2: the normalised form only; none for the word itself).
fn neighbour_templates(d: isize) -> &'static [u64] {
    match d {
        -1 => &[16, 20, 22, 42, 46],
        1 => &[17, 21, 23, 43, 47],
        -2 => &[18],
        2 => &[19],
        _ => &[],
    }
}

/// Writes the features of word `i` of sentence `sent` of a document cased as `doc`, given
/// the history of types given to words earlier in the document: the [`word_features`] of
/// the words around it, then its [`position_features`]. (Tag-to-tag features are
/// [`transition`]s.)
pub fn features(doc: &DocCase, sent: &Sentence, i: usize, history: &HashedMap<u8>, out: &mut Features) {
    out.clear();
    if i >= sent.words.len() {
        return;
    }
    for (role, &d) in WINDOW.iter().enumerate() {
        let j = i.checked_add_signed(d);
        let word = j.and_then(|j| Some((sent.words.get(j)?, sent.classes.get(j)?)));
        word_features(role, word, out);
    }
    position_features(doc, sent, i, history, out);
}

/// The features of word `i` that combine several things: word pairs, the gazetteer marks
/// and parts of speech around it, the document's casing and the history.
fn position_features(doc: &DocCase, sent: &Sentence, i: usize, history: &HashedMap<u8>, out: &mut Features) {
    let words = &sent.words;
    let at = |d: isize| -> Option<&Word> { i.checked_add_signed(d).and_then(|j| words.get(j)) };
    let edge = |d: isize| if d < 0 { BEFORE } else { AFTER };
    let lower = |d: isize| at(d).map_or(edge(d), |w| w.lower);
    let shape = |d: isize| at(d).map_or(edge(d), |w| w.shape);
    let gaz = |d: isize| i.checked_add_signed(d).and_then(|j| sent.gaz.get(j)).map_or(edge(d), |&g| u64::from(g) | 1 << 40);
    let Some(w) = at(0) else { return };
    let case = u64::from(sent.case);
    let doc_case = u64::from(i == 0)
        | u64::from(doc.cap_mid.contains(&w.lower)) << 1
        | u64::from(doc.lower.contains(&w.lower)) << 2
        | u64::from(w.flags) << 3
        | case << 11
        | 1 << 13;
    out.add(14, doc_case);
    out.add2(15, doc_case, w.shape);
    out.add2(24, mix(shape(-1), w.shape), shape(1));
    out.add2(30, lower(-1), w.lower);
    out.add2(31, w.lower, lower(1));
    out.add(32, gaz(0));
    out.add(33, gaz(-1));
    out.add(34, gaz(1));
    out.add2(35, gaz(0), w.shape);
    let g = sent.gaz.get(i).copied().unwrap_or(0);
    for bit in (0..4 * GAZ_CLASSES.len() as u64).filter(|b| g >> b & 1 == 1) {
        out.add(37, bit + 1);
    }
    let hist = history.get(&w.lower).map_or(1, |&t| u64::from(t) + 2);
    out.add(38, hist);
    out.add2(39, hist, w.shape);
    if sent.case != NORMAL {
        out.add2(40, case, w.lower);
        out.add2(41, mix(case, lower(-1)), w.lower);
    }
    let class = |d: isize, k: usize| i.checked_add_signed(d).and_then(|j| sent.classes.get(j)).map_or(edge(d), |c| c[k]);
    out.add2(49, class(-1, 0), class(0, 0));
    out.add2(50, class(0, 0), class(1, 0));
    out.add2(51, class(0, 2), doc_case);
    out.add2(53, class(-1, 2), class(0, 2));
    let pos = |d: isize| i.checked_add_signed(d).and_then(|j| sent.pos.get(j)).copied().unwrap_or(edge(d));
    out.add(54, pos(0));
    out.add(55, pos(-1));
    out.add(56, pos(1));
    out.add2(57, pos(0), w.shape);
    out.add2(58, pos(-1), pos(0));
}

/// Tags a document sentence by sentence, in order, with first-order Viterbi; the history
/// of types feeds on each sentence's tags once they are [`Decoder::commit`]ted. Tags are not
/// forced into valid BILOU order; [`spans`] reads any sequence leniently. This is the
/// trainer's decoder: it works with any [`Scorer`] and keeps each word's features for the
/// updates. ([`tag`] and a [`Stream`] give the same tags with a quantised model, faster.)
pub struct Decoder<'d> {
    case: &'d DocCase,
    /// The prepared sentences `next` walks through.
    sentences: &'d [Sentence],
    history: HashedMap<u8>,
    /// The sentence `next` decodes.
    sentence: usize,
    /// Features of the words of the last decoded sentence, flat, with `offsets[i]..offsets[i + 1]`.
    feats: Vec<u64>,
    offsets: Vec<usize>,
}

impl<'d> Decoder<'d> {
    pub fn new(doc: &'d Document) -> Decoder<'d> {
        let (case, sentences) = (&doc.case, &doc.sentences[..]);
        Decoder { case, sentences, history: HashedMap::default(), sentence: 0, feats: Vec::new(), offsets: Vec::new() }
    }

    /// Decodes the next sentence, or returns `None` after the last one.
    pub fn next(&mut self, scorer: &impl Scorer) -> Option<Vec<usize>> {
        let sentences = self.sentences;
        let sent = sentences.get(self.sentence)?;
        self.sentence += 1;
        Some(self.decode(scorer, sent))
    }

    /// Decodes one sentence, keeping its words' features for [`Decoder::features_at`].
    fn decode(&mut self, scorer: &impl Scorer, sent: &Sentence) -> Vec<usize> {
        let n = sent.words.len();
        let t = scorer.n_tags();
        let mut one = Features::new();
        self.feats.clear();
        self.offsets.clear();
        self.offsets.push(0);
        let mut emissions = vec![0f32; n * t];
        for (i, row) in emissions.chunks_mut(t.max(1)).enumerate().take(n) {
            features(self.case, sent, i, &self.history, &mut one);
            scorer.score(&one.hashes, row);
            self.feats.extend_from_slice(&one.hashes);
            self.offsets.push(self.feats.len());
        }
        let mut transitions = vec![0f32; (t + 1) * t];
        for (p, row) in transitions.chunks_mut(t.max(1)).enumerate() {
            scorer.score(&[transition(p.checked_sub(1))], row);
        }
        viterbi(&emissions, &transitions, t)
    }

    /// The features of word `i` of the sentence last decoded.
    pub fn features_at(&self, i: usize) -> &[u64] {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.feats[a..b],
            _ => &[],
        }
    }

    /// Records the final tags of the sentence last decoded by `next`.
    pub fn commit(&mut self, tags: &[usize]) {
        let sentences = self.sentences;
        if let Some(sent) = self.sentence.checked_sub(1).and_then(|s| sentences.get(s)) {
            remember(&mut self.history, sent, tags);
        }
    }
}

/// Records in `history` the type each word of `sent` was given in `tags`.
fn remember(history: &mut HashedMap<u8>, sent: &Sentence, tags: &[usize]) {
    for (range, ty) in spans(tags) {
        for w in sent.words.get(range).into_iter().flatten() {
            history.insert(w.lower, ty as u8);
        }
    }
}

/// Tagging with the quantised model: what [`Decoder`] computes, faster. The sums of each
/// distinct word's [`word_features`] are [`Memo`]ised, and the transition scores are
/// computed once.
struct Tagger<'m> {
    model: &'m Model,
    memo: Memo<'m>,
    transitions: Vec<f32>,
    history: HashedMap<u8>,
    features: Features,
}

impl<'m> Tagger<'m> {
    fn new(model: &'m Model) -> Tagger<'m> {
        let t = model.n_tags();
        let mut transitions = vec![0f32; (t + 1) * t];
        for (p, row) in transitions.chunks_mut(t.max(1)).enumerate() {
            model.score(&[transition(p.checked_sub(1))], row);
        }
        let memo = Memo::new(model, |role, out| word_features(role, None, out));
        Tagger { model, memo, transitions, history: HashedMap::default(), features: Features::new() }
    }

    /// Tags one sentence of a document cased as `case`, then remembers its types.
    fn tag(&mut self, case: &DocCase, sent: &Sentence) -> Vec<usize> {
        let t = self.model.n_tags();
        self.memo.begin_sentence();
        let ids: Vec<u32> = sent
            .words
            .iter()
            .zip(&sent.classes)
            .map(|(w, c)| self.memo.id(w.raw, |role, out| word_features(role, Some((w, c)), out)))
            .collect();
        let mut emissions = vec![0f32; sent.words.len() * t];
        for (i, row) in emissions.chunks_mut(t.max(1)).enumerate() {
            let mut sums = [0; 64];
            self.memo.add_window(&ids, i, &mut sums);
            self.features.clear();
            position_features(case, sent, i, &self.history, &mut self.features);
            self.model.accumulate(&self.features.hashes, &mut sums);
            to_scores(&sums, row);
        }
        let tags = viterbi(&emissions, &self.transitions, t);
        remember(&mut self.history, sent, &tags);
        tags
    }
}

/// Tags a document with a model: one tag sequence per sentence.
pub fn tag(model: &Model, doc: &Document) -> Vec<Vec<usize>> {
    let mut tagger = Tagger::new(model);
    doc.sentences.iter().map(|sent| tagger.tag(&doc.case, sent)).collect()
}

/// Tags a document as [`tag`] does, but prepares each sentence only when its turn comes, so
/// that the memory held is that of one sentence (plus the document's word sets) rather than
/// of the whole prepared document: [`Stream::new`] reads every sentence's words once for the
/// document's casing, then [`Stream::mentions`] tags the sentences in order.
pub struct Stream<'m> {
    tagger: Tagger<'m>,
    case: DocCase,
}

impl<'m> Stream<'m> {
    /// Starts a document whose sentences' words are `sentences`.
    pub fn new<S: AsRef<str>>(model: &'m Model, sentences: impl Iterator<Item = Vec<S>>) -> Stream<'m> {
        Stream { tagger: Tagger::new(model), case: DocCase::of(sentences) }
    }

    /// The [`mentions`] of the document's next sentence. `forms`, `pos` and `lookup` are as
    /// for [`Sentence::new`].
    pub fn mentions<S: AsRef<str>>(&mut self, forms: &[S], pos: &[usize], lookup: impl Fn(u64) -> u8) -> Vec<(Range<usize>, usize)> {
        let sent = Sentence::new(forms, pos, &lookup);
        let tags = self.tagger.tag(&self.case, &sent);
        mentions(&sent, &tags)
    }
}

/// The embedded model (`src/models/ner.model`), parsed once; `None` if it does not parse or
/// does not have the expected tags.
pub fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::from_bytes(include_bytes!("../models/ner.model")).ok().filter(|m| m.tags == tag_names()))
        .as_ref()
}

/// The public name lists (`src/models/ner.lists`), parsed once.
pub fn public_lists() -> &'static Gazetteer {
    static LISTS: OnceLock<Gazetteer> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut gaz = Gazetteer::default();
        parse_gazetteer(include_str!("../models/ner.lists"), &mut gaz);
        gaz
    })
}

/// The embedded gazetteer: names of the training data (`src/models/ner.gazetteer`) and the
/// public lists, parsed once.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(|| {
        let mut gaz = public_lists().clone();
        parse_gazetteer(include_str!("../models/ner.gazetteer"), &mut gaz);
        gaz
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_constrain() {
        assert_eq!(tag_names().len(), N_TAGS);
        assert_eq!(tag_name(tag_of(2, Part::Last)), "L-LOC");
        assert_eq!(split_tag(0), None);
        assert_eq!(split_tag(N_TAGS), None);
    }

    #[test]
    fn spans_close_open_mentions() {
        let (b, i, l, u) = (tag_of(0, Part::Begin), tag_of(0, Part::Inside), tag_of(0, Part::Last), tag_of(2, Part::Unit));
        assert_eq!(spans(&[0, b, i, l, 0, u]), vec![(1..4, 0), (5..6, 2)]);
        assert_eq!(spans(&[b, i]), vec![(0..2, 0)]);
        assert_eq!(spans(&[b, u]), vec![(0..1, 0), (1..2, 2)]);
        assert_eq!(spans(&[0, 0]), vec![]);
    }

    #[test]
    fn headline_mentions_lose_common_words_at_their_ends() {
        let u = |ty| tag_of(ty, Part::Unit);
        let (b, i, l) = (tag_of(1, Part::Begin), tag_of(1, Part::Inside), tag_of(1, Part::Last));
        // "Russia Raises Temporary Limits on Fuel", the first four words tagged as one name.
        let headline = Document::new(&[vec!["Russia", "Raises", "Temporary", "Limits", "on", "Fuel"]], &[], |_| 0);
        let got = mentions(&headline.sentences[0], &[b, i, i, l, 0, u(1)]);
        assert_eq!(got, vec![(0..1, 1)]);
        // The same words in an ordinary sentence are left alone.
        let plain = Document::new(&[vec!["Russia", "raises", "temporary", "limits", "on", "Fuel"]], &[], |_| 0);
        assert_eq!(mentions(&plain.sentences[0], &[u(2), 0, 0, 0, 0, u(1)]), vec![(0..1, 2), (5..6, 1)]);
    }

    #[test]
    fn text_phrase_keys_equal_word_phrase_keys() {
        let words = |p: &str| p.split(' ').map(Word::new).collect::<Vec<_>>();
        for p in ["New York", "Democratic People's Republic of Korea", "Kirby", ""] {
            assert_eq!(text_phrase_key(p.split(' ')), phrase_key(&words(p)), "{p}");
        }
        let differ = [("New York", "York New"), ("New York", "New York City"), ("Kirby", "kirby x")];
        for (a, b) in differ {
            assert_ne!(text_phrase_key(a.split(' ')), text_phrase_key(b.split(' ')), "{a} / {b}");
        }
    }

    #[test]
    fn places_have_kinds() {
        let cases = [
            ("France", Some("country")),
            ("Lyon", Some("city")),
            ("Texas", Some("region")),
            ("New York", Some("region")),
            ("Africa", Some("region")),
            ("Atlantis", None),
            ("", None),
        ];
        for (name, kind) in cases {
            assert_eq!(place_kind(name), kind, "{name}");
        }
    }

    #[test]
    fn gazetteer_marks_parts() {
        let mut gaz = Gazetteer::default();
        // Names before any section, and sections of unknown classes, are skipped.
        let text = "# x\nstray\n[LOC]\nNew York\n[ORG]\nNew York Times\n[BAD]\nbad\n[PER]\nKirby\n\n[FIRST]\nJohn\n";
        parse_gazetteer(text, &mut gaz);
        assert_eq!(gaz.len(), 4);
        let classes: Vec<(&str, &str)> = gazetteer_entries(text).collect();
        assert_eq!(classes[0], ("", "stray"));
        assert_eq!(classes[1], ("LOC", "New York"));
        assert_eq!(classes.last(), Some(&("FIRST", "John")));
        let doc = Document::new(&[vec!["the", "New", "York", "Times", "and", "Kirby"]], &[], |k| gaz.get(&k).copied().unwrap_or(0));
        let g = &doc.sentences[0].gaz;
        assert_eq!(g[0], 0);
        assert_eq!(g[1], 1 << (4 * 2) | 1 << 4); // B-LOC, B-ORG
        assert_eq!(g[2], 1 << (4 * 2 + 2) | 1 << (4 + 1)); // L-LOC, I-ORG
        assert_eq!(g[3], 1 << (4 + 2)); // L-ORG
        assert_eq!(g[5], 1 << 3); // U-PER
    }

    #[test]
    fn memoised_tagging_equals_the_decoder() {
        let Some(model) = model() else { panic!("the committed entity model loads") };
        let sentences: Vec<Vec<&str>> = [
            "John Kirby , the National Security Council spokesman , said Kim Jong - Un met Putin .",
            "Kirby said the talks in Vladivostok were \" productive \" .",
            "NORTH KOREA SAYS TALKS WITH RUSSIA WENT WELL",
            "x",
        ]
        .iter()
        .map(|s| s.split(' ').collect())
        .collect();
        let gaz = gazetteer();
        let doc = Document::new(&sentences, &[], |k| gaz.get(&k).copied().unwrap_or(0));
        let mut decoder = Decoder::new(&doc);
        let mut want = Vec::new();
        while let Some(tags) = decoder.next(model) {
            decoder.commit(&tags);
            want.push(tags);
        }
        assert_eq!(tag(model, &doc), want);
        assert!(want[0].iter().any(|&t| t != 0));
    }

    #[test]
    fn document_features_see_other_sentences() {
        let sentences = [
            vec!["Kirby", "spoke"],
            vec!["Then", "Kirby", "left"],
            vec!["NATO", "SAYS", "NO"],
            vec!["Rain", "Returns", "to", "the", "Valley"],
        ];
        let doc = Document::new(&sentences, &[], |_| 0);
        assert!(doc.case.cap_mid.contains(&Word::new("kirby").lower));
        assert!(!doc.case.cap_mid.contains(&Word::new("then").lower));
        assert!(doc.case.lower.contains(&Word::new("spoke").lower));
        let cases: Vec<u8> = doc.sentences.iter().map(|s| s.case).collect();
        assert_eq!(cases, [NORMAL, NORMAL, CAPITALS, TITLE_CASE]);
        assert!(!doc.case.cap_mid.contains(&Word::new("returns").lower));
    }
}
