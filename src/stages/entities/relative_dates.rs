//! Relative dates ("yesterday", "on Tuesday", "last week", "next month", "three years ago")
//! resolved against the article's dateline.
//!
//! Input: the document (paragraph kinds from the structure stage, sentences, tokens) and the
//! date entities with their values. Output: every relative date entity gets `relative`; when
//! the article has a dated dateline, its `value` becomes the date it stands for (`2026-03-03`
//! for "yesterday", ISO week `2026-W09` for "last week", `2026-02` for "last month") and its
//! `anchor` the dateline's date. The dateline's date is the first date with a day and month
//! in a dateline or byline paragraph, or at the opening of the first body paragraph after a
//! place in capitals ("SANTIAGO, March 4 (Reuters) -"). Without a year there, only days of the
//! same month resolve ("yesterday" → `XXXX-03-03`), and months. A bare weekday is the last
//! such day on or before the dateline, or the next one when "will" shortly precedes it.

use crate::doc::{BlockKind, Document, Entity, EntityKind, Span};

/// How far into the first body paragraph a dateline's date may start, in bytes.
const OPENING: usize = 60;

/// A calendar date; the year may be unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Day {
    year: Option<i64>,
    month: i64,
    day: i64,
}

impl Day {
    /// Parses `2026-03-04` or `XXXX-03-04`.
    fn parse(value: &str) -> Option<Day> {
        let mut parts = value.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        let year = if y == "XXXX" { None } else { Some(y.parse().ok()?) };
        let (month, day) = (m.parse().ok()?, d.parse().ok()?);
        ((1..=12).contains(&month) && (1..=31).contains(&day) && parts.next().is_none()).then_some(Day { year, month, day })
    }

