//! Roles and affiliations of people, from titles and appositions.
//!
//! Input: the document's tokens and sentences, the entities found (merged) and the
//! demonyms, and the title words of `src/lexicon/titles.tsv`. Output: [`attach`] gives each
//! person entity its `roles`, from
//! - a title before the name, with an optional comma: "Russian Defense Minister Sergei
//!   Shoigu" (Defense Minister, Russia), "National Security Council spokesman, John Kirby"
//!   (spokesman, National Security Council), "the company's chief executive, Jane Doe";
//! - an apposition after the name: "Kirby, a spokesman for the NSC," or "Doe, Acme's chief
//!   executive,".
//!
//! A title is a head noun ("minister", "spokesman") and the capitalised or listed modifier
//! words before it ("Defense", "former"; in an apposition also lower-case nouns and
//! adjectives: "a former human rights lawyer"); the affiliation is a place or organisation
//! mention, or a demonym, right before the title or after "for", "of", "at". [`titled_names`]
//! finds the names the tagger left alone right after a capitalised naming title
//! ("President Erdogan"): proper nouns in title case, made person mentions.

use super::demonyms::Demonym;
use super::{key, Mention};
use crate::doc::{Document, Entity, EntityKind, Role, Span, TokenKind, Upos};
use crate::hash::FastMap;
use std::sync::OnceLock;

/// Kinds of title word (bits of the table's values).
const HEAD: u16 = 1;
const NAMING: u16 = 2;
const MODIFIER: u16 = 4;

/// The title words, lower case → their kinds. (The map type is that of the numeric rules'
/// table, so that the WebAssembly module carries one copy of its code.)
fn titles() -> &'static FastMap<String, u16> {
    static TITLES: OnceLock<FastMap<String, u16>> = OnceLock::new();
    TITLES.get_or_init(|| {
        let mut t = FastMap::default();
        for line in include_str!("../../lexicon/titles.tsv").lines().filter(|l| !l.starts_with('#')) {
            let kind = match line.split_once('\t') {
                Some(("HEAD", w)) => (HEAD, w),
                Some(("NAMING", w)) => (NAMING, w),
                Some(("MODIFIER", w)) => (MODIFIER, w),
                _ => continue,
            };
            *t.entry(kind.1.to_string()).or_insert(0) |= kind.0;
        }
        t
    })
}

/// True when `word` is a title word of the kind `bit`.
fn listed(bit: u16, word: &str) -> bool {
    titles().get(word).is_some_and(|k| k & bit != 0)
}

/// Longest title head, in tokens ("chief executive officer", "secretary - general").
const HEAD_TOKENS: usize = 3;
/// Most modifier words before a head.
const MODIFIERS: usize = 4;
/// Most words of a name found after a naming title.
const NAME_WORDS: usize = 3;

/// What a token belongs to.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// The entity whose mention covers the token.
    entity: Option<usize>,
    /// The country of the demonym the token is part of.
    country: Option<&'static str>,
    /// The token starts a sentence.
    first: bool,
}

/// The tokens with what the entity stage knows about them.
struct View<'a> {
    doc: &'a Document<'a>,
    slots: Vec<Slot>,
}

