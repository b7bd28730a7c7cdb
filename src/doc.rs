//! The document model: the original text and the layers of spans that stages add to it.
//!
//! A [`Document`] owns nothing but borrowed input text and plain vectors of layers. Every
//! span inside the crate is a half-open range of **UTF-8 byte** offsets into
//! [`Document::text`], always on `char` boundaries; conversion to the UTF-16 offsets that
//! JavaScript expects happens once, at the edge, in `output.rs`.
//!
//! Layers, in the order the pipeline fills them:
//! - `paragraphs`: blocks of text separated by line breaks (a line broken inside a sentence
//!   is joined back), each later given a [`BlockKind`] by the structure stage;
//! - `tokens`: words, numbers, punctuation, URLs… (Universal Dependencies boundaries);
//! - `words`: readability words (“long-term” and “Jong-Un” are one word);
//! - `sentences`: never crossing a paragraph boundary;
//! - `language`, `stats`, `readability`: document-level results;
//! - `entities`: people, organisations, places, dates, money, percentages, quantities;
//! - `sentiment`: tone of the document and of each sentence, and loaded-language spans;
//! - `keyphrases`: the article's key phrases, best first, with their mentions;
//! - `summary_ranking`: body sentences that sum up the article, best first.
//! - `quotes`, `sources`: who is quoted, with what cue, and the distinct sources cited;
//! - `hedges`, `certainty`: hedge cues and a certainty level per sentence.

use serde::Serialize;
use std::ops::Range;

/// A half-open byte range `[start, end)` into the document text, on `char` boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// What a token is, as the tokenizer saw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
    Url,
    Email,
    Hashtag,
    Mention,
    Emoji,
}

/// A Universal Dependencies part-of-speech tag (set by the tagger when there is one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "UPPERCASE")]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    pub pos: Option<Upos>,
}

/// What a paragraph is within the page the reader pasted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum BlockKind {
    Title,
    Heading,
    Byline,
    Dateline,
    Body,
    Boilerplate(BoilerplateKind),
}

/// Why a paragraph is not part of the article itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum BoilerplateKind {
    /// A list of headlines of other articles.
    RelatedHeadlines,
    /// "Read more", "Continue reading", "Click here".
    ReadMore,
    Advertisement,
    /// Share, follow and comment prompts.
    Share,
    /// Subscribe, sign up, newsletter prompts.
    Subscribe,
    /// Photo captions and credits.
    Caption,
    /// Menus and navigation links.
    Navigation,
    /// Copyright lines, legal and contact links, cookie notices.
    Footer,
    /// Timestamps, tags and other page furniture.
    Metadata,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    pub kind: BlockKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Indices into `Document::tokens` of the tokens inside this sentence.
    pub tokens: Range<usize>,
    /// Index into `Document::paragraphs` of the paragraph holding this sentence.
    pub paragraph: usize,
}

/// The detected language of the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Language {
    /// ISO 639-1 code, or `"und"` when undetermined.
    pub code: &'static str,
    /// In [0, 1].
    pub confidence: f64,
}

/// Something the reader should know about how the text was analysed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Warning {
    /// A stable machine-readable code, e.g. `"tooShort"`.
    pub code: &'static str,
    pub message: String,
}

/// Counts over the article body.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Stats {
    /// Characters (Unicode scalar values) of the body, whitespace included.
    pub characters: usize,
    /// Letters and digits of the body's words.
    pub letters: usize,
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
    pub syllables: usize,
    /// Words of three or more syllables.
    pub polysyllables: usize,
    /// Gunning's "hard words" (fog index): polysyllables other than proper nouns, hyphenated
    /// compounds of shorter words, and words made three syllables by -ed, -es or -ing.
    pub complex_words: usize,
    /// Words of seven or more letters.
    pub long_words: usize,
    /// Minutes, at `wordsPerMinute`.
    pub reading_time_minutes: f64,
    pub words_per_minute: f64,
}

/// Readability scores of the body; `None` when the text is too short for the formula.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Readability {
    pub flesch_reading_ease: Option<f64>,
    pub flesch_kincaid_grade: Option<f64>,
    pub gunning_fog: Option<f64>,
    pub smog: Option<f64>,
    pub coleman_liau: Option<f64>,
    pub automated_readability_index: Option<f64>,
}

/// What kind of thing a named entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum EntityKind {
    Person,
    Organization,
    Location,
    Date,
    Money,
    Percent,
    Quantity,
}

