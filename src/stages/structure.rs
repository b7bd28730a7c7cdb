//! Structure stage: finds the article inside what was pasted.
//!
//! Reads: paragraphs. Writes: the `kind` of each paragraph (title, heading, byline,
//! dateline, body, or boilerplate of some kind). A text of one paragraph is all body, and
//! so is a text in which no paragraph reads like prose.
//!
//! A copied web page is read as a list of lines, as a text-based content extractor would
//! ([`lines`] says what each line looks like, [`lexicon`] holds the cue phrases):
//! 1. each line gets a score: its words when it reads like prose, a penalty when it is
//!    short (menus, headlines, links) and a larger one when its wording or form marks it
//!    as furniture: a cue phrase ("Advertisement", "Read more", "Related stories"), a
//!    timestamp, a byline, a picture credit, a menu line ([`region::scores`]);
//! 2. the article is the first run of lines whose total is close to the best one, plus
//!    later runs that continue it after a box of links, a table or an advertisement, but
//!    never across a comment section ([`region::article_regions`]);
//! 3. the body starts after a byline or timestamp near the region's start (what precedes
//!    it is headline and standfirst); a list announced by a colon, or one or two short
//!    last sentences, join the region's end;
//! 4. inside the regions, prose is body, a short open line before prose is a heading, a
//!    run of short lines is a list (body), lines after a "Related stories" cue belong to
//!    that box until prose resumes, and furniture keeps its kind;
//! 5. above the body, the nearest headline-like line above the byline is the title, lines
//!    between title and body are headings (standfirst) or metadata; below and between
//!    the regions, lines take the kind of the last section cue ("Comments", "Most
//!    popular"), else they are related headlines (four words or more) or navigation;
//! 6. a text without a single cue phrase is a plain article (an editor's or a wire
//!    feed's text): everything from the body's start on is body, tables and lists
//!    included, except a closing list of headlines.
//!
//! The thresholds were set by hand on the development pages of `news_pages`;
//! `scripts/structure-holdout.py` scores them on the part held out by hash of page id.
//! Everything runs in time linear in the number of lines.

mod lexicon;
mod lines;
mod region;

use crate::doc::{BlockKind, BoilerplateKind, Document};
use lines::Line;
use region::{LONG_WORDS, PROSE_WORDS};
use std::ops::Range;

/// The body starts after a byline or timestamp this close to the region's start.
const HEADER_LINES: usize = 6;
/// Short sentence-like lines just after the region that join it.
const TAIL_LINES: usize = 2;
/// Most lines of a list announced by a colon at the end of the region.
const LIST_LINES: usize = 40;
/// How far above the body the title is looked for.
const TITLE_WINDOW: usize = 15;
/// Fewest words of a title found on a page (shorter lines are section labels).
const TITLE_WORDS: f32 = 4.0;
/// Fewest words of a headline in the list that closes a plain article.
const RELATED_WORDS: f32 = 6.0;
/// Most words of a caption found between two caption lines.
const CAPTION_WORDS: f32 = 25.0;
/// Most words of a title or heading.
const HEADLINE_WORDS: f32 = 30.0;

pub(crate) fn run(doc: &mut Document) {
    if doc.paragraphs.len() < 2 {
        return;
    }
    let text = doc.text;
    let texts: Vec<&str> = doc.paragraphs.iter().map(|p| &text[p.span.start..p.span.end]).collect();
    let lines: Vec<Line> = texts.iter().map(|s| Line::read(s)).collect();
    for (p, kind) in doc.paragraphs.iter_mut().zip(classify(&texts, &lines)) {
        p.kind = kind;
    }
}

