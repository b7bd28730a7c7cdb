//! What one paragraph looks like, seen as a line of a copied web page.
//!
//! Input: the text of one paragraph. Output: a [`Line`]: its length in words, whether it
//! ends like a sentence, the boilerplate cue it matches, and whether it reads as a
//! timestamp, a byline or a list item. Each check looks at the line alone and runs in time
//! linear in its length.

use super::lexicon::{fold, lexicon, Cue, PageWord};
use crate::text::{fold as fold_char, is_quote};

/// A line longer than this is no caption, whatever it ends with.
const CREDIT_LINE_WORDS: f32 = 40.0;

/// Features of one paragraph.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Line {
    /// Length in words; characters of scripts written without spaces (Chinese, Japanese)
    /// count half a word each.
    pub weight: f32,
    /// Ends with `.`, `!`, `?`, `:` or `;` (or their full-width forms), before any closing
    /// quotes or brackets; a trailing ellipsis (a cut-off teaser) does not count.
    pub sentence_end: bool,
    pub cue: Option<Cue>,
    /// A date or time, perhaps with a word or two around it ("Updated 10:42 GMT").
    pub timestamp: bool,
    /// "By Ana Ruiz", "Ana Ruiz, Staff Writer", "March 3, 2024 by Ana Ruiz".
    pub byline: bool,
    /// The line is only "By" (the name follows on the next line).
    pub by_alone: bool,
    /// Starts with a bullet or a list number.
    pub bullet: bool,
    /// Ends with a picture credit in brackets: "(AP Photo/Ana Ruiz)", "(AFP)".
    pub credit: bool,
    /// A web or e-mail address and nothing else.
    pub address: bool,
    /// Words that start with a digit ("2024", "4-1", "31st").
    pub numbers: usize,
    /// Menu entries or a breadcrumb on one line: "Home | World | Sport", "News › Science".
    pub menu: bool,
}

impl Line {
    pub(super) fn read(s: &str) -> Line {
        let folded = fold(s);
        let sentence_end = ends_like_sentence(s);
        let timestamp = is_timestamp(s);
        Line {
            weight: weight(s),
            sentence_end,
            cue: lexicon().cue(&folded),
            timestamp,
            byline: is_byline(s, sentence_end, timestamp),
            by_alone: folded == ["by"],
            bullet: is_bullet(s),
            credit: weight(s) <= CREDIT_LINE_WORDS && ends_with_credit(s),
            address: is_address(s),
            numbers: s.split_whitespace().filter(|w| w.starts_with(|c: char| c.is_ascii_digit())).count(),
            menu: is_menu(s),
        }
    }

    /// Long enough and punctuated like running text.
    pub(super) fn is_prose(&self, min_words: f32) -> bool {
        self.sentence_end && self.weight >= min_words
    }

    /// Furniture found by its wording or form rather than its length.
    pub(super) fn is_marked(&self) -> bool {
        self.cue.is_some() || self.timestamp || self.byline || self.by_alone || self.credit || self.menu
    }

    /// Could be a headline: a few words, not closed like a sentence (a question or an
    /// exclamation may be), no cue, no bullet, at most two numbers (not a table row).
    pub(super) fn is_headline_like(&self, s: &str, max_words: f32) -> bool {
        let open = !self.sentence_end || s.trim_end_matches(closer).ends_with(['?', '!', '\u{FF1F}', '\u{FF01}']);
        let words = !self.is_marked() && !self.bullet && !self.address && self.numbers <= 2;
        open && words && self.weight >= 1.0 && self.weight <= max_words
    }
}

