//! The ordered list of stages. Each stage reads layers of the [`Document`] and writes its own;
//! stages talk to each other only through the document.

use crate::doc::Document;
use crate::stages::{
    entities, hedges, keyphrases, language, paragraphs, pos, quotes, readability, sentences, sentiment, sources, stats, structure,
    summary, tokens,
};

/// A named analysis stage.
pub struct Stage {
    pub name: &'static str,
    pub run: fn(&mut Document),
    /// The stage relies on English word lists or models and is skipped for text in another
    /// language (the language stage has then added a `notEnglish` warning).
    pub english_only: bool,
}

const fn any_language(name: &'static str, run: fn(&mut Document)) -> Stage {
    Stage { name, run, english_only: false }
}

const fn english(name: &'static str, run: fn(&mut Document)) -> Stage {
    Stage { name, run, english_only: true }
}

/// Every stage, in the order they run. What each reads and writes is in its module docs.
pub static STAGES: &[Stage] = &[
    any_language("paragraphs", paragraphs::run),
    any_language("tokens", tokens::run),
    any_language("sentences", sentences::run),
    any_language("structure", structure::run),
    any_language("language", language::run),
    any_language("stats", stats::run),
    english("readability", readability::run),
    english("pos", pos::run),
    english("entities", entities::run),
    english("sentiment", sentiment::run),
    english("keyphrases", keyphrases::run),
    any_language("summary", summary::run),
    english("quotes", quotes::run),
    english("sources", sources::run),
    english("hedges", hedges::run),
];

/// The document as the stages before the one named `name` leave it (every stage runs, English
/// or not): what a trainer or a test of that stage starts from.
pub fn run_before<'t>(text: &'t str, name: &str) -> Document<'t> {
    let mut doc = Document::new(text);
    for stage in STAGES.iter().take_while(|s| s.name != name) {
        (stage.run)(&mut doc);
    }
    doc
}

/// Runs every stage over `text` and returns the finished document.
pub(crate) fn run(text: &str) -> Document<'_> {
    let mut doc = Document::new(text);
    for stage in STAGES {
        if stage.english_only && !doc.english {
            continue;
        }
        (stage.run)(&mut doc);
    }
    doc
}

#[cfg(test)]
mod tests {
    #[test]
    fn english_only_stages_are_skipped_for_other_languages() {
        let text = "Der Stadtrat hat am Mittwoch beschlossen, neue Busspuren auf drei der belebtesten \
                    Straßen der Innenstadt einzurichten. Die Befürworter sagen, die Fahrzeiten würden \
                    sich um bis zu fünfzehn Minuten verkürzen, während die Gegner vor dem Verlust von \
                    Parkplätzen warnen.";
        let doc = super::run(text);
        assert_eq!(doc.language.code, "de");
        assert!(doc.warnings.iter().any(|w| w.code == "notEnglish"));
        assert_eq!(doc.readability, crate::doc::Readability::default());
        assert!(doc.keyphrases.is_empty() && doc.entities.is_empty());
        assert!(doc.tokens.iter().all(|t| t.pos.is_none()));
        assert!(doc.stats.words > 30 && !doc.sentences.is_empty());
    }
}
