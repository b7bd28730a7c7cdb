//! Structure stage: finds the article inside what was pasted.
//!
//! Reads: paragraphs. Writes: the `kind` of each paragraph (title, heading, byline,
//! dateline, body, or boilerplate of some kind). A text of one paragraph is all body, and
//! so is a text in which no paragraph reads like prose.
//!
//! A copied web page is read as a list of lines, as a text-based content extractor would:
//! 1. each line gets a score ([`score`]): its length in words when it reads like prose
//!    (long and closed like a sentence), a penalty when it is short (menus, headlines,
//!    link lists) and a larger one when its wording or form marks it as furniture (cue
//!    phrases of `src/lexicon/boilerplate.txt`, timestamps, bylines);
//! 2. the main region is the run of lines with the highest total score; it never crosses
//!    a cue that opens the end of an article ("Related stories", "Leave a reply");
//! 3. the region start moves past a byline or timestamp found just inside it (what came
//!    before was the headline and standfirst), and up to two short sentence-like lines
//!    just after it join it (a last short paragraph);
//! 4. inside the region, prose is body, a short open line before prose is a heading, a run
//!    of short lines is a list (body), and cue lines keep their boilerplate kind;
//! 5. above the region, the nearest headline-like line (before any byline) is the title;
//!    bylines and timestamps are marked, lines between title and body are headings
//!    (standfirst), the rest is navigation unless a cue says otherwise;
//! 6. below the region, lines take the kind of the last section cue seen ("Comments",
//!    "Most popular"), and are otherwise a list of related headlines or navigation.
//!
//! The thresholds were set by hand on the development pages of `news_pages` (see the
//! crate's report for the figures on the held-out part). Everything runs in linear time.

mod lexicon;
mod lines;
mod region;

use crate::doc::{BlockKind, BoilerplateKind, Document};
use lines::Line;
use std::ops::Range;

/// A line of at least this many words that ends like a sentence reads like prose.
const PROSE_WORDS: f32 = 8.0;
/// A line this long reads like prose even without a closing stop; it scores half.
const LONG_WORDS: f32 = 20.0;
/// Score of a short line (menus, headlines, links).
const SHORT_PENALTY: f32 = -10.0;
/// Score of a line marked as furniture by a cue or a byline.
const MARKED_PENALTY: f32 = -15.0;
/// Score of a timestamp: rare inside an article, common between comments and teasers.
const TIMESTAMP_PENALTY: f32 = -30.0;
/// Score of a cue that opens a section of links ("Related stories").
const SECTION_PENALTY: f32 = -30.0;
/// After each cue that ends an article (comments), prose counts for this share of its
/// words: comments can outweigh the article above them.
const AFTER_END_SHARE: f32 = 0.5;
/// A prose line with no prose line beside it counts for this share of its words.
const ALONE_SHARE: f32 = 0.5;
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

/// The words of a line that count as article prose (0 for furniture and short lines).
fn prose_words(line: &Line) -> f32 {
    if line.is_marked() {
        0.0
    } else if line.is_prose(PROSE_WORDS) {
        line.weight
    } else if line.weight >= LONG_WORDS {
        line.weight / 2.0
    } else {
        0.0
    }
}

/// The score of each line for the main-region search: its prose words, discounted when
/// it stands alone or follows cues that end an article; or a penalty.
fn scores(lines: &[Line]) -> Vec<f32> {
    let words: Vec<f32> = lines.iter().map(prose_words).collect();
    let mut share = 1.0;
    let mut out = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let beside = |j: Option<usize>| j.and_then(|j| words.get(j)).is_some_and(|&w| w > 0.0);
        let alone = !beside(i.checked_sub(1)) && !beside(Some(i + 1));
        out.push(if words[i] > 0.0 {
            words[i] * share * if alone { ALONE_SHARE } else { 1.0 }
        } else if line.cue.is_some_and(|c| c.opens_section) {
            SECTION_PENALTY
        } else if line.timestamp {
            TIMESTAMP_PENALTY
        } else if line.is_marked() {
            MARKED_PENALTY
        } else {
            SHORT_PENALTY
        });
        if line.cue.is_some_and(|c| c.ends_article) {
            share *= AFTER_END_SHARE;
        }
    }
    out
}

fn classify(texts: &[&str], lines: &[Line]) -> Vec<BlockKind> {
    let scores = scores(lines);
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
        } else if line.timestamp && title.is_none_or(|t| i > t) && !dated {
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
}