    fn show(self) -> String {
        match self.year {
            Some(y) => format!("{y:04}-{:02}-{:02}", self.month, self.day),
            None => format!("XXXX-{:02}-{:02}", self.month, self.day),
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for a known year.
    fn days(self) -> Option<i64> {
        let y = self.year? - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (self.month + 9) % 12;
        let doy = (153 * mp + 2) / 5 + self.day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(era * 146_097 + doe - 719_468)
    }

    fn from_days(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        Day { year: Some(yoe + era * 400 + i64::from(month <= 2)), month, day }
    }

    /// The day `n` days later (earlier when negative). Without a year, only inside the month.
    fn shift(self, n: i64) -> Option<Day> {
        match self.days() {
            Some(d) => Some(Day::from_days(d + n)),
            None => (1..=28).contains(&(self.day + n)).then_some(Day { day: self.day + n, ..self }),
        }
    }

    /// Monday = 0 … Sunday = 6.
    fn weekday(self) -> Option<i64> {
        Some((self.days()? + 3).rem_euclid(7))
    }

    /// `YYYY-Www`, the ISO week.
    fn iso_week(self) -> Option<String> {
        let days = self.days()?;
        let thursday = Day::from_days(days - self.weekday()? + 3);
        let first = Day { month: 1, day: 1, ..thursday }.days()?;
        Some(format!("{:04}-W{:02}", thursday.year?, (days - self.weekday()? + 3 - first) / 7 + 1))
    }

    /// `YYYY-MM` (or `XXXX-MM`) of the month `n` months later.
    fn month_shift(self, n: i64) -> String {
        let index = self.month - 1 + n;
        let month = index.rem_euclid(12) + 1;
        match self.year {
            Some(y) => format!("{:04}-{month:02}", y + index.div_euclid(12)),
            None => format!("XXXX-{month:02}"),
        }
    }
}

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const NUMBERS: [&str; 12] = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

/// The direction of a bare weekday.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
}

/// True when a date expression is relative to the time of writing.
fn is_relative(name: &str) -> bool {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    match w[..] {
        ["today" | "tonight" | "yesterday" | "tomorrow"] => true,
        [day] => WEEKDAYS.contains(&day),
        ["last" | "next" | "this" | "past" | "coming" | "previous", _] => true,
        [_, _, "ago"] => true,
        _ => false,
    }
}

/// The value a relative date expression stands for, seen from `anchor`.
fn resolve(name: &str, anchor: Day, tense: Tense) -> Option<String> {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let w: Vec<&str> = words.iter().map(String::as_str).collect();
    let weekday = |day: &str, step: i64| -> Option<String> {
        let target = WEEKDAYS.iter().position(|&d| d == day)? as i64;
        let now = anchor.weekday()?;
        let delta = match step {
            0 if tense == Tense::Future => (target - now).rem_euclid(7),
            0 => -(now - target).rem_euclid(7),
            s if s < 0 => -((now - target - 1).rem_euclid(7) + 1),
            _ => (target - now - 1).rem_euclid(7) + 1,
        };
        anchor.shift(delta).map(Day::show)
    };
    let count = |n: &str| n.parse::<i64>().ok().or_else(|| NUMBERS.iter().position(|&x| x == n).map(|k| k as i64 + 1));
    let step = |shift: &str| match shift {
        "last" | "past" | "previous" => -1,
        "next" | "coming" => 1,
        _ => 0,
    };
    match w[..] {
        ["today" | "tonight"] => Some(anchor.show()),
        ["yesterday"] => anchor.shift(-1).map(Day::show),
        ["tomorrow"] => anchor.shift(1).map(Day::show),
        [day] => weekday(day, 0),
        [shift, "week"] => anchor.shift(7 * step(shift)).and_then(Day::iso_week),
        [shift, "month"] => Some(anchor.month_shift(step(shift))),
        [shift, "year"] => anchor.year.map(|y| format!("{:04}", y + step(shift))),
        [shift, day] if WEEKDAYS.contains(&day) => weekday(day, step(shift)),
        [n, "days" | "day", "ago"] => anchor.shift(-count(n)?).map(Day::show),
        [n, "weeks" | "week", "ago"] => anchor.shift(-7 * count(n)?).and_then(Day::iso_week),
        [n, "months" | "month", "ago"] => Some(anchor.month_shift(-count(n)?)),
        [n, "years" | "year", "ago"] => anchor.year.map(|y| format!("{:04}", y - count(n).unwrap_or(0))).filter(|_| count(n).is_some()),
        _ => None,
    }
}

/// True when the paragraph holding `span` may carry the article's date; `first_body` is
/// the index of the first body paragraph.
fn dateline_place(doc: &Document, first_body: Option<usize>, span: Span) -> bool {
    let at = doc.paragraphs.partition_point(|p| p.span.end <= span.start);
    let Some(p) = doc.paragraphs.get(at).filter(|p| p.span.contains(span)) else { return false };
    match p.kind {
        BlockKind::Dateline | BlockKind::Byline => true,
        BlockKind::Body if first_body == Some(at) && span.start - p.span.start <= OPENING => {
            let opening = doc.text.get(p.span.start..span.start).unwrap_or("");
            let place = opening.split([',', ' ']).next().unwrap_or("");
            place.len() >= 2 && place.chars().all(|c| c.is_uppercase() || c == '.')
        }
        _ => false,
    }
}

/// The article's own date, from its dateline (see the module docs).
fn anchor(doc: &Document, entities: &[Entity]) -> Option<Day> {
    let first_body = doc.paragraphs.iter().position(|q| q.kind == BlockKind::Body);
    entities
        .iter()
        .filter(|e| e.kind == EntityKind::Date)
        .filter_map(|e| Some((e.mentions.first().copied()?, Day::parse(e.value.as_deref()?)?)))
        .filter(|&(span, _)| dateline_place(doc, first_body, span))
        .min_by_key(|&(span, _)| span)
        .map(|(_, day)| day)
}

/// How many tokens before a date are read for its tense.
const TENSE_WINDOW: usize = 6;

/// The tense of a date's clause: future when "will" or "'ll" comes shortly before it ("will
/// return on Friday"), with no "said" in between ("will go, officials said on Tuesday").
fn tense(doc: &Document, span: Span) -> Tense {
    let at = doc.tokens.partition_point(|t| t.span.start < span.start);
    let before = doc.tokens.get(at.saturating_sub(TENSE_WINDOW)..at).unwrap_or_default();
    for t in before.iter().rev() {
        match doc.text_of(t.span).to_lowercase().as_str() {
            "will" | "'ll" | "\u{2019}ll" | "shall" => return Tense::Future,
            "said" | "says" | "told" | "." => return Tense::Past,
            _ => {}
        }
    }
    Tense::Past
}

/// Marks relative dates and resolves them against the dateline (see the module docs).
pub(crate) fn resolve_all(doc: &Document, entities: &mut [Entity]) {
    let anchor = anchor(doc, entities);
    for e in entities.iter_mut().filter(|e| e.kind == EntityKind::Date && e.value.is_none()) {
        if !is_relative(&e.name) {
            continue;
        }
        e.relative = true;
        let (Some(day), Some(first)) = (anchor, e.mentions.first()) else { continue };
        if let Some(value) = resolve(&e.name, day, tense(doc, *first)) {
            e.value = Some(value);
            e.anchor = Some(day.show());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_arithmetic() {
        let day = |v: &str| Day::parse(v).unwrap_or(Day { year: None, month: 1, day: 1 });
        assert_eq!(day("1970-01-01").days(), Some(0));
        assert_eq!(Day::from_days(0).show(), "1970-01-01");
        assert_eq!(day("2026-03-01").shift(-1).map(Day::show).as_deref(), Some("2026-02-28"));
        assert_eq!(day("2024-03-01").shift(-1).map(Day::show).as_deref(), Some("2024-02-29"));
        assert_eq!(day("2026-03-04").weekday(), Some(2)); // a Wednesday
        assert_eq!(day("2026-01-01").iso_week().as_deref(), Some("2026-W01"));
        assert_eq!(day("2027-01-01").iso_week().as_deref(), Some("2026-W53"));
        assert_eq!(day("XXXX-03-04").shift(-1).map(Day::show).as_deref(), Some("XXXX-03-03"));
        assert_eq!(day("XXXX-03-01").shift(-1), None);
        assert_eq!(day("2026-01-15").month_shift(-1), "2025-12");
        for bad in ["2026-13-01", "2026-03", "March", "2026-03-04-05", ""] {
            assert_eq!(Day::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn resolves_against_a_wednesday() {
        let anchor = Day { year: Some(2026), month: 3, day: 4 };
        let cases = [
            ("yesterday", Tense::Past, Some("2026-03-03")),
            ("today", Tense::Past, Some("2026-03-04")),
            ("tomorrow", Tense::Past, Some("2026-03-05")),
            ("Tuesday", Tense::Past, Some("2026-03-03")),
            ("Wednesday", Tense::Past, Some("2026-03-04")),
            ("Thursday", Tense::Past, Some("2026-02-26")),
            ("Thursday", Tense::Future, Some("2026-03-05")),
            ("last Wednesday", Tense::Past, Some("2026-02-25")),
            ("next Monday", Tense::Past, Some("2026-03-09")),
            ("last week", Tense::Past, Some("2026-W09")),
            ("this week", Tense::Past, Some("2026-W10")),
            ("next month", Tense::Past, Some("2026-04")),
            ("last year", Tense::Past, Some("2025")),
            ("three years ago", Tense::Past, Some("2023")),
            ("two days ago", Tense::Past, Some("2026-03-02")),
            ("April 2019", Tense::Past, None),
            ("the 1990s", Tense::Past, None),
        ];
        for (name, tense, want) in cases {
            assert_eq!(resolve(name, anchor, tense).as_deref(), want, "{name}");
        }
        let no_year = Day { year: None, ..anchor };
        assert_eq!(resolve("yesterday", no_year, Tense::Past).as_deref(), Some("XXXX-03-03"));
        assert_eq!(resolve("Tuesday", no_year, Tense::Past), None);
        assert_eq!(resolve("last month", no_year, Tense::Past).as_deref(), Some("XXXX-02"));
    }

    #[test]
    fn relative_or_not() {
        for hit in ["yesterday", "Tuesday", "last week", "next month", "three years ago", "this year"] {
            assert!(is_relative(hit), "{hit}");
        }
        for miss in ["April 2019", "1998", "the 1990s", "April 5 , 2019", "May"] {
            assert!(!is_relative(miss), "{miss}");
        }
    }

    fn dates(text: &str) -> Vec<(String, Option<String>, bool, Option<String>)> {
        let mut doc = crate::pipeline::run_before(text, "entities");
        super::super::run(&mut doc);
        let dates = doc.entities.iter().filter(|e| e.kind == EntityKind::Date);
        dates.map(|e| (e.name.clone(), e.value.clone(), e.relative, e.anchor.clone())).collect()
    }

    #[test]
    fn a_dateline_anchors_the_article() {
        let text = "Port Reopens After Storm\n\nVALPARAISO, March 4, 2026 (Wire) - The port reopened on Tuesday, a day \
                    after the storm that hit it last week. Officials said yesterday that ships will return on Friday. \
                    Crews will stay, the mayor said on Monday.";
        let got = dates(text);
        let want = |n: &str, v: &str| (n.to_string(), Some(v.to_string()), true, Some("2026-03-04".to_string()));
        for w in [want("Tuesday", "2026-03-03"), want("last week", "2026-W09"), want("yesterday", "2026-03-03"), want("Friday", "2026-03-06"), want("Monday", "2026-03-02")] {
            assert!(got.contains(&w), "{w:?} in {got:?}");
        }
        assert!(got.iter().any(|d| d.1.as_deref() == Some("2026-03-04") && !d.2 && d.3.is_none()), "{got:?}");
    }

    #[test]
    fn without_a_dateline_dates_stay_relative() {
        let got = dates("The port reopened on Tuesday. In March 2026 it had closed for a week, officials said yesterday.");
        assert!(got.contains(&("Tuesday".to_string(), None, true, None)), "{got:?}");
        assert!(got.contains(&("yesterday".to_string(), None, true, None)), "{got:?}");
        assert!(got.contains(&("March 2026".to_string(), Some("2026-03".to_string()), false, None)), "{got:?}");
    }
}
