//! Entity stage: finds people, organisations and places (the trained tagger of
//! `crate::tagger::ner`) and dates, money, percentages and quantities (the rules of
//! `numeric`), and groups mentions that name the same thing.
//!
//! Reads: text, paragraphs (titles and headings raise salience), tokens (with their parts of
//! speech), sentences, language (text confidently in another language is left alone).
//! Boilerplate is read too: related headlines name the article's actors. Writes: `entities`,
//! in order of first mention; mentions of one kind with the same normalised text (case,
//! quotes and a leading "the" ignored) are one entity; a person named by part of a fuller
//! name ("Putin") joins the one person with that fuller name ("Vladimir Putin"), and an
//! acronym ("NSC", "U.S.") the one organisation or place whose initials it is.
//!
//! Around the tagger, in submodules: `headlines` trims headline verbs off names
//! ("Zelenskyy Denounces"); `roles` adds the names that follow a naming title ("President
//! Erdogan") and gives people their `roles`; `aliases` merges other names of one country or
//! organisation ("DPRK", "North Korea") and adds the untagged ones; `demonyms` links
//! adjectives ("Russian") to their place apart from its mentions; `geography` adds the
//! names of seas, gulfs and mountains ("the Korean Peninsula"); `relative_dates` marks
//! relative dates and resolves them against the dateline.
//!
//! The tagger sees CoNLL-style words: tokens joined by a hyphen without spaces ("Jong-Un",
//! "1996-08-22") are one word, as in its training data.

mod aliases;
mod demonyms;
mod geography;
mod headlines;
mod numeric;
mod relative_dates;
mod roles;
#[cfg(test)]
mod story_tests;

use crate::doc::{BlockKind, Document, Entity, EntityKind, Span, TokenKind};
use crate::tagger::features::normalise;
use crate::stages::pos as pos_tag;
use crate::tagger::ner;
use numeric::NumKind;
use crate::hash::FastMap;

/// The tagger's words of one sentence: byte spans into the text.
fn words_of(doc: &Document, tokens: std::ops::Range<usize>) -> Vec<Span> {
    let tokens = doc.tokens.get(tokens).unwrap_or(&[]);
    let mut out: Vec<Span> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let mut span = tokens[i].span;
        let wordish = |k: usize| tokens.get(k).is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number));
        if wordish(i) {
            while wordish(i + 2)
                && tokens.get(i + 1).is_some_and(|h| {
                    h.span.start == span.end && h.span.end == tokens[i + 2].span.start && is_hyphen(doc.text_of(h.span))
                })
            {
                span.end = tokens[i + 2].span.end;
                i += 2;
            }
        }
        out.push(span);
        i += 1;
    }
    out
}

/// The part of speech of a tagger word (of its last token) as an index into `pos::TAGS`;
/// past the end of the list when there is none.
fn pos_index(doc: &Document, word: Span) -> usize {
    let at = doc.tokens.partition_point(|t| t.span.end < word.end);
    let tag = doc.tokens.get(at).and_then(|t| t.pos);
    tag.and_then(|p| pos_tag::UPOS.iter().position(|&u| u == p)).unwrap_or(usize::MAX)
}

fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "\u{2010}" | "\u{2011}")
}

fn kind_of_type(ty: usize) -> Option<EntityKind> {
    match ner::TYPES.get(ty) {
        Some(&"PER") => Some(EntityKind::Person),
        Some(&"ORG") => Some(EntityKind::Organization),
        Some(&"LOC") => Some(EntityKind::Location),
        _ => None,
    }
}

fn kind_of_num(kind: NumKind) -> EntityKind {
    match kind {
        NumKind::Date => EntityKind::Date,
        NumKind::Money => EntityKind::Money,
        NumKind::Percent => EntityKind::Percent,
        NumKind::Quantity => EntityKind::Quantity,
    }
}