fn classify(texts: &[&str], lines: &[Line]) -> Vec<BlockKind> {
    let scores = region::scores(lines);
    let barriers: Vec<bool> = lines.iter().map(|l| l.cue.is_some_and(|c| c.ends_article)).collect();
    let mut regions = region::article_regions(&scores, &barriers);
    let Some(first) = regions.first_mut() else {
        return vec![BlockKind::Body; lines.len()];
    };
    *first = align_start(lines, first.clone());
    let start = first.start;
    let mut kinds = vec![BlockKind::Boilerplate(BoilerplateKind::Navigation); lines.len()];
    mark_header(texts, lines, start, &mut kinds);
    mark_footer(lines, start, &mut kinds);
    if lines.iter().all(|l| l.cue.is_none()) {
        mark_plain(texts, lines, start, &mut kinds);
        return kinds;
    }
    for (n, region) in regions.into_iter().enumerate() {
        // A later region takes the heading just above it.
        let heading = region.start.checked_sub(1).filter(|&h| n > 0 && kinds[h] != BlockKind::Body && is_open_short(texts[h], &lines[h]));
        let region = heading.unwrap_or(region.start)..region.end;
        mark_body(texts, lines, extend_tail(texts, lines, region), &mut kinds);
    }
    mark_sandwiched_captions(lines, &mut kinds);
    kinds
}

/// A text without any cue phrase of web furniture is a plain article, pasted from an
/// editor or a wire feed: everything from the body's start on is article (tables and
/// lists included) except what trails the last prose line (see [`trailing_lines`]);
/// above the body, only the first line (as title, when headline-like), bylines and one
/// dateline are not body.
fn mark_plain(texts: &[&str], lines: &[Line], start: usize, kinds: &mut [BlockKind]) {
    let mut dated = false;
    for (i, line) in lines.iter().enumerate().take(start) {
        kinds[i] = if i == 0 && line.is_headline_like(texts[0], HEADLINE_WORDS) {
            BlockKind::Title
        } else if line.byline {
            BlockKind::Byline
        } else if line.timestamp && !dated {
            dated = true;
            BlockKind::Dateline
        } else if let Some(kind) = furniture(line) {
            BlockKind::Boilerplate(kind)
        } else {
            BlockKind::Body
        };
    }
    let trail = trailing_lines(texts, lines).max(start);
    mark_body(texts, lines, start..trail, kinds);
}

/// Where the closing list of headlines starts: at least two lines after the last prose
/// line that are open (no closing stop), of [`RELATED_WORDS`] to [`LONG_WORDS`] words,
/// and look like headlines rather than table rows or list entries (at most one number and
/// one comma, no brackets). `lines.len()` when there is none.
fn trailing_lines(texts: &[&str], lines: &[Line]) -> usize {
    let furniture = |i: &usize| {
        let (text, line) = (texts[*i], &lines[*i]);
        let commas = text.matches(',').count();
        let plain_words = line.numbers <= 1 && commas <= 1 && !text.contains('(');
        let length = (RELATED_WORDS..LONG_WORDS).contains(&line.weight);
        line.is_marked() || (!line.sentence_end && length && plain_words)
    };
    let start = (0..lines.len()).rev().take_while(furniture).last().unwrap_or(lines.len());
    if lines.len() - start >= 2 {
        start
    } else {
        lines.len()
    }
}

/// Starts the body after the byline or timestamp nearest to the region's start, within
/// [`HEADER_LINES`] lines either side of it, at the first prose line after that mark: what
/// precedes such a mark is headline and standfirst, and prose just after it is body even
/// when a box of links splits it from the rest.
fn align_start(lines: &[Line], region: Range<usize>) -> Range<usize> {
    let is_mark = |i: &usize| lines[*i].byline || lines[*i].by_alone || lines[*i].timestamp;
    let inside = (region.start..region.end.min(region.start + HEADER_LINES)).rev().find(is_mark);
    let mark = inside.or_else(|| (region.start.saturating_sub(HEADER_LINES)..region.start).rev().find(is_mark));
    let start = mark.and_then(|m| (m + 1..region.end).find(|&i| lines[i].is_prose(PROSE_WORDS)));
    start.map_or(region.clone(), |s| s..region.end)
}

/// Adds to the region what ends the article just after it: the list a closing colon
/// announces (up to [`LIST_LINES`] unmarked lines), or else up to [`TAIL_LINES`] short
/// sentence-like lines (a last short paragraph).
fn extend_tail(texts: &[&str], lines: &[Line], region: Range<usize>) -> Range<usize> {
    let after = lines.get(region.end..).unwrap_or_default();
    let announces_list = region.end.checked_sub(1).is_some_and(|last| texts[last].trim_end().ends_with(':'));
    let extra = if announces_list {
        after.iter().take(LIST_LINES).take_while(|l| !l.is_marked() && !l.is_prose(PROSE_WORDS)).count()
    } else {
        after.iter().take(TAIL_LINES).take_while(|l| !l.is_marked() && !l.bullet && l.sentence_end && l.weight >= 3.0).count()
    };
    region.start..region.end + extra
}

