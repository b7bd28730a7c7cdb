//! Roles around a cue: the source that speaks and the content attributed to it.
//!
//! Input: a [`View`] and the token index of a cue head. Output: an [`Attribution`] with the
//! cue span, the source span (or none) and the content span, found by the shapes that
//! attributions take in news prose:
//! - cue first: `Kirby said (on Monday) (that) …`, `told reporters: “…”`, `According to X, …`;
//! - cue last: `“…,” he said.`, `…, said Jane Doe, a spokeswoman.`, `…, according to X.`;
//! - cue in the middle of a split quotation: `“…,” she said, “…”`.
//!
//! The source is the noun phrase before the cue (skipping "has", "also"…), after it when
//! inverted (`said Smith`), the subject of the sentence for a participle (`…, saying`), or
//! the name before an appositive (`Kirby, a spokesman, said`). A content that opens with a
//! quotation mark is the whole quotation, even when it runs over several sentences or
//! paragraphs. Every scan is bounded by the sentence or by a small constant window.

use super::cues::{is_lexical_cue, is_skippable};
use super::lexicon::cues as lexicon;
use super::view::{analysed, View};
use crate::doc::{Span, Upos};
use std::ops::Range;

/// Words looked at between a cue and its content ("said on Monday in a statement that").
const LEAD_WINDOW: usize = 8;
/// Longest noun phrase taken as a source, in tokens.
const NP_WINDOW: usize = 10;

/// What one cue attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Attribution {
    pub cue: Span,
    pub source: Option<Span>,
    pub content: Span,
    pub direct: bool,
    /// Token range of the source, used to resolve speakers.
    pub source_tokens: Option<(usize, usize)>,
}

fn has(section: &str, word: &str) -> bool {
    lexicon().has(section, word)
}

/// True for tokens that may be part of a name or noun phrase.
fn np_token(view: &View, t: usize) -> bool {
    let w = view.word(t);
    if view.is_word(t) {
        return !has("stop", w);
    }
    // "Mr." "U.S." "Jong-Un" "Connecticut's", but not a sentence's last period.
    let next_word = view.sentence_tokens(t).contains(&(t + 1)) && view.is_word(t + 1);
    matches!(w, "." | "-" | "'" | "&") && view.is_word(t.wrapping_sub(1)) && next_word
        || (w == "." && view.is_capitalized(t.wrapping_sub(1)) && view.span(t.wrapping_sub(1)).len() <= 4 && next_word)
}

/// The noun phrase that ends at token `end` (inclusive), not reaching before `floor`.
fn np_before(view: &View, end: usize, floor: usize) -> Option<(usize, usize)> {
    if !view.is_word(end) {
        return None;
    }
    let w = view.word(end);
    if has("pronouns", w) {
        return Some((end, end + 1));
    }
    if has("stop", w) {
        return None;
    }
    let mut determiner = None;
    let mut first_capital = view.is_capitalized(end).then_some(end);
    let mut leftmost = end;
    let mut t = end;
    while t > floor && end - t < NP_WINDOW {
        t -= 1;
        let w = view.word(t);
        if has("determiners", w) && w != "that" {
            determiner = Some(t);
            break;
        }
        if !np_token(view, t) || has("time", w) || has("pronouns", w) {
            break;
        }
        leftmost = t;
        if view.is_capitalized(t) {
            first_capital = Some(t);
        }
    }
    // A run that starts right after a quotation, a comma or the sentence start is all one
    // phrase ("“…,” panel chairman Jo Lee said"); elsewhere it starts at a determiner or
    // at its first capital ("officials in Congress said" → "Congress").
    let bounded = leftmost == floor || leftmost.checked_sub(1).is_some_and(|b| view.role(b).closes || view.word(b) == ",");
    let start = determiner.or(if bounded { Some(leftmost) } else { first_capital });
    Some((start.unwrap_or(end), end + 1))
}

