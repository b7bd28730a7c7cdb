//! What `src/bin/train-sentiment.rs` needs to fit the constants of `sentiment-params.tsv`:
//! the evidence of a document's scored sentences (computed once per text) and the scoring
//! functions that turn it into a compound for any candidate constants. Not a stable API.

pub use super::score::Params;
use super::{read_sentences, rules::Evidence, score};
use crate::doc::Document;

/// The evidence of the sentences a document's tone is computed from.
#[derive(Debug)]
pub struct DocumentEvidence(Vec<Evidence>);

impl DocumentEvidence {
    /// Reads a document that has gone through every stage before `sentiment`.
    pub fn of(doc: &Document) -> DocumentEvidence {
        let mut loaded = Vec::new();
        let all: Vec<(Evidence, u8)> = read_sentences(doc, &mut loaded).collect();
        let best = all.iter().map(|(_, c)| *c).min().unwrap_or(0);
        DocumentEvidence(all.into_iter().filter(|(_, c)| *c == best).map(|(e, _)| e).collect())
    }

    /// Each sentence's evidence, one line per sentiment word, with its contribution under `p`.
    pub fn explain(&self, p: &Params) -> String {
        let mut out = String::new();
        for (n, sentence) in self.0.iter().enumerate() {
            out.push_str(&format!("sentence {n}: raw {:.3}, {sentence:?}\n", score::sentence_raw(sentence, p)));
            for (hit, c) in sentence.hits.iter().zip(score::contributions(sentence, p)) {
                out.push_str(&format!("  {c:+.3} {hit:?}\n"));
            }
        }
        out
    }

    /// The document's compound under the constants `p`, exactly as the stage computes it.
    pub fn compound(&self, p: &Params) -> f64 {
        let raws: Vec<f64> = self.0.iter().map(|e| score::sentence_raw(e, p)).collect();
        score::document(&raws, p)
    }
}
