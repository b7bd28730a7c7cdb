//! Sources stage: the distinct sources the quotes cite, each with a kind, and a count of the
//! claims that rest on each kind of source.
//!
//! Reads: `quotes` (source spans and resolved speakers). Writes: `sources` (in order of first
//! citation) and `sourcing`. A source's kind comes from its words, by the lists of
//! `src/lexicon/source_kinds.txt`: anonymous wording ("unnamed", "people familiar with",
//! "sources", "officials"), a news outlet (CBS, the New York Times, "… Post"), a document
//! ("a report", "the statement"), an organization ("the campaign", "the White House", an
//! acronym), else the kind of the entity the source names (an organisation or a place
//! speaks as an organization, "Goldman Sachs", "Washington"), else a person when it is a
//! name, a role or a personal pronoun, else unknown. Reads `entities` for that.
//! Quotes whose sources resolve to the same speaker, or are written alike, share a source.

use crate::doc::{Document, EntityKind, Quote, Source, SourceKind, Sourcing, Span};
use crate::stages::quotes::{source_lexicon as lexicon, Lexicon};
use crate::hash::FastMap;

/// The lowercase words of a source, with their byte spans in the text.
fn words(text: &str, span: Span) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    let s = &text[span.start..span.end];
    let mut start = None;
    for (i, c) in s.char_indices().chain([(s.len(), ' ')]) {
        let inside = c.is_alphanumeric() || (start.is_some() && matches!(c, '.' | '-' | '&'));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                let word = s[b..i].trim_end_matches(['.', '-']);
                if !word.is_empty() {
                    out.push((word.to_lowercase(), Span::new(span.start + b, span.start + b + word.len())));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// True when some phrase of `section` occurs in `words`.
fn mentions(lex: &Lexicon, section: &str, words: &[(String, Span)]) -> bool {
    (0..words.len()).any(|i| lex.phrase_at(section, words[i..].iter().map(|(w, _)| w.as_str())) > 0)
}

/// The head word of a noun phrase: the last word before "of", "for", "at", "who", "in",
/// "with" or a comma-free appositive, possessive "s" dropped.
fn head(words: &[(String, Span)]) -> Option<usize> {
    let end = words.iter().position(|(w, _)| matches!(w.as_str(), "of" | "for" | "at" | "who" | "in" | "with" | "from" | "on" | "by")).unwrap_or(words.len());
    let last = end.checked_sub(1)?;
    match words.get(last) {
        Some((w, _)) if w == "s" => last.checked_sub(1),
        _ => Some(last),
    }
}

fn is_capitalized(text: &str, span: Span) -> bool {
    text[span.start..].chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(text: &str, span: Span) -> bool {
    let w = &text[span.start..span.end];
    (2..=6).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

/// The kind of a quote's source, from its words, whether a speaker name was found, and the
/// kind of the entity it names, if any.
pub(crate) fn kind(text: &str, source: Span, speaker: Option<Span>, entity: Option<EntityKind>) -> SourceKind {
    let lex = lexicon();
    let words = words(text, source);
    let Some(h) = head(&words) else { return SourceKind::Unknown };
    let (head_word, head_span) = (&words[h].0, words[h].1);
    let capital = is_capitalized(text, head_span);
    if mentions(lex, "anonymous", &words) && (lex.has("anonymous", head_word) || !capital) {
        return SourceKind::Anonymous;
    }
    if mentions(lex, "outlets", &words) || (capital && lex.has("outlet_heads", head_word)) || lex.has("outlet_nouns", head_word) {
        return SourceKind::Outlet;
    }
    if words.len() == 1 && matches!(head_word.as_str(), "he" | "she" | "him" | "her" | "i" | "who") {
        return if speaker.is_some() || head_word != "who" { SourceKind::Person } else { SourceKind::Unknown };
    }
    if !capital && lex.has("documents", head_word) {
        return SourceKind::Document;
    }
    if lex.has("organizations", head_word) || is_acronym(text, head_span) {
        return SourceKind::Organization;
    }
    match entity {
        Some(EntityKind::Organization | EntityKind::Location) => return SourceKind::Organization,
        Some(EntityKind::Person) => return SourceKind::Person,
        _ => {}
    }
    // A name, a role, or one unnamed individual ("a fisherman").
    let individual = words.first().is_some_and(|(w, _)| w == "a" || w == "an") && !head_word.ends_with('s');
    if capital || speaker.is_some() || lex.has("roles", head_word) || individual {
        return SourceKind::Person;
    }
    SourceKind::Unknown
}

/// The office or job named in a person's source ("spokesman" in "Navy spokesman Jo Lee").
fn role(text: &str, source: Span) -> Option<Span> {
    words(text, source).into_iter().find(|(w, _)| lexicon().has("roles", w)).map(|(_, s)| s)
}

/// The text two sources must share to be one: the speaker's name, or the source's words
/// without determiners.
fn key(text: &str, quote: &Quote, source: Span, kind: SourceKind) -> String {
    let span = match kind {
        SourceKind::Person | SourceKind::Organization | SourceKind::Outlet => quote.speaker.unwrap_or(source),
        _ => source,
    };
    let words: Vec<String> = words(text, span).into_iter().map(|(w, _)| w).filter(|w| !matches!(w.as_str(), "the" | "a" | "an")).collect();
    words.join(" ")
}

/// Person, organisation and place mentions in text order, with their kinds.
fn named_mentions(doc: &Document) -> Vec<(Span, EntityKind)> {
    let named = |k: &EntityKind| matches!(k, EntityKind::Person | EntityKind::Organization | EntityKind::Location);
    let mut out: Vec<(Span, EntityKind)> =
        doc.entities.iter().filter(|e| named(&e.kind)).flat_map(|e| e.mentions.iter().map(|&m| (m, e.kind))).collect();
    out.sort_by_key(|&(m, _)| (m.start, m.end));
    out
}

/// The kind of the entity named inside `span`: the last such mention (the head of "the
/// council's spokesman, Jo Lee" is the name at its end).
fn entity_in(mentions: &[(Span, EntityKind)], span: Span) -> Option<EntityKind> {
    let first = mentions.partition_point(|&(m, _)| m.start < span.start);
    mentions[first..].iter().take_while(|&&(m, _)| m.start < span.end).filter(|&&(m, _)| m.end <= span.end).last().map(|&(_, k)| k)
}

pub(crate) fn run(doc: &mut Document) {
    let text = doc.text;
    let mentions = named_mentions(doc);
    let mut sources: Vec<Source> = Vec::new();
    let mut index: FastMap<(SourceKind, String), usize> = FastMap::default();
    let mut sourcing = Sourcing::default();
    for (q, quote) in doc.quotes.iter().enumerate() {
        let Some(span) = quote.source else {
            sourcing.unattributed += 1;
            continue;
        };
        let entity = entity_in(&mentions, quote.speaker.unwrap_or(span)).or_else(|| entity_in(&mentions, span));
        let kind = kind(text, span, quote.speaker, entity);
        let counter = match kind {
            SourceKind::Person | SourceKind::Organization => &mut sourcing.named,
            SourceKind::Outlet => &mut sourcing.outlet,
            SourceKind::Anonymous => &mut sourcing.anonymous,
            SourceKind::Document => &mut sourcing.document,
            SourceKind::Unknown => &mut sourcing.unknown,
        };
        *counter += 1;
        let i = *index.entry((kind, key(text, quote, span, kind))).or_insert_with(|| {
            let name = quote.speaker.filter(|_| kind != SourceKind::Anonymous).unwrap_or(span);
            let role = (kind == SourceKind::Person).then(|| role(text, span)).flatten();
            sources.push(Source { name, kind, role, quotes: Vec::new() });
            sources.len() - 1
        });
        if let Some(source) = sources.get_mut(i) {
            source.quotes.push(q);
            if source.role.is_none() && kind == SourceKind::Person {
                source.role = role(text, span);
            }
        }
    }
    doc.sources = sources;
    doc.sourcing = sourcing;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(source: &str) -> SourceKind {
        kind(source, Span::new(0, source.len()), None, None)
    }

    #[test]
    fn kinds_from_the_words_of_the_source() {
        use SourceKind::*;
        let cases = [
            ("an unnamed US official", Anonymous),
            ("sources", Anonymous),
            ("people familiar with the talks", Anonymous),
            ("Officials", Anonymous),
            ("CBS", Outlet),
            ("the New York Times", Outlet),
            ("The Harbour Post", Outlet),
            ("major American media outlets", Outlet),
            ("the report", Document),
            ("a statement from the ministry", Document),
            ("the White House", Organization),
            ("the campaign", Organization),
            ("NATO", Organization),
            ("National Security Council spokesman John Kirby", Person),
            ("Kirby", Person),
            ("he", Person),
            ("a spokeswoman", Person),
            ("a fisherman", Person),
            ("the coast guard", Organization),
            ("a report by the ministry", Document),
            ("one of the attorneys", Anonymous),
            ("it", Unknown),
            ("they", Unknown),
            ("who", Unknown),
        ];
        for (source, want) in cases {
            assert_eq!(kind_of(source), want, "{source}");
        }
    }

    #[test]
    fn a_named_entity_gives_its_kind_unless_the_words_say_more() {
        use SourceKind::*;
        let cases = [
            ("Goldman Sachs", Some(EntityKind::Organization), Organization),
            ("Washington", Some(EntityKind::Location), Organization),
            ("Jo Lee", Some(EntityKind::Person), Person),
            ("CBS", Some(EntityKind::Organization), Outlet),
            ("two officials", None, Anonymous),
            ("Jo Lee", None, Person),
        ];
        for (source, entity, want) in cases {
            assert_eq!(kind(source, Span::new(0, source.len()), None, entity), want, "{source}");
        }
        let mentions = [(Span::new(0, 5), EntityKind::Organization), (Span::new(16, 22), EntityKind::Person)];
        assert_eq!(entity_in(&mentions, Span::new(0, 22)), Some(EntityKind::Person));
        assert_eq!(entity_in(&mentions, Span::new(0, 10)), Some(EntityKind::Organization));
        assert_eq!(entity_in(&mentions, Span::new(6, 15)), None);
    }

    #[test]
    fn roles_and_words() {
        let text = "Navy spokesman Jo Lee";
        assert_eq!(role(text, Span::new(0, text.len())), Some(Span::new(5, 14)));
        let got: Vec<String> = words("Mr. Lee's aide", Span::new(0, 14)).into_iter().map(|w| w.0).collect();
        assert_eq!(got, ["mr", "lee", "s", "aide"]);
    }
}