/// The grouping key of a mention's text ("U.S." and "US" share one).
fn key(text: &str) -> String {
    if let Some(acronym) = as_acronym(text) {
        return format!("{acronym} (acronym)");
    }
    let norm = normalise(text).split_whitespace().collect::<Vec<_>>().join(" ");
    norm.strip_prefix("the ").map(str::to_string).unwrap_or(norm)
}

/// One mention: where, of what kind, and for dates the normalised value.
struct Mention {
    span: Span,
    kind: EntityKind,
    value: Option<String>,
}

/// All mentions of the document, in text order. The sentences are tagged one at a time, so
/// that only one sentence's words are held at once.
fn mentions(doc: &Document) -> Vec<Mention> {
    let texts_of = |spans: &[Span]| -> Vec<&str> { spans.iter().map(|&w| doc.text_of(w)).collect() };
    let all_words = doc.sentences.iter().map(|s| texts_of(&words_of(doc, s.tokens.clone())));
    let mut tagger = ner::model().map(|model| ner::Stream::new(model, all_words));
    let gaz = ner::gazetteer();
    let lookup = |k| gaz.get(&k).copied().unwrap_or(0);
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let spans = words_of(doc, sentence.tokens.clone());
        let texts = texts_of(&spans);
        let pos: Vec<usize> = spans.iter().map(|&w| pos_index(doc, w)).collect();
        let tagged = tagger.as_mut().map(|t| t.mentions(&texts, &pos, lookup)).unwrap_or_default();
        let named: Vec<Mention> = tagged
            .iter()
            .filter_map(|(r, ty)| {
                let (first, last) = (spans.get(r.start)?, spans.get(r.end.checked_sub(1)?)?);
                Some(Mention { span: Span::new(first.start, last.end), kind: kind_of_type(*ty)?, value: None })
            })
            .collect();
        for (r, kind) in numeric::find(&texts) {
            let (Some(first), Some(last)) = (spans.get(r.start), r.end.checked_sub(1).and_then(|e| spans.get(e))) else {
                continue;
            };
            let span = Span::new(first.start, last.end);
            if !named.iter().any(|n| n.span.overlaps(span)) {
                let value = (kind == NumKind::Date).then(|| texts.get(r).and_then(numeric::date_value)).flatten();
                out.push(Mention { span, kind: kind_of_num(kind), value });
            }
        }
        out.extend(named);
    }
    out.sort_by_key(|m| m.span);
    out
}