/// The kind of a line marked as furniture: its cue's, a caption for a picture credit,
/// navigation for a menu line, metadata for a timestamp or a byline met where no byline
/// is expected.
fn furniture(line: &Line) -> Option<BoilerplateKind> {
    if let Some(cue) = line.cue {
        Some(cue.kind)
    } else if line.credit {
        Some(BoilerplateKind::Caption)
    } else if line.menu {
        Some(BoilerplateKind::Navigation)
    } else if line.timestamp || line.byline || line.by_alone {
        Some(BoilerplateKind::Metadata)
    } else {
        None
    }
}

fn is_caption(line: &Line) -> bool {
    furniture(line) == Some(BoilerplateKind::Caption)
}

/// A short body line between two caption lines ("Image 2 of 5", text, "(Image credit:
/// …)") is a caption too.
fn mark_sandwiched_captions(lines: &[Line], kinds: &mut [BlockKind]) {
    for i in 1..lines.len().saturating_sub(1) {
        let short = lines[i].weight < CAPTION_WORDS;
        if kinds[i] == BlockKind::Body && short && is_caption(&lines[i - 1]) && is_caption(&lines[i + 1]) {
            kinds[i] = BlockKind::Boilerplate(BoilerplateKind::Caption);
        }
    }
}

/// Kinds inside a region: body, headings, lists, and furniture caught inside. After a cue
/// that opens a section (a box of related links), short lines belong to that section
/// until prose resumes.
fn mark_body(texts: &[&str], lines: &[Line], region: Range<usize>, kinds: &mut [BlockKind]) {
    let mut section = None;
    let mut i = region.start;
    while i < region.end {
        let line = &lines[i];
        if line.is_prose(PROSE_WORDS) {
            section = None;
        }
        if let Some(cue) = line.cue.filter(|c| c.opens_section) {
            section = Some(cue.kind);
        }
        if let Some(kind) = furniture(line).or(section) {
            kinds[i] = BlockKind::Boilerplate(kind);
        } else if line.sentence_end || line.bullet || line.weight >= LONG_WORDS {
            kinds[i] = BlockKind::Body;
        } else {
            // A run of short open lines: one alone before prose is a heading, several are a list.
            let run_end = (i + 1..region.end).find(|&j| !is_open_short(texts[j], &lines[j])).unwrap_or(region.end);
            let before_prose = lines.get(run_end).is_some_and(|l| !l.is_marked());
            let kind = if run_end - i == 1 && before_prose && line.is_headline_like(texts[i], HEADLINE_WORDS) {
                BlockKind::Heading
            } else {
                BlockKind::Body
            };
            kinds[i..run_end].fill(kind);
            i = run_end;
            continue;
        }
        i += 1;
    }
}

/// A short line without a closing stop, a cue or a bullet.
fn is_open_short(text: &str, line: &Line) -> bool {
    !line.sentence_end && !line.bullet && line.weight < LONG_WORDS && line.is_headline_like(text, LONG_WORDS)
}

/// Kinds above the region: title, byline, dateline, standfirst, navigation.
fn mark_header(texts: &[&str], lines: &[Line], start: usize, kinds: &mut [BlockKind]) {
    let window = start.saturating_sub(TITLE_WINDOW)..start;
    let byline = window.clone().rev().find(|&i| lines[i].byline || lines[i].by_alone);
    let limit = byline.unwrap_or(start);
    let title = find_title(texts, lines, window.start..limit);
    let mut dated = false;
    for i in 0..start {
        let line = &lines[i];
        let cue = line.cue.map(|c| c.kind).filter(|&k| !(line.timestamp && k == BoilerplateKind::Metadata));
        let menu = line.menu.then_some(BoilerplateKind::Navigation);
        kinds[i] = if let Some(kind) = cue.or(line.credit.then_some(BoilerplateKind::Caption)).or(menu) {
            BlockKind::Boilerplate(kind)
        } else if line.byline || (line.by_alone && title.is_some_and(|t| i > t)) {
            BlockKind::Byline
        } else if line.timestamp && title.map_or(true, |t| i > t) && !dated {
            dated = true;
            BlockKind::Dateline
        } else if line.timestamp || line.by_alone {
            BlockKind::Boilerplate(BoilerplateKind::Metadata)
        } else if Some(i) == title {
            BlockKind::Title
        } else if title.is_some_and(|t| i > t) {
            if line.weight >= TITLE_WORDS {
                BlockKind::Heading
            } else {
                BlockKind::Boilerplate(BoilerplateKind::Metadata)
            }
        } else {
            BlockKind::Boilerplate(BoilerplateKind::Navigation)
        };
    }
    // After "By" alone, the next line is the name.
    for i in 1..start {
        if lines[i - 1].by_alone && kinds[i] != BlockKind::Title && !lines[i].is_marked() {
            kinds[i - 1] = BlockKind::Boilerplate(BoilerplateKind::Metadata);
            kinds[i] = BlockKind::Byline;
        }
    }
}