/// Han ideographs and Japanese kana: scripts written without spaces between words.
fn is_unspaced_script(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

fn weight(s: &str) -> f32 {
    s.split_whitespace()
        .map(|w| {
            let unspaced = w.chars().filter(|&c| is_unspaced_script(c)).count();
            if unspaced > 0 {
                unspaced as f32 / 2.0
            } else if w.chars().any(char::is_alphanumeric) {
                1.0
            } else {
                0.0
            }
        })
        .sum()
}

fn closer(c: char) -> bool {
    is_quote(c) || c.is_whitespace() || matches!(c, ')' | ']' | '}' | '*' | '\u{300D}' | '\u{300F}' | '\u{FF09}')
}

fn ends_like_sentence(s: &str) -> bool {
    let t = s.trim_end_matches(closer);
    if t.ends_with("...") || t.ends_with('\u{2026}') {
        return false;
    }
    t.ends_with(['.', '!', '?', ':', ';', '\u{3002}', '\u{FF01}', '\u{FF1F}', '\u{FF1A}', '\u{FF1B}'])
}

fn is_bullet(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some('•' | '●' | '▪' | '◦' | '‣' | '·' | '►' | '▸' | '-' | '–' | '—' | '*' | '+') => true,
        Some(c) if c.is_ascii_digit() => {
            let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.len() + 3 >= s.len() && (rest.starts_with(". ") || rest.starts_with(") "))
        }
        _ => false,
    }
}

/// Two or more menu separators standing between words: `|`, `•`, `»`, `›`, `>`, `/`.
fn is_menu(s: &str) -> bool {
    let separators = s.split_whitespace().filter(|w| matches!(*w, "|" | "•" | "»" | "›" | ">" | "/" | "·")).count();
    separators >= 2
}

fn is_address(s: &str) -> bool {
    !s.contains(char::is_whitespace) && (s.contains("://") || s.starts_with("www.") || s.contains('@'))
}

/// The line ends with (or is) a short bracketed credit: a name with a slash in it, or
/// capitals without digits ("(AP Photo/Ana Ruiz)", "(Ana Ruiz / Reuters)", "(AFP)", "[GETTY]").
fn ends_with_credit(s: &str) -> bool {
    let t = s.trim_end();
    let (open, close) = match t.chars().next_back() {
        Some(')') => ('(', ')'),
        Some(']') => ('[', ']'),
        _ => return false,
    };
    let Some(start) = t.rfind(open) else { return false };
    let inside = t[start + open.len_utf8()..t.len() - close.len_utf8()].trim();
    let words = inside.split_whitespace().count();
    let letters = || inside.chars().filter(|c| c.is_alphabetic());
    let capitals = letters().count() >= 2 && letters().all(char::is_uppercase) && !inside.contains(|c: char| c.is_ascii_digit());
    let capitals = capitals && !expands_acronym(&t[..start], inside);
    (1..=6).contains(&words) && (inside.contains('/') || capitals)
}

/// True when `acronym` is made of the initials of the capitalised words just before it, as
/// in "the African National Congress (ANC)": an acronym introduced in prose, not a credit.
fn expands_acronym(before: &str, acronym: &str) -> bool {
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    let initials: Vec<char> = before
        .split_whitespace()
        .rev()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .take(letters.len())
        .collect();
    initials.len() == letters.len() && initials.iter().rev().eq(letters.iter())
}

/// A token of a timestamp: a number, a time, a date, or a word.
#[derive(Clone, Copy, PartialEq, Eq)]
enum DateToken {
    Number,
    /// `10:42`, `2024-03-04`, `4/3/24`
    Clock,
    Month,
    Weekday,
    Time,
    Other,
}

fn date_token(t: &str) -> DateToken {
    let digits = t.chars().filter(char::is_ascii_digit).count();
    if digits > 0 {
        let seps = t.chars().filter(|c| matches!(c, ':' | '/' | '-' | '.')).count();
        let letters: String = t.chars().filter(|c| c.is_alphabetic()).collect::<String>().to_lowercase();
        return match (seps, letters.as_str()) {
            (0, "" | "st" | "nd" | "rd" | "th" | "am" | "pm" | "h") => DateToken::Number,
            (1.., "" | "am" | "pm" | "h") if t.contains(':') || seps >= 2 => DateToken::Clock,
            (_, "") => DateToken::Number,
            _ => DateToken::Other,
        };
    }
    let word = t.to_lowercase();
    match lexicon().page_word(word.trim_end_matches('.')) {
        Some(PageWord::Month) => DateToken::Month,
        Some(PageWord::Weekday) => DateToken::Weekday,
        Some(PageWord::Time) => DateToken::Time,
        _ => DateToken::Other,
    }
}

