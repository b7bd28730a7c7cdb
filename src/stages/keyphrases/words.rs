//! Word lists and normal forms shared by the key phrase and summary stages.
//!
//! Input: single words as written. Output: their lowercase form (curly apostrophes folded),
//! whether they are stop words or (for untagged text) words that rarely sit in a noun
//! phrase, and the singular under which variants are merged ("deal", "Deals" → "deal").
//! The lists live in `src/lexicon/keyphrase_*.txt` and are parsed once. Lookups hash with
//! [`crate::hash::FastHasher`], as these two stages look up every word of the text.

use crate::text::fold;
use std::borrow::Cow;
use crate::hash::{FastMap, FastSet};
use std::sync::OnceLock;

type WordSet = FastSet<&'static str>;

/// Parses a word list: whitespace-separated words, `#` comment lines.
fn parse(data: &'static str) -> WordSet {
    data.lines().filter(|l| !l.starts_with('#')).flat_map(str::split_whitespace).collect()
}

fn stopwords() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| parse(include_str!("../../lexicon/keyphrase_stopwords.txt")))
}

fn nonnominal() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| parse(include_str!("../../lexicon/keyphrase_nonnominal.txt")))
}

fn nominal_suffixed() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| parse(include_str!("../../lexicon/keyphrase_nominal_suffixed.txt")))
}

/// The word in lowercase, with typographic apostrophes folded to `'` (borrowed when the
/// word is that already).
pub(crate) fn lower(word: &str) -> Cow<'_, str> {
    if !word.is_ascii() {
        Cow::Owned(word.chars().map(fold).flat_map(char::to_lowercase).collect())
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// True for a function word, auxiliary, reporting verb… (`lower` must be lowercase).
pub(crate) fn is_stopword(lower: &str) -> bool {
    stopwords().contains(lower)
}

/// True for a word that is mostly a verb or an adverb (`lower` must be lowercase).
pub(crate) fn is_nonnominal(lower: &str) -> bool {
    nonnominal().contains(lower)
}

/// True for a lowercase word ending in -ing or -ed that is not known as a noun or an
/// adjective ("crashed", "sweeping"; not "meeting", "red"): probably a verb form.
pub(crate) fn is_verb_form(lower: &str) -> bool {
    lower.len() > 4 && (lower.ends_with("ing") || lower.ends_with("ed")) && !nominal_suffixed().contains(lower)
}

/// True for a lowercase word ending in -ly that is not known as a noun or an adjective
/// ("intentionally"; not "family", "weekly"): probably an adverb.
pub(crate) fn is_adverb_form(lower: &str) -> bool {
    lower.len() > 4 && lower.ends_with("ly") && !nominal_suffixed().contains(lower)
}

/// The singular of a lowercase English noun by the regular rules ("deals" → "deal",
/// "countries" → "country", "taxes" → "tax"); words of three letters or fewer, and words
/// ending in -ss, -us or -is, are returned as they are.
pub(crate) fn singular(lower: &str) -> Cow<'_, str> {
    if lower.len() <= 3 || !lower.ends_with('s') {
        return Cow::Borrowed(lower);
    }
    let cut = |n: usize| Cow::Borrowed(&lower[..lower.len() - n]);
    if let Some(stem) = lower.strip_suffix("ies") {
        Cow::Owned(format!("{stem}y"))
    } else if ["sses", "xes", "ches", "shes"].iter().any(|s| lower.ends_with(s)) {
        cut(2)
    } else if ["ss", "us", "is"].iter().any(|s| lower.ends_with(s)) {
        Cow::Borrowed(lower)
    } else {
        cut(1)
    }
}

/// Assigns small integer ids to word forms, in order of first sight.
#[derive(Default)]
pub(crate) struct Interner {
    ids: FastMap<String, u32>,
}

impl Interner {
    pub(crate) fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(word.to_string(), id);
        id
    }

    /// How many distinct words have an id.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }
}

/// The id of the singular lowercase form of a content word, or `None` for a stop word.
pub(crate) fn content_id(interner: &mut Interner, word: &str) -> Option<u32> {
    let lowered = lower(word);
    (!is_stopword(&lowered)).then(|| interner.id(&singular(&lowered)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singulars() {
        let table = [
            ("deals", "deal"),
            ("countries", "country"),
            ("taxes", "tax"),
            ("churches", "church"),
            ("classes", "class"),
            ("seats", "seat"),
            ("news", "new"),
            // misses: left alone
            ("class", "class"),
            ("virus", "virus"),
            ("analysis", "analysis"),
            ("gas", "gas"),
            ("deal", "deal"),
            ("été", "été"),
        ];
        for (word, want) in table {
            assert_eq!(singular(word), want, "{word}");
        }
    }

    #[test]
    fn content_ids_merge_variants_and_skip_stop_words() {
        let mut interner = Interner::default();
        let deal = content_id(&mut interner, "deal");
        assert!(deal.is_some());
        assert_eq!(content_id(&mut interner, "Deals"), deal);
        assert_ne!(content_id(&mut interner, "vote"), deal);
        assert_eq!(content_id(&mut interner, "The"), None);
        assert_eq!(interner.len(), 2);
    }

    #[test]
    fn lists_and_lowercase() {
        assert_eq!(lower("Don\u{2019}t"), "don't");
        for hit in ["the", "said", "don't", "wednesday", "n't"] {
            assert!(is_stopword(hit), "{hit}");
        }
        for miss in ["census", "deal", "seat", ""] {
            assert!(!is_stopword(miss), "{miss}");
        }
        for hit in ["signed", "met", "filed"] {
            assert!(is_nonnominal(hit), "{hit}");
        }
        for miss in ["meeting", "census", "change"] {
            assert!(!is_nonnominal(miss), "{miss}");
        }
        for hit in ["crashed", "sweeping", "registering"] {
            assert!(is_verb_form(hit), "{hit}");
        }
        for miss in ["meeting", "training", "red", "bed", "spring", "census"] {
            assert!(!is_verb_form(miss), "{miss}");
        }
        for hit in ["intentionally", "recently"] {
            assert!(is_adverb_form(hit), "{hit}");
        }
        for miss in ["family", "weekly", "italy", "ally", "fly"] {
            assert!(!is_adverb_form(miss), "{miss}");
        }
    }
}
