//! Weighing the evidence: the constants of the sentiment model and the arithmetic that turns the
//! [`Evidence`] of sentences into scores.
//!
//! Input: evidence from `rules.rs` and the constants of `src/lexicon/sentiment-params.tsv`
//! (fitted by `cargo run --release --bin train-sentiment`; see that file's header). Output: a
//! raw score per sentence (an unbounded sum of valences), its compound in [-1, 1], and the
//! document's compound, which does not grow with length: the raw scores of the sentences are
//! summed and divided by the number of sentences over `window` (so a text of `window` sentences
//! or fewer is read as one passage, and a longer one as the mean passage of that length),
//! then squashed by `x / sqrt(x² + alpha)`. The same paragraph repeated ten times keeps its score.

use super::lexicon::{Derivation, Source};
use super::rules::{Evidence, Hit, Zone};
#[cfg(test)]
use super::rules::Negation;
use std::sync::OnceLock;

/// Declares [`Params`] with one `f64` field per name, in file order.
macro_rules! params {
    ($($(#[doc = $doc:literal])* $name:ident),* $(,)?) => {
        /// The constants of the model; each is documented in `sentiment-params.tsv`.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Params {
            $($(#[doc = $doc])* pub $name: f64,)*
        }

        impl Params {
            /// The names of the constants, in file order.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            /// Every constant at 1.
            fn ones() -> Params {
                Params { $($name: 1.0,)* }
            }

            /// The constant called `name`.
            pub fn get_mut(&mut self, name: &str) -> Option<&mut f64> {
                match name {
                    $(stringify!($name) => Some(&mut self.$name),)*
                    _ => None,
                }
            }
        }
    };
}

params! {
    /// Brings Pattern's -1..1 polarity to VADER's -4..4 scale.
    pattern,
    /// Weight of our own ratings (`sentiment-extra.tsv`).
    extra,
    /// Weight of a valence taken from an inflected or derived form ("charms" from "charm").
    derived,
    /// Weight of a valence reversed by "un-" or "-less" ("unfunny").
    reversed,
    /// Subtracted from every positive valence: mild praise words are common in neutral text.
    positive_offset,
    /// Added to (or, for dampeners, taken from) a valence's magnitude per degree word.
    degree,
    /// Added to a valence's magnitude when the word is in capitals among lower-case words.
    caps,
    /// Multiplies a negated valence (negative: negation reverses).
    negation,
    /// Weight of a negator's own valence ("no" is rated -1.2 by VADER).
    negator_tone,
    /// How many words after a negator it still reaches.
    negation_scope,
    /// How many sentiment words after a negator it reverses.
    negation_words,
    /// Multiplies a valence in a hypothetical clause ("it could have been great").
    irrealis,
    /// Multiplies the valence of news reporting vocabulary ("attack", "crisis"); at most 1.
    domain,
    /// Weight of the words before the last "but" of a sentence.
    before_contrast,
    /// Weight of the words after the last "but" of a sentence.
    after_contrast,
    /// Weight of the words of a clause opened by "although".
    conceded,
    /// Added to a sentence's magnitude per exclamation mark (at most three count).
    exclamation,
    /// Multiplies the score of a question.
    question,
    /// A sentence's sum is divided by (number of sentiment words) to this power.
    hits_exponent,
    /// The squashing constant of `x / sqrt(x² + alpha)`.
    alpha,
    /// The length, in sentences, of the passage a document's score is normalised to.
    window,
}

impl Params {
    /// The committed constants, parsed once.
    pub fn current() -> &'static Params {
        static PARAMS: OnceLock<Params> = OnceLock::new();
        PARAMS.get_or_init(|| Params::parse(include_str!("../../lexicon/sentiment-params.tsv")))
    }

    /// Reads `name<TAB>value` lines; comments start with `#`. A constant the file lacks is 1.
    pub fn parse(file: &str) -> Params {
        let mut params = Params::ones();
        for line in file.lines().filter(|l| !l.starts_with('#')) {
            let Some((name, value)) = line.split_once('\t') else { continue };
            if let (Some(slot), Ok(v)) = (params.get_mut(name.trim()), value.trim().parse::<f64>()) {
                *slot = v;
            }
        }
        params
    }

    /// The constants as a `name<TAB>value` file body.
    pub fn to_tsv(&self) -> String {
        let mut copy = self.clone();
        let mut out = String::new();
        for name in Params::NAMES {
            if let Some(v) = copy.get_mut(name) {
                out.push_str(&format!("{name}\t{v}\n"));
            }
        }
        out
    }
}

/// A sentiment word's valence on VADER's scale, before the words around it modify it.
fn base(hit: &Hit, p: &Params) -> f64 {
    let mut v = f64::from(hit.valence)
        * match hit.source {
            Source::Pattern => p.pattern,
            Source::Extra => p.extra,
            Source::Vader | Source::Idiom => 1.0,
        };
    match hit.derivation {
        Derivation::Listed => {}
        Derivation::Elongated => v += v.signum() * p.degree,
        Derivation::Suffix => v *= p.derived,
        Derivation::Reversed => v = -v * p.reversed,
        Derivation::Negator => v *= p.negator_tone,
    }
    if v > 0.0 {
        v = (v - p.positive_offset).max(0.0);
    }
    v
}

/// `v` (a non-zero base valence) as modified by the words around the hit.
fn modified(mut v: f64, hit: &Hit, negated: bool, p: &Params) -> f64 {
    let sign = v.signum();
    v = sign * (v.abs() + p.degree * f64::from(hit.degree)).max(0.0);
    if hit.caps {
        v += sign * p.caps;
    }
    if negated {
        v *= p.negation;
    }
    if hit.irrealis {
        v *= p.irrealis;
    }
    if hit.domain {
        v *= p.domain;
    }
    v * match hit.zone {
        Zone::Plain => 1.0,
        Zone::BeforeContrast => p.before_contrast,
        Zone::AfterContrast => p.after_contrast,
        Zone::Conceded => p.conceded,
    }
}

/// The signed contribution of each sentiment word of a sentence, in order. A negator reverses
/// the first `negation_words` sentiment words after it that lie within `negation_scope` words;
/// words whose base valence is zero under `p` are not counted.
pub fn contributions<'a>(ev: &'a Evidence, p: &'a Params) -> impl Iterator<Item = f64> + 'a {
    // (negator, sentiment words after it so far)
    let mut counted: Option<(u16, u32)> = None;
    ev.hits.iter().map(move |hit| {
        let v = base(hit, p);
        if v == 0.0 {
            return 0.0;
        }
        let negated = hit.negation.is_some_and(|n| {
            let before = counted.filter(|&(id, _)| id == n.negator).map_or(0, |(_, k)| k);
            counted = Some((n.negator, before + 1));
            f64::from(n.distance) < p.negation_scope && f64::from(before) < p.negation_words
        });
        modified(v, hit, negated, p)
    })
}

/// The raw (unbounded) score of one sentence.
pub fn sentence_raw(ev: &Evidence, p: &Params) -> f64 {
    let mut sum = 0.0;
    let mut hits = 0u32;
    for c in contributions(ev, p).filter(|&c| c != 0.0) {
        sum += c;
        hits += 1;
    }
    if sum == 0.0 {
        return 0.0;
    }
    sum += sum.signum() * p.exclamation * f64::from(ev.exclamations.min(3));
    if ev.question {
        sum *= p.question;
    }
    sum / f64::from(hits.max(1)).powf(p.hits_exponent)
}

/// Squashes a raw score into [-1, 1].
pub fn compound(raw: f64, p: &Params) -> f64 {
    let c = raw / (raw * raw + p.alpha).sqrt();
    if c.is_finite() {
        c.clamp(-1.0, 1.0)
    } else {
        0.0
    }
}

/// The compound of a whole document from the raw scores of its sentences.
pub fn document(raws: &[f64], p: &Params) -> f64 {
    let passages = (raws.len() as f64 / p.window).max(1.0);
    compound(raws.iter().sum::<f64>() / passages, p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(valence: f32) -> Hit {
        Hit {
            span: crate::doc::Span::default(),
            valence,
            source: Source::Vader,
            derivation: Derivation::Listed,
            degree: 0,
            caps: false,
            negation: None,
            irrealis: false,
            domain: false,
            zone: Zone::Plain,
        }
    }

    #[test]
    fn committed_params_parse_completely() {
        let file = include_str!("../../lexicon/sentiment-params.tsv");
        for name in Params::NAMES {
            assert!(file.lines().any(|l| l.split('\t').next() == Some(*name)), "{name} missing");
        }
        let p = Params::current();
        assert!(p.negation < 0.0 && p.alpha > 0.0 && p.window >= 1.0);
        assert!(p.domain <= 1.0, "reporting vocabulary must be dampened");
        assert_eq!(Params::parse(&p.to_tsv()), *p);
    }

    /// The contributions of a sentence of these hits.
    fn scores(hits: &[Hit]) -> Vec<f64> {
        let ev = Evidence { hits: hits.to_vec(), ..Evidence::default() };
        contributions(&ev, Params::current()).collect()
    }

    fn one(h: Hit) -> f64 {
        scores(&[h])[0]
    }

    #[test]
    fn modifiers_change_a_word_as_documented() {
        let plain = one(hit(2.0));
        assert!(plain > 0.0);
        let negated = |distance, valence| Hit { negation: Some(Negation { distance, negator: 1 }), ..hit(valence) };
        assert!(one(negated(0, 2.0)) < 0.0);
        assert!(one(negated(20, 2.0)) > 0.0, "out of scope");
        assert!(one(Hit { degree: 1, ..hit(2.0) }) > plain);
        assert!(one(Hit { degree: -1, ..hit(2.0) }) < plain);
        assert!(one(Hit { caps: true, ..hit(2.0) }) > plain);
        assert!(one(Hit { domain: true, ..hit(-2.0) }) > one(hit(-2.0)));
        assert!(one(Hit { zone: Zone::AfterContrast, ..hit(2.0) }) > one(Hit { zone: Zone::BeforeContrast, ..hit(2.0) }));
        // A dampener never flips the sign.
        assert!(one(Hit { degree: -5, ..hit(-0.5) }) <= 0.0);
        // A word the constants zero out does not use up the negation ("not nearly that awesome").
        let weak = Hit { source: Source::Pattern, ..negated(0, 0.01) };
        let after = scores(&[weak, negated(2, 3.0)]);
        assert_eq!(after[0], 0.0);
        assert!(after[1] < 0.0, "{after:?}");
        // Only the first `negation_words` words after a negator are reversed.
        let two = scores(&[negated(0, 2.0), negated(1, 2.0)]);
        assert!(two[0] < 0.0 && (two[1] > 0.0) == (Params::current().negation_words <= 1.0), "{two:?}");
    }

    #[test]
    fn document_score_does_not_grow_with_length() {
        let p = Params::current();
        let paragraph = [1.5, -0.5, 2.0, 0.8];
        let repeated: Vec<f64> = paragraph.iter().copied().cycle().take(paragraph.len() * 10).collect();
        assert!((document(&paragraph, p) - document(&repeated, p)).abs() < 1e-12);
        assert_eq!(compound(0.0, p), 0.0);
        assert_eq!(compound(f64::INFINITY, p), 0.0);
        assert!(compound(1e9, p) <= 1.0);
    }
}
