//! The public result of `analyze`: serde types with camelCase names and UTF-16 spans.
//!
//! Input: a finished [`Document`] (byte spans). Output: an [`Analysis`] whose every span is
//! `{start, end}` in UTF-16 code units of the original input, so that
//! `text.slice(start, end)` in JavaScript returns exactly the text the span names.
//! Offsets are converted through one [`Utf16Map`] built once per document.

use crate::doc::{
    BlockKind, BoilerplateKind, Certainty, Document, EntityKind, HedgeKind, Hedging, Language, LoadedKind, Quote, Readability,
    Sentiment, Source, SourceKind, Sourcing, Span, Stats, TokenKind, Upos, Warning,
};
use crate::Options;
use serde::Serialize;

/// A half-open range `[start, end)` in UTF-16 code units of the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Utf16Span {
    pub start: usize,
    pub end: usize,
}

/// Converts byte offsets of one text into UTF-16 offsets in O(log n) each.
///
/// It records a checkpoint after every non-ASCII character; between checkpoints bytes and
/// UTF-16 units advance together. Pure ASCII text needs no table at all.
pub(crate) struct Utf16Map {
    /// `(byte offset, utf16 offset)` just after each non-ASCII character, ascending.
    checkpoints: Vec<(usize, usize)>,
}

impl Utf16Map {
    pub(crate) fn new(text: &str) -> Utf16Map {
        let mut checkpoints = Vec::new();
        if !text.is_ascii() {
            let mut units = 0;
            for (i, c) in text.char_indices() {
                units += c.len_utf16();
                if !c.is_ascii() {
                    checkpoints.push((i + c.len_utf8(), units));
                }
            }
        }
        Utf16Map { checkpoints }
    }

    /// The UTF-16 offset of a byte offset that lies on a `char` boundary.
    pub(crate) fn offset(&self, byte: usize) -> usize {
        let after = self.checkpoints.partition_point(|&(b, _)| b <= byte);
        match after.checked_sub(1) {
            None => byte,
            Some(i) => {
                let (b, u) = self.checkpoints[i];
                u + (byte - b)
            }
        }
    }

    pub(crate) fn span(&self, span: Span) -> Utf16Span {
        Utf16Span { start: self.offset(span.start), end: self.offset(span.end) }
    }
}

/// Everything `analyze` found in one text.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// The analyzer's version (the crate version).
    pub version: &'static str,
    /// Length of the input in UTF-16 code units (JavaScript's `text.length`).
    pub length: usize,
    pub language: Language,
    pub warnings: Vec<Warning>,
    pub stats: Stats,
    pub readability: Readability,
    pub structure: Structure,
    pub paragraphs: Vec<ParagraphOut>,
    pub sentences: Vec<SentenceOut>,
    /// Present only when `options.tokens` is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub tokens: Option<Vec<TokenOut>>,
    /// Tone of the body: `compound` in [-1, 1] (length-normalised, so it does not saturate on
    /// long texts), the `positive`/`negative`/`neutral` shares of its words' tone, and
    /// `loadedPerThousandWords`, the rate of `loaded` spans per 1,000 words of article text.
    pub sentiment: Sentiment,
    /// Loaded wording outside boilerplate, in text order: `kind` is `sensational`,
    /// `emotional` or `subjective`.
    pub loaded: Vec<LoadedOut>,
    /// The article's key phrases, best first (at most 10).
    pub keyphrases: Vec<KeyphraseOut>,
    /// The sentences that sum up the article, in article order.
    pub summary: Vec<Utf16Span>,
    /// Attributions of words or claims to sources, in text order.
    pub quotes: Vec<QuoteOut>,
    /// The distinct sources cited, in order of first citation.
    pub sources: Vec<SourceOut>,
    /// How many quotes rest on each kind of source.
    pub sourcing: Sourcing,
    /// Words and phrases that make claims less than certain, in text order.
    pub hedges: Vec<HedgeOut>,
    /// How much of the article body is hedged.
    pub hedging: Hedging,
    /// People, organisations, places, dates, money, percentages and quantities.
    pub entities: Vec<EntityOut>,
}

/// One entity: a referent and its mentions.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct EntityOut {
    /// `e1`, `e2`… in order of first mention.
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub mentions: Vec<Utf16Span>,
    /// How central it is to the text, in [0, 1] (1 for the most salient entity).
    pub salience: f64,
    /// For dates, the normalised value where the text fixes one (`2019-04`, `XXXX-04-05`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub value: Option<String>,
    /// For places known to the public lists: `country`, `city` or `region`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub subkind: Option<&'static str>,
    /// The mean tone, in [-1, 1], of the sentences that mention it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub sentiment: Option<f64>,
    /// For people: offices and affiliations from titles and appositions.
    pub roles: Vec<RoleOut>,
    /// For places: adjectives naming them ("Russian"), not counted as mentions.
    pub demonyms: Vec<Utf16Span>,
    /// For dates: true when relative to the time of writing ("yesterday", "last week").
    pub relative: bool,
    /// For relative dates resolved against the dateline: the dateline's date.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub anchor: Option<String>,
}

