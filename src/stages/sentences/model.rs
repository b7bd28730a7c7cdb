//! The sentence-boundary classifier: a linear model over hashed features.
//!
//! Input: the features of one possible boundary (from `features.rs`). Output: a score, a
//! boundary when positive. The weights live in `src/models/sentence-boundary.txt`, written by
//! `src/bin/train-sentences.rs` (an averaged perceptron on UD EWT train) and parsed once.
//! A feature is a template and parts, spelled `template part1 part2` in the model file
//! (tokens hold no spaces, so the spaces separate). Its key is the template's hash mixed
//! with each part's hash; a token's parts are hashed once per paragraph, so scoring a
//! boundary costs a few multiplications and lookups and allocates nothing.

use super::features::{Part, Sink, Spelling};
use crate::hash::FastMap;
use std::sync::OnceLock;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

/// The hash of a part spelled as is.
pub(crate) fn hash_raw(s: &str) -> u64 {
    fnv(FNV_OFFSET, s.as_bytes())
}

/// The hash of a part lower-cased character by character, without allocating.
pub(crate) fn hash_lower(s: &str) -> u64 {
    if s.is_ascii() {
        return s.bytes().fold(FNV_OFFSET, |h, b| (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME));
    }
    let mut buf = [0u8; 4];
    s.chars().flat_map(char::to_lowercase).fold(FNV_OFFSET, |h, c| fnv(h, c.encode_utf8(&mut buf).as_bytes()))
}

/// Mixes a part's hash into a feature key (the splitmix64 finaliser).
fn mix(h: u64, part: u64) -> u64 {
    let mut z = h ^ part;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn key(template: &str, parts: impl Iterator<Item = u64>) -> u64 {
    parts.fold(hash_raw(template), mix)
}

/// The name of a feature as the model file spells it: `template part1 part2…`.
pub(crate) fn feature_name(template: &str, parts: &[Part<'_>]) -> String {
    let mut name = String::from(template);
    for part in parts {
        name.push(' ');
        match part.spelling {
            Spelling::Raw(s) => name.push_str(s),
            Spelling::Lower(s) => name.extend(s.chars().flat_map(char::to_lowercase)),
        }
    }
    name
}

pub(crate) struct Model {
    weights: FastMap<u64, f32>,
}

impl Model {
    /// Parses `name<TAB>weight` lines; `#` lines are comments, malformed lines are skipped.
    pub(crate) fn parse(source: &str) -> Model {
        let weights = source
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let (name, weight) = line.rsplit_once('\t')?;
                let mut pieces = name.split(' ');
                let template = pieces.next()?;
                Some((key(template, pieces.map(hash_raw)), weight.trim().parse::<f32>().ok()?))
            })
            .collect();
        Model { weights }
    }

    /// The score of a boundary whose features `emit` produces.
    pub(crate) fn score(&self, emit: impl FnOnce(&mut Scorer<'_>)) -> f32 {
        let mut scorer = Scorer { model: self, sum: 0.0 };
        emit(&mut scorer);
        scorer.sum
    }
}

/// Sums the weights of the features it is given.
pub(crate) struct Scorer<'m> {
    model: &'m Model,
    sum: f32,
}

impl Sink for Scorer<'_> {
    fn add(&mut self, template: &str, parts: &[Part<'_>]) {
        let k = key(template, parts.iter().map(|p| p.hash));
        self.sum += self.model.weights.get(&k).copied().unwrap_or(0.0);
    }
}

/// The model shipped with the crate.
pub(crate) fn shipped() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(include_str!("../../models/sentence-boundary.txt")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(spelling: Spelling<'static>) -> Part<'static> {
        let hash = match spelling {
            Spelling::Raw(s) => hash_raw(s),
            Spelling::Lower(s) => hash_lower(s),
        };
        Part { spelling, hash }
    }

    #[test]
    fn keys_of_parts_equal_keys_of_spelled_names() {
        let parts = [part(Spelling::Lower("Th\u{C9}")), part(Spelling::Raw("Xx")), part(Spelling::Lower("\u{3A3}\u{3A3}")), part(Spelling::Lower("ABC"))];
        let name = feature_name("a_b", &parts);
        assert_eq!(name, "a_b th\u{E9} Xx \u{3C3}\u{3C3} abc");
        let model = Model::parse(&format!("{name}\t1.5\nbias\t0.25\n"));
        assert_eq!(model.score(|s| s.add("a_b", &parts)), 1.5);
        assert_eq!(model.score(|s| s.add("bias", &[])), 0.25);
        assert_eq!(model.score(|s| s.add("a_b", &parts[..3])), 0.0);
        assert_eq!(model.score(|s| s.add("a_c", &parts)), 0.0);
    }

    #[test]
    fn scores_sum_known_weights() {
        let model = Model::parse("# comment\nbias\t-1.5\na .\t2.25\nbad line\nb x\tnot-a-number\n");
        let score = model.score(|s| {
            s.add("bias", &[]);
            s.add("a", &[part(Spelling::Raw("."))]);
            s.add("a", &[part(Spelling::Raw("unseen"))]);
            s.add("b", &[part(Spelling::Raw("x"))]);
        });
        assert!((score - 0.75).abs() < 1e-6);
    }
}
