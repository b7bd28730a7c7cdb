//! # article-analyzer
//!
//! Analyse a news article entirely on the reader's device: find the article inside what was
//! pasted (title, headings, body, boilerplate), split it into paragraphs, sentences and
//! tokens, detect its language and measure its statistics and readability.
//!
//! One function does it all, natively, in WebAssembly (`src/wasm.rs`) and in the CLI:
//!
//! ```
//! use article_analyzer::{analyze, Options};
//!
//! let text = "Rain Returns to the Valley\n\nFarmers welcomed the first rain in months on \
//!             Tuesday. \"It is a relief,\" said Ana Ruiz, who grows almonds near Fresno.";
//! let analysis = analyze(text, &Options::default()).unwrap();
//! assert_eq!(analysis.language.code, "en");
//! assert_eq!(analysis.sentences.len(), 3);
//! let title = analysis.structure.title.unwrap();
//! assert_eq!(&text[title.start..title.end], "Rain Returns to the Valley");
//! ```
//!
//! Spans in the result are UTF-16 code-unit offsets (what JavaScript's `String.slice`
//! takes); for ASCII text, as above, they equal byte offsets.

mod doc;
pub mod hash;
mod lexicon;
mod options;
mod output;
mod pipeline;
mod stages;
#[doc(hidden)]
pub mod tagger;
mod text;
#[doc(hidden)]
pub mod training;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use doc::{BoilerplateKind, EntityKind, Language, LoadedKind, Readability, Sentiment, Stats, TokenKind, Upos, Warning};
pub use options::Options;
pub use doc::{Certainty, HedgeKind, Hedging, SourceKind, Sourcing};
pub use output::{
    Analysis, BoilerplateOut, EntityOut, HedgeOut, KeyphraseOut, LoadedOut, ParagraphOut, QuoteOut, RoleOut, SentenceOut, SourceOut, SpeakerOut,
    Structure, TokenOut, Utf16Span,
};

use std::fmt;

/// Internals exposed for the per-stage benchmarks and the fuzz targets only; not a stable API.
#[doc(hidden)]
pub mod internals {
    pub use crate::doc::Document;
    pub use crate::pipeline::{run_before, Stage, STAGES};
    pub use crate::stages::hedges::training as hedge_training;
    pub use crate::stages::quotes::training as quote_training;
    pub use crate::stages::sentiment::training as sentiment_training;
    pub use crate::stages::summary::{features as summary_features, FEATURES as SUMMARY_FEATURES};
}

/// The largest input `analyze` accepts, in bytes of UTF-8 (about 16 million characters).
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// Why `analyze` refused an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnalyzeError {
    /// The input is longer than [`MAX_INPUT_BYTES`].
    TooLarge { bytes: usize },
}

impl fmt::Display for AnalyzeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnalyzeError::TooLarge { bytes } => write!(
                f,
                "the text is {:.1} MB, larger than the {} MB this analyzer accepts; split it into smaller parts",
                *bytes as f64 / 1_048_576.0,
                MAX_INPUT_BYTES / 1_048_576
            ),
        }
    }
}

impl std::error::Error for AnalyzeError {}

/// Analyses `text`. Never panics; refuses only inputs over [`MAX_INPUT_BYTES`].
pub fn analyze(text: &str, options: &Options) -> Result<Analysis, AnalyzeError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(AnalyzeError::TooLarge { bytes: text.len() });
    }
    let doc = pipeline::run(text);
    Ok(output::build(doc, options))
}
