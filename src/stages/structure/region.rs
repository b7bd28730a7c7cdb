//! The regions of prose: the runs of lines that make the article.
//!
//! Input: the [`Line`]s of a text. Output: a score per line ([`scores`]: positive for
//! lines that read like article prose, negative for furniture), then the half-open ranges
//! of lines chosen as the article ([`article_regions`]), empty when no line scores above
//! zero.
//!
//! Kadane's maximum-subarray scan, in linear time, cuts the lines into runs (a run ends
//! where its running sum drops to zero or at a barrier) and keeps the best range of each.
//! The first run whose best total reaches [`FIRST_SHARE`] of the highest one is the main
//! run: an article comes before the comments and teasers under it, which can add up to
//! more words. A run of prose survives a few short lines inside it (headings,
//! "Advertisement"), but not a long menu or a list of links.

use super::lines::Line;
use std::ops::Range;

/// A line of at least this many words that ends like a sentence reads like prose.
pub(super) const PROSE_WORDS: f32 = 8.0;
/// A line this long reads like prose even without a closing stop; it scores half.
pub(super) const LONG_WORDS: f32 = 20.0;
/// Score of a short line (menus, headlines, links).
const SHORT_PENALTY: f32 = -10.0;
/// Score of a line marked as furniture by a cue, a byline, a credit or a menu.
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
pub(super) fn scores(lines: &[Line]) -> Vec<f32> {
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

/// A run earlier in the text wins over the highest one when it has this share of its score.
const FIRST_SHARE: f32 = 0.5;
/// A later run with this share of the main run's score continues the article (after a
/// table, a gallery or a box of links inside it), unless a barrier lies between or the
/// gap is longer than [`LATER_GAP`] lines.
const LATER_SHARE: f32 = 0.2;
const LATER_GAP: usize = 40;
/// A later run this few lines away continues the article whatever its score (a last
/// paragraph after an advertisement or a link).
const NEAR_GAP: usize = 2;

/// The ranges of lines that make the article, in text order; empty when no line scores
/// above zero.
pub(super) fn article_regions(scores: &[f32], barriers: &[bool]) -> Vec<Range<usize>> {
    let runs = best_of_each_run(scores, barriers);
    let top = runs.iter().map(|(score, _)| *score).fold(0.0, f32::max);
    let Some(main) = runs.iter().position(|(score, _)| *score >= top * FIRST_SHARE) else {
        return Vec::new();
    };
    let (main_score, main_range) = runs[main].clone();
    let mut regions = vec![main_range.clone()];
    let mut end = main_range.end;
    // Runs after the main range, scanned afresh: the main run may go on past its best range.
    let offset = end;
    let after = best_of_each_run(scores.get(offset..).unwrap_or_default(), barriers.get(offset..).unwrap_or_default());
    for (score, range) in after.into_iter().map(|(s, r)| (s, r.start + offset..r.end + offset)) {
        if range.start - end > LATER_GAP || barriers.get(end..range.start).is_some_and(|b| b.contains(&true)) {
            break;
        }
        if score >= main_score * LATER_SHARE || range.start - end <= NEAR_GAP {
            end = range.end;
            regions.push(range);
        }
    }
    regions
}

/// The best range of each run, with its total, in text order; only totals above zero.
fn best_of_each_run(scores: &[f32], barriers: &[bool]) -> Vec<(f32, Range<usize>)> {
    let mut runs: Vec<(f32, Range<usize>)> = Vec::new();
    let mut current: Option<(f32, Range<usize>)> = None;
    let mut sum = 0.0;
    let mut start = 0;
    for (i, &score) in scores.iter().enumerate() {
        let barrier = barriers.get(i).copied().unwrap_or(false);
        if barrier || sum <= 0.0 {
            runs.extend(current.take());
            sum = 0.0;
            start = if barrier { i + 1 } else { i };
            if barrier {
                continue;
            }
        }
        sum += score;
        if sum > 0.0 && current.as_ref().map_or(true, |(best, _)| sum > *best) {
            current = Some((sum, start..i + 1));
        }
    }
    runs.extend(current);
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions(scores: &[f32], barriers: &[bool]) -> Vec<Range<usize>> {
        article_regions(scores, barriers)
    }

    #[test]
    fn finds_the_densest_run() {
        let scores = [-5.0, -5.0, 20.0, -5.0, 30.0, 25.0, -5.0, -5.0, -5.0, -5.0, -5.0, 1.0];
        assert_eq!(regions(&scores, &[false; 12]), vec![2..6]);
    }

    #[test]
    fn an_earlier_run_of_half_the_score_wins() {
        assert_eq!(regions(&[30.0, -50.0, 50.0], &[false; 3]), [0..1, 2..3]);
        assert_eq!(regions(&[20.0, -50.0, 50.0], &[false; 3]), vec![2..3]);
    }

    #[test]
    fn later_runs_continue_the_article_up_to_a_barrier() {
        let gap = [-30.0; 3];
        let scores: Vec<f32> = [&[50.0][..], &gap, &[20.0], &gap, &[5.0], &gap, &[30.0, -5.0, 40.0]].concat();
        assert_eq!(regions(&scores, &vec![false; scores.len()]), [0..1, 4..5, 12..15]);
        let mut barriers = vec![false; scores.len()];
        barriers[9] = true;
        assert_eq!(regions(&scores, &barriers), [0..1, 4..5]);
    }

    #[test]
    fn a_near_run_continues_the_article_whatever_its_score() {
        assert_eq!(regions(&[50.0, -30.0, 5.0], &[false; 3]), [0..1, 2..3]);
        assert_eq!(regions(&[50.0, -30.0, -30.0, -30.0, 5.0], &[false; 5]), vec![0..1]);
    }

    #[test]
    fn never_crosses_a_barrier() {
        let scores = [10.0, -1.0, 30.0];
        assert_eq!(regions(&scores, &[false, true, false]), vec![2..3]);
        assert_eq!(regions(&scores, &[false; 3]), vec![0..3]);
    }

    #[test]
    fn nothing_without_prose() {
        assert!(regions(&[-1.0, -2.0], &[false, false]).is_empty());
        assert!(regions(&[], &[]).is_empty());
    }
}
