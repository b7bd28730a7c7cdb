//! Other names of one place or organisation: "the Democratic People's Republic of Korea",
//! "DPRK" and "North Korea" are one country, "Britain" and "United Kingdom" another.
//!
//! Input: the alias tables `src/lexicon/place-names.tsv` (countries' other names, from public
//! data) and `src/lexicon/aliases.tsv` (hand-made: short names, organisations, and the state
//! forms that make "Republic of Turkey" a name of Turkey), and the
//! grouped entities or raw mentions of the entity stage. Output: [`merge`] joins organisations
//! and places whose names share one canonical name (the table's kind wins when they differ);
//! [`find_untagged`] adds the mentions the tagger missed of a listed name whose referent the
//! text names elsewhere ("DPRK" where "North Korea" is found); [`merge_capitals`] joins a
//! name in capitals ("SEOUL") to the same name in ordinary case; [`is_seat`] says which
//! place names stand for the government seated there ("the White House"). Names are compared
//! by the stage's grouping key (case, quotes and a leading "the" ignored).

use super::{key, Mention};
use crate::doc::{Document, Entity, EntityKind, Span, TokenKind};
use crate::hash::{FastMap, FastSet};
use std::sync::OnceLock;

/// A canonical name and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Canonical {
    pub name: &'static str,
    pub kind: EntityKind,
}

/// The alias tables. (Their map and set types are those of the numeric rules' tables, so
/// that the WebAssembly module carries one copy of their code.)
struct Table {
    /// The canonical names, in file order.
    canonical: Vec<Canonical>,
    /// Grouping key of any listed name (canonical names included) → index in `canonical`;
    /// the first line listing a name decides.
    by_key: FastMap<String, u16>,
    /// Every name exactly as listed.
    written: FastSet<String>,
    /// Demonym as written ("North Korean") → index in `canonical` of its country.
    demonyms: FastMap<String, u16>,
    /// State forms ("Republic", "Kingdom").
    forms: FastSet<String>,
    /// Grouping keys of the seats of government ("white house").
    seats: FastSet<String>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table { canonical: Vec::new(), by_key: FastMap::default(), written: FastSet::default(), demonyms: FastMap::default(), forms: FastSet::default(), seats: FastSet::default() };
        let files = [include_str!("../../lexicon/place-names.tsv"), include_str!("../../lexicon/aliases.tsv")];
        for line in files.iter().flat_map(|f| f.lines()).filter(|l| !l.starts_with('#')) {
            if let Some(form) = line.strip_prefix("FORM\t") {
                t.forms.insert(form.to_string());
                continue;
            }
            if let Some(seat) = line.strip_prefix("SEAT\t") {
                t.seats.insert(key(seat));
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(kind), Some(name), Some(other)) = (fields.next(), fields.next(), fields.next()) else { continue };
            let (kind, alias) = match kind {
                "ALIAS" | "LOC" => (EntityKind::Location, Some(other)),
                // A country with a demonym is a canonical name even without another name.
                "DEMONYM" => (EntityKind::Location, None),
                "ORG" => (EntityKind::Organization, Some(other)),
                _ => continue,
            };
            let index = match t.by_key.get(&key(name)) {
                Some(&i) if t.canonical.get(usize::from(i)).is_some_and(|c| c.name == name) => i,
                _ => {
                    let Ok(i) = u16::try_from(t.canonical.len()) else { continue };
                    t.canonical.push(Canonical { name, kind });
                    i
                }
            };
            for listed in std::iter::once(name).chain(alias) {
                t.by_key.entry(key(listed)).or_insert(index);
                t.written.insert(listed.to_string());
            }
            if line.starts_with("DEMONYM") {
                t.demonyms.entry(other.to_string()).or_insert(index);
            }
        }
        t
    })
}

/// The canonical name of a grouping key, if it is listed.
fn by_key(k: &str) -> Option<Canonical> {
    let t = table();
    t.by_key.get(k).and_then(|&i| t.canonical.get(usize::from(i))).copied()
}