/// One real-world referent and the places the text mentions it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// How the text names it: its first mention as written (for a person, the fullest name).
    pub name: String,
    pub kind: EntityKind,
    /// In text order.
    pub mentions: Vec<Span>,
    /// How central it is to the text, in [0, 1] (1 for the most salient entity).
    pub salience: f64,
    /// For dates, the normalised value where the text fixes one (`2019-04`, `XXXX-04-05`).
    pub value: Option<String>,
    /// For places known to the public lists: `country`, `city` or `region`.
    pub subkind: Option<&'static str>,
    /// The mean tone of the sentences that mention it (set by the sentiment stage).
    pub sentiment: Option<f64>,
    /// Offices and affiliations the text gives a person ("Defense Minister" of Russia).
    pub roles: Vec<Role>,
    /// For places: adjectives that name them ("Russian", "North Korean"), in text order. Kept
    /// apart from `mentions`: they point at the place without naming it.
    pub demonyms: Vec<Span>,
    /// For dates: true when the expression is relative to when it was written ("yesterday",
    /// "on Tuesday", "last week").
    pub relative: bool,
    /// For relative dates resolved against the article's dateline: the dateline's date (the
    /// resolved date is then in `value`).
    pub anchor: Option<String>,
}

impl Entity {
    /// An entity with no mention yet and every optional field empty.
    pub fn new(name: &str, kind: EntityKind) -> Entity {
        Entity {
            name: name.to_string(),
            kind,
            mentions: Vec::new(),
            salience: 0.0,
            value: None,
            subkind: None,
            sentiment: None,
            roles: Vec::new(),
            demonyms: Vec::new(),
            relative: false,
            anchor: None,
        }
    }
}

/// An office or affiliation given with a person, from a title ("Russian Defense Minister
/// Sergei Shoigu") or an apposition ("Kirby, a spokesman for the NSC,").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// The office as written, spaces normalised ("Defense Minister", "spokesman").
    pub title: String,
    /// The organisation the office belongs to, by the name of its entity.
    pub organization: Option<String>,
    /// The country or place the office belongs to ("Russia" for "Russian").
    pub place: Option<String>,
    /// The words that give the role, title and affiliation.
    pub span: Span,
}

/// The tone of the article body (sentiment stage).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Sentiment {
    /// In [-1, 1]; does not grow with length (a paragraph repeated ten times keeps its score).
    pub compound: f64,
    /// Shares of the words' tone that are positive, negative and neutral (they sum to 1).
    pub positive: f64,
    pub negative: f64,
    pub neutral: f64,
    /// Loaded-language spans per 1,000 words of the article (title, headings and body).
    pub loaded_per_thousand_words: f64,
}

/// What makes a span loaded language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum LoadedKind {
    /// Hype and drama: "bombshell", "slams", "stern warning".
    Sensational,
    /// Emotionally charged: "genocide", "brutal".
    Emotional,
    /// Opinion markers and subjective intensifiers: "clearly", "so-called".
    Subjective,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub span: Span,
    pub kind: LoadedKind,
}

/// The sentiment stage's layer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SentimentLayer {
    pub document: Sentiment,
    /// Compound in [-1, 1] of each sentence, indexed like `Document::sentences` (the tone of
    /// an entity is the mean over the sentences that mention it).
    pub sentences: Vec<f64>,
    /// Loaded wording, in text order, outside boilerplate.
    pub loaded: Vec<Loaded>,
}

/// A key phrase of the article and every place where it (or a variant of it) occurs.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyphrase {
    /// The phrase as most often written in the article.
    pub text: String,
    /// In (0, 1]; the best phrase has 1.
    pub score: f64,
    /// Spans of its occurrences in the title and body, in text order.
    pub mentions: Vec<Span>,
}

/// Words or claims attributed to a source (quotes stage).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// What is attributed: a quotation (marks included) or reported speech.
    pub content: Span,
    /// Who says it, as written at that place ("he", "an unnamed US official").
    pub source: Option<Span>,
    /// The verb or phrase that attributes it ("said", "according to").
    pub cue: Option<Span>,
    /// True when the content is a quotation in quotation marks.
    pub direct: bool,
    /// The fullest earlier name mention the source refers to ("John Kirby" for "he").
    pub speaker: Option<Span>,
    /// Index into `Document::entities` of the entity the speaker is, when there is one.
    pub speaker_entity: Option<usize>,
}

/// What kind of source a quote cites.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum SourceKind {
    Person,
    Organization,
    Outlet,
    Anonymous,
    Document,
    /// A pronoun or phrase that could not be resolved ("it", "they").
    Unknown,
}

/// One distinct source and the quotes that cite it (sources stage).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The fullest mention of the source (the speaker's name, or the source text).
    pub name: Span,
    pub kind: SourceKind,
    /// The office or job given with a person ("spokesman"), when there is one.
    pub role: Option<Span>,
    /// Indices into `Document::quotes`, ascending.
    pub quotes: Vec<usize>,
}

/// How many quotes rest on each kind of source.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Sourcing {
    /// Quotes from named people and organizations.
    pub named: usize,
    pub anonymous: usize,
    pub outlet: usize,
    pub document: usize,
    /// Quotes whose source could not be classified ("it", "they").
    pub unknown: usize,
    /// Quotes with no source named where they stand.
    pub unattributed: usize,
}

