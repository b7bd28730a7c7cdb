//! The sentence-boundary classifier: a linear model over hashed features.
//!
//! Input: the features of one possible boundary (from `features.rs`). Output: a score, a
//! boundary when positive. The weights live in `src/models/sentence-boundary.txt`, written by
//! `src/bin/train-sentences.rs` (an averaged perceptron on UD EWT train) and parsed once.
//! Feature names are hashed with 64-bit FNV-1a as they are produced, so scoring allocates
//! nothing; the training binary spells the same names out with [`feature_name`].

use super::features::{Part, Sink};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over the bytes of a feature name, fed piece by piece.
struct Fnv(u64);

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }

    fn part(&mut self, part: Part<'_>) {
        match part {
            Part::Raw(s) => self.bytes(s.as_bytes()),
            Part::Lower(s) => {
                let mut buf = [0u8; 4];
                for c in s.chars().flat_map(char::to_lowercase) {
                    self.bytes(c.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
    }
}

/// The hash of the feature `template=part1|part2…`.
fn feature_hash(template: &str, parts: &[Part<'_>]) -> u64 {
    let mut h = Fnv(FNV_OFFSET);
    h.bytes(template.as_bytes());
    for (k, &part) in parts.iter().enumerate() {
        h.bytes(if k == 0 { b"=" } else { b"|" });
        h.part(part);
    }
    h.0
}

/// The name of the feature `template=part1|part2…`, as the model file spells it.
pub(crate) fn feature_name(template: &str, parts: &[Part<'_>]) -> String {
    let mut name = String::from(template);
    for (k, &part) in parts.iter().enumerate() {
        name.push(if k == 0 { '=' } else { '|' });
        match part {
            Part::Raw(s) => name.push_str(s),
            Part::Lower(s) => name.extend(s.chars().flat_map(char::to_lowercase)),
        }
    }
    name
}

/// Keys are already hashes: pass them through.
#[derive(Default)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) struct Model {
    weights: HashMap<u64, f32, BuildHasherDefault<Identity>>,
}

impl Model {
    /// Parses `name<TAB>weight` lines; `#` lines are comments, malformed lines are skipped.
    pub(crate) fn parse(source: &str) -> Model {
        let weights = source
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let (name, weight) = line.rsplit_once('\t')?;
                Some((hash_name(name), weight.trim().parse::<f32>().ok()?))
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

/// The hash of a feature name read from the model file: `template=parts`, where the parts
/// are hashed as raw bytes (they were lower-cased when written).
fn hash_name(name: &str) -> u64 {
    let mut h = Fnv(FNV_OFFSET);
    h.bytes(name.as_bytes());
    h.0
}

/// Sums the weights of the features it is given.
pub(crate) struct Scorer<'m> {
    model: &'m Model,
    sum: f32,
}

impl Sink for Scorer<'_> {
    fn add(&mut self, template: &str, parts: &[Part<'_>]) {
        self.sum += self.model.weights.get(&feature_hash(template, parts)).copied().unwrap_or(0.0);
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

    #[test]
    fn hash_of_parts_equals_hash_of_spelled_name() {
        let parts = [Part::Lower("Th\u{C9}"), Part::Raw("Xx"), Part::Lower("\u{3A3}\u{3A3}")];
        let name = feature_name("a_b", &parts);
        assert_eq!(name, "a_b=th\u{E9}|Xx|\u{3C3}\u{3C3}");
        assert_eq!(feature_hash("a_b", &parts), hash_name(&name));
        assert_eq!(feature_hash("bias", &[]), hash_name("bias"));
        assert_ne!(feature_hash("a", &[Part::Raw("x")]), hash_name("a=y"));
    }

    #[test]
    fn scores_sum_known_weights() {
        let model = Model::parse("# comment\nbias\t-1.5\na=.\t2.25\nbad line\nb=x\tnot-a-number\n");
        let score = model.score(|s| {
            s.add("bias", &[]);
            s.add("a", &[Part::Raw(".")]);
            s.add("a", &[Part::Raw("unseen")]);
        });
        assert!((score - 0.75).abs() < 1e-6);
    }
}