/// Words of a line for the timestamp and byline checks: runs of letters, digits and the
/// separators of dates and times, with outer punctuation removed.
fn tokens(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !(c.is_alphanumeric() || matches!(fold_char(c), ':' | '/' | '-' | '.' | '\'')))
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| !t.is_empty())
}

/// Most of the line is date and time, with at least one clear sign of a date: a clock
/// time, a numeric date, a weekday, or a month name beside a number.
fn is_timestamp(s: &str) -> bool {
    // A place in capitals may open a dateline: "LONDON 1996-08-30", "NEW YORK, March 4".
    let place = |t: &&str| t.chars().count() >= 2 && t.chars().all(|c| c.is_alphabetic() && c.is_uppercase());
    let kinds: Vec<DateToken> =
        tokens(s).take(17).skip_while(place).map(date_token).collect();
    if kinds.is_empty() || kinds.len() > 16 {
        return false;
    }
    let near_number = |i: usize| {
        let at = |j: Option<usize>| j.and_then(|j| kinds.get(j)).is_some_and(|&k| k == DateToken::Number);
        at(i.checked_sub(1)) || at(Some(i + 1))
    };
    let clear = kinds.iter().enumerate().any(|(i, &k)| match k {
        DateToken::Clock | DateToken::Weekday => true,
        DateToken::Month => near_number(i),
        _ => false,
    });
    let ago = tokens(s).any(|t| t.eq_ignore_ascii_case("ago")) && kinds.contains(&DateToken::Number);
    let dateish = kinds.iter().filter(|&&k| k != DateToken::Other).count();
    (clear || ago) && dateish * 10 >= kinds.len() * 6
}

fn capitalized(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
}