/// The words of a name for matching: normalised, split at spaces and hyphens.
fn name_words(name: &str) -> Vec<String> {
    key(name).split([' ', '-']).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// True when `short` appears as consecutive words inside `long`.
fn is_part_of(short: &[String], long: &[String]) -> bool {
    short.len() < long.len() && long.windows(short.len()).any(|w| w == short)
}

/// The acronym a name's initials make ("Democratic People's Republic of Korea" → "dprk"),
/// small words left out; empty for names of one word.
fn initials(words: &[String]) -> String {
    const SMALL: [&str; 6] = ["of", "the", "and", "for", "&", "de"];
    if words.len() < 2 {
        return String::new();
    }
    words.iter().filter(|w| !SMALL.contains(&w.as_str())).filter_map(|w| w.chars().next()).collect()
}

/// The acronym a name is, if it is one: one word of 2 to 6 capitals, dots allowed ("U.S.",
/// "NSC"), lower-cased without its dots.
fn as_acronym(name: &str) -> Option<String> {
    let letters: String = name.chars().filter(|&c| c != '.').collect();
    let ok = (2..=6).contains(&letters.chars().count()) && letters.chars().all(|c| c.is_uppercase());
    ok.then(|| letters.to_lowercase())
}

/// The entity that entity `i` is a shorter name of, when exactly one qualifies: a person
/// named by part of a fuller name ("Putin" → "Vladimir Putin"), or an organisation or place
/// named by the initials of a longer name of the same kind ("NSC" → "National Security
/// Council", "U.S." → "United States"). `by_word` lists the people whose name has a word;
/// `by_initials` the multi-word names by kind and initials.
fn fuller_name(
    entities: &[Entity],
    words: &[Vec<String>],
    by_word: &FastMap<&str, Vec<usize>>,
    by_initials: &FastMap<(EntityKind, String), Vec<usize>>,
    i: usize,
) -> Option<usize> {
    let e = entities.get(i)?;
    let candidates: Vec<usize> = match e.kind {
        EntityKind::Person => {
            let first = words.get(i)?.first()?;
            let people = by_word.get(first.as_str()).map_or(&[][..], Vec::as_slice);
            people.iter().copied().filter(|&j| j != i && is_part_of(&words[i], &words[j])).collect()
        }
        EntityKind::Organization | EntityKind::Location => {
            let acronym = as_acronym(&e.name)?;
            by_initials.get(&(e.kind, acronym)).cloned().unwrap_or_default()
        }
        _ => Vec::new(),
    };
    match candidates[..] {
        [j] => Some(j),
        _ => None,
    }
}

/// Merges every entity that is a shorter name of another (see [`fuller_name`]) into it.
/// When several fuller names qualify ("Smith" with "Ann Smith" and "Bob Smith"), it stays
/// apart, as the text keeps them apart.
fn merge_names(entities: Vec<Entity>) -> Vec<Entity> {
    let words: Vec<Vec<String>> = entities.iter().map(|e| name_words(&e.name)).collect();
    let mut by_word: FastMap<&str, Vec<usize>> = FastMap::default();
    let mut by_initials: FastMap<(EntityKind, String), Vec<usize>> = FastMap::default();
    for (j, (e, ws)) in entities.iter().zip(&words).enumerate() {
        if e.kind == EntityKind::Person {
            let mut distinct: Vec<&str> = ws.iter().map(String::as_str).collect();
            distinct.sort_unstable();
            distinct.dedup();
            for w in distinct {
                by_word.entry(w).or_default().push(j);
            }
        } else if !initials(ws).is_empty() {
            by_initials.entry((e.kind, initials(ws))).or_default().push(j);
        }
    }
    let target: Vec<Option<usize>> =
        (0..entities.len()).map(|i| fuller_name(&entities, &words, &by_word, &by_initials, i)).collect();
    let mut merged: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    for i in 0..merged.len() {
        // Follow the chain to the fullest name ("Kim" → "Kim Jong" → "Kim Jong-Un").
        let mut j = i;
        let mut steps = 0;
        while let Some(next) = target.get(j).copied().flatten().filter(|_| steps < merged.len()) {
            j = next;
            steps += 1;
        }
        if j != i {
            if let Some(part) = merged[i].take() {
                if let Some(full) = merged[j].as_mut() {
                    full.mentions.extend(part.mentions);
                    full.mentions.sort();
                }
            }
        }
    }
    let mut out: Vec<Entity> = merged.into_iter().flatten().collect();
    out.sort_by_key(|e| e.mentions.first().copied());
    out
}

/// Gives every entity its salience: more mentions, an earlier first mention and a mention
/// in the title or a heading raise it; dates and numbers count half. Scaled so that the
/// most salient entity has 1, rounded to three decimals.
fn score_salience(doc: &Document, entities: &mut [Entity]) {
    let len = doc.text.len().max(1) as f64;
    // Paragraphs are in text order: find the one a mention starts in by bisection.
    let in_heading = |m: &Span| {
        let at = doc.paragraphs.partition_point(|p| p.span.end <= m.start);
        doc.paragraphs.get(at).is_some_and(|p| matches!(p.kind, BlockKind::Title | BlockKind::Heading) && p.span.contains(*m))
    };
    let raw: Vec<f64> = entities
        .iter()
        .map(|e| {
            let count = e.mentions.len().max(1) as f64;
            let first = e.mentions.first().map_or(1.0, |m| m.start as f64 / len);
            let heading = if e.mentions.iter().any(in_heading) { 1.5 } else { 1.0 };
            let named = matches!(e.kind, EntityKind::Person | EntityKind::Organization | EntityKind::Location);
            (1.0 + count.ln()) * (1.0 - 0.5 * first) * heading * if named { 1.0 } else { 0.5 }
        })
        .collect();
    let max = raw.iter().copied().fold(0.0, f64::max);
    for (e, r) in entities.iter_mut().zip(raw) {
        e.salience = if max > 0.0 { (r / max * 1000.0).round() / 1000.0 } else { 0.0 };
    }
}

/// The tagger's mentions with headline words trimmed and widened to listed names, plus the names it missed after a
/// title ("President Erdogan"), the other names of referents it found ("DPRK") and the names
/// of natural features ("the Korean Peninsula").
fn all_mentions(doc: &Document) -> Vec<Mention> {
    let mut found = aliases::widen(doc, mentions(doc));
    for extra in [roles::titled_names, aliases::find_untagged] {
        let more = extra(doc, &found);
        found = merge_in_order(found, more);
    }
    geography::add_names(doc, headlines::repair(doc, found))
}

/// Two lists of mentions in text order merged into one in text order.
fn merge_in_order(a: Vec<Mention>, b: Vec<Mention>) -> Vec<Mention> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => x.span <= y.span,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return out,
        };
        out.extend(if take_a { a.next() } else { b.next() });
    }
}