/// A person's office or affiliation.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RoleOut {
    /// The office as written ("Defense Minister", "spokesman").
    pub title: String,
    /// The organisation's entity name, when the text gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub organization: Option<String>,
    /// The country or place ("Russia" for "Russian").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub place: Option<String>,
    /// The words giving the role.
    pub span: Utf16Span,
}

/// A hedge cue.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct HedgeOut {
    pub start: usize,
    pub end: usize,
    /// `modal`, `speculative`, `adverb`, `weasel` or `vague`.
    pub kind: HedgeKind,
}

/// A span of loaded wording.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LoadedOut {
    pub start: usize,
    pub end: usize,
    pub kind: LoadedKind,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct KeyphraseOut {
    pub text: String,
    /// In (0, 1]; the best phrase has 1.
    pub score: f64,
    /// Where the phrase and its variants occur, in text order.
    pub mentions: Vec<Utf16Span>,
}

/// Where the article is inside the pasted text.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Structure {
    pub title: Option<Utf16Span>,
    pub headings: Vec<Utf16Span>,
    pub byline: Option<Utf16Span>,
    pub dateline: Option<Utf16Span>,
    /// The article's own paragraphs, in order.
    pub body: Vec<Utf16Span>,
    pub boilerplate: Vec<BoilerplateOut>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct BoilerplateOut {
    pub start: usize,
    pub end: usize,
    pub kind: BoilerplateKind,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ParagraphOut {
    pub start: usize,
    pub end: usize,
    /// `title`, `heading`, `byline`, `dateline`, `body` or `boilerplate`.
    pub kind: &'static str,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SentenceOut {
    pub start: usize,
    pub end: usize,
    /// Index into `paragraphs`.
    pub paragraph: usize,
    /// True when the sentence belongs to the article body.
    pub in_body: bool,
    /// Tone of the sentence, a compound in [-1, 1].
    pub sentiment: f64,
    /// `high` (no hedge), `medium` (one) or `low` (more).
    pub certainty: Certainty,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct TokenOut {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub pos: Option<Upos>,
}

/// Words or claims attributed to a source.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct QuoteOut {
    /// What is attributed.
    pub content: Utf16Span,
    /// Who says it, as written at that place; null when not named there.
    pub source: Option<Utf16Span>,
    /// The verb or phrase that attributes it.
    pub cue: Option<Utf16Span>,
    /// True when the content sits in quotation marks.
    pub direct: bool,
    /// The name the source resolves to ("John Kirby" for "he"), when one is known.
    pub speaker: Option<SpeakerOut>,
}

/// The earlier name mention a source refers to.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SpeakerOut {
    pub start: usize,
    pub end: usize,
    /// The name's text, spaces normalized.
    pub name: String,
    /// The id (`e3`) of the entity the speaker is, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub entity: Option<String>,
}

/// One distinct source and the quotes citing it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct SourceOut {
    /// The source's fullest mention: `start`/`end` span it, `name` is its text.
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub kind: SourceKind,
    /// The office or job given with a person ("spokesman").
    pub role: Option<Utf16Span>,
    /// Indices into `quotes`.
    pub quotes: Vec<usize>,
}

fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn source_out(doc: &Document, map: &Utf16Map, s: &Source) -> SourceOut {
    let u = map.span(s.name);
    SourceOut { start: u.start, end: u.end, name: normalized(doc.text_of(s.name)), kind: s.kind, role: s.role.map(|r| map.span(r)), quotes: s.quotes.clone() }
}

fn quote_out(doc: &Document, map: &Utf16Map, q: &Quote) -> QuoteOut {
    QuoteOut {
        content: map.span(q.content),
        source: q.source.map(|s| map.span(s)),
        cue: q.cue.map(|s| map.span(s)),
        direct: q.direct,
        speaker: q.speaker.map(|s| {
            let u = map.span(s);
            SpeakerOut { start: u.start, end: u.end, name: normalized(doc.text_of(s)), entity: q.speaker_entity.map(entity_id) }
        }),
    }
}

/// The id of the entity at an index of `Document::entities`.
fn entity_id(index: usize) -> String {
    format!("e{}", index + 1)
}

fn block_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Title => "title",
        BlockKind::Heading => "heading",
        BlockKind::Byline => "byline",
        BlockKind::Dateline => "dateline",
        BlockKind::Body => "body",
        BlockKind::Boilerplate(_) => "boilerplate",
    }
}

fn structure(doc: &Document, map: &Utf16Map) -> Structure {
    let mut out = Structure::default();
    for p in &doc.paragraphs {
        let span = map.span(p.span);
        match p.kind {
            BlockKind::Title if out.title.is_none() => out.title = Some(span),
            BlockKind::Title | BlockKind::Heading => out.headings.push(span),
            BlockKind::Byline if out.byline.is_none() => out.byline = Some(span),
            BlockKind::Dateline if out.dateline.is_none() => out.dateline = Some(span),
            BlockKind::Byline | BlockKind::Dateline => {}
            BlockKind::Body => out.body.push(span),
            BlockKind::Boilerplate(kind) => out.boilerplate.push(BoilerplateOut { start: span.start, end: span.end, kind }),
        }
    }
    out
}

