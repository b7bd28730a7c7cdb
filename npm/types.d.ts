// TypeScript declarations of article-analyzer's options and results.
// GENERATED from the Rust types by `cargo run --features typescript --bin gen-types`; do not edit.
// Offsets (`start`, `end`) are UTF-16 code units: `text.slice(start, end)` is the span's text.

/**
 * What to include in the analysis. Every field is optional in JSON.
 */
export type Options = { 
/**
 * Add the token layer (`tokens[]`) to the output.
 */
tokens: boolean, 
/**
 * How many sentences `summary[]` has (default 3; at most 100).
 */
summarySentences: number | null, 
/**
 * The summary's share of the body sentences, in [0, 1], rounded up; overrides
 * `summarySentences` when given (at most 100 sentences all the same).
 */
summaryRatio: number | null, };

/**
 * Everything `analyze` found in one text.
 */
export type Analysis = { 
/**
 * The analyzer's version (the crate version).
 */
version: string, 
/**
 * Length of the input in UTF-16 code units (JavaScript's `text.length`).
 */
length: number, language: Language, warnings: Array<Warning>, stats: Stats, readability: Readability, structure: Structure, paragraphs: Array<ParagraphOut>, sentences: Array<SentenceOut>, 
/**
 * Present only when `options.tokens` is set.
 */
tokens?: Array<TokenOut>, 
/**
 * Tone of the body: `compound` in [-1, 1] (length-normalised, so it does not saturate on
 * long texts), the `positive`/`negative`/`neutral` shares of its words' tone, and
 * `loadedPerThousandWords`, the rate of `loaded` spans per 1,000 words of article text.
 */
sentiment: Sentiment, 
/**
 * Loaded wording outside boilerplate, in text order: `kind` is `sensational`,
 * `emotional` or `subjective`.
 */
loaded: Array<LoadedOut>, 
/**
 * The article's key phrases, best first (at most 10).
 */
keyphrases: Array<KeyphraseOut>, 
/**
 * The sentences that sum up the article, in article order.
 */
summary: Array<Utf16Span>, 
/**
 * Attributions of words or claims to sources, in text order.
 */
quotes: Array<QuoteOut>, 
/**
 * The distinct sources cited, in order of first citation.
 */
sources: Array<SourceOut>, 
/**
 * How many quotes rest on each kind of source.
 */
sourcing: Sourcing, 
/**
 * Words and phrases that make claims less than certain, in text order.
 */
hedges: Array<HedgeOut>, 
/**
 * How much of the article body is hedged.
 */
hedging: Hedging, 
/**
 * People, organisations, places, dates, money, percentages and quantities.
 */
entities: Array<EntityOut>, };

/**
 * A half-open range `[start, end)` in UTF-16 code units of the input.
 */
export type Utf16Span = { start: number, end: number, };

/**
 * The detected language of the text.
 */
export type Language = { 
/**
 * ISO 639-1 code, or `"und"` when undetermined.
 */
code: string, 
/**
 * In [0, 1].
 */
confidence: number, };

/**
 * Something the reader should know about how the text was analysed.
 */
export type Warning = { 
/**
 * A stable machine-readable code, e.g. `"tooShort"`.
 */
code: string, message: string, };

/**
 * Counts over the article body.
 */
export type Stats = { 
/**
 * Characters (Unicode scalar values) of the body, whitespace included.
 */
characters: number, 
/**
 * Letters and digits of the body's words.
 */
letters: number, words: number, sentences: number, paragraphs: number, syllables: number, 
/**
 * Words of three or more syllables.
 */
polysyllables: number, 
/**
 * Gunning's "hard words" (fog index): polysyllables other than proper nouns, hyphenated
 * compounds of shorter words, and words made three syllables by -ed, -es or -ing.
 */
complexWords: number, 
/**
 * Words of seven or more letters.
 */
longWords: number, 
/**
 * Minutes, at `wordsPerMinute`.
 */
readingTimeMinutes: number, wordsPerMinute: number, };

/**
 * Readability scores of the body; `None` when the text is too short for the formula.
 */
export type Readability = { fleschReadingEase: number | null, fleschKincaidGrade: number | null, gunningFog: number | null, smog: number | null, colemanLiau: number | null, automatedReadabilityIndex: number | null, };

/**
 * Where the article is inside the pasted text.
 */
export type Structure = { title: Utf16Span | null, headings: Array<Utf16Span>, byline: Utf16Span | null, dateline: Utf16Span | null, 
/**
 * The article's own paragraphs, in order.
 */
body: Array<Utf16Span>, boilerplate: Array<BoilerplateOut>, };

export type BoilerplateOut = { start: number, end: number, kind: BoilerplateKind, };

/**
 * Why a paragraph is not part of the article itself.
 */
export type BoilerplateKind = "relatedHeadlines" | "readMore" | "advertisement" | "share" | "subscribe" | "caption" | "navigation" | "footer" | "metadata";

export type ParagraphOut = { start: number, end: number, 
/**
 * `title`, `heading`, `byline`, `dateline`, `body` or `boilerplate`.
 */
kind: string, };

export type SentenceOut = { start: number, end: number, 
/**
 * Index into `paragraphs`.
 */
paragraph: number, 
/**
 * True when the sentence belongs to the article body.
 */
inBody: boolean, 
/**
 * Tone of the sentence, a compound in [-1, 1].
 */
sentiment: number, 
/**
 * `high` (no hedge), `medium` (one) or `low` (more).
 */
certainty: Certainty, };

/**
 * How firmly a sentence states its claim (vague quantifiers aside).
 */
export type Certainty = "high" | "medium" | "low";