pub(crate) fn run(doc: &mut Document) {
    let mut entities: Vec<Entity> = Vec::new();
    let mut index: FastMap<(EntityKind, String), usize> = FastMap::default();
    for Mention { span, kind, value } in all_mentions(doc) {
        let text = doc.text_of(span);
        let at = *index.entry((kind, key(text))).or_insert_with(|| {
            entities.push(Entity { value, ..Entity::new(text, kind) });
            entities.len() - 1
        });
        if let Some(e) = entities.get_mut(at) {
            e.mentions.push(span);
        }
    }
    let mut entities = aliases::merge(aliases::merge_capitals(merge_names(entities)));
    for e in entities.iter_mut().filter(|e| e.kind == EntityKind::Location) {
        if aliases::is_seat(&e.name) {
            e.kind = EntityKind::Organization;
            continue;
        }
        e.subkind = ner::place_kind(&e.name).or_else(|| aliases::canonical(&e.name).and_then(|c| ner::place_kind(c.name)));
    }
    let mut named: Vec<Span> = entities.iter().filter(|e| kind_is_named(e.kind)).flat_map(|e| e.mentions.iter().copied()).collect();
    named.sort();
    let demonyms = demonyms::find(doc, &named);
    demonyms::link(&demonyms, &mut entities);
    roles::attach(doc, &mut entities, &demonyms);
    relative_dates::resolve_all(doc, &mut entities);
    score_salience(doc, &mut entities);
    doc.entities = entities;
}

