//! Rules for dates, amounts of money, percentages and quantities.
//!
//! Input: the words of one sentence as written. Output: word ranges with a [`NumKind`],
//! non-overlapping, left to right. The words the rules know (months, currencies, units…)
//! are in `src/models/ner.words`.

use crate::hash::{FastMap, FastSet};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

/// What a numeric expression is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumKind {
    Date,
    Money,
    Percent,
    Quantity,
}

const CLASSES: [&str; 12] =
    ["MONTH", "WEEKDAY", "RELDAY", "PERIOD", "SHIFT", "CURSYM", "CURWORD", "SCALE", "PERCENT", "UNIT", "YEARPREP", "NUMWORD"];

#[derive(Clone, Copy)]
enum Class {
    Month,
    Weekday,
    RelDay,
    Period,
    Shift,
    CurSym,
    CurWord,
    Scale,
    Percent,
    Unit,
    YearPrep,
    NumWord,
}

/// The full month names, in calendar order (the first twelve MONTH entries of the file).
fn month_names() -> &'static [String] {
    static MONTHS: OnceLock<Vec<String>> = OnceLock::new();
    MONTHS.get_or_init(|| {
        let lines = include_str!("../../models/ner.words").lines();
        lines.filter_map(|l| l.strip_prefix("MONTH\t")).take(12).map(str::to_string).collect()
    })
}

/// The number (1–12) of a month word, full or abbreviated ("Sept." → 9).
fn month_number(word: &str) -> Option<usize> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    month_names().iter().position(|m| m.starts_with(&w)).map(|k| k + 1)
}

/// The normalised value of a date expression, where its words fix one (TIMEX3 style):
/// "April 5, 2019" → `2019-04-05`, "April 2019" → `2019-04`, "5 April" → `XXXX-04-05`,
/// "1998" → `1998`, "the 1990s" → `199X`, "1996-08-22" as it is; `None` for relative dates
/// ("Tuesday", "last week"), which need the article's own date.
pub(crate) fn date_value(words: &[&str]) -> Option<String> {
    let month = words.iter().find_map(|w| month_number(w));
    let numbers: Vec<&str> = words.iter().copied().filter(|w| w.starts_with(|c: char| c.is_ascii_digit())).collect();
    let year = numbers.iter().find(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()));
    let day = numbers.iter().filter_map(|w| w.trim_end_matches(char::is_alphabetic).parse::<u32>().ok()).find(|d| (1..=31).contains(d));
    match (words, month) {
        ([one], None) if one.len() == 10 && one.as_bytes().get(4) == Some(&b'-') => Some(one.to_string()),
        ([one], None) if one.len() == 5 && one.ends_with("0s") => Some(format!("{}X", &one[..3])),
        (_, Some(m)) => {
            let y = year.map_or("XXXX", |y| y);
            let day = day.filter(|_| numbers.len() > usize::from(year.is_some()));
            Some(match day {
                Some(d) => format!("{y}-{m:02}-{d:02}"),
                None => format!("{y}-{m:02}"),
            })
        }
        ([_], None) => year.map(|y| y.to_string()),
        _ => None,
    }
}

/// Lower-cased word or two-word phrase → bit mask over [`CLASSES`].
fn table() -> &'static FastMap<String, u16> {
    static WORDS: OnceLock<FastMap<String, u16>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut map = FastMap::default();
        for line in include_str!("../../models/ner.words").lines().filter(|l| !l.starts_with('#')) {
            let Some((class, word)) = line.split_once('\t') else { continue };
            if let Some(k) = CLASSES.iter().position(|&c| c == class) {
                *map.entry(word.to_string()).or_insert(0) |= 1 << k;
            }
        }
        map
    })
}

/// The first words of the two-word entries ("per", "square"…).
fn first_words() -> &'static FastSet<String> {
    static FIRST: OnceLock<FastSet<String>> = OnceLock::new();
    FIRST.get_or_init(|| table().keys().filter_map(|k| k.split_once(' ')).map(|(a, _)| a.to_string()).collect())
}

/// A sentence's words, lower-cased, with their classes looked up once.
struct Words<'a> {
    raw: &'a [&'a str],
    lower: Vec<Cow<'a, str>>,
    /// Per word: its classes as a single word.
    classes: Vec<u16>,
    /// Per word: the classes of the two-word phrase it starts (0 for none).
    pairs: Vec<u16>,
    /// Per word: the end of the number that starts there ([`Words::number`]).
    numbers: Vec<Option<usize>>,
}

