//! Statistics stage: counts over the article body.
//!
//! Reads: paragraphs (kinds), words, sentences. Writes: `stats`. When the structure stage
//! found no body (a lone heading, a list of headlines), the counts cover every paragraph
//! that is not boilerplate, so that a single word or line still gets its counts. One pass
//! over the words and one over the sentences: linear in the size of the text.

use crate::doc::{BlockKind, Document, Sentence, Span, Stats};
use crate::stages::syllables;
use crate::hash::FastMap;
use crate::text::{is_closing, is_terminal};

/// Silent reading rate of adults for non-fiction, in words per minute: Brysbaert (2019),
/// "How many words do we read per minute? A review and meta-analysis of reading rate",
/// Journal of Memory and Language 109, 104047.
pub(crate) const WORDS_PER_MINUTE: f64 = 238.0;

/// A long word, as in Björnsson's LIX: more than six letters.
const LONG_WORD_LETTERS: usize = 7;

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

/// Says, for words visited in text order, whether each is the first of its sentence.
struct SentenceStarts<'a> {
    sentences: &'a [Sentence],
    next: usize,
    last: Option<usize>,
}

impl SentenceStarts<'_> {
    /// Some(true) for the first word of a sentence, Some(false) for the others, None for a
    /// word outside every sentence.
    fn is_first(&mut self, word: Span) -> Option<bool> {
        while self.sentences.get(self.next).is_some_and(|s| s.span.end <= word.start) {
            self.next += 1;
        }
        let inside = self.sentences.get(self.next).is_some_and(|s| s.span.start <= word.start);
        if !inside {
            return None;
        }
        let first = self.last != Some(self.next);
        self.last = Some(self.next);
        Some(first)
    }
}

/// A "hard word" of Gunning (1952), "The Technique of Clear Writing" (ch. 2): three or more
/// syllables, but not
/// - a proper noun (taken to be a capitalised word that does not open a sentence; one that
///   opens a sentence is counted, since nothing tells it from a common word);
/// - a compound of short words: a hyphenated word none of whose parts has three syllables
///   ("well-being"; closed compounds such as "bookkeeper" are not recognised);
/// - a word made three syllables by a syllabic -ed, -es or -ing ("created", "promises",
///   "repeating"; "developed" keeps its three syllables without the ending and counts).
fn is_complex(word: &str, syllables: usize, opens_sentence: bool) -> bool {
    const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];
    if syllables < 3 || (word.starts_with(char::is_uppercase) && !opens_sentence) {
        return false;
    }
    if word.contains(HYPHENS) {
        return word.split(HYPHENS).any(|part| syllables::count(part) >= 3);
    }
    syllables - usize::from(has_syllabic_ending(word)) >= 3
}

/// An inflection that adds a syllable: -ing; -ed after t or d ("wanted"); -es after a
/// sibilant: s, x, z, ch, sh, or c and g as in "-ces", "-ges" ("boxes", "changes").
fn has_syllabic_ending(word: &str) -> bool {
    let lower = word.to_lowercase();
    let before = |suffix: &str| lower.strip_suffix(suffix).filter(|stem| stem.len() >= 2);
    if before("ing").is_some() {
        return true;
    }
    if let Some(stem) = before("ed") {
        return stem.ends_with(['t', 'd']);
    }
    before("es").is_some_and(|stem| stem.ends_with(['s', 'x', 'z', 'c', 'g']) || stem.ends_with("ch") || stem.ends_with("sh"))
}