impl<'a> View<'a> {
    fn new(doc: &'a Document<'a>, entities: &[Entity], demonyms: &[Demonym]) -> View<'a> {
        let mut slots = vec![Slot::default(); doc.tokens.len()];
        let mut mark = |span: Span, set: &dyn Fn(&mut Slot)| {
            let a = doc.tokens.partition_point(|t| t.span.start < span.start);
            let b = doc.tokens.partition_point(|t| t.span.end <= span.end);
            for slot in slots.get_mut(a..b).unwrap_or_default() {
                set(slot);
            }
        };
        // Names of places and organisations, to recognise them where the tagger left them
        // out ("then-US President").
        let mut names: FastMap<(EntityKind, String), usize> = FastMap::default();
        for (i, e) in entities.iter().enumerate() {
            for &m in &e.mentions {
                mark(m, &|s: &mut Slot| s.entity = Some(i));
                if matches!(e.kind, EntityKind::Organization | EntityKind::Location) {
                    names.entry((e.kind, key(doc.text_of(m)))).or_insert(i);
                }
            }
        }
        let name = |w: &str| {
            let k = key(w);
            let place = names.get(&(EntityKind::Location, k.clone()));
            place.or_else(|| names.get(&(EntityKind::Organization, k))).copied()
        };
        for d in demonyms {
            mark(d.span, &|s: &mut Slot| s.country = Some(d.country));
        }
        for s in &doc.sentences {
            if let Some(slot) = slots.get_mut(s.tokens.start) {
                slot.first = true;
            }
        }
        for (t, slot) in slots.iter_mut().enumerate().filter(|(_, s)| s.entity.is_none()) {
            let word = doc.tokens.get(t).filter(|tok| tok.kind == TokenKind::Word).map(|tok| doc.text_of(tok.span));
            slot.entity = word.filter(|w| w.starts_with(char::is_uppercase)).and_then(name);
        }
        View { doc, slots }
    }

    fn word(&self, t: usize) -> &'a str {
        self.doc.tokens.get(t).map_or("", |tok| self.doc.text_of(tok.span))
    }

    fn lower(&self, t: usize) -> String {
        self.word(t).to_lowercase()
    }

    fn slot(&self, t: usize) -> Slot {
        self.slots.get(t).copied().unwrap_or_default()
    }

    fn is_word(&self, t: usize) -> bool {
        self.doc.tokens.get(t).is_some_and(|tok| tok.kind == TokenKind::Word)
    }

    fn free(&self, t: usize) -> bool {
        let s = self.slot(t);
        s.entity.is_none() && s.country.is_none()
    }

    /// True when token `t` belongs to the same entity or demonym as `slot` does.
    fn same_owner(&self, t: usize, slot: Slot) -> bool {
        let s = self.slot(t);
        s.entity.is_some() && s.entity == slot.entity || s.country.is_some() && s.country == slot.country
    }

    /// The end of the run of tokens from `t` on that belong to what `t` belongs to.
    fn run_end(&self, t: usize) -> usize {
        let slot = self.slot(t);
        let mut end = t;
        while end < self.slots.len() && self.same_owner(end, slot) {
            end += 1;
        }
        end
    }

    /// The span of tokens `a..b` (non-empty).
    fn span(&self, a: usize, b: usize) -> Span {
        let start = self.doc.tokens.get(a).map_or(0, |t| t.span.start);
        let end = b.checked_sub(1).and_then(|e| self.doc.tokens.get(e)).map_or(start, |t| t.span.end);
        Span::new(start, end.max(start))
    }

    /// The text of tokens `a..b`, spaces normalised.
    #[inline(never)]
    fn text(&self, a: usize, b: usize) -> String {
        self.doc.text_of(self.span(a, b)).split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The text of tokens `a..b`, lower case, spaces normalised ("secretary-general").
    fn phrase(&self, a: usize, b: usize) -> String {
        self.text(a, b).to_lowercase()
    }

    /// The length of the title head in `set` ending just before `end`, longest first.
    fn head_before(&self, end: usize, bit: u16) -> Option<usize> {
        (1..=HEAD_TOKENS.min(end)).rev().find(|&n| {
            (end - n..end).all(|t| self.free(t)) && self.is_word(end - n) && listed(bit, self.phrase(end - n, end).as_str())
        })
    }

    /// The length of the title head starting at `start`, longest first.
    fn head_at(&self, start: usize) -> Option<usize> {
        let n = self.doc.tokens.len();
        (1..=HEAD_TOKENS.min(n.saturating_sub(start))).rev().find(|&k| {
            (start..start + k).all(|t| self.free(t)) && self.is_word(start + k - 1) && listed(HEAD, self.phrase(start, start + k).as_str())
        })
    }

    /// True when token `t` may stand inside a title before its head.
    fn modifier(&self, t: usize) -> bool {
        if !self.is_word(t) || !self.free(t) {
            return false;
        }
        let modifier = listed(MODIFIER, self.lower(t).as_str());
        let capitalised = self.word(t).starts_with(char::is_uppercase) && !self.slot(t).first;
        modifier || capitalised
    }

    /// True for a lower-case noun or adjective, which may describe an office in an
    /// apposition ("a former human rights lawyer").
    fn describing(&self, t: usize) -> bool {
        let tagged = self.doc.tokens.get(t).is_some_and(|tok| matches!(tok.pos, Some(Upos::Noun | Upos::Adj)));
        tagged && self.free(t) && self.word(t).starts_with(char::is_lowercase)
    }

    /// The affiliation that ends just before token `end`: a demonym, or a place or
    /// organisation mention, possibly with "'s". Returns its first token with the role.
    fn affiliation_before(&self, end: usize, entities: &[Entity], role: &mut Role) -> Option<usize> {
        let possessive = end.checked_sub(1).is_some_and(|p| matches!(self.word(p), "'s" | "\u{2019}s"));
        let last = end.checked_sub(1 + usize::from(possessive))?;
        let slot = self.slot(last);
        let first = (0..=last).rev().take_while(|&t| self.same_owner(t, slot)).last()?;
        self.affiliate(slot, entities, role).then_some(first)
    }

    /// Fills the role's place or organisation from what a token belongs to.
    fn affiliate(&self, slot: Slot, entities: &[Entity], role: &mut Role) -> bool {
        if let Some(country) = slot.country {
            role.place = Some(country.to_string());
            return true;
        }
        match slot.entity.and_then(|i| entities.get(i)) {
            Some(e) if e.kind == EntityKind::Organization => role.organization = Some(e.name.clone()),
            Some(e) if e.kind == EntityKind::Location => role.place = Some(e.name.clone()),
            _ => return false,
        }
        true
    }

    /// The role given by a title before the name that starts at token `name`.
    fn title_before(&self, name: usize, entities: &[Entity]) -> Option<Role> {
        let end = if self.word(name.checked_sub(1)?) == "," { name - 1 } else { name };
        let head = self.head_before(end, HEAD)?;
        let mut start = end - head;
        while start > 0 && end - start < head + MODIFIERS && self.modifier(start - 1) {
            start -= 1;
        }
        let mut role = Role { title: self.text(start, end), organization: None, place: None, span: self.span(start, end) };
        if let Some(first) = self.affiliation_before(start, entities, &mut role) {
            role.span = self.span(first, end);
        }
        Some(role)
    }

    /// The role given by an apposition after the name that ends before token `end`:
    /// ", a spokesman for the NSC", ", Acme's chief executive".
    fn apposition_after(&self, end: usize, entities: &[Entity]) -> Option<Role> {
        if self.word(end) != "," {
            return None;
        }
        let mut t = end + 1;
        let from = t;
        let mut role = Role { title: String::new(), organization: None, place: None, span: Span::default() };
        if matches!(self.lower(t).as_str(), "a" | "an" | "the") {
            t += 1;
        }
        // "Acme's chief executive", "a White House spokesman": the affiliation first.
        let slot = self.slot(t);
        if !self.free(t) {
            t = self.run_end(t);
            if !self.affiliate(slot, entities, &mut role) {
                return None;
            }
            if matches!(self.word(t), "'s" | "\u{2019}s") {
                t += 1;
            }
        }
        let title_start = t;
        while t < self.slots.len() && t - title_start < MODIFIERS && self.head_at(t).is_none() && (self.modifier(t) || self.describing(t)) {
            t += 1;
        }
        let head = self.head_at(t)?;
        t += head;
        role.title = self.text(title_start, t);
        let mut end_of_role = t;
        if role.organization.is_none() && role.place.is_none() && matches!(self.lower(t).as_str(), "for" | "of" | "at" | "in") {
            let at = if self.lower(t + 1) == "the" { t + 2 } else { t + 1 };
            let slot = self.slot(at);
            if self.affiliate(slot, entities, &mut role) {
                end_of_role = self.run_end(at);
            }
        }
        role.span = self.span(from, end_of_role);
        Some(role)
    }
}