/// The title: scanning up from `range.end`, the first headline-like line of at least
/// [`TITLE_WORDS`] words, skipping furniture and standfirsts; when the line just above it
/// is a shorter headline-like line, that one is the title and the nearer one a subtitle.
/// When only headline-like lines and prose lie between the text's first line and the
/// body (or its byline), the first line is the title (a pasted article with a subtitle).
fn find_title(texts: &[&str], lines: &[Line], range: Range<usize>) -> Option<usize> {
    let candidate = |i: usize| lines[i].is_headline_like(texts[i], HEADLINE_WORDS) && lines[i].weight >= TITLE_WORDS;
    let from_top =
        range.start == 0 && (0..range.end).all(|i| lines[i].is_headline_like(texts[i], HEADLINE_WORDS) || lines[i].is_prose(PROSE_WORDS));
    if from_top && range.end > 0 && lines[0].is_headline_like(texts[0], HEADLINE_WORDS) {
        return Some(0);
    }
    let nearest = range.clone().rev().find(|&i| candidate(i))?;
    let above = nearest.checked_sub(1).filter(|&a| a >= range.start && candidate(a) && lines[a].weight < lines[nearest].weight);
    Some(above.unwrap_or(nearest))
}

/// Kinds of the lines from the body's start on, as if none were body (the regions are
/// marked over them): the kind of the last section cue, else related headlines (lines of
/// four words or more) or navigation.
fn mark_footer(lines: &[Line], start: usize, kinds: &mut [BlockKind]) {
    let mut section: Option<BoilerplateKind> = None;
    for (i, line) in lines.iter().enumerate().skip(start) {
        if let Some(cue) = line.cue.filter(|c| c.opens_section) {
            section = Some(cue.kind);
        }
        let kind = if let Some(kind) = furniture(line) {
            kind
        } else if let Some(kind) = section {
            kind
        } else if line.weight >= TITLE_WORDS {
            BoilerplateKind::RelatedHeadlines
        } else {
            BoilerplateKind::Navigation
        };
        kinds[i] = BlockKind::Boilerplate(kind);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::paragraphs;

    fn kinds(text: &str) -> Vec<(String, BlockKind)> {
        let mut doc = Document::new(text);
        paragraphs::run(&mut doc);
        run(&mut doc);
        doc.paragraphs.iter().map(|p| (doc.text_of(p.span).to_string(), p.kind)).collect()
    }

    fn kind_of(text: &str, line: &str) -> BlockKind {
        kinds(text).into_iter().find(|(s, _)| s == line).map(|(_, k)| k).unwrap_or_else(|| panic!("no line {line}"))
    }

    #[test]
    fn one_paragraph_is_body() {
        for text in ["Hello", "Read more", "Advertisement", "By Ana Ruiz", "A sentence. Another one."] {
            assert!(kinds(text).iter().all(|(_, k)| *k == BlockKind::Body), "{text}");
        }
    }

    #[test]
    fn text_without_prose_is_body() {
        assert!(kinds("apples\npears\nplums").iter().all(|(_, k)| *k == BlockKind::Body));
    }

    #[test]
    fn title_heading_and_body() {
        let text = "Rain Returns to the Valley\n\nFarmers welcomed the first rain in months on Tuesday, and more is due.\n\
                    What Comes Next\nForecasters expect a wet week ahead across the whole of the region.";
        assert_eq!(kind_of(text, "Rain Returns to the Valley"), BlockKind::Title);
        assert_eq!(kind_of(text, "What Comes Next"), BlockKind::Heading);
        assert_eq!(kind_of(text, "Forecasters expect a wet week ahead across the whole of the region."), BlockKind::Body);
    }

    #[test]
    fn related_headlines_after_the_body_are_not_headings() {
        let text = "Farmers welcomed the first rain in months on Tuesday, and more is due.\n\
                    Forecasters expect a wet week ahead across the whole of the region.\n\
                    City Council Approves New Budget for Parks\nLocal Team Wins Regional Title After Long Season";
        assert_eq!(kind_of(text, "City Council Approves New Budget for Parks"), BlockKind::Boilerplate(BoilerplateKind::RelatedHeadlines));
    }

    #[test]
    fn furniture_inside_the_body() {
        let text = "Farmers welcomed the first rain in months on Tuesday, and more is due.\nAdvertisement\n\
                    Forecasters expect a wet week ahead across the whole of the region.";
        assert_eq!(kind_of(text, "Advertisement"), BlockKind::Boilerplate(BoilerplateKind::Advertisement));
    }
    const PARAGRAPH: &str = "Farmers welcomed the first rain in months on Tuesday, and more is due soon.";

    #[test]
    fn header_lines_above_the_body() {
        use BlockKind::*;
        let text = format!(
            "Menu\nSubscribe\nRain Returns to the Valley\nFarmers had waited months for it\nBy Ana Ruiz\n\
             Updated 10:42 GMT\n{PARAGRAPH}\n{PARAGRAPH}\nShare this article"
        );
        let expected = [
            ("Menu", Boilerplate(BoilerplateKind::Navigation)),
            ("Subscribe", Boilerplate(BoilerplateKind::Subscribe)),
            ("Rain Returns to the Valley", Title),
            ("Farmers had waited months for it", Heading),
            ("By Ana Ruiz", Byline),
            ("Updated 10:42 GMT", Dateline),
            (PARAGRAPH, Body),
            ("Share this article", Boilerplate(BoilerplateKind::Share)),
        ];
        for (line, kind) in expected {
            assert_eq!(kind_of(&text, line), kind, "{line}");
        }
    }

    #[test]
    fn closing_headlines_of_a_plain_article() {
        let lines = |text: &'static str| -> (Vec<&'static str>, Vec<Line>) {
            let texts: Vec<&str> = text.lines().collect();
            let lines = texts.iter().map(|s| Line::read(s)).collect();
            (texts, lines)
        };
        let hits = [
            "A line of prose that ends the article here.\nCity Council Approves New Budget for Parks\nLocal Team Wins Regional Title After Long Season",
            "A line of prose that ends the article here.\nCity Council Approves New Budget for Parks\nAdvertisement",
        ];
        for text in hits {
            let (texts, lines) = lines(text);
            assert_eq!(trailing_lines(&texts, &lines), 1, "{text}");
        }
        let misses = [
            "A line of prose that ends the article here.\nCity Council Approves New Budget for Parks",
            "A line of prose.\nMen's 100 metres\n1. Kofi Asante (Ghana) 10.05\n2. Liam Doherty (Ireland) 10.11",
            "A line of prose.\nBlue Origin, Kent, Washington\nCeres Robotics, Palo Alto, California",
            "A line of prose.\nGarden tools\nSeeds and bulbs",
        ];
        for text in misses {
            let (texts, lines) = lines(text);
            assert_eq!(trailing_lines(&texts, &lines), texts.len(), "{text}");
        }
    }

    #[test]
    fn comments_are_not_the_article() {
        let comment = "I walked that stretch of river last summer and it looked much cleaner than it ever did when I was a boy growing up there.";
        let text = format!("{PARAGRAPH}\n{PARAGRAPH}\n{PARAGRAPH}\nComments\n{comment}\n{comment}\n{comment}\n{comment}");
        assert_eq!(kind_of(&text, PARAGRAPH), BlockKind::Body);
        assert_eq!(kind_of(&text, comment), BlockKind::Boilerplate(BoilerplateKind::Share));
    }
}