/// The country of a demonym as written ("North Korean" → North Korea).
pub(crate) fn demonym_country(demonym: &str) -> Option<&'static str> {
    let t = table();
    t.demonyms.get(demonym).and_then(|&i| t.canonical.get(usize::from(i))).map(|c| c.name)
}

/// The canonical name of a listed name ("DPRK" → North Korea), or of a state form of a
/// listed country ("People's Republic of China" → China).
pub(crate) fn canonical(name: &str) -> Option<Canonical> {
    by_key(&key(name)).or_else(|| {
        let (form, country) = name.rsplit_once(" of ")?;
        let form = form.split_whitespace().last()?;
        let c = by_key(&key(country)).filter(|c| c.kind == EntityKind::Location)?;
        table().forms.contains(form).then_some(c)
    })
}

/// True when the place name stands for the government seated there ("the White House said"):
/// news use such names for the institution, so they are organisations.
pub(crate) fn is_seat(name: &str) -> bool {
    table().seats.contains(&key(name))
}

/// True for the kinds that aliases join.
fn named_kind(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Organization | EntityKind::Location)
}

/// Joins the organisations and places that share a canonical name into the first mentioned
/// of them, which takes the table's kind when their kinds differ (an entity alone keeps the
/// tagger's). `entities` is in order of first mention.
pub(crate) fn merge(entities: Vec<Entity>) -> Vec<Entity> {
    // Canonical name → index in `out` of its first entity: at most one per listed name.
    let mut first: Vec<(&'static str, usize)> = Vec::new();
    let mut out: Vec<Entity> = Vec::with_capacity(entities.len());
    for e in entities {
        let listed = if named_kind(e.kind) { canonical(&e.name) } else { None };
        let Some(c) = listed else {
            out.push(e);
            continue;
        };
        match first.iter().find(|(name, _)| *name == c.name).and_then(|&(_, i)| out.get_mut(i)) {
            Some(target) => {
                if target.kind != e.kind {
                    target.kind = c.kind;
                }
                target.mentions.extend(e.mentions);
                target.mentions.sort();
                target.mentions.dedup();
            }
            None => {
                first.push((c.name, out.len()));
                out.push(e);
            }
        }
    }
    out
}

/// True when every letter of the name is a capital and it has more than one ("SEOUL").
fn in_capitals(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).count() > 1 && !name.chars().any(char::is_lowercase)
}

/// Joins a name written in capitals ("SEOUL" of a dateline, "JAPAN" of a headline) to the
/// entity of the same kind with the same name in ordinary case, under the ordinary name, at
/// the place of whichever is mentioned first. In order of first mention.
pub(crate) fn merge_capitals(entities: Vec<Entity>) -> Vec<Entity> {
    let plain = |e: &Entity| (e.kind, e.name.to_lowercase());
    let ordinary: FastMap<(EntityKind, String), usize> =
        entities.iter().enumerate().filter(|(_, e)| !in_capitals(&e.name)).map(|(i, e)| (plain(e), i)).collect();
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    for i in 0..slots.len() {
        let target = slots[i].as_ref().filter(|e| in_capitals(&e.name)).and_then(|e| ordinary.get(&plain(e)).copied());
        let Some(j) = target.filter(|&j| j != i && slots.get(j).is_some_and(Option::is_some)) else { continue };
        let (keep, gone) = (i.min(j), i.max(j));
        let name = slots.get(j).and_then(Option::as_ref).map(|e| e.name.clone());
        if let Some(part) = slots.get_mut(gone).and_then(Option::take) {
            if let Some(whole) = slots.get_mut(keep).and_then(Option::as_mut) {
                whole.mentions.extend(part.mentions);
                whole.mentions.sort();
                whole.name = name.unwrap_or_else(|| whole.name.clone());
            }
        }
    }
    slots.into_iter().flatten().collect()
}

/// The longest listed name, in words (tokens), that [`find_untagged`] looks for.
const MAX_TOKENS: usize = 10;

