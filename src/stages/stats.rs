//! Statistics stage: counts over the article body.
//!
//! Reads: paragraphs (kinds), words, sentences. Writes: `stats`. When the structure stage
//! found no body (a lone heading, a list of headlines), the counts cover every paragraph
//! that is not boilerplate, so that a single word or line still gets its counts.

use crate::doc::{BlockKind, Document, Span, Stats};
use crate::stages::syllables;

/// Silent reading rate of adults for non-fiction, in words per minute: Brysbaert (2019),
/// "How many words do we read per minute? A review and meta-analysis of reading rate",
/// Journal of Memory and Language 109, 104047.
pub(crate) const WORDS_PER_MINUTE: f64 = 238.0;

/// The paragraph spans the statistics cover.
pub(crate) fn counted_paragraphs(doc: &Document) -> Vec<Span> {
    let body: Vec<Span> = doc.body_paragraphs().map(|p| p.span).collect();
    if !body.is_empty() {
        return body;
    }
    doc.paragraphs.iter().filter(|p| !matches!(p.kind, BlockKind::Boilerplate(_))).map(|p| p.span).collect()
}

/// Calls `f` for every item of `items` (sorted by start) that lies inside one of `spans`
/// (sorted, disjoint); linear in the sum of both lengths.
pub(crate) fn for_each_inside<T>(spans: &[Span], items: &[T], span_of: impl Fn(&T) -> Span, mut f: impl FnMut(&T)) {
    let mut i = 0;
    for s in spans {
        while i < items.len() && span_of(&items[i]).start < s.start {
            i += 1;
        }
        while i < items.len() && span_of(&items[i]).end <= s.end {
            f(&items[i]);
            i += 1;
        }
    }
}

pub(crate) fn run(doc: &mut Document) {
    let spans = counted_paragraphs(doc);
    let text = doc.text;
    let mut stats = Stats { paragraphs: spans.len(), words_per_minute: WORDS_PER_MINUTE, ..Stats::default() };
    stats.characters = spans.iter().map(|s| text[s.start..s.end].chars().count()).sum();
    for_each_inside(&spans, &doc.words, |w| *w, |w| {
        let word = &text[w.start..w.end];
        let letters = word.chars().filter(|c| c.is_alphanumeric()).count();
        let syllables = syllables::count(word);
        stats.words += 1;
        stats.letters += letters;
        stats.syllables += syllables;
        stats.polysyllables += usize::from(syllables >= 3);
        stats.long_words += usize::from(letters >= 7);
    });
    for_each_inside(&spans, &doc.sentences, |s| s.span, |_| stats.sentences += 1);
    stats.reading_time_minutes = (stats.words as f64 / WORDS_PER_MINUTE * 10.0).round() / 10.0;
    doc.stats = stats;
}