impl<'a> Words<'a> {
    fn new(raw: &'a [&'a str]) -> Words<'a> {
        // `to_lowercase` changes no word of lowercase ASCII: those are borrowed.
        let lower: Vec<Cow<str>> =
            raw.iter().map(|w| if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) { Cow::Borrowed(*w) } else { Cow::Owned(w.to_lowercase()) }).collect();
        let classes = lower.iter().map(|w| table().get(w.as_ref()).copied().unwrap_or(0)).collect();
        let mut phrase = String::new();
        let pairs = (0..lower.len())
            .map(|i| match (lower.get(i), lower.get(i + 1)) {
                (Some(a), Some(b)) if first_words().contains(a.as_ref()) => {
                    phrase.clear();
                    phrase.extend([a.as_ref(), " ", b.as_ref()]);
                    table().get(&phrase).copied().unwrap_or(0)
                }
                _ => 0,
            })
            .collect();
        let mut words = Words { raw, lower, classes, pairs, numbers: Vec::new() };
        words.numbers = (0..raw.len()).map(|i| words.find_number(i)).collect();
        words
    }

    fn get(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", |w| w)
    }

    /// The length (1 or 2 words) of a phrase of `class` starting at `i`, longest first.
    fn class(&self, i: usize, class: Class) -> Option<usize> {
        let bit = 1u16 << class as u16;
        if self.pairs.get(i).is_some_and(|m| m & bit != 0) {
            return Some(2);
        }
        self.classes.get(i).is_some_and(|m| m & bit != 0).then_some(1)
    }

    fn is(&self, i: usize, class: Class) -> bool {
        self.class(i, class).is_some()
    }

    /// True when the word starts with a capital letter as written.
    fn capitalised(&self, i: usize) -> bool {
        self.raw.get(i).and_then(|w| w.chars().next()).is_some_and(char::is_uppercase)
    }

    /// A number (digits with separators, a number word, "5bn") and an optional scale word
    /// after it: the end of the number.
    fn number(&self, i: usize) -> Option<usize> {
        self.numbers.get(i).copied().flatten()
    }

    /// [`Words::number`], worked out.
    fn find_number(&self, i: usize) -> Option<usize> {
        let w = self.get(i);
        let digits = w.starts_with(|c: char| c.is_ascii_digit())
            && w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.');
        let suffix = w.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
        let scaled = suffix.is_empty() || table().get(suffix).is_some_and(|m| m & (1 << Class::Scale as u16) != 0);
        let numeric = digits && scaled;
        if !numeric && !self.is(i, Class::NumWord) {
            return None;
        }
        Some(i + 1 + self.class(i + 1, Class::Scale).unwrap_or(0))
    }

    fn year(&self, i: usize) -> bool {
        let w = self.get(i);
        w.len() == 4 && w.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
    }

    fn day(&self, i: usize) -> bool {
        let w = self.get(i);
        let n = w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        n.len() <= 2 && n.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    }

    /// "April", "April 5", "April 2019", "April 5, 2019", "5 April 2019": the end.
    fn calendar(&self, i: usize) -> Option<usize> {
        let month = |j: usize| self.is(j, Class::Month) && self.capitalised(j);
        let year_after = |j: usize| {
            if self.year(j) {
                Some(j + 1)
            } else if self.get(j) == "," && self.year(j + 1) {
                Some(j + 2)
            } else {
                None
            }
        };
        if month(i) {
            if self.day(i + 1) {
                return Some(year_after(i + 2).unwrap_or(i + 2));
            }
            if let Some(end) = year_after(i + 1).filter(|_| self.year(i + 1)) {
                return Some(end);
            }
            // "May" alone is usually the verb.
            return (self.get(i) != "may").then_some(i + 1);
        }
        if self.day(i) && month(i + 1) {
            return Some(year_after(i + 2).unwrap_or(i + 2));
        }
        None
    }

    fn date(&self, i: usize) -> Option<usize> {
        if let Some(end) = self.calendar(i) {
            return Some(end);
        }
        if (self.is(i, Class::Weekday) && self.capitalised(i)) || self.is(i, Class::RelDay) {
            return Some(i + 1);
        }
        if self.is(i, Class::Shift)
            && (self.is(i + 1, Class::Period) || self.is(i + 1, Class::Weekday) || self.is(i + 1, Class::Month))
        {
            return Some(i + 2);
        }
        if let Some(j) = self.number(i) {
            if self.is(j, Class::Period) && self.get(j + 1) == "ago" {
                return Some(j + 2);
            }
        }
        let w = self.get(i);
        let iso = w.len() == 10 && w.bytes().enumerate().all(|(k, b)| if k == 4 || k == 7 { b == b'-' } else { b.is_ascii_digit() });
        let decade = w.strip_suffix('s').is_some_and(|d| d.len() == 4 && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit()));
        let year = self.year(i) && i.checked_sub(1).is_some_and(|p| self.is(p, Class::YearPrep));
        (iso || decade || year).then_some(i + 1)
    }

    fn money(&self, i: usize) -> Option<usize> {
        if let Some(k) = self.class(i, Class::CurSym) {
            return self.number(i + k);
        }
        let j = self.number(i)?;
        self.class(j, Class::CurWord).map(|k| j + k)
    }

    fn percent(&self, i: usize) -> Option<usize> {
        let j = self.number(i)?;
        self.class(j, Class::Percent).map(|k| j + k)
    }

    fn quantity(&self, i: usize) -> Option<usize> {
        let j = self.number(i)?;
        self.class(j, Class::Unit).map(|k| j + k)
    }
}

