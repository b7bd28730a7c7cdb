//! Part-of-speech stage: gives every token of every sentence a Universal POS tag.
//!
//! Reads: tokens, sentences, language (text confidently in another language is left alone).
//! Writes: `Token::pos`. The tagger and its embedded model live
//! in `crate::tagger::pos`; when the model cannot be loaded the tags stay `None`.

use crate::doc::{Document, Upos};
use crate::tagger::pos::{self, Input};

/// `Upos` values in the order of `pos::TAGS`.
pub(crate) const UPOS: [Upos; 17] = [
    Upos::Adj,
    Upos::Adp,
    Upos::Adv,
    Upos::Aux,
    Upos::Cconj,
    Upos::Det,
    Upos::Intj,
    Upos::Noun,
    Upos::Num,
    Upos::Part,
    Upos::Pron,
    Upos::Propn,
    Upos::Punct,
    Upos::Sconj,
    Upos::Sym,
    Upos::Verb,
    Upos::X,
];

pub(crate) fn run(doc: &mut Document) {
    let Some(model) = pos::model() else { return };
    let lexicon = pos::lexicon();
    let text = doc.text;
    let mut tagger = pos::Tagger::new(model);
    for s in &doc.sentences {
        let Some(tokens) = doc.tokens.get_mut(s.tokens.clone()) else { continue };
        let input = Input::new(tokens.iter().map(|t| &text[t.span.start..t.span.end]), lexicon);
        for (token, tag) in tokens.iter_mut().zip(tagger.tag(&input)) {
            token.pos = UPOS.get(tag).copied();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::{paragraphs, sentences, tokens};

    fn tags(text: &str) -> Vec<(String, Option<Upos>)> {
        let mut doc = Document::new(text);
        paragraphs::run(&mut doc);
        tokens::run(&mut doc);
        sentences::run(&mut doc);
        run(&mut doc);
        doc.tokens.iter().map(|t| (doc.text_of(t.span).to_string(), t.pos)).collect()
    }

    #[test]
    fn every_token_gets_a_tag() {
        for text in ["The minister resigned on Tuesday. Markets fell 3%!", "", "   ", "ok", "\u{1F600} ,,, 😀"] {
            assert!(tags(text).iter().all(|(_, p)| p.is_some()), "{text:?}");
        }
    }

    #[test]
    fn tags_follow_the_words() {
        let got = tags("The minister resigned on Tuesday.");
        let want = [Upos::Det, Upos::Noun, Upos::Verb, Upos::Adp, Upos::Propn, Upos::Punct];
        assert_eq!(got.iter().map(|(_, p)| p.unwrap_or(Upos::X)).collect::<Vec<_>>(), want);
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_tag_order_matches_the_model() {
        for (name, upos) in pos::TAGS.iter().zip(UPOS) {
            assert_eq!(format!("\"{name}\""), serde_json::to_string(&upos).unwrap_or_default());
        }
    }
}