/// [`np_before`], extended once over "of", "by", "for" or "from" to the noun phrase it
/// completes ("a report by the ministry", "one of the attorneys", "a spokesman for X"),
/// and over "familiar with", "close to" ("people familiar with the matter").
fn np_before_extended(view: &View, end: usize, floor: usize) -> Option<(usize, usize)> {
    let (start, stop) = np_before(view, end, floor)?;
    let linked = |l: usize| match view.word(l) {
        "of" | "by" | "for" | "from" => true,
        // "people familiar with the matter", "a source close to the council"
        "with" | "to" => matches!(view.word(l.wrapping_sub(1)), "familiar" | "close" | "loyal" | "near"),
        _ => false,
    };
    let link = start.checked_sub(1).filter(|&l| l > floor && linked(l));
    let outer = link.and_then(|l| np_before(view, l - 1, floor)).filter(|&(s, _)| !has("pronouns", view.word(s)));
    Some((outer.map_or(start, |(s, _)| s), stop))
}

/// The noun phrase that starts at token `start`, not reaching `ceil`.
fn np_after(view: &View, start: usize, ceil: usize) -> Option<(usize, usize)> {
    let mut end = start;
    let mut t = start;
    while t < ceil && t - start < NP_WINDOW {
        let w = view.word(t);
        let ok = if t == start {
            view.is_word(t) && (has("determiners", w) || has("pronouns", w) || np_token(view, t))
        } else {
            let familiar = matches!(w, "with" | "to") && matches!(view.word(t - 1), "familiar" | "close" | "loyal" | "near");
            familiar || (np_token(view, t) && !has("pronouns", w) && !looks_verbal(view, t))
        };
        if !ok {
            break;
        }
        t += 1;
        end = t;
        if has("pronouns", w) {
            break;
        }
    }
    (end > start).then_some((start, end))
}

/// True when token `t`, inside a noun phrase being read forwards, is probably its verb:
/// tagged VERB or AUX when tags exist, else an auxiliary, a reporting verb, or an "-ed"
/// word that does not follow a determiner ("The port reopened" but "an unnamed official").
fn looks_verbal(view: &View, t: usize) -> bool {
    if let Some(pos) = view.doc.tokens.get(t).and_then(|t| t.pos) {
        return matches!(pos, Upos::Verb | Upos::Aux);
    }
    let w = view.word(t);
    let after_determiner = t.checked_sub(1).is_some_and(|p| has("determiners", view.word(p)));
    is_skippable(w) || is_lexical_cue(w) || (w.ends_with("ed") && !view.is_capitalized(t) && !after_determiner)
}

fn span_of(view: &View, (start, end): (usize, usize)) -> Span {
    Span::new(view.span(start).start, view.span(end.saturating_sub(1).max(start)).end)
}

/// The quotation that token `t` opens or closes, as its span.
fn quotation_at(view: &View, t: usize) -> Option<Span> {
    view.quotation_of(t).map(|q| q.span)
}

/// Skips backwards over commas and dashes from `t`, returning the first other token.
fn back_over_punct(view: &View, mut t: usize, floor: usize) -> Option<usize> {
    loop {
        if matches!(view.word(t), "," | "-" | "\u{2014}" | "\u{2013}" | ";") {
            if t <= floor {
                return None;
            }
            t -= 1;
        } else {
            return Some(t);
        }
    }
}

/// The last token of the sentence that is not closing punctuation.
fn last_content_token(view: &View, range: &Range<usize>) -> Option<usize> {
    let mut t = range.end.checked_sub(1)?;
    while t > range.start && matches!(view.word(t), "." | "!" | "?" | ":" | ";" | ",") && !view.role(t).closes {
        t -= 1;
    }
    (t >= range.start).then_some(t)
}

