//! Whole-pipeline tests of the entity layer on an invented wire story
//! (`fixture-summit.txt`, written for these tests): every person, organisation and place
//! found and merged, nothing else called a person, roles, demonym links, relative dates
//! resolved against the dateline and quote speakers linked to their entities.

use crate::doc::{Document, Entity, EntityKind};

fn story() -> Document<'static> {
    crate::pipeline::run(include_str!("fixture-summit.txt"))
}

fn find<'a>(doc: &'a Document, name: &str) -> Option<&'a Entity> {
    doc.entities.iter().find(|e| e.name == name)
}

#[test]
fn every_actor_is_found_and_merged() {
    use EntityKind::*;
    let doc = story();
    let want = [
        ("Lee Jae-myung", Person, 2),
        ("Shigeru Ishiba", Person, 3),
        ("Sean Parnell", Person, 2),
        ("Wang Yi", Person, 1),
        ("Reuters", Organization, 1),
        ("BBC", Organization, 1),
        ("European Union", Organization, 1),
        ("NATO", Organization, 1),
        ("Pentagon", Organization, 1),
        ("Seoul", Location, 3),
        ("Tokyo", Location, 1),
        ("Democratic People's Republic of Korea", Location, 3),
        ("United States", Location, 1),
        ("Japan", Location, 1),
        ("Beijing", Location, 1),
    ];
    for (name, kind, mentions) in want {
        let got = find(&doc, name).map(|e| (e.kind, e.mentions.len()));
        assert_eq!(got, Some((kind, mentions)), "{name} in {:?}", doc.entities.iter().map(|e| &e.name).collect::<Vec<_>>());
    }
    let people: Vec<&str> = doc.entities.iter().filter(|e| e.kind == Person).map(|e| e.name.as_str()).collect();
    assert_eq!(people, ["Lee Jae-myung", "Shigeru Ishiba", "Sean Parnell", "Wang Yi"]);
}

#[test]
fn people_carry_their_roles() {
    let doc = story();
    let want = [
        ("Lee Jae-myung", "President", None, Some("South Korea")),
        ("Shigeru Ishiba", "Prime Minister", None, Some("Japan")),
        ("Sean Parnell", "spokesman", Some("Pentagon"), None),
        ("Wang Yi", "Foreign Minister", None, Some("China")),
        ("Lee Jae-myung", "former human rights lawyer", None, None),
    ];
    for (name, title, organization, place) in want {
        let roles = find(&doc, name).map(|e| e.roles.clone()).unwrap_or_default();
        let hit = roles.iter().any(|r| r.title == title && r.organization.as_deref() == organization && r.place.as_deref() == place);
        assert!(hit, "{name}: {roles:?}");
    }
}

#[test]
fn demonyms_link_to_places_named_in_the_text() {
    let doc = story();
    let demonyms = |name: &str| -> Vec<&str> { find(&doc, name).map(|e| e.demonyms.iter().map(|&d| doc.text_of(d)).collect()).unwrap_or_default() };
    assert_eq!(demonyms("Japan"), ["Japanese", "Japanese"]);
    assert_eq!(demonyms("Democratic People's Republic of Korea"), ["North Korean"]);
    // Demonyms are not mentions: Japan is named once.
    assert_eq!(find(&doc, "Japan").map(|e| e.mentions.len()), Some(1));
}

#[test]
fn relative_dates_resolve_against_the_dateline() {
    let doc = story();
    let want = [("next week", "2025-W25"), ("Tuesday", "2025-06-10"), ("yesterday", "2025-06-10"), ("last month", "2025-05")];
    for (name, value) in want {
        let got = find(&doc, name).map(|e| (e.value.as_deref(), e.relative, e.anchor.as_deref()));
        assert_eq!(got, Some((Some(value), true, Some("2025-06-11"))), "{name}");
    }
}

#[test]
fn quote_speakers_are_entities() {
    let doc = story();
    let parnell = doc.entities.iter().position(|e| e.name == "Sean Parnell");
    for source in ["Parnell", "He"] {
        let quote = doc.quotes.iter().find(|q| q.source.is_some_and(|s| doc.text_of(s) == source));
        assert_eq!(quote.and_then(|q| q.speaker_entity), parnell, "{source}");
    }
}