/// Finds the numeric expressions of one sentence.
pub(crate) fn find(words: &[&str]) -> Vec<(Range<usize>, NumKind)> {
    let w = Words::new(words);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let found = [
            (w.money(i), NumKind::Money),
            (w.percent(i), NumKind::Percent),
            (w.date(i), NumKind::Date),
            (w.quantity(i), NumKind::Quantity),
        ]
        .into_iter()
        .find_map(|(end, kind)| end.filter(|&e| e > i && e <= words.len()).map(|e| (e, kind)));
        match found {
            Some((end, kind)) => {
                out.push((i..end, kind));
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, NumKind)> {
        let words: Vec<&str> = text.split(' ').collect();
        find(&words).into_iter().map(|(r, k)| (words[r].join(" "), k)).collect()
    }

    #[test]
    fn hits() {
        use NumKind::*;
        let cases = [
            ("it cost $ 5 million to build", "$ 5 million", Money),
            ("a fine of 300 euros", "300 euros", Money),
            ("raised US$ 2.5bn", "US$ 2.5bn", Money),
            ("prices rose 3.5 % in March", "3.5 %", Percent),
            ("down 12 per cent", "12 per cent", Percent),
            ("on April 5 , 2019 he left", "April 5 , 2019", Date),
            ("in April 2019 he left", "April 2019", Date),
            ("on 5 April he left", "5 April", Date),
            ("he spoke on Tuesday", "Tuesday", Date),
            ("he spoke last week", "last week", Date),
            ("three years ago", "three years ago", Date),
            ("founded in 1998 by", "1998", Date),
            ("BRUSSELS 1996-08-22", "1996-08-22", Date),
            ("in the 1990s", "1990s", Date),
            ("a 40 km march", "40 km", Quantity),
            ("10,000 barrels a day", "10,000 barrels", Quantity),
            ("an area of 5 square miles", "5 square miles", Quantity),
        ];
        for (text, want, kind) in cases {
            assert!(found(text).contains(&(want.to_string(), kind)), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn date_values() {
        let cases = [
            ("April 5 , 2019", Some("2019-04-05")),
            ("April 2019", Some("2019-04")),
            ("5 April", Some("XXXX-04-05")),
            ("Sept. 11", Some("XXXX-09-11")),
            ("April", Some("XXXX-04")),
            ("1998", Some("1998")),
            ("1990s", Some("199X")),
            ("1996-08-22", Some("1996-08-22")),
            ("Tuesday", None),
            ("last week", None),
            ("three years ago", None),
        ];
        for (text, want) in cases {
            let words: Vec<&str> = text.split(' ').collect();
            assert_eq!(date_value(&words).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn misses() {
        let cases = [
            "we may go",
            "he will march on",
            "the monday club",
            "3 people died",
            "room 1998 is free",
            "this is it",
            "5",
            "",
            "$",
            "the last of them",
        ];
        for text in cases {
            assert_eq!(found(text), vec![], "{text}");
        }
    }
}