/// How the content after a cue was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum After {
    /// A quotation opens right after the cue (and its lead words).
    Quotation(Span),
    /// "that", a colon or a comma introduces it.
    Marked(Span),
    /// The words right after the cue.
    Plain(Span),
}

/// The content that follows the cue, starting the scan at token `from`; none when only
/// lead words ("on Monday", "in a statement") follow. After a cue that takes an addressee
/// (`object`: "told the council: …") any words may stand before the content's marker.
fn content_after(view: &View, from: usize, range: &Range<usize>, object: bool) -> Option<After> {
    let last = last_content_token(view, range)?;
    let mut start = None;
    // A word that is neither a lead word nor a marker: the content may start at `from`.
    let mut plain = false;
    let mut t = from;
    while t < range.end && t < from + LEAD_WINDOW {
        let w = view.word(t);
        if view.role(t).opens && !plain {
            return quotation_at(view, t).map(After::Quotation);
        }
        if w == "that" {
            start = Some((t, true));
            break;
        }
        if matches!(w, "." | "!" | "?") {
            break;
        }
        if w == ":" || (w == "," && !plain) {
            start = Some((t + 1, true));
            plain = false;
        } else if !(has("lead", w) || has("time", w) || view.is_capitalized(t) || !view.is_word(t)) {
            // After "told", "urged"… the addressee may come first: look on for "that" or ":".
            plain = true;
            if !object {
                break;
            }
        }
        t += 1;
    }
    let (start, marked) = match start {
        // `He said:` closing a paragraph introduces the next one.
        Some((s, _)) if s >= range.end && view.word(range.end - 1) == ":" => return next_paragraph(view, range.end - 1).map(After::Marked),
        Some(found) => found,
        None if plain => (from, false),
        None => return None,
    };
    if start > last {
        return None;
    }
    let mut span = Span::new(view.span(start).start, view.span(last).end);
    // A quotation that starts inside the content and runs on past the sentence belongs to it.
    if let Some(q) = view.quotation_of(last) {
        if q.span.start >= span.start {
            span.end = span.end.max(q.span.end);
        }
    }
    Some(if marked { After::Marked(span) } else { After::Plain(span) })
}

/// The paragraph after the one that ends with token `colon`, or the quotation that opens it
/// (which may run over several paragraphs), when the colon ends its paragraph.
fn next_paragraph(view: &View, colon: usize) -> Option<Span> {
    let p = view.paragraph(colon)?;
    let here = view.doc.paragraphs.get(p)?;
    let next = view.doc.paragraphs.get(p + 1).filter(|n| analysed(n.kind))?;
    if view.span(colon).end != here.span.end {
        return None;
    }
    Some(view.quotation_starting_at(next.span.start).map_or(next.span, |q| q.span))
}

impl After {
    fn span(self) -> Span {
        match self {
            After::Quotation(s) | After::Marked(s) | After::Plain(s) => s,
        }
    }
}

/// For "According to X …, Y": the content Y after the first comma that follows the source.
fn after_comma(view: &View, from: usize, range: &Range<usize>) -> Option<Span> {
    let comma = (from..range.end).find(|&t| view.word(t) == ",")?;
    let last = last_content_token(view, range)?;
    (comma < last).then(|| Span::new(view.span(comma + 1).start, view.span(last).end))
}

/// The quotation that closes just before token `left` (commas and dashes between).
fn quotation_before(view: &View, left: usize, floor: usize) -> Option<Span> {
    let t = back_over_punct(view, left.checked_sub(1)?, floor)?;
    (t >= floor && view.role(t).closes).then(|| quotation_at(view, t)).flatten()
}

/// Picks the content of a cue from what follows it and what precedes the attribution.
fn choose(view: &View, after: Option<After>, left: usize, range: &Range<usize>) -> Option<Span> {
    match after {
        Some(After::Quotation(q)) => Some(q),
        _ if quotation_before(view, left, range.start).is_some() => quotation_before(view, left, range.start),
        Some(After::Marked(s) | After::Plain(s)) => Some(s),
        None => content_before(view, left, range),
    }
}

