//! Writes the TypeScript declarations of `analyze`'s options and of every type in its
//! output, derived from the Rust types by ts-rs (feature `typescript`), so they are never
//! written twice by hand.
//!
//! Input: none. Output: the declarations on stdout, or into the file named by the first
//! argument. The committed copy is `npm/types.d.ts`; the test below fails when it is out of
//! date (regenerate with `cargo run --features typescript --bin gen-types -- npm/types.d.ts`).

use article_analyzer::{
    Analysis, BoilerplateKind, BoilerplateOut, Certainty, EntityKind, EntityOut, HedgeKind, HedgeOut, Hedging,
    KeyphraseOut, Language, LoadedKind, LoadedOut, Options, ParagraphOut, QuoteOut, Readability, Sentiment,
    RoleOut, SentenceOut, SourceKind, SourceOut, Sourcing, SpeakerOut, Stats, Structure, TokenKind, TokenOut, Upos, Utf16Span,
    Warning,
};
use ts_rs::{Config, TS};

const HEADER: &str = "\
// TypeScript declarations of article-analyzer's options and results.
// GENERATED from the Rust types by `cargo run --features typescript --bin gen-types`; do not edit.
// Offsets (`start`, `end`) are UTF-16 code units: `text.slice(start, end)` is the span's text.
";

/// One `export type …` declaration, preceded by the type's doc comment.
fn declaration<T: TS>(cfg: &Config) -> String {
    let docs = T::docs().unwrap_or_default();
    format!("\n{docs}export {}\n", T::decl(cfg))
}

/// Every declaration, the options and the root `Analysis` first.
fn declarations() -> String {
    let cfg = Config::new();
    let all = [
        declaration::<Options>(&cfg),
        declaration::<Analysis>(&cfg),
        declaration::<Utf16Span>(&cfg),
        declaration::<Language>(&cfg),
        declaration::<Warning>(&cfg),
        declaration::<Stats>(&cfg),
        declaration::<Readability>(&cfg),
        declaration::<Structure>(&cfg),
        declaration::<BoilerplateOut>(&cfg),
        declaration::<BoilerplateKind>(&cfg),
        declaration::<ParagraphOut>(&cfg),
        declaration::<SentenceOut>(&cfg),
        declaration::<Certainty>(&cfg),
        declaration::<TokenOut>(&cfg),
        declaration::<TokenKind>(&cfg),
        declaration::<Upos>(&cfg),
        declaration::<Sentiment>(&cfg),
        declaration::<LoadedOut>(&cfg),
        declaration::<LoadedKind>(&cfg),
        declaration::<KeyphraseOut>(&cfg),
        declaration::<QuoteOut>(&cfg),
        declaration::<SpeakerOut>(&cfg),
        declaration::<SourceOut>(&cfg),
        declaration::<SourceKind>(&cfg),
        declaration::<Sourcing>(&cfg),
        declaration::<HedgeOut>(&cfg),
        declaration::<HedgeKind>(&cfg),
        declaration::<Hedging>(&cfg),
        declaration::<EntityOut>(&cfg),
        declaration::<RoleOut>(&cfg),
        declaration::<EntityKind>(&cfg),
    ];
    format!("{HEADER}{}", all.concat())
}

fn main() -> std::io::Result<()> {
    let text = declarations();
    match std::env::args().nth(1) {
        Some(path) => std::fs::write(path, text),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_declarations_are_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/npm/types.d.ts");
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == declarations(),
            "npm/types.d.ts is out of date: run `cargo run --features typescript --bin gen-types -- npm/types.d.ts`"
        );
    }

    #[test]
    fn declarations_follow_serde_names_and_skips() {
        let text = declarations();
        for (needle, present) in [
            ("export type Analysis = {", true),
            ("readingTimeMinutes: number", true),
            ("tokens?: Array<TokenOut>", true),
            ("inBody: boolean", true),
            ("\"PROPN\"", true),
            ("reading_time_minutes", false),
            ("in_body", false),
        ] {
            assert_eq!(text.contains(needle), present, "{needle}");
        }
    }
}