/// Gives every person entity the roles its mentions carry, each distinct role once.
pub(crate) fn attach(doc: &Document, entities: &mut [Entity], demonyms: &[Demonym]) {
    let found: Vec<(usize, Role)> = {
        let view = View::new(doc, entities, demonyms);
        let mut found = Vec::new();
        for (i, e) in entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person) {
            for m in &e.mentions {
                let a = doc.tokens.partition_point(|t| t.span.start < m.start);
                let b = doc.tokens.partition_point(|t| t.span.end <= m.end);
                let roles = [view.title_before(a, entities), view.apposition_after(b, entities)];
                found.extend(roles.into_iter().flatten().map(|r| (i, r)));
            }
        }
        found
    };
    for (i, role) in found {
        let Some(e) = entities.get_mut(i) else { continue };
        let same = |r: &Role| r.title.eq_ignore_ascii_case(&role.title) && r.organization == role.organization && r.place == role.place;
        if !e.roles.iter().any(same) {
            e.roles.push(role);
        }
    }
}

/// Person mentions for the proper nouns that follow a capitalised naming title and that no
/// mention in `found` (text order) covers: "President Erdogan". In text order.
pub(crate) fn titled_names(doc: &Document, found: &[Mention]) -> Vec<Mention> {
    let tokens = &doc.tokens;
    let mut covered = vec![false; tokens.len()];
    for m in found {
        let a = tokens.partition_point(|t| t.span.start < m.span.start);
        let b = tokens.partition_point(|t| t.span.end <= m.span.end);
        for c in covered.get_mut(a..b).unwrap_or_default() {
            *c = true;
        }
    }
    let word = |t: usize| tokens.get(t).map_or("", |tok| doc.text_of(tok.span));
    let name_word = |t: usize| {
        let w = word(t);
        let mut chars = w.chars();
        let title_case = chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase);
        let proper = tokens.get(t).is_some_and(|tok| tok.kind == TokenKind::Word && matches!(tok.pos, Some(Upos::Propn) | None));
        title_case && proper && !covered.get(t).copied().unwrap_or(true)
    };
    let mut out = Vec::new();
    for t in 0..tokens.len() {
        let Some(n) = (1..=2).rev().find(|&n| {
            let end = t + n;
            end <= tokens.len()
                && word(t).starts_with(char::is_uppercase)
                && !covered.get(t).copied().unwrap_or(true)
                && listed(NAMING, doc.text_of(Span::new(tokens[t].span.start, tokens[end - 1].span.end)).to_lowercase().as_str())
        }) else {
            continue;
        };
        let start = t + n;
        let mut end = start;
        while end < tokens.len() && end - start < 2 * NAME_WORDS && (name_word(end) || (word(end) == "-" && name_word(end + 1) && end > start)) {
            end += 1;
        }
        if end > start && name_word(end - 1) {
            out.push(Mention { span: Span::new(tokens[start].span.start, tokens[end - 1].span.end), kind: EntityKind::Person, value: None });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The roles found in `text` by the whole entity stage: (person, title, organisation, place).
    fn roles(text: &str) -> Vec<(String, String, Option<String>, Option<String>)> {
        let mut doc = crate::pipeline::run_before(text, "entities");
        super::super::run(&mut doc);
        let mut out = Vec::new();
        for e in &doc.entities {
            for r in &e.roles {
                out.push((e.name.clone(), r.title.clone(), r.organization.clone(), r.place.clone()));
            }
        }
        out
    }

    fn role(person: &str, title: &str, org: Option<&str>, place: Option<&str>) -> (String, String, Option<String>, Option<String>) {
        (person.to_string(), title.to_string(), org.map(str::to_string), place.map(str::to_string))
    }

    #[test]
    fn titles_and_appositions() {
        let cases = [
            (
                "The Harbour Safety Board spokesman, Daniel Okafor, said the port would reopen.",
                role("Daniel Okafor", "spokesman", Some("Harbour Safety Board"), None),
            ),
            ("Russian Defense Minister Sergei Shoigu arrived in Minsk on Friday.", role("Sergei Shoigu", "Defense Minister", None, Some("Russia"))),
            ("Yesterday President Joe Biden signed the bill into law.", role("Joe Biden", "President", None, None)),
            (
                "Brazil's envoy met then-Brazil President Lula da Silva in Geneva.",
                role("Lula da Silva", "President", None, Some("Brazil")),
            ),
            ("Maria Lopez, a spokeswoman for the World Bank, declined to comment.", role("Maria Lopez", "spokeswoman", Some("World Bank"), None)),
            ("The company's chief executive, Jane Doe, resigned after the vote.", role("Jane Doe", "chief executive", None, None)),
            ("Markets fell after French Finance Minister Bruno Le Maire spoke.", role("Bruno Le Maire", "Finance Minister", None, Some("France"))),
        ];
        for (text, want) in cases {
            let got = roles(text);
            assert!(got.contains(&want), "{text}: {got:?}");
        }
    }

    #[test]
    fn no_role_without_a_title() {
        for text in [
            "Daniel Okafor, who lives in Leeds, said the port would reopen.",
            "Maria Lopez met the president on Monday.",
            "Officials told Jane Doe, and her lawyer, that the case was closed.",
        ] {
            assert!(roles(text).is_empty(), "{text}: {:?}", roles(text));
        }
    }

    fn entities(text: &str) -> Vec<(String, EntityKind)> {
        let mut doc = crate::pipeline::run_before(text, "entities");
        super::super::run(&mut doc);
        doc.entities.iter().map(|e| (e.name.clone(), e.kind)).collect()
    }

    #[test]
    fn a_naming_title_makes_the_next_proper_noun_a_person() {
        let found = entities("Turkish President Okterzan: we will not share that attitude");
        assert!(found.contains(&("Okterzan".to_string(), EntityKind::Person)), "{found:?}");
        // "President" alone, or before a lower-case word or a date, names no one.
        for text in ["President said on Monday that talks would resume.", "The President spoke on Monday.", "President Monday was a holiday"] {
            let found = entities(text);
            assert!(!found.iter().any(|(_, k)| *k == EntityKind::Person), "{text}: {found:?}");
            assert!(!found.iter().any(|(n, _)| n.contains("President")), "{text}: {found:?}");
        }
    }
}
