//! The ordered list of stages. Each stage reads layers of the [`Document`] and writes its own;
//! stages talk to each other only through the document.

use crate::doc::Document;
use crate::stages::{hedges, language, paragraphs, quotes, readability, sentences, sentiment, sources, stats, structure, tokens};

/// A named analysis stage.
pub struct Stage {
    pub name: &'static str,
    pub run: fn(&mut Document),
}

/// Every stage, in the order they run. What each reads and writes is in its module docs.
pub static STAGES: &[Stage] = &[
    Stage { name: "paragraphs", run: paragraphs::run },
    Stage { name: "tokens", run: tokens::run },
    Stage { name: "sentences", run: sentences::run },
    Stage { name: "structure", run: structure::run },
    Stage { name: "language", run: language::run },
    Stage { name: "stats", run: stats::run },
    Stage { name: "readability", run: readability::run },
    Stage { name: "sentiment", run: sentiment::run },
    Stage { name: "keyphrases", run: crate::stages::keyphrases::run },
    Stage { name: "summary", run: crate::stages::summary::run },
    Stage { name: "quotes", run: quotes::run },
    Stage { name: "sources", run: sources::run },
    Stage { name: "hedges", run: hedges::run },
];

/// Runs every stage over `text` and returns the finished document.
pub(crate) fn run(text: &str) -> Document<'_> {
    let mut doc = Document::new(text);
    for stage in STAGES {
        (stage.run)(&mut doc);
    }
    doc
}
