//! The main region of prose: a run of lines with a high total score.
//!
//! Input: one score per line (positive for lines that read like article prose, negative
//! for furniture) and the lines no region may run across. Output: the half-open range of
//! lines chosen as the article, or `None` when no line scores above zero.
//!
//! Kadane's maximum-subarray scan, in linear time, cuts the lines into runs (a run ends
//! where its running sum drops to zero or at a barrier) and keeps the best range of each.
//! The first run whose best total reaches [`FIRST_SHARE`] of the highest one wins: an
//! article comes before the comments and teasers under it, which can add up to more words.
//! A run of prose survives a few short lines inside it (headings, "Advertisement"), but
//! not a long menu or a list of links.

use std::ops::Range;

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
        if sum > 0.0 && current.as_ref().is_none_or(|(best, _)| sum > *best) {
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
        assert_eq!(regions(&scores, &[false; 12]), [2..6]);
    }

    #[test]
    fn an_earlier_run_of_half_the_score_wins() {
        assert_eq!(regions(&[30.0, -50.0, 50.0], &[false; 3]), [0..1, 2..3]);
        assert_eq!(regions(&[20.0, -50.0, 50.0], &[false; 3]), [2..3]);
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
        assert_eq!(regions(&[50.0, -30.0, -30.0, -30.0, 5.0], &[false; 5]), [0..1]);
    }

    #[test]
    fn never_crosses_a_barrier() {
        let scores = [10.0, -1.0, 30.0];
        assert_eq!(regions(&scores, &[false, true, false]), [2..3]);
        assert_eq!(regions(&scores, &[false; 3]), [0..3]);
    }

    #[test]
    fn nothing_without_prose() {
        assert!(regions(&[-1.0, -2.0], &[false, false]).is_empty());
        assert!(regions(&[], &[]).is_empty());
    }
}