/// What kind of hedge a cue is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum HedgeKind {
    /// Epistemic modal verbs: might, could, may.
    Modal,
    /// Verbs and phrases of speculation: suggests, appears, believed to.
    Speculative,
    /// Adverbs and adjectives of likelihood: potentially, reportedly, likely.
    Adverb,
    /// Vague attributions and generalizations: some say, it is thought, widely regarded.
    Weasel,
    /// Vague quantifiers learned from Wikipedia weasel sentences (many, some, several):
    /// shown, but not counted against a sentence's certainty.
    Vague,
}

impl HedgeKind {
    /// The kind's name as it appears in the output.
    pub fn name(self) -> &'static str {
        match self {
            HedgeKind::Modal => "modal",
            HedgeKind::Speculative => "speculative",
            HedgeKind::Adverb => "adverb",
            HedgeKind::Weasel => "weasel",
            HedgeKind::Vague => "vague",
        }
    }
}

/// A word or phrase that makes a claim less than certain (hedges stage).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hedge {
    pub span: Span,
    pub kind: HedgeKind,
}

/// How firmly a sentence states its claim (vague quantifiers aside).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Certainty {
    /// No hedge.
    #[default]
    High,
    /// One hedge.
    Medium,
    /// Two or more hedges.
    Low,
}

/// How much of the article body is hedged.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Hedging {
    /// Body sentences with at least one hedge other than a vague quantifier.
    pub hedged_sentences: usize,
    /// Body sentences.
    pub sentences: usize,
    /// `hedged_sentences / sentences` (0 when there are none), rounded to 3 decimals.
    pub share: f64,
}

/// The original text and every layer the stages have added.
#[derive(Clone, Debug)]
pub struct Document<'t> {
    pub text: &'t str,
    pub paragraphs: Vec<Paragraph>,
    pub tokens: Vec<Token>,
    pub words: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub language: Language,
    /// Whether the English-only stages run: false for text long enough to be sure it is in
    /// another language (set by the language stage).
    pub english: bool,
    pub stats: Stats,
    pub readability: Readability,
    pub warnings: Vec<Warning>,
    pub sentiment: SentimentLayer,
    pub keyphrases: Vec<Keyphrase>,
    /// Indices into `sentences` of body sentences, best summary sentence first; none says
    /// nearly the same as one before it. At most `summary::MAX_SENTENCES` long.
    pub summary_ranking: Vec<usize>,
    pub quotes: Vec<Quote>,
    pub sources: Vec<Source>,
    pub sourcing: Sourcing,
    pub hedges: Vec<Hedge>,
    /// Per sentence (same indices as `sentences`), set by the hedges stage.
    pub certainty: Vec<Certainty>,
    pub hedging: Hedging,
    /// Named entities and numeric expressions, in order of first mention.
    pub entities: Vec<Entity>,
}

impl<'t> Document<'t> {
    pub fn new(text: &'t str) -> Document<'t> {
        Document {
            text,
            paragraphs: Vec::new(),
            tokens: Vec::new(),
            words: Vec::new(),
            sentences: Vec::new(),
            language: Language { code: "und", confidence: 0.0 },
            english: true,
            stats: Stats::default(),
            readability: Readability::default(),
            warnings: Vec::new(),
            sentiment: SentimentLayer::default(),
            keyphrases: Vec::new(),
            summary_ranking: Vec::new(),
            quotes: Vec::new(),
            sources: Vec::new(),
            sourcing: Sourcing::default(),
            hedges: Vec::new(),
            certainty: Vec::new(),
            hedging: Hedging::default(),
            entities: Vec::new(),
        }
    }

    /// The text of a span.
    pub fn text_of(&self, span: Span) -> &'t str {
        &self.text[span.start..span.end]
    }

    pub fn warn(&mut self, code: &'static str, message: impl Into<String>) {
        self.warnings.push(Warning { code, message: message.into() });
    }

    /// The paragraphs that make up the article body.
    pub fn body_paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.paragraphs.iter().filter(|p| p.kind == BlockKind::Body)
    }

    /// True when the sentence lies in a body paragraph.
    pub fn in_body(&self, sentence: &Sentence) -> bool {
        self.paragraphs
            .get(sentence.paragraph)
            .is_some_and(|p| p.kind == BlockKind::Body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_relations() {
        let a = Span::new(2, 8);
        assert!(a.contains(Span::new(2, 8)));
        assert!(a.contains(Span::new(3, 5)));
        assert!(!a.contains(Span::new(1, 5)));
        assert!(a.overlaps(Span::new(7, 9)));
        assert!(!a.overlaps(Span::new(8, 9)));
        assert_eq!(a.len(), 6);
        assert!(Span::new(4, 4).is_empty());
    }

    #[test]
    fn text_of_returns_the_slice() {
        let doc = Document::new("héllo world");
        assert_eq!(doc.text_of(Span::new(0, 6)), "héllo");
    }
}