/// Mentions of listed names that the tagger left out, where another name of the same
/// referent was tagged ("DPRK" where "North Korea" was): each occurrence written exactly as
/// listed, outside every found mention and not before another capitalised word ("U.S.
/// Open"), of a name other than those tagged (a name the tagger tagged at one place and not
/// at another was left out on purpose, inside a longer name such as "Tour of the
/// Netherlands"). `found` is in text order; the result too.
pub(crate) fn find_untagged(doc: &Document, found: &[Mention]) -> Vec<Mention> {
    let tagged: FastSet<String> = found.iter().filter(|m| named_kind(m.kind)).map(|m| key(doc.text_of(m.span))).collect();
    let present: Vec<&'static str> = {
        let mut names: Vec<&'static str> = tagged.iter().filter_map(|k| by_key(k).map(|c| c.name)).collect();
        names.sort_unstable();
        names.dedup();
        names
    };
    if present.is_empty() {
        return Vec::new();
    }
    let tokens = &doc.tokens;
    let mut out = Vec::new();
    let mut next_found = 0;
    let mut t = 0;
    while t < tokens.len() {
        let start = tokens[t].span.start;
        while found.get(next_found).is_some_and(|m| m.span.end <= start) {
            next_found += 1;
        }
        let capitalised = doc.text_of(tokens[t].span).starts_with(char::is_uppercase);
        if tokens[t].kind != TokenKind::Word || !capitalised {
            t += 1;
            continue;
        }
        // The longest run of tokens from here that is a listed name of a referent present.
        let hit = (1..=MAX_TOKENS.min(tokens.len() - t)).rev().find_map(|n| {
            let span = Span::new(start, tokens[t + n - 1].span.end);
            let text = doc.text_of(span);
            if !table().written.contains(text) || tagged.contains(&key(text)) {
                return None;
            }
            let c = canonical(text).filter(|c| present.binary_search(&c.name).is_ok())?;
            let free = !found.get(next_found).is_some_and(|m| m.span.overlaps(span));
            // Before another capitalised word it is part of a longer name ("U.S. Open").
            let longer = tokens.get(t + n).is_some_and(|next| next.kind == TokenKind::Word && doc.text_of(next.span).starts_with(char::is_uppercase));
            (free && !longer).then_some((n, Mention { span, kind: c.kind, value: None }))
        });
        match hit {
            Some((n, m)) => {
                out.push(m);
                t += n;
            }
            None => t += 1,
        }
    }
    out
}

/// Words that join the capitalised words of a listed name ("Republic of Korea", "People's").
const JOINING: [&str; 8] = ["of", "the", "'s", "\u{2019}s", "and", "&", "-", "."];