/// The content before the attribution that starts at token `left`.
fn content_before(view: &View, left: usize, range: &Range<usize>) -> Option<Span> {
    if left <= range.start {
        return None;
    }
    let t = back_over_punct(view, left - 1, range.start)?;
    if view.role(t).closes {
        return quotation_at(view, t);
    }
    let first = (range.start..=t).find(|&i| view.is_word(i) || view.role(i).opens)?;
    let mut span = Span::new(view.span(first).start, view.span(t).end);
    if let Some(q) = view.quotation_of(first) {
        span.start = span.start.min(q.span.start);
    }
    Some(span)
}

/// The token range of the cue headed by `head`: "according to", or the head with the
/// auxiliaries and adverbs just before it ("has also said").
fn cue_tokens(view: &View, head: usize, floor: usize) -> (usize, usize) {
    if view.word(head) == "according" && view.word(head + 1) == "to" {
        return (head, head + 2);
    }
    let mut start = head;
    while start > floor && is_skippable(view.word(start - 1)) && !has("pronouns", view.word(start - 1)) {
        start -= 1;
    }
    (start, head + 1)
}

fn is_quote_or_comma(view: &View, t: usize) -> bool {
    view.role(t).closes || matches!(view.word(t), "," | ":" | "-" | "\u{2014}")
}

/// The subject of the sentence: its first noun phrase, after a leading conjunction and an
/// introductory phrase ("During the debate, Trump …"), ending before `limit`.
fn subject(view: &View, range: &Range<usize>, limit: usize) -> Option<(usize, usize)> {
    let mut start = range.start;
    while start < limit && (has("conjunctions", view.word(start)) || !view.is_word(start)) {
        start += 1;
    }
    if has("intro", view.word(start)) {
        start = (start..limit).find(|&t| view.word(t) == ",")? + 1;
    }
    let (s, e) = np_after(view, start, limit)?;
    // "The council's spokesman, Jo Lee, said": the appositive name belongs to the source.
    let name = (e + 1..=limit.min(e + 1 + NP_WINDOW)).find(|&t| view.word(t) == ",");
    let appositive = view.word(e) == "," && view.is_capitalized(e + 1) && name.is_some_and(|c| (e + 1..c).all(|t| np_token(view, t)));
    Some((s, if appositive { name.unwrap_or(e) } else { e }))
}

/// Steps back from `b` over a time phrase between a subject and its cue ("who in 2010
/// said", "Trump on Monday said").
fn before_time(view: &View, mut b: usize, floor: usize) -> usize {
    let timely = |t: usize| {
        let w = view.word(t);
        has("time", w) || w.chars().all(|c| c.is_ascii_digit()) || matches!(w, "in" | "on" | "at" | "this" | "early" | "late")
    };
    let stop = b.saturating_sub(4).max(floor);
    let start = b;
    while b > stop && timely(b) {
        b -= 1;
    }
    // Only a phrase that starts with a preposition or a time word counts.
    if b < start && (timely(b + 1) && matches!(view.word(b + 1), "in" | "on" | "at") || has("time", view.word(b + 1))) {
        b
    } else {
        start
    }
}

/// The source before a cue whose preceding token is `b`: the noun phrase ending there, a
/// parenthesis after a name included ("Rep. Jo Lee (D-Md.) said"); for a participle after a
/// comma ("…, saying") or a second verb ("… and said") the subject of the sentence; for an
/// appositive ("Kirby, a spokesman, said") the subject, or else the name before it.
fn source_before(view: &View, b: usize, head: usize, range: &Range<usize>) -> Option<(usize, usize)> {
    let b = before_time(view, b, range.start);
    let floor = b.saturating_sub(NP_WINDOW).max(range.start);
    match view.word(b) {
        "," if view.word(head).ends_with("ing") => subject(view, range, b),
        w if has("conjunctions", w) => subject(view, range, b),
        "," => subject(view, range, b).or_else(|| {
            let comma = (floor..b).rev().find(|&t| view.word(t) == ",")?;
            np_before(view, comma.checked_sub(1)?, range.start)
        }),
        ")" => {
            let open = (floor..b).rev().find(|&t| view.word(t) == "(")?;
            np_before(view, open.checked_sub(1)?, range.start).map(|(s, _)| (s, b + 1))
        }
        _ => np_before_extended(view, b, range.start),
    }
}