export type TokenOut = { start: number, end: number, kind: TokenKind, pos?: Upos, };

/**
 * What a token is, as the tokenizer saw it.
 */
export type TokenKind = "word" | "number" | "punct" | "symbol" | "url" | "email" | "hashtag" | "mention" | "emoji";

/**
 * A Universal Dependencies part-of-speech tag (set by the tagger when there is one).
 */
export type Upos = "ADJ" | "ADP" | "ADV" | "AUX" | "CCONJ" | "DET" | "INTJ" | "NOUN" | "NUM" | "PART" | "PRON" | "PROPN" | "PUNCT" | "SCONJ" | "SYM" | "VERB" | "X";

/**
 * The tone of the article body (sentiment stage).
 */
export type Sentiment = { 
/**
 * In [-1, 1]; does not grow with length (a paragraph repeated ten times keeps its score).
 */
compound: number, 
/**
 * Shares of the words' tone that are positive, negative and neutral (they sum to 1).
 */
positive: number, negative: number, neutral: number, 
/**
 * Loaded-language spans per 1,000 words of the article (title, headings and body).
 */
loadedPerThousandWords: number, };

/**
 * A span of loaded wording.
 */
export type LoadedOut = { start: number, end: number, kind: LoadedKind, };

/**
 * What makes a span loaded language.
 */
export type LoadedKind = "sensational" | "emotional" | "subjective";

export type KeyphraseOut = { text: string, 
/**
 * In (0, 1]; the best phrase has 1.
 */
score: number, 
/**
 * Where the phrase and its variants occur, in text order.
 */
mentions: Array<Utf16Span>, };

/**
 * Words or claims attributed to a source.
 */
export type QuoteOut = { 
/**
 * What is attributed.
 */
content: Utf16Span, 
/**
 * Who says it, as written at that place; null when not named there.
 */
source: Utf16Span | null, 
/**
 * The verb or phrase that attributes it.
 */
cue: Utf16Span | null, 
/**
 * True when the content sits in quotation marks.
 */
direct: boolean, 
/**
 * The name the source resolves to ("John Kirby" for "he"), when one is known.
 */
speaker: SpeakerOut | null, };

/**
 * The earlier name mention a source refers to.
 */
export type SpeakerOut = { start: number, end: number, 
/**
 * The name's text, spaces normalized.
 */
name: string, 
/**
 * The id (`e3`) of the entity the speaker is, when known.
 */
entity?: string, };

/**
 * One distinct source and the quotes citing it.
 */
export type SourceOut = { 
/**
 * The source's fullest mention: `start`/`end` span it, `name` is its text.
 */
start: number, end: number, name: string, kind: SourceKind, 
/**
 * The office or job given with a person ("spokesman").
 */
role: Utf16Span | null, 
/**
 * Indices into `quotes`.
 */
quotes: Array<number>, };

/**
 * What kind of source a quote cites.
 */
export type SourceKind = "person" | "organization" | "outlet" | "anonymous" | "document" | "unknown";

/**
 * How many quotes rest on each kind of source.
 */
export type Sourcing = { 
/**
 * Quotes from named people and organizations.
 */
named: number, anonymous: number, outlet: number, document: number, 
/**
 * Quotes whose source could not be classified ("it", "they").
 */
unknown: number, 
/**
 * Quotes with no source named where they stand.
 */
unattributed: number, };

/**
 * A hedge cue.
 */
export type HedgeOut = { start: number, end: number, 
/**
 * `modal`, `speculative`, `adverb`, `weasel` or `vague`.
 */
kind: HedgeKind, };

/**
 * What kind of hedge a cue is.
 */
export type HedgeKind = "modal" | "speculative" | "adverb" | "weasel" | "vague";

/**
 * How much of the article body is hedged.
 */
export type Hedging = { 
/**
 * Body sentences with at least one hedge other than a vague quantifier.
 */
hedgedSentences: number, 
/**
 * Body sentences.
 */
sentences: number, 
/**
 * `hedged_sentences / sentences` (0 when there are none), rounded to 3 decimals.
 */
share: number, };

/**
 * One entity: a referent and its mentions.
 */
export type EntityOut = { 
/**
 * `e1`, `e2`… in order of first mention.
 */
id: string, name: string, kind: EntityKind, mentions: Array<Utf16Span>, 
/**
 * How central it is to the text, in [0, 1] (1 for the most salient entity).
 */
salience: number, 
/**
 * For dates, the normalised value where the text fixes one (`2019-04`, `XXXX-04-05`).
 */
value?: string, 
/**
 * For places known to the public lists: `country`, `city` or `region`.
 */
subkind?: string, 
/**
 * The mean tone, in [-1, 1], of the sentences that mention it.
 */
sentiment?: number, 
/**
 * For people: offices and affiliations from titles and appositions.
 */
roles: Array<RoleOut>, 
/**
 * For places: adjectives naming them ("Russian"), not counted as mentions.
 */
demonyms: Array<Utf16Span>, 
/**
 * For dates: true when relative to the time of writing ("yesterday", "last week").
 */
relative: boolean, 
/**
 * For relative dates resolved against the dateline: the dateline's date.
 */
anchor?: string, };

/**
 * A person's office or affiliation.
 */
export type RoleOut = { 
/**
 * The office as written ("Defense Minister", "spokesman").
 */
title: string, 
/**
 * The organisation's entity name, when the text gives one.
 */
organization?: string, 
/**
 * The country or place ("Russia" for "Russian").
 */
place?: string, 
/**
 * The words giving the role.
 */
span: Utf16Span, };

/**
 * What kind of thing a named entity is.
 */
export type EntityKind = "person" | "organization" | "location" | "date" | "money" | "percent" | "quantity";