/// Each found place or organisation widened to the longest listed name (or state form of
/// one) that contains it and starts with a capital (not "The"), within [`MAX_TOKENS`] tokens,
/// reaching into no other mention but those it swallows whole. The tagger may keep only the
/// tail of a long official name ("Republic of Korea" of "the Democratic People's Republic
/// of Korea", which is another country) or cut it in two. `found` is in text order; the
/// result too.
pub(crate) fn widen(doc: &Document, mut found: Vec<Mention>) -> Vec<Mention> {
    let tokens = &doc.tokens;
    let mut absorbed = vec![false; found.len()];
    for i in 0..found.len() {
        let m = &found[i];
        if !named_kind(m.kind) || absorbed[i] {
            continue;
        }
        let (Ok(first), Ok(last)) = (
            tokens.binary_search_by_key(&m.span.start, |t| t.span.start),
            tokens.binary_search_by_key(&m.span.end, |t| t.span.end),
        ) else {
            continue;
        };
        // Other mentions the span would touch must lie inside it (then they are absorbed:
        // "Democratic People's" + "Republic of Korea").
        let fits = |span: Span| {
            let before = found[..i].iter().rev().take_while(|p| p.span.end > span.start);
            let after = found[i + 1..].iter().take_while(|n| n.span.start < span.end);
            before.chain(after).all(|o| named_kind(o.kind) && span.contains(o.span))
        };
        // Names are made of capitalised words and a few joining words: only such tokens can
        // extend one (which keeps the search short around ordinary text).
        let joins = |t: usize| {
            tokens.get(t).is_some_and(|tok| {
                let w = doc.text_of(tok.span);
                w.starts_with(char::is_uppercase) || JOINING.iter().any(|j| w.eq_ignore_ascii_case(j))
            })
        };
        let room = MAX_TOKENS.saturating_sub(last + 1 - first);
        let mut from = first;
        while from > 0 && first - from < room && joins(from - 1) {
            from -= 1;
        }
        let mut to = last;
        while to + 1 < tokens.len() && to - from + 1 < MAX_TOKENS && joins(to + 1) {
            to += 1;
        }
        if (from, to) == (first, last) {
            continue;
        }
        let own = key(doc.text_of(m.span));
        let mut best: Option<(usize, Span)> = None;
        for a in from..=first {
            for b in last..=to {
                let (Some(ta), Some(tb)) = (tokens.get(a), tokens.get(b)) else { continue };
                let span = Span::new(ta.span.start, tb.span.end);
                let size = b - a;
                if size <= last - first || best.is_some_and(|(n, _)| n >= size) {
                    continue;
                }
                let text = doc.text_of(span);
                let article = doc.text_of(ta.span).eq_ignore_ascii_case("the");
                let words = ta.kind == TokenKind::Word && tb.kind == TokenKind::Word && text.starts_with(char::is_uppercase) && !article;
                // A final stop does not make another name.
                if words && key(text) != own && canonical(text).is_some() && fits(span) {
                    best = Some((size, span));
                }
            }
        }
        let Some((_, span)) = best else { continue };
        for (j, o) in found.iter().enumerate() {
            if j != i && span.contains(o.span) {
                absorbed[j] = true;
            }
        }
        if let Some(m) = found.get_mut(i) {
            m.span = span;
        }
    }
    let mut keep = absorbed.into_iter().map(|a| !a);
    found.retain(|_| keep.next().unwrap_or(true));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seats_of_government_are_listed_by_key() {
        for seat in ["White House", "the White House", "WHITE HOUSE", "Kremlin", "Downing Street", "Élysée"] {
            assert!(is_seat(seat), "{seat}");
        }
        for other in ["House", "White", "Washington", "Moscow", "Red Square", "Blue Houses"] {
            assert!(!is_seat(other), "{other}");
        }
    }

    fn entity(name: &str, kind: EntityKind, at: usize) -> Entity {
        let mut e = Entity::new(name, kind);
        e.mentions.push(Span::new(at, at + 1));
        e
    }

    #[test]
    fn canonical_names() {
        let cases = [
            ("Democratic People's Republic of Korea", Some("North Korea")),
            ("DPRK", Some("North Korea")),
            ("North Korea", Some("North Korea")),
            ("Britain", Some("United Kingdom")),
            ("UK", Some("United Kingdom")),
            ("the United Kingdom", Some("United Kingdom")),
            ("Russian Federation", Some("Russia")),
            ("Fed", Some("Federal Reserve")),
            ("People's Republic of China", Some("China")),
            ("Kingdom of the Netherlands", Some("Netherlands")),
            ("Embassy of Japan", None),
            ("Republic of Acme", None),
            ("Japan", Some("Japan")),
            ("Korea", None),
            ("Kirby", None),
            ("dprk", None),
        ];
        for (name, want) in cases {
            assert_eq!(canonical(name).map(|c| c.name), want, "{name}");
        }
    }

    #[test]
    fn merges_other_names_and_keeps_the_rest_apart() {
        use EntityKind::*;
        let merged = merge(vec![
            entity("Democratic People's Republic of Korea", Location, 0),
            entity("Britain", Location, 2),
            entity("DPRK", Organization, 4),
            entity("North Korea", Location, 6),
            entity("United Kingdom", Location, 8),
            entity("South Korea", Location, 10),
            entity("Britain", Person, 12),
            entity("Acme", Organization, 14),
        ]);
        let got: Vec<(&str, EntityKind, usize)> = merged.iter().map(|e| (e.name.as_str(), e.kind, e.mentions.len())).collect();
        assert_eq!(
            got,
            [
                ("Democratic People's Republic of Korea", Location, 3),
                ("Britain", Location, 2),
                ("South Korea", Location, 1),
                ("Britain", Person, 1),
                ("Acme", Organization, 1)
            ]
        );
    }

    #[test]
    fn names_in_capitals_join_their_ordinary_spelling() {
        use EntityKind::*;
        let merged = merge_capitals(vec![
            entity("SEOUL", Location, 0),
            entity("Seoul", Location, 2),
            entity("NATO", Organization, 4),
            entity("JAPAN", Organization, 6),
            entity("Japan", Location, 8),
            entity("Nato", Organization, 10),
        ]);
        let got: Vec<(&str, usize)> = merged.iter().map(|e| (e.name.as_str(), e.mentions.len())).collect();
        assert_eq!(got, [("Seoul", 2), ("Nato", 2), ("JAPAN", 1), ("Japan", 1)]);
    }

    /// The document before the entity stage, and the mentions of `tagged` (their first
    /// occurrences) as places.
    fn tagged_in<'t>(text: &'t str, tagged: &[&str]) -> (Document<'t>, Vec<Mention>) {
        let doc = crate::pipeline::run_before(text, "entities");
        let mut found: Vec<Mention> = tagged
            .iter()
            .filter_map(|t| text.find(t).map(|s| Mention { span: Span::new(s, s + t.len()), kind: EntityKind::Location, value: None }))
            .collect();
        found.sort_by_key(|m| m.span);
        (doc, found)
    }

    fn untagged(text: &str, tagged: &[&str]) -> Vec<String> {
        let (doc, found) = tagged_in(text, tagged);
        find_untagged(&doc, &found).iter().map(|m| doc.text_of(m.span).to_string()).collect()
    }

    fn widened(text: &str, tagged: &[&str]) -> Vec<String> {
        let (doc, found) = tagged_in(text, tagged);
        widen(&doc, found).iter().map(|m| doc.text_of(m.span).to_string()).collect()
    }

    #[test]
    fn tails_of_listed_names_widen_to_the_whole_name() {
        let text = "Talks with the Democratic People's Republic of Korea resumed.";
        assert_eq!(widened(text, &["Republic of Korea"]), ["Democratic People's Republic of Korea"]);
        assert_eq!(widened("The People's Republic of China said no.", &["China"]), ["People's Republic of China"]);
        // A leading "The", a final stop, or a neighbouring mention do not widen.
        assert_eq!(widened("The European Union met.", &["European Union"]), ["European Union"]);
        assert_eq!(widened("He told the BBC.", &["BBC"]), ["BBC"]);
        // Pieces of one listed name become one mention; a mention only partly inside stops it.
        assert_eq!(widened("North Korea and Korea met.", &["North", "Korea"]), ["North Korea"]);
        let pieces = widened("Talks with the Democratic People's Republic of Korea resumed.", &["Democratic People's", "Republic of Korea"]);
        assert_eq!(pieces, ["Democratic People's Republic of Korea"]);
        assert_eq!(widened("Acme Republic of Korea", &["Acme Republic", "Korea"]), ["Acme Republic", "Korea"]);
        assert_eq!(widened("Korea won.", &["Korea"]), ["Korea"]);
    }

    #[test]
    fn finds_other_names_of_referents_present() {
        let text = "North Korea tested a missile. Officials urged the DPRK to stop, and Britain agreed.";
        assert_eq!(untagged(text, &["North Korea"]), ["DPRK"]);
        // Britain is listed, but the text names no other name of it: left to the tagger.
        assert_eq!(untagged(text, &["North Korea", "Britain"]), ["DPRK"]);
        assert!(untagged("Officials urged the DPRK to stop.", &[]).is_empty());
        assert!(untagged("North Korea spoke. The dprk word is lower case.", &["North Korea"]).is_empty());
        assert!(untagged("The United States won the U.S. Open again.", &["United States"]).is_empty());
        // A name tagged at one place and left out at another stays out there.
        assert!(untagged("Britain won. The Tour of Britain ended.", &["Britain"]).is_empty());
    }
}