/// True when the cue is followed by its source: `“…,” said Jane Doe.`, `…, said the
/// official on Monday.` The noun phrase after the cue must end its clause, so that
/// `Lee, a spokesman, said the plan failed` is not read as inverted.
fn is_inverted(view: &View, cue_start: usize, cue_end: usize, range: &Range<usize>) -> bool {
    let before = cue_start.checked_sub(1).filter(|&b| b >= range.start);
    let next = view.word(cue_end);
    let Some((_, end)) = np_after(view, cue_end, range.end) else { return false };
    // "said Jo Lee", "said the official", "said harbour master Jo Lee".
    let named = (cue_end..end).any(|t| view.is_capitalized(t));
    let opens_np = view.is_word(cue_end) && (named || has("determiners", next) || has("pronouns", next)) && !has("time", next);
    if !opens_np || !before.map_or(true, |b| is_quote_or_comma(view, b)) {
        return false;
    }
    let mut t = end;
    while t < range.end && (has("time", view.word(t)) || matches!(view.word(t), "on" | "in" | "at")) {
        t += 1;
    }
    t >= range.end || matches!(view.word(t), "," | "." | "!" | "?" | ";" | ":" | "(" | "\u{2014}" | "-") || view.role(t).opens
}

/// Extends a quotation that ends before its cue (`“…,” Lee said.`) over the next sentence
/// of the same paragraph when that sentence is all quotation (`“…”`), with no cue of its own.
fn continued(view: &View, content: Span, range: &Range<usize>) -> Span {
    let next = range.end;
    let Some(q) = view.role(next).opens.then(|| quotation_at(view, next)).flatten() else { return content };
    let after = view.token_at(q.end);
    let whole = view.sentence_tokens(next).end <= after + 1 || view.paragraph(after) != view.paragraph(next);
    let own_cue = (after..after + 3).any(|t| is_lexical_cue(view.word(t)));
    if view.paragraph(next) == view.paragraph(range.start) && whole && !own_cue {
        Span::new(content.start, q.end)
    } else {
        content
    }
}

/// Finds the source and content of the cue headed by token `head`.
pub(crate) fn attribute(view: &View, head: usize) -> Option<Attribution> {
    let range = view.sentence_tokens(head);
    let (cue_start, cue_end) = cue_tokens(view, head, range.start);
    let according = view.word(head) == "according";
    let inverted = according || (cue_start == head && is_inverted(view, cue_start, cue_end, &range));
    let source = match cue_start.checked_sub(1).filter(|&b| b >= range.start) {
        _ if inverted => np_after(view, cue_end, range.end),
        Some(b) => source_before(view, b, head, &range),
        None => None,
    };
    let (left, from) = match source {
        Some((_, e)) if inverted => (cue_start, e),
        Some((s, _)) => (s.min(cue_start), cue_end),
        None => (cue_start, cue_end),
    };
    let after = content_after(view, from, &range, has("object_verbs", view.word(head)));
    let before = quotation_before(view, left, range.start);
    let content = match (before, after) {
        _ if according => content_before(view, left, &range).or_else(|| after_comma(view, from, &range)).or(after.map(After::span))?,
        // A quotation split by its cue: `“…,” she said, “…”`.
        (Some(q1), Some(After::Quotation(q2))) if q2.start >= view.span(from).start => Span::new(q1.start, q2.end),
        (Some(q1), None) => continued(view, q1, &range),
        _ => choose(view, after, left, &range)?,
    };
    let direct = view.is_quoted(content);
    let cue = span_of(view, (cue_start, cue_end));
    Some(Attribution { cue, source: source.map(|s| span_of(view, s)), content, direct, source_tokens: source })
}