/// True when sentence `this` goes on with sentence `prev` (the last one before it with a
/// word), as the readability formulas count sentences. Flesch's counting rules (R. Flesch,
/// "How to Write Plain English", 1979, step 3) count "each full unit of speech marked off
/// by a period, colon, semicolon, dash, question mark or exclamation point" and disregard
/// "colons, semicolons, dashes or initial capitals within a sentence". So a sentence goes
/// on after one that ends with a colon ("He said:" / a quote on the next line), and, in the
/// same paragraph, after one that ends without a full stop, question or exclamation mark:
/// the sentence stage may cut where no mark is ("He said, This is…" with the quotation
/// marks lost, "The Manchester / United manager…", "On 21 June – the day of yoga – Modi…").
fn continues(text: &str, sentences: &[Sentence], prev: Option<usize>, this: usize) -> bool {
    let (Some(prev), Some(this)) = (prev.and_then(|p| sentences.get(p)), sentences.get(this)) else { return false };
    let end = text[prev.span.start..prev.span.end].trim_end().trim_end_matches(is_closing);
    end.ends_with(':') || (prev.paragraph == this.paragraph && !end.ends_with(is_terminal))
}

pub(crate) fn run(doc: &mut Document) {
    let spans = counted_paragraphs(doc);
    let text = doc.text;
    let mut stats = Stats { paragraphs: spans.len(), words_per_minute: WORDS_PER_MINUTE, ..Stats::default() };
    stats.characters = spans.iter().map(|s| text[s.start..s.end].chars().count()).sum();
    let mut starts = SentenceStarts { sentences: &doc.sentences, next: 0, last: None };
    // Words repeat (a news article uses each distinct word about three times): count each once.
    let mut memo: FastMap<&str, usize> = FastMap::default();
    for_each_inside(&spans, &doc.words, |w| *w, |&w| {
        let word = &text[w.start..w.end];
        let letters = word.chars().filter(|c| c.is_alphanumeric()).count();
        let syllables = *memo.entry(word).or_insert_with(|| syllables::count(word));
        let prev = starts.last;
        let first = starts.is_first(w);
        // Sentences are counted by their first word: a "sentence" without words (a lone
        // dash, a row of asterisks) would only make the others look shorter; nor is one that
        // continues the sentence before it (`continues`).
        stats.sentences += usize::from(first == Some(true) && !continues(text, &doc.sentences, prev, starts.next));
        stats.words += 1;
        stats.letters += letters;
        stats.syllables += syllables;
        stats.polysyllables += usize::from(syllables >= 3);
        stats.complex_words += usize::from(is_complex(word, syllables, first != Some(false)));
        stats.long_words += usize::from(letters >= LONG_WORD_LETTERS);
    });
    stats.reading_time_minutes = (stats.words as f64 / WORDS_PER_MINUTE * 10.0).round() / 10.0;
    doc.stats = stats;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Paragraph;
    use crate::pipeline;

    #[test]
    fn gunning_hard_words() {
        // (word, opens a sentence, hard)
        let cases: &[(&str, bool, bool)] = &[
            ("government", false, true),
            ("Government", true, true),    // capitalised only because it opens the sentence
            ("Washington", false, false),  // proper noun
            ("NATO's", false, false),      // proper noun
            ("created", false, false),     // cre-at-ed: -ed makes the third syllable
            ("promises", false, false),    // prom-is-es
            ("repeating", false, false),   // re-peat-ing
            ("considering", false, true),  // con-sid-er without -ing still has three
            ("developed", false, true),    // the -ed adds no syllable
            ("complicated", false, true),  // com-pli-cat-ed: three without -ed
            ("interested", false, false),  // in-trest-ed (CMU)
            ("well-being", false, false),  // compound of short words
            ("anti-government", false, true),
            ("table", false, false),       // two syllables
            ("", false, false),
        ];
        for &(word, opens, hard) in cases {
            assert_eq!(is_complex(word, syllables::count(word), opens), hard, "{word}");
        }
    }

    #[test]
    fn counts_a_small_text() {
        let doc = pipeline::run("The committee approved the plan. Officials in Washington celebrated.");
        let s = &doc.stats;
        assert_eq!((s.words, s.sentences, s.paragraphs), (9, 2, 1));
        // com-mit-tee, ap-proved, of-fi-cials, wash-ing-ton, cel-e-brat-ed
        assert_eq!(s.syllables, 1 + 3 + 2 + 1 + 1 + 3 + 1 + 3 + 4);
        assert_eq!(s.polysyllables, 4);
        // Washington is a proper noun; celebrated is "celebrate" plus a syllabic -ed (3).
        assert_eq!(s.complex_words, 3);
        assert_eq!(s.long_words, 5);
        assert_eq!(s.letters, "Thecommitteeapprovedtheplan".len() + "OfficialsinWashingtoncelebrated".len());
        assert_eq!(s.characters, 68);
        assert_eq!(s.reading_time_minutes, 0.0);
    }

    #[test]
    fn a_single_word_is_counted() {
        let doc = pipeline::run("information");
        assert_eq!((doc.stats.words, doc.stats.syllables), (1, 4));
    }

    #[test]
    fn sentence_starts_follow_the_sentences() {
        let doc = pipeline::run("Big news. Small news today.");
        let mut starts = SentenceStarts { sentences: &doc.sentences, next: 0, last: None };
        let firsts: Vec<Option<bool>> = doc.words.iter().map(|&w| starts.is_first(w)).collect();
        assert_eq!(firsts, [Some(true), Some(false), Some(true), Some(false), Some(false)]);
        let mut none = SentenceStarts { sentences: &[], next: 0, last: None };
        assert_eq!(none.is_first(Span::new(0, 3)), None);
    }

    #[test]
    fn a_sentence_after_a_colon_continues_it() {
        let text = "The minister said:\nWe will build the dam this year. Work starts in May.";
        let mut doc = crate::pipeline::run_before(text, "stats");
        run(&mut doc);
        assert_eq!(doc.stats.sentences, 2);
    }

    #[test]
    fn a_sentence_cut_without_a_stop_continues() {
        // (text, sentence ends, paragraph of each sentence, sentences counted)
        let cases: &[(&str, &[usize], &[usize], usize)] = &[
            ("He said, This is new. Then we left.", &[8, 21, 35], &[0, 0, 0], 2),
            ("On 21 June – the day – Modi spoke. Then he left.", &[26, 38, 52], &[0, 0, 0], 2),
            ("“We won.” Then we left.", &[13, 27], &[0, 0], 2),
            ("Wait… Then we left.", &[7, 21], &[0, 0], 2),
            // A heading, or a line of its own, stays a sentence.
            ("Jet lag\nThe world is divided into zones.", &[7, 40], &[0, 1], 2),
        ];
        for &(text, ends, paragraphs, want) in cases {
            let mut doc = Document::new(text);
            doc.paragraphs = vec![Paragraph { span: Span::new(0, text.len()), kind: BlockKind::Body }];
            crate::stages::tokens::run(&mut doc);
            let mut start = 0;
            for (&end, &paragraph) in ends.iter().zip(paragraphs) {
                doc.sentences.push(Sentence { span: Span::new(start, end), tokens: 0..0, paragraph });
                start = text[end..].find(|c: char| !c.is_whitespace()).map_or(end, |k| end + k);
            }
            run(&mut doc);
            assert_eq!(doc.stats.sentences, want, "{text}");
        }
    }

    #[test]
    fn sentences_without_words_are_not_counted() {
        let text = "First point here. * * * Second point here.";
        let mut doc = Document::new(text);
        doc.paragraphs = vec![Paragraph { span: Span::new(0, text.len()), kind: BlockKind::Body }];
        crate::stages::tokens::run(&mut doc);
        let sentence = |start, end| Sentence { span: Span::new(start, end), tokens: 0..0, paragraph: 0 };
        doc.sentences = vec![sentence(0, 17), sentence(18, 23), sentence(24, text.len())];
        run(&mut doc);
        assert_eq!((doc.stats.sentences, doc.stats.words), (2, 6));
    }
}
