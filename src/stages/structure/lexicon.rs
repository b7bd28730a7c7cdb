//! The two word lists of the structure stage, parsed once from `src/lexicon/`.
//!
//! Input: `boilerplate.txt` (cue phrases of web-page furniture) and `page_words.txt` (date,
//! time and byline-role words), both embedded in the binary. Output: lookup tables keyed by
//! folded text (see [`fold`]), built on first use and shared for the life of the process.
//! Malformed lexicon lines are skipped (a unit test checks there are none).

use crate::doc::BoilerplateKind;
use crate::text;
use crate::hash::FastMap;
use std::sync::OnceLock;

/// What a cue phrase says about the line it matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Cue {
    pub kind: BoilerplateKind,
    /// The cue opens a section of the page (related stories, comments): the lines after it
    /// belong to it.
    pub opens_section: bool,
    /// The cue opens what follows an article (comments): no article runs across it.
    pub ends_article: bool,
}

/// How a cue phrase must sit in a folded line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Match {
    Line,
    Start,
    Contain,
    Any,
}

/// The kind of a word of `page_words.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PageWord {
    Month,
    Weekday,
    Time,
    Role,
    Credit,
}

/// Cue phrases of one [`Match`] kind.
#[derive(Default)]
struct Table {
    phrases: FastMap<String, Cue>,
    /// For each first word of a phrase, the most words a phrase starting with it has.
    firsts: FastMap<String, usize>,
}

impl Table {
    fn insert(&mut self, phrase: String, cue: Cue) {
        let mut words = phrase.split(' ');
        let first = words.next().unwrap_or_default().to_string();
        let len = 1 + words.count();
        let longest = self.firsts.entry(first).or_insert(0);
        *longest = (*longest).max(len);
        self.phrases.insert(phrase, cue);
    }

    /// The cue of the longest phrase that starts `words`.
    fn prefix(&self, words: &[String]) -> Option<Cue> {
        let longest = *self.firsts.get(words.first()?)?;
        let mut found = None;
        let mut key = String::new();
        for word in words.iter().take(longest) {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(word);
            found = self.phrases.get(&key).copied().or(found);
        }
        found
    }

    /// The cue of the first phrase found anywhere in `words`, in linear time.
    fn inside(&self, words: &[String]) -> Option<Cue> {
        (0..words.len()).find_map(|i| self.prefix(&words[i..]))
    }
}

pub(super) struct Lexicon {
    line: FastMap<String, Cue>,
    /// Words in the longest whole-line cue.
    longest_line: usize,
    start: Table,
    contain: Table,
    any: Table,
    words: FastMap<String, PageWord>,
}

const BOILERPLATE: &str = include_str!("../../lexicon/boilerplate.txt");
const PAGE_WORDS: &str = include_str!("../../lexicon/page_words.txt");

/// Lines of at most this many words are tried against `start` and `contain` cues.
const SHORT_LINE_WORDS: usize = 16;
/// `any` cues are tried on lines of at most this many words (a paragraph that mentions
/// "Getty Images" in passing is no caption).
const ANY_LINE_WORDS: usize = 60;
/// Cues that open a section are tried as `start` cues only on lines this short.
const SECTION_START_WORDS: usize = 6;

pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(BOILERPLATE, PAGE_WORDS))
}

/// Data lines of a lexicon file: not blank, not comments, split at tabs.
fn records(source: &str) -> impl Iterator<Item = Vec<&str>> {
    source.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect())
}

fn boilerplate_kind(name: &str) -> Option<BoilerplateKind> {
    Some(match name {
        "relatedHeadlines" => BoilerplateKind::RelatedHeadlines,
        "readMore" => BoilerplateKind::ReadMore,
        "advertisement" => BoilerplateKind::Advertisement,
        "share" => BoilerplateKind::Share,
        "subscribe" => BoilerplateKind::Subscribe,
        "caption" => BoilerplateKind::Caption,
        "navigation" => BoilerplateKind::Navigation,
        "footer" => BoilerplateKind::Footer,
        "metadata" => BoilerplateKind::Metadata,
        _ => return None,
    })
}

fn parse_cue(fields: &[&str]) -> Option<(Match, String, Cue)> {
    let [kind, how, role, phrase] = fields else { return None };
    let how = match *how {
        "line" => Match::Line,
        "start" => Match::Start,
        "contain" => Match::Contain,
        "any" => Match::Any,
        _ => return None,
    };
    let (opens_section, ends_article) = match *role {
        "end" => (true, true),
        "section" => (true, false),
        "-" => (false, false),
        _ => return None,
    };
    let phrase = fold(phrase).join(" ");
    (!phrase.is_empty()).then_some(())?;
    Some((how, phrase, Cue { kind: boilerplate_kind(kind)?, opens_section, ends_article }))
}

fn parse_word(fields: &[&str]) -> Option<(String, PageWord)> {
    let [kind, word] = fields else { return None };
    let kind = match *kind {
        "month" => PageWord::Month,
        "weekday" => PageWord::Weekday,
        "time" => PageWord::Time,
        "role" => PageWord::Role,
        "credit" => PageWord::Credit,
        _ => return None,
    };
    Some((word.to_string(), kind))
}