/// The summary: as many of the best-ranked sentences as the options ask for, in text order.
fn summary(doc: &Document, options: &Options, map: &Utf16Map) -> Vec<Utf16Span> {
    let count = match options.summary_ratio {
        Some(ratio) => (ratio.clamp(0.0, 1.0) * doc.sentences.iter().filter(|s| doc.in_body(s)).count() as f64).ceil() as usize,
        None => options.summary_sentences.unwrap_or(3),
    };
    let mut picked: Vec<usize> = doc.summary_ranking.iter().take(count).copied().collect();
    picked.sort_unstable();
    picked.iter().filter_map(|&i| doc.sentences.get(i)).map(|s| map.span(s.span)).collect()
}

/// Builds the public result from a finished document.
pub(crate) fn build(doc: Document, options: &Options) -> Analysis {
    let with_tokens = options.tokens;
    let map = Utf16Map::new(doc.text);
    let structure = structure(&doc, &map);
    let paragraphs = doc
        .paragraphs
        .iter()
        .map(|p| {
            let s = map.span(p.span);
            ParagraphOut { start: s.start, end: s.end, kind: block_name(p.kind) }
        })
        .collect();
    let sentences = doc
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let u = map.span(s.span);
            let certainty = doc.certainty.get(i).copied().unwrap_or_default();
            let sentiment = doc.sentiment.sentences.get(i).copied().unwrap_or(0.0);
            SentenceOut { start: u.start, end: u.end, paragraph: s.paragraph, in_body: doc.in_body(s), sentiment, certainty }
        })
        .collect();
    let tokens = with_tokens.then(|| {
        doc.tokens
            .iter()
            .map(|t| {
                let s = map.span(t.span);
                TokenOut { start: s.start, end: s.end, kind: t.kind, pos: t.pos }
            })
            .collect()
    });
    let loaded = doc
        .sentiment
        .loaded
        .iter()
        .map(|l| {
            let s = map.span(l.span);
            LoadedOut { start: s.start, end: s.end, kind: l.kind }
        })
        .collect();
    let keyphrases = doc
        .keyphrases
        .iter()
        .map(|k| KeyphraseOut {
            text: k.text.clone(),
            score: k.score,
            mentions: k.mentions.iter().map(|&m| map.span(m)).collect(),
        })
        .collect();
    let summary = summary(&doc, options, &map);
    let quotes = doc.quotes.iter().map(|q| quote_out(&doc, &map, q)).collect();
    let sources = doc.sources.iter().map(|s| source_out(&doc, &map, s)).collect();
    let hedges = doc
        .hedges
        .iter()
        .map(|h| {
            let u = map.span(h.span);
            HedgeOut { start: u.start, end: u.end, kind: h.kind }
        })
        .collect();
    let entities = doc
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| EntityOut {
            id: entity_id(i),
            name: e.name.clone(),
            kind: e.kind,
            mentions: e.mentions.iter().map(|&m| map.span(m)).collect(),
            salience: e.salience,
            value: e.value.clone(),
            subkind: e.subkind,
            sentiment: e.sentiment,
            roles: e
                .roles
                .iter()
                .map(|r| RoleOut { title: r.title.clone(), organization: r.organization.clone(), place: r.place.clone(), span: map.span(r.span) })
                .collect(),
            demonyms: e.demonyms.iter().map(|&d| map.span(d)).collect(),
            relative: e.relative,
            anchor: e.anchor.clone(),
        })
        .collect();
    Analysis {
        version: env!("CARGO_PKG_VERSION"),
        length: map.offset(doc.text.len()),
        language: doc.language,
        warnings: doc.warnings,
        stats: doc.stats,
        readability: doc.readability,
        structure,
        paragraphs,
        sentences,
        tokens,
        sentiment: doc.sentiment.document,
        loaded,
        keyphrases,
        summary,
        quotes,
        sources,
        sourcing: doc.sourcing,
        hedges,
        hedging: doc.hedging,
        entities,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn js_len(s: &str) -> usize {
        s.encode_utf16().count()
    }

    #[test]
    fn ascii_offsets_are_identity() {
        let map = Utf16Map::new("hello world");
        assert_eq!(map.offset(0), 0);
        assert_eq!(map.offset(5), 5);
        assert_eq!(map.offset(11), 11);
    }

    #[test]
    fn every_boundary_matches_encode_utf16() {
        let text = "héllo wörld\r\nfoo 😀bar 漢字 e\u{301}x 👩‍👩‍👧 end";
        let map = Utf16Map::new(text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(map.offset(i), js_len(&text[..i]), "byte {i}");
        }
    }
}
