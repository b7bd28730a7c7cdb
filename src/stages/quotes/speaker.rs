//! Speaker resolution without an entity layer: who a source such as "he", "Kirby" or "who"
//! refers to, by simple capitalised-name rules.
//!
//! Input: a [`View`] and the source token ranges of the attributions, in text order.
//! Output: per attribution, the span of the fullest name mention its source resolves to, or
//! none. Names are runs of capitalised words (titles such as "Mr." or "President" stripped);
//! a run of two or more words without an organization or outlet word is person-like. A
//! surname alone resolves to the latest earlier full name ending with it; "he"/"she" to the
//! previous person speaker, or else to the latest person-like name; "who" to the name just
//! before it. One pass over the tokens, merged with the attributions in order.

use super::lexicon::{cues, sources};
use super::view::View;
use crate::doc::Span;
use crate::hash::FastMap;

/// A run of capitalised words, as a token range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Name {
    start: usize,
    end: usize,
    person: bool,
}

/// True for words that are capitalised only because they open a sentence ("It", "But",
/// "Officials").
fn common_word(word: &str) -> bool {
    cues().has_any(&["stop", "determiners", "pronouns", "conjunctions", "intro", "skip"], word)
        || sources().has_any(&["anonymous", "roles", "documents"], word)
}

/// True when token `t` continues a name: a capitalised word, or "." "-" inside one.
fn name_token(view: &View, t: usize) -> bool {
    if view.is_word(t) {
        return view.is_capitalized(t) && !common_word(view.word(t));
    }
    matches!(view.word(t), "." | "-") && view.is_capitalized(t.wrapping_sub(1)) && view.is_capitalized(t + 1)
}

/// The runs of capitalised words, titles stripped, in text order.
fn names(view: &View) -> Vec<Name> {
    let mut out = Vec::new();
    let mut t = 0;
    let n = view.lower.len();
    while t < n {
        if !name_token(view, t) {
            t += 1;
            continue;
        }
        let mut end = t;
        while end < n && name_token(view, end) {
            end += 1;
        }
        let mut start = t;
        while start < end && (sources().has("titles", view.word(start).trim_end_matches('.')) || !view.is_word(start)) {
            start += 1;
        }
        let words = (start..end).filter(|&i| view.is_word(i)).count();
        if words > 0 {
            let institutional = (start..end).any(|i| {
                let w = view.word(i);
                sources().has_any(&["organizations", "outlet_heads", "outlets"], w)
            });
            let titled = start > t;
            // "(R-Utah)" after a name is a party and state, not a person.
            let bracketed = t.checked_sub(1).is_some_and(|b| view.word(b) == "(");
            out.push(Name { start, end, person: !institutional && !bracketed && (words >= 2 || titled) });
        }
        t = end;
    }
    out
}

/// The state of the reading so far.
#[derive(Default)]
struct Memory {
    /// Last word of a multi-word name → that name.
    surnames: FastMap<String, Name>,
    last_person: Option<Name>,
    last_speaker: Option<Name>,
}

impl Memory {
    fn see(&mut self, view: &View, name: Name) {
        if name.end - name.start >= 2 {
            if let Some(last) = name.end.checked_sub(1) {
                self.surnames.insert(view.word(last).to_string(), name);
            }
        }
        if name.person {
            self.last_person = Some(name);
        }
    }

    /// The full name a name mention stands for.
    fn expand(&self, view: &View, name: Name) -> Name {
        if name.end - name.start == 1 {
            if let Some(full) = self.surnames.get(view.word(name.start)) {
                return *full;
            }
        }
        name
    }
}

fn span(view: &View, name: Name) -> Span {
    Span::new(view.span(name.start).start, view.span(name.end - 1).end)
}

/// Resolves each source (a token range, in any order) to a name span.
pub(crate) fn resolve(view: &View, sources: &[Option<(usize, usize)>]) -> Vec<Option<Span>> {
    let names = names(view);
    let mut order: Vec<(usize, usize, usize)> = sources.iter().enumerate().filter_map(|(i, s)| s.map(|(a, b)| (a, b, i))).collect();
    order.sort_unstable();
    let mut memory = Memory::default();
    let mut next = 0;
    let mut out = vec![None; sources.len()];
    for (s0, s1, i) in order {
        // Remember every name before the source; take the last one inside it, if any
        // (several quotes may share one source, so those are not consumed here).
        while let Some(&name) = names.get(next).filter(|n| n.start < s0) {
            memory.see(view, name);
            next += 1;
        }
        // The last person-like name inside, else a name that ends the source ("the BBC",
        // not "American" in "American media outlets").
        let within = names.get(next..).unwrap_or_default().iter().take_while(|n| n.start < s1);
        let inside = within.clone().filter(|n| n.person).last().or_else(|| within.filter(|n| n.end == s1).last()).copied();
        let word = view.word(s0);
        let resolved = match inside {
            Some(name) => Some(memory.expand(view, name)),
            None if s1 - s0 == 1 && matches!(word, "he" | "she" | "him" | "her") => memory.last_speaker.filter(|n| n.person).or(memory.last_person),
            None if s1 - s0 == 1 && word == "who" => memory.last_person.filter(|n| n.end + 2 >= s0),
            None => None,
        };
        if let Some(name) = resolved {
            memory.last_speaker = Some(name);
        }
        if let Some(slot) = out.get_mut(i) {
            *slot = resolved.map(|n| span(view, n));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline;

    /// Resolves sources given as (first word, its occurrence, length in tokens) in `text`.
    fn resolved(text: &str, sources: &[(&str, usize, usize)]) -> Vec<Option<String>> {
        let doc = pipeline::run(text);
        let view = View::new(&doc);
        let ranges: Vec<Option<(usize, usize)>> = sources
            .iter()
            .map(|&(word, nth, len)| (0..doc.tokens.len()).filter(|&i| view.word(i) == word).nth(nth).map(|s| (s, s + len)))
            .collect();
        resolve(&view, &ranges).into_iter().map(|s| s.map(|s| text[s.start..s.end].to_string())).collect()
    }

    #[test]
    fn pronouns_surnames_and_relatives_resolve_to_earlier_names() {
        let text = "Harbour chief Dana Whitfield spoke first. Whitfield said the port was safe. \
                    She added that boats could sail. Mr. Okafor, who said little, left.";
        let got = resolved(text, &[("whitfield", 1, 1), ("she", 0, 1), ("who", 0, 1)]);
        assert_eq!(got, [Some("Dana Whitfield".into()), Some("Dana Whitfield".into()), Some("Okafor".into())]);
    }

    #[test]
    fn institutions_are_not_people_and_lowercase_sources_stay_unresolved() {
        let text = "The Harbour Authority said the port was closed. It said more. Officials said so. He said yes.";
        let got = resolved(text, &[("the", 0, 3), ("it", 0, 1), ("officials", 0, 1), ("he", 0, 1)]);
        assert_eq!(got, [Some("Harbour Authority".into()), None, None, None]);
    }
}
