//! One name, one place: a name of the public place lists that the tagger calls a place at
//! one point and an organisation at another in the same text ("Flood Defences Fail in
//! Leeds" … "Leeds has seen three floods") names the place throughout.
//!
//! Input: the grouped entities, in order of first mention, with their names. Output: the
//! same entities, each organisation whose name is a listed place (city, country or region,
//! `tagger::ner::place_kind`) and is also the name of a place entity joined to that place.
//! A club or firm named after a place the text never calls a place stays an organisation.

use super::key;
use crate::doc::{Entity, EntityKind};
use crate::tagger::ner;
use std::collections::HashMap;

/// Joins organisations named like a listed place of the text to that place (module docs).
pub(crate) fn unify(entities: Vec<Entity>) -> Vec<Entity> {
    let places: HashMap<String, usize> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Location && ner::place_kind(&e.name).is_some())
        .map(|(i, e)| (key(&e.name), i))
        .collect();
    let mut slots: Vec<Option<Entity>> = entities.into_iter().map(Some).collect();
    for i in 0..slots.len() {
        let target = slots[i].as_ref().filter(|e| e.kind == EntityKind::Organization).and_then(|e| places.get(&key(&e.name)).copied());
        let Some(j) = target else { continue };
        if let Some(org) = slots[i].take() {
            if let Some(place) = slots.get_mut(j).and_then(Option::as_mut) {
                place.mentions.extend(org.mentions);
                place.mentions.sort();
            }
        }
    }
    let mut out: Vec<Entity> = slots.into_iter().flatten().collect();
    out.sort_by_key(|e| e.mentions.first().copied());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Span;

    fn entity(name: &str, kind: EntityKind, at: usize) -> Entity {
        Entity { mentions: vec![Span::new(at, at + 1)], ..Entity::new(name, kind) }
    }

    #[test]
    fn a_listed_place_called_both_is_a_place() {
        use EntityKind::*;
        let merged = unify(vec![
            entity("Leeds", Organization, 0),
            entity("Leeds", Location, 2),
            entity("Acme", Organization, 4),
            entity("Chelsea", Organization, 6),
            entity("Kirkstall Forge", Organization, 8),
            entity("Kirkstall Forge", Location, 10),
        ]);
        let got: Vec<(&str, EntityKind, usize)> = merged.iter().map(|e| (e.name.as_str(), e.kind, e.mentions.len())).collect();
        let want = [
            ("Leeds", Location, 2),
            ("Acme", Organization, 1),
            ("Chelsea", Organization, 1),
            ("Kirkstall Forge", Organization, 1),
            ("Kirkstall Forge", Location, 1),
        ];
        assert_eq!(got, want);
    }
}