fn kind_is_named(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Person | EntityKind::Organization | EntityKind::Location)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::{paragraphs, pos, sentences, tokens};

    fn entities(text: &str) -> Vec<(String, EntityKind, usize)> {
        let mut doc = crate::pipeline::run_before(text, "entities");
        run(&mut doc);
        doc.entities.iter().map(|e| (e.name.clone(), e.kind, e.mentions.len())).collect()
    }

    fn has(found: &[(String, EntityKind, usize)], name: &str, kind: EntityKind) -> bool {
        found.iter().any(|(n, k, _)| n == name && *k == kind)
    }

    #[test]
    fn finds_people_places_and_organisations() {
        use EntityKind::*;
        let text = "Russian Defense Minister Sergei Shoigu met Kim Jong-Un in Pyongyang on Tuesday. \
                    NATO said the talks worried the White House. Shoigu left for Moscow, \
                    where prices rose 3 % and a ticket cost $ 40.";
        let found = entities(text);
        let hits = [
            ("Sergei Shoigu", Person),
            ("Kim Jong-Un", Person),
            ("Pyongyang", Location),
            ("NATO", Organization),
            // A place in CoNLL-2003, the training data; an organisation as a seat of government.
            ("White House", Organization),
            ("Moscow", Location),
            ("Tuesday", Date),
            ("3 %", Percent),
            ("$ 40", Money),
        ];
        for (name, kind) in hits {
            assert!(has(&found, name, kind), "{name} {kind:?} in {found:?}");
        }
        for miss in ["Tuesday", "Defense Minister", "Russian"] {
            assert!(!found.iter().any(|(n, k, _)| n == miss && *k == Person), "{miss} in {found:?}");
        }
    }

    #[test]
    fn finds_and_merges_the_actors_of_a_news_story() {
        use EntityKind::*;
        // An invented story written for this test (fixture-floods.txt).
        let found = entities(include_str!("entities/fixture-floods.txt"));
        let hits = [
            ("Rachel Reeves", Person, 3),
            ("Tracy Brabin", Person, 2),
            ("Britain", Location, 1),
            ("Kirkstall", Location, 1),
            ("Brussels", Location, 1),
            ("Environment Agency", Organization, 1),
            ("BBC", Organization, 1),
            ("Treasury", Organization, 1),
            ("European Commission", Organization, 1),
            ("£40 million", Money, 1),
            ("Thursday", Date, 1),
            ("last week", Date, 1),
            ("2 metres", Quantity, 1),
        ];
        for (name, kind, mentions) in hits {
            assert!(found.contains(&(name.to_string(), kind, mentions)), "{name} {kind:?} {mentions} in {found:?}");
        }
        for word in ["Chancellor", "Mayor", "Reeves", "Brabin", "March"] {
            assert!(!found.iter().any(|(n, k, _)| n == word && *k == Person), "{word} in {found:?}");
        }
    }

    #[test]
    fn dates_carry_their_value() {
        let mut doc = Document::new("The summit in April 2019 followed talks on Tuesday and in 1998.");
        paragraphs::run(&mut doc);
        tokens::run(&mut doc);
        sentences::run(&mut doc);
        run(&mut doc);
        let dates: Vec<(&str, Option<&str>)> = doc
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Date)
            .map(|e| (e.name.as_str(), e.value.as_deref()))
            .collect();
        assert_eq!(dates, [("April 2019", Some("2019-04")), ("Tuesday", None), ("1998", Some("1998"))]);
    }

    #[test]
    fn the_main_actor_is_the_most_salient() {
        let text = "Reeves Faces Flood Questions\n\nRachel Reeves met Tracy Brabin in Leeds on Monday. \
                    Reeves said the Treasury would help. Reeves then left.";
        let mut doc = crate::pipeline::run_before(text, "entities");
        run(&mut doc);
        let top = doc.entities.iter().max_by(|a, b| a.salience.total_cmp(&b.salience));
        assert_eq!(top.map(|e| (e.name.as_str(), e.salience)), Some(("Rachel Reeves", 1.0)), "{:?}", doc.entities);
        assert!(doc.entities.iter().all(|e| (0.0..=1.0).contains(&e.salience)));
    }

    #[test]
    fn misses_capitals_that_are_not_names() {
        let texts = [
            "President said on Monday that talks would resume. Officials agreed.",
            "Yesterday the minister resigned. Meanwhile, prices fell.",
            "Breaking News: Markets Fall Sharply As Investors Flee",
        ];
        for text in texts {
            let found = entities(text);
            let named: Vec<_> = found.iter().filter(|(_, k, _)| matches!(k, EntityKind::Person | EntityKind::Organization)).collect();
            assert!(named.is_empty(), "{text}: {found:?}");
        }
        let found = entities("President said on Monday that talks would resume.");
        assert!(found.contains(&("Monday".to_string(), EntityKind::Date, 1)), "{found:?}");
    }

    #[test]
    fn groups_identical_names() {
        let found = entities("Angela Merkel spoke. Later Angela Merkel left Berlin.");
        assert!(found.contains(&("Angela Merkel".to_string(), EntityKind::Person, 2)), "{found:?}");
    }

    #[test]
    fn places_get_their_kind() {
        let mut doc = Document::new("Officials flew from Berlin to Texas and then to France.");
        paragraphs::run(&mut doc);
        tokens::run(&mut doc);
        sentences::run(&mut doc);
        pos::run(&mut doc);
        run(&mut doc);
        let places: Vec<(&str, Option<&str>)> = doc.entities.iter().map(|e| (e.name.as_str(), e.subkind)).collect();
        assert_eq!(places, [("Berlin", Some("city")), ("Texas", Some("region")), ("France", Some("country"))]);
    }

    fn person(name: &str, at: usize) -> Entity {
        Entity { mentions: vec![Span::new(at, at + 1)], ..Entity::new(name, EntityKind::Person) }
    }

    #[test]
    fn merges_parts_of_one_fuller_name() {
        let merged = merge_names(vec![
            person("Vladimir Putin", 0),
            person("Kim", 2),
            person("Putin", 4),
            person("Kim Jong-Un", 6),
            person("Jong-Un", 8),
            person("Smith", 10),
            person("Ann Smith", 12),
            person("Bob Smith", 14),
        ]);
        let got: Vec<(&str, usize)> = merged.iter().map(|e| (e.name.as_str(), e.mentions.len())).collect();
        assert_eq!(got, [("Vladimir Putin", 2), ("Kim Jong-Un", 3), ("Smith", 1), ("Ann Smith", 1), ("Bob Smith", 1)]);
        assert!(merged[1].mentions.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn merges_acronyms_into_the_names_they_abbreviate() {
        let e = |name: &str, kind, at| Entity { mentions: vec![Span::new(at, at + 1)], ..Entity::new(name, kind) };
        use EntityKind::*;
        assert_eq!(key("U.S."), key("US"));
        assert_ne!(key("U.S."), key("us"));
        let merged = merge_names(vec![
            e("Democratic People's Republic of Korea", Location, 0),
            e("DPRK", Location, 2),
            e("United States", Location, 4),
            e("U.S.", Location, 6),
            e("US", Location, 8),
            e("National Security Council", Organization, 10),
            e("NSC", Organization, 12),
            e("NSC", Location, 14),
            e("IBM", Organization, 16),
        ]);
        let got: Vec<(&str, usize)> = merged.iter().map(|e| (e.name.as_str(), e.mentions.len())).collect();
        let want = [
            ("Democratic People's Republic of Korea", 2),
            ("United States", 3),
            ("National Security Council", 2),
            ("NSC", 1),
            ("IBM", 1),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn does_not_merge_other_kinds_or_unrelated_names() {
        let place = Entity { mentions: vec![Span::new(0, 1)], ..Entity::new("Washington", EntityKind::Location) };
        let merged = merge_names(vec![place, person("George Washington", 2), person("Tim Cook", 4), person("Cooke", 6)]);
        assert_eq!(merged.len(), 4);
    }

    #[test]
    fn hyphenated_words_are_one_word() {
        let mut doc = Document::new("Kim Jong-Un met long-term allies .");
        tokens::run(&mut doc);
        let n = doc.tokens.len();
        let words: Vec<&str> = words_of(&doc, 0..n).into_iter().map(|s| doc.text_of(s)).collect();
        assert_eq!(words, ["Kim", "Jong-Un", "met", "long-term", "allies", "."]);
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_text_gives_sane_mentions(text in "(\\PC|[ \n.,'\"$%-]|Jong-Un|U\\.S\\.|April 5|\\$ 3 million){0,40}") {
            let mut doc = crate::pipeline::run_before(&text, "entities");
            run(&mut doc);
            for e in &doc.entities {
                proptest::prop_assert!(!e.mentions.is_empty());
                for m in &e.mentions {
                    proptest::prop_assert!(m.start < m.end && m.end <= text.len());
                    proptest::prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                }
            }
        }
    }

    #[test]
    fn empty_and_odd_texts_give_no_entities() {
        for text in ["", " ", "...", "\u{1F600}", "the cat sat on the mat."] {
            assert!(entities(text).is_empty(), "{text:?}");
        }
    }
}