/// "By Ana Ruiz" (also "Written by …", "Words by …"), "Ana Ruiz, Staff Writer", or a
/// timestamp naming its author ("March 3, 2024 by Ana Ruiz").
fn is_byline(s: &str, sentence_end: bool, timestamp: bool) -> bool {
    let words: Vec<&str> = tokens(s).take(15).collect();
    if words.is_empty() || words.len() > 14 {
        return false;
    }
    let by = words.iter().position(|w| w.eq_ignore_ascii_case("by"));
    let names_after_by = by.is_some_and(|i| words.get(i + 1).is_some_and(|w| capitalized(w)));
    let dated = timestamp || by.is_some_and(|i| i > 0 && words[..i].iter().all(|w| date_token(w) != DateToken::Other));
    if names_after_by && dated {
        return true;
    }
    let credit = |w: &str| lexicon().page_word(&w.to_lowercase()) == Some(PageWord::Credit);
    let opens = by.is_some_and(|i| i == 0 || (i == 1 && credit(words[0])));
    if opens && names_after_by && !sentence_end && words.len() <= 12 {
        return true;
    }
    // "Ana Ruiz, Staff Writer": two or three capitalised words, a separator, then a role.
    let Some(sep) = s.find([',', '|', '\u{2013}', '\u{2014}']) else { return false };
    let (name, role) = s.split_at(sep);
    let name: Vec<&str> = tokens(name).collect();
    (2..=3).contains(&name.len())
        && name.iter().all(|w| capitalized(w))
        && !sentence_end
        && words.len() <= 10
        && tokens(role).any(|w| lexicon().page_word(&w.to_lowercase()) == Some(PageWord::Role))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_count_words_and_unspaced_scripts() {
        assert_eq!(weight("The river rose again."), 4.0);
        assert_eq!(weight("— 12 of them —"), 3.0);
        assert_eq!(weight("商品の改造"), 2.5);
    }

    #[test]
    fn sentence_ends() {
        for hit in ["It rained.", "Why now?\u{201D}", "Here is how:", "(It was late.)", "雨が降った。"] {
            assert!(ends_like_sentence(hit), "{hit}");
        }
        for miss in ["Rain Returns to the Valley", "Read the full story...", "It was\u{2026}", "Ana Ruiz,"] {
            assert!(!ends_like_sentence(miss), "{miss}");
        }
    }

    #[test]
    fn timestamps() {
        let hits = [
            "March 4, 2024",
            "Updated 10:42 GMT",
            "Published 3 March 2024",
            "Tue 5 Mar 2024 09.30 GMT",
            "2024-03-04",
            "Nov. 19, 2019 8:03 am ET",
            "3 hours ago",
            "Monday, 4 March 2024, 18:05",
            "LONDON 1996-08-30",
            "NEW YORK, March 4, 2024",
        ];
        for hit in hits {
            assert!(is_timestamp(hit), "{hit}");
        }
        let misses = [
            "In March the river rose by 3 metres.",
            "May I help?",
            "The 2024 season",
            "Rain Returns to the Valley",
            "NASA",
            "ROME 2024 GAMES",
            "On Tuesday, 4 March, the council voted to close the bridge for repairs until the spring.",
        ];
        for miss in misses {
            assert!(!is_timestamp(miss), "{miss}");
        }
    }

    #[test]
    fn bylines() {
        let hits = ["By Ana Ruiz", "By ANA RUIZ and Tom Lee", "Written by Ana Ruiz", "Ana Ruiz, Staff Writer", "Tom Lee | Senior Correspondent", "March 3, 2024 by Ana Ruiz"];
        for hit in hits {
            let l = Line::read(hit);
            assert!(l.byline, "{hit}");
        }
        let misses = [
            "By Tuesday the river had risen.",
            "by the way",
            "Stand by Me",
            "The bridge was closed by police after the flood, officials said on Monday.",
            "Rain, Wind and Snow",
            "By",
        ];
        for miss in misses {
            assert!(!Line::read(miss).byline, "{miss}");
        }
        assert!(Line::read("By").by_alone);
    }

    #[test]
    fn bullets() {
        for hit in ["• flour", "- two eggs", "1. Heat the oven.", "12) Stir."] {
            assert!(is_bullet(hit), "{hit}");
        }
        for miss in ["2024 was warm.", "Flour", "10,000 people came."] {
            assert!(!is_bullet(miss), "{miss}");
        }
    }

    #[test]
    fn menus() {
        for hit in ["Home | World | Business", "News › Science › Space", "Home > Blog > Recipes"] {
            assert!(is_menu(hit), "{hit}");
        }
        for miss in ["Rain | Wind", "News and views", "Either/or, he said / she said"] {
            assert!(!is_menu(miss), "{miss}");
        }
    }

    #[test]
    fn picture_credits() {
        for hit in ["The mayor at the dam on Tuesday (AP Photo/Ana Ruiz)", "Flood waters rose (Ana Ruiz / Reuters)", "The dam (AFP)", "Rescuers at work [GETTY]"] {
            assert!(ends_with_credit(hit), "{hit}");
        }
        assert!(ends_with_credit("(AP Photo/Ana Ruiz)"));
        for miss in ["the colours of the African National Congress (ANC)", "Box set (45 DVD)", "The vote was 5-4 (see below)", "It cost $5 (about £4)", "Rain fell (NOAA data show it was the wettest March on record)"] {
            assert!(!ends_with_credit(miss), "{miss}");
        }
    }

    #[test]
    fn headline_like() {
        let s = "Rain Returns to the Valley";
        assert!(Line::read(s).is_headline_like(s, 20.0));
        let q = "Is the Dam Safe?";
        assert!(Line::read(q).is_headline_like(q, 20.0));
        let body = "Farmers welcomed the first rain in months.";
        assert!(!Line::read(body).is_headline_like(body, 20.0));
        let url = "https://example.com/story";
        assert!(!Line::read(url).is_headline_like(url, 20.0));
        let row = "Palm Bay 18 22 13 17 — 70";
        assert!(!Line::read(row).is_headline_like(row, 20.0));
        let ad = "Advertisement";
        assert!(!Line::read(ad).is_headline_like(ad, 20.0));
    }
}