/// A quotation signed with a dash after it: `“…” ― Jane Doe`.
pub(crate) fn signed(view: &View, quotation: Span) -> Option<Attribution> {
    let dash = view.token_at(quotation.end);
    if !matches!(view.word(dash), "\u{2015}" | "\u{2014}" | "\u{2013}" | "-") || !view.is_capitalized(dash + 1) {
        return None;
    }
    let range = view.sentence_tokens(dash + 1);
    let source = np_after(view, dash + 1, range.end.max(dash + 2))?;
    let cue = view.span(dash);
    Some(Attribution { cue, source: Some(span_of(view, source)), content: quotation, direct: true, source_tokens: Some(source) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline;

    /// (source, cue, content, direct) for the cue headed by `word` in `text`.
    fn roles(text: &str, word: &str) -> (Option<String>, String, String, bool) {
        let doc = pipeline::run(text);
        let view = View::new(&doc);
        let head = (0..doc.tokens.len()).find(|&i| view.word(i) == word).expect("the cue is in the text");
        let a = attribute(&view, head).expect("an attribution");
        let of = |s: Span| text[s.start..s.end].to_string();
        (a.source.map(of), of(a.cue), of(a.content), a.direct)
    }

    #[test]
    fn cue_first_cue_last_and_split_quotations() {
        // (text, cue word, source, cue, content, direct)
        type Case<'a> = (&'a str, &'a str, Option<&'a str>, &'a str, &'a str, bool);
        let cases: &[Case] = &[
            (
                "The harbour master said on Tuesday that the ferry would not sail.",
                "said",
                Some("The harbour master"),
                "said",
                "that the ferry would not sail",
                false,
            ),
            ("\u{201C}We will rebuild the pier,\u{201D} Mayor Ana Lima said.", "said", Some("Mayor Ana Lima"), "said", "\u{201C}We will rebuild the pier,\u{201D}", true),
            ("\"It is too early,\" said Tom Reyes, a local fisherman.", "said", Some("Tom Reyes"), "said", "\"It is too early,\"", true),
            (
                "\u{201C}The water rose fast,\u{201D} she said, \u{201C}and then it stopped.\u{201D}",
                "said",
                Some("she"),
                "said",
                "\u{201C}The water rose fast,\u{201D} she said, \u{201C}and then it stopped.\u{201D}",
                true,
            ),
            ("According to the coast guard, two boats were lost.", "according", Some("the coast guard"), "According to", "two boats were lost", false),
            ("Two boats were lost, according to the coast guard.", "according", Some("the coast guard"), "according to", "Two boats were lost", false),
            ("The council has also warned residents to stay away.", "warned", Some("The council"), "has also warned", "residents to stay away", false),
            ("Silva, a spokesman for the port, said the cranes were safe.", "said", Some("Silva"), "said", "the cranes were safe", false),
            ("The port reopened, saying the storm had passed.", "saying", Some("The port"), "saying", "the storm had passed", false),
        ];
        for &(text, word, source, cue, content, direct) in cases {
            let got = roles(text, word);
            assert_eq!(got, (source.map(str::to_string), cue.to_string(), content.to_string(), direct), "{text}");
        }
    }

    #[test]
    fn a_quotation_over_several_sentences_is_one_content() {
        let text = "He told the crowd: \u{201C}We stay. We fight. We win.\u{201D} Then he left.";
        let got = roles(text, "told");
        assert_eq!(got.2, "\u{201C}We stay. We fight. We win.\u{201D}");
        assert!(got.3);
    }
}
