//! The ordered list of stages. Each stage reads layers of the [`Document`] and writes its own;
//! stages talk to each other only through the document.

use crate::doc::Document;
use crate::stages::{entities, language, paragraphs, pos, readability, sentences, stats, structure, tokens};

/// Runs every stage over `text` and returns the finished document.
pub(crate) fn run(text: &str) -> Document<'_> {
    let mut doc = Document::new(text);
    paragraphs::run(&mut doc); // writes paragraphs (all `Body` for now)
    tokens::run(&mut doc); // reads text; writes tokens, words
    sentences::run(&mut doc); // reads paragraphs, tokens; writes sentences
    structure::run(&mut doc); // reads paragraphs, sentences, tokens; sets paragraph kinds
    pos::run(&mut doc); // reads tokens, sentences; sets Token::pos
    entities::run(&mut doc); // reads paragraphs, tokens (+ pos), sentences; writes entities
    language::run(&mut doc); // reads body paragraphs; writes language (+ warning)
    stats::run(&mut doc); // reads body words, sentences; writes stats
    readability::run(&mut doc); // reads stats; writes readability (+ warning)
    doc
}