impl Lexicon {
    fn parse(boilerplate: &str, page_words: &str) -> Lexicon {
        let mut lexicon = Lexicon {
            line: FastMap::default(),
            longest_line: 0,
            start: Table::default(),
            contain: Table::default(),
            any: Table::default(),
            words: records(page_words).filter_map(|f| parse_word(&f)).collect(),
        };
        for (how, phrase, cue) in records(boilerplate).filter_map(|f| parse_cue(&f)) {
            match how {
                Match::Line => {
                    lexicon.longest_line = lexicon.longest_line.max(phrase.split(' ').count());
                    lexicon.line.insert(phrase, cue);
                }
                Match::Start => lexicon.start.insert(phrase, cue),
                Match::Contain => lexicon.contain.insert(phrase, cue),
                Match::Any => lexicon.any.insert(phrase, cue),
            }
        }
        lexicon
    }

    /// The cue a line matches: a whole-line cue first, then the longest starting cue, then
    /// a cue inside the line. `words` is the folded line (see [`fold`]).
    pub(super) fn cue(&self, words: &[String]) -> Option<Cue> {
        if words.len() <= self.longest_line {
            if let Some(&cue) = self.line.get(&words.join(" ")) {
                return Some(cue);
            }
        }
        if words.len() <= SHORT_LINE_WORDS {
            let starting = self.start.prefix(words).filter(|c| !c.opens_section || words.len() <= SECTION_START_WORDS);
            if let Some(cue) = starting.or_else(|| self.contain.inside(words)) {
                return Some(cue);
            }
        }
        if words.len() <= ANY_LINE_WORDS {
            return self.any.inside(words);
        }
        None
    }

    /// The kind of a page word, given in lower case.
    pub(super) fn page_word(&self, word: &str) -> Option<PageWord> {
        self.words.get(word).copied()
    }
}

/// Folds a line into lower-case words for cue matching: letters (and `'` or `&` inside a
/// word) make words, `©` is the word "copyright", `:` is a word of its own, and digits and
/// every other character separate words.
pub(super) fn fold(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, words: &mut Vec<String>| {
        let w = word.trim_end_matches(['\'', '&']);
        if !w.is_empty() {
            words.push(w.to_string());
        }
        word.clear();
    };
    for c in line.chars().map(text::fold) {
        if c.is_alphabetic() {
            word.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '&') && !word.is_empty() {
            word.push(c);
        } else {
            flush(&mut word, &mut words);
            match c {
                '©' => words.push("copyright".to_string()),
                ':' => words.push(":".to_string()),
                _ => {}
            }
        }
    }
    flush(&mut word, &mut words);
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cue_of(line: &str) -> Option<BoilerplateKind> {
        lexicon().cue(&fold(line)).map(|c| c.kind)
    }

    #[test]
    fn every_lexicon_line_parses() {
        assert!(records(BOILERPLATE).all(|f| parse_cue(&f).is_some()), "boilerplate.txt");
        assert!(records(PAGE_WORDS).all(|f| parse_word(&f).is_some()), "page_words.txt");
    }

    #[test]
    fn folds_case_digits_and_punctuation() {
        assert_eq!(fold("[ 167 Comments ]"), ["comments"]);
        assert_eq!(fold("© 2024 Example Media. All Rights Reserved."), ["copyright", "example", "media", "all", "rights", "reserved"]);
        assert_eq!(fold("Photo: Ana Ruiz/AP"), ["photo", ":", "ana", "ruiz", "ap"]);
        assert_eq!(fold("Don\u{2019}t miss"), ["don't", "miss"]);
    }

    #[test]
    fn matches_web_furniture() {
        use BoilerplateKind::*;
        let hits = [
            ("Advertisement", Advertisement),
            ("ADVERTISEMENT", Advertisement),
            ("Read more", ReadMore),
            ("Read more: How the river flooded", ReadMore),
            ("Continue reading the main story", ReadMore),
            ("Share this article", Share),
            ("Follow us on Twitter", Share),
            ("12 Comments", Share),
            ("Sign up for our morning newsletter", Subscribe),
            ("Subscribe", Subscribe),
            ("Related Articles", RelatedHeadlines),
            ("You may also like", RelatedHeadlines),
            ("Photo: Ana Ruiz / AP", Caption),
            ("The mayor speaks on Tuesday. (AP Photo/Jane Doe)", Caption),
            ("© 2024 Example Media Group", Footer),
            ("We use cookies to give you the best experience on our site and to show you relevant ads.", Footer),
            ("Privacy Policy", Footer),
            ("Skip to main content", Navigation),
        ];
        for (line, kind) in hits {
            assert_eq!(cue_of(line), Some(kind), "{line}");
        }
    }

    #[test]
    fn leaves_article_sentences_alone() {
        let misses = [
            "Share prices fell sharply on Tuesday.",
            "Photographers gathered outside the court.",
            "Home prices rose again in March.",
            "The company said it would advertise the jobs more widely in the spring.",
            "Readers were asked to share their memories of the flood in a long survey last year.",
            "Sources said the talks would resume.",
            "More than 200 people attended.",
            "",
        ];
        for line in misses {
            assert_eq!(cue_of(line), None, "{line}");
        }
    }

    #[test]
    fn section_cues_are_marked() {
        let cue = |s: &str| lexicon().cue(&fold(s));
        assert!(cue("Leave a Reply").is_some_and(|c| c.ends_article && c.opens_section));
        assert!(cue("More from Sports").is_some_and(|c| c.opens_section && !c.ends_article));
        assert!(cue("Advertisement").is_some_and(|c| !c.opens_section));
        assert!(cue("More from the mayor's speech and the council's long debate on Tuesday").is_none());
    }

    #[test]
    fn page_words() {
        assert_eq!(lexicon().page_word("march"), Some(PageWord::Month));
        assert_eq!(lexicon().page_word("gmt"), Some(PageWord::Time));
        assert_eq!(lexicon().page_word("correspondent"), Some(PageWord::Role));
        assert_eq!(lexicon().page_word("river"), None);
    }
}
