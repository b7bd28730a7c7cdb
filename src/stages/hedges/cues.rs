//! Hedge cues from the hand-written lexicon, with their epistemic readings checked.
//!
//! Input: the lowercase words of a sentence (one per token), whether each is capitalised,
//! and a position. Output: the cue that starts there, as its length in tokens and its
//! [`HedgeKind`], or why a listed word is not a hedge here ([`Reading::NotEpistemic`]):
//! "May" the month, "may" of permission ("you may enter", "may I"), "could" of past ability
//! ("could not find"), "might" the noun ("military might"), "possible" in "as soon as
//! possible". Lists: `src/lexicon/hedge_cues.txt`.

use crate::doc::HedgeKind;
use crate::stages::quotes::Lexicon;
use std::sync::OnceLock;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(include_str!("../../lexicon/hedge_cues.txt")))
}

/// What the lexicon says about the words at a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reading {
    /// A hedge cue of this many words.
    Hedge(usize, HedgeKind),
    /// A listed word used in a sense that does not hedge.
    NotEpistemic,
    /// Not a listed cue.
    None,
}

const SECTIONS: [(&str, HedgeKind); 4] = [
    ("weasel", HedgeKind::Weasel),
    ("speculative", HedgeKind::Speculative),
    ("adverb", HedgeKind::Adverb),
    ("modal", HedgeKind::Modal),
];

/// Determiners and possessives before which "might" is a noun.
const NOUN_BEFORE: &[&str] = &["the", "his", "her", "its", "their", "our", "my", "your", "all", "military", "economic", "with", "of"];

/// Words after which a capitalised "May" is the month.
const MONTH_BEFORE: &[&str] = &["in", "on", "since", "until", "by", "last", "next", "this", "early", "late", "mid", "from", "to", "through", "of", "during", "before", "after"];

/// True when the word at `i` is used in a sense that does not hedge.
fn not_epistemic(words: &[&str], capitalized: &[bool], i: usize) -> bool {
    let at = |k: isize| i.checked_add_signed(k).and_then(|j| words.get(j)).copied().unwrap_or("");
    match at(0) {
        // "in May", "May 3", "3 May": the month, when a capitalised "May" follows a
        // preposition or a number, or comes before a number or "of". A headline's "Ferry
        // Workers May Strike" stays a modal.
        "may" if capitalized.get(i) == Some(&true) && (MONTH_BEFORE.contains(&at(-1)) || at(-1).starts_with(|c: char| c.is_ascii_digit())) => true,
        "may" if at(1).starts_with(|c: char| c.is_ascii_digit()) || at(1) == "of" => true,
        // "you may go", "visitors may not park", "may I ask".
        "may" => lexicon().has("permission", at(-1)) || matches!(at(1), "i" | "we"),
        // "could not find": past ability when negated and not "could not have" / "be".
        "could" => matches!(at(1), "not" | "n't") && !matches!(at(2), "have" | "be"),
        "might" => NOUN_BEFORE.contains(&at(-1)) || at(1).is_empty() || !at(1).chars().all(char::is_alphabetic),
        "possible" => at(-1) == "as" || at(-1) == "if",
        _ => false,
    }
}

/// The reading of the words starting at `i`.
pub(crate) fn reading(words: &[&str], capitalized: &[bool], i: usize) -> Reading {
    let rest = words.get(i..).unwrap_or_default();
    let lengths = lexicon().phrases_at(SECTIONS.map(|(section, _)| section), rest.iter().copied());
    let best = lengths.into_iter().zip(SECTIONS.map(|(_, kind)| kind)).filter(|&(len, _)| len > 0).max_by_key(|&(len, _)| len);
    match best {
        Some(_) if not_epistemic(words, capitalized, i) => Reading::NotEpistemic,
        Some((len, kind)) => Reading::Hedge(len, kind),
        None => Reading::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentence: &str, word: &str) -> Reading {
        let words: Vec<&str> = sentence.split(' ').collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        let caps: Vec<bool> = words.iter().map(|w| w.starts_with(char::is_uppercase)).collect();
        let i = words.iter().position(|w| *w == word).expect("the word is in the sentence");
        reading(&lower, &caps, i)
    }

    #[test]
    fn epistemic_uses_are_hedges() {
        use HedgeKind::*;
        use Reading::Hedge;
        let hits = [
            ("The talks might collapse", "might", Hedge(1, Modal)),
            ("Prices may rise again", "may", Hedge(1, Modal)),
            ("Ferry Workers May Strike", "May", Hedge(1, Modal)),
            ("The plan could have failed", "could", Hedge(2, Modal)),
            ("He is believed to be abroad", "is", Hedge(2, Speculative)),
            ("The bridge is potentially unsafe", "potentially", Hedge(1, Adverb)),
            ("Some say the mayor lied", "Some", Hedge(2, Weasel)),
            ("It is thought that the ship sank", "It", Hedge(3, Speculative)),
        ];
        for (sentence, word, want) in hits {
            assert_eq!(read(sentence, word), want, "{sentence}");
        }
    }

    #[test]
    fn non_epistemic_uses_are_not() {
        let misses = [
            ("The vote is in May", "May"),
            ("It opened on 3 May", "May"),
            ("May 3 was sunny", "May"),
            ("You may leave now", "may"),
            ("Visitors may not park here", "may"),
            ("May I ask a question", "May"),
            ("She could not find the keys", "could"),
            ("The army showed its might", "might"),
            ("Reply as soon as possible", "possible"),
        ];
        for (sentence, word) in misses {
            assert_eq!(read(sentence, word), Reading::NotEpistemic, "{sentence}");
        }
        assert_eq!(read("The ferry sails at noon", "sails"), Reading::None);
    }
}
