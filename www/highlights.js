// The highlight layers: named sets of marks drawn over the article text, each switched on or
// off by its own checkbox, so several can be shown at once.
//
// Each layer is {id, label, tokens, on, field?, legend, marks}:
// - `tokens`: the analysis must be run with {tokens: true} for it;
// - `on`: whether it starts switched on;
// - `field`: the analysis field it needs; the layer is offered only when the analysis has it
//   (later analyses such as entities, quotes and hedges appear by themselves once present);
// - `legend`: [{cls, label}], one swatch per style the layer uses (cls is its CSS class);
// - `marks(analysis)`: [{start, end, class, title, data?}] in UTF-16 offsets, for the generic
//   renderer (render.js). Marks may overlap sentences and each other.
// No DOM here: this module also runs in Node.

import { capitalise, kindLabel } from './format.js';

const LONG_SENTENCE_WORDS = 25;
const TOKEN_TITLES = { number: 'Number', url: 'Link', email: 'E-mail address', hashtag: 'Hashtag', mention: 'Mention' };

export const ENTITY_KINDS = ['person', 'organization', 'location', 'date', 'money', 'percent', 'quantity'];
const ENTITY_LABELS = {
  person: 'person', organization: 'organisation', location: 'place', date: 'date',
  money: 'money', percent: 'percentage', quantity: 'quantity',
};
export const LOADED_KINDS = ['sensational', 'emotional', 'subjective'];

/** "organization" → "organisation"; unknown kinds pass through. */
export const entityKindLabel = (kind) => ENTITY_LABELS[kind] ?? kindLabel(kind);

export const LAYERS = [
  {
    id: 'summary', label: 'Summary sentences', tokens: false, on: true, field: 'summary',
    legend: [{ cls: 'mk-summary', label: 'in the summary' }],
    marks: (a) => a.summary.map(({ start, end }) => ({ start, end, class: 'mk mk-summary', title: 'Summary sentence' })),
  },
  {
    id: 'loaded', label: 'Loaded language', tokens: false, on: true, field: 'loaded',
    legend: LOADED_KINDS.map((kind) => ({ cls: `mk-loaded-${kind}`, label: kind })),
    marks: (a) => a.loaded.map(({ start, end, kind }) => ({
      start, end, class: `mk mk-loaded mk-loaded-${kind}`, title: `Loaded language: ${kind}`,
    })),
  },
  {
    id: 'entities', label: 'Names, places, dates and figures', tokens: false, on: true, field: 'entities',
    legend: ENTITY_KINDS.map((kind) => ({ cls: `mk-ent-${kind}`, label: entityKindLabel(kind) })),
    marks: entityMarks,
  },
  {
    id: 'quotes', label: 'Quotes and sources', tokens: false, on: false, field: 'quotes',
    legend: [
      { cls: 'mk-quote', label: 'quoted or reported words' },
      { cls: 'mk-source', label: 'source' },
      { cls: 'mk-cue', label: 'attributing verb' },
    ],
    marks: quoteMarks,
  },
  {
    id: 'hedges', label: 'Hedges (less-than-certain wording)', tokens: false, on: false, field: 'hedges',
    legend: [{ cls: 'mk-hedge', label: 'hedge' }],
    marks: (a) => a.hedges.map(({ start, end, kind }) => ({ start, end, class: 'mk mk-hedge', title: `Hedge: ${kindLabel(kind)}` })),
  },
  {
    id: 'long-sentences', label: `Long sentences (${LONG_SENTENCE_WORDS}+ words)`, tokens: true, on: false,
    legend: [{ cls: 'mk-long', label: 'long sentence' }],
    marks: longSentences,
  },
  {
    id: 'numbers', label: 'Numbers', tokens: true, on: false,
    legend: [{ cls: 'mk-number', label: 'number' }],
    marks: (a) => tokensOf(a, ['number']),
  },
  {
    id: 'links', label: 'Links, e-mails, hashtags, mentions', tokens: true, on: false,
    legend: [{ cls: 'mk-url', label: 'link or address' }],
    marks: (a) => tokensOf(a, ['url', 'email', 'hashtag', 'mention']),
  },
];

/** The layer with this id, or undefined. */
export function layerById(id) {
  return LAYERS.find((layer) => layer.id === id);
}

/** Whether this analysis can feed the layer (its field is present). */
export function layerAvailable(layer, analysis) {
  return !layer.field || Array.isArray(analysis?.[layer.field]);
}

/** All marks of the given layers that this analysis can feed, concatenated. */
export function marksOf(analysis, ids) {
  const marks = [];
  for (const id of ids) {
    const layer = layerById(id);
    if (!layer || !layerAvailable(layer, analysis)) continue;
    if (layer.tokens && !analysis.tokens) continue;
    for (const mark of layer.marks(analysis)) marks.push(mark);
  }
  return marks;
}

function entityMarks(analysis) {
  const marks = [];
  for (const entity of analysis.entities) {
    const kind = ENTITY_KINDS.includes(entity.kind) ? entity.kind : 'other';
    const title = `${capitalise(entityKindLabel(entity.kind))}: ${entity.name}`;
    for (const { start, end } of entity.mentions ?? []) {
      marks.push({ start, end, class: `mk mk-ent mk-ent-${kind}`, title, data: { entity: entity.id } });
    }
  }
  return marks;
}

function quoteMarks(analysis) {
  const marks = [];
  analysis.quotes.forEach((quote, index) => {
    const data = { quote: index };
    const kind = quote.direct ? 'Quoted words' : 'Reported words';
    if (quote.content) marks.push({ ...quote.content, class: 'mk mk-quote', title: kind, data });
    if (quote.source) marks.push({ ...quote.source, class: 'mk mk-source', title: 'Source', data });
    if (quote.cue) marks.push({ ...quote.cue, class: 'mk mk-cue', title: 'Attributing verb', data });
  });
  return marks;
}

/** Body sentences with at least LONG_SENTENCE_WORDS word or number tokens (one pass). */
function longSentences(analysis) {
  const tokens = analysis.tokens ?? [];
  const marks = [];
  let t = 0;
  for (const sentence of analysis.sentences) {
    while (t < tokens.length && tokens[t].start < sentence.start) t++;
    let words = 0;
    for (; t < tokens.length && tokens[t].start < sentence.end; t++) {
      if (tokens[t].kind === 'word' || tokens[t].kind === 'number') words++;
    }
    if (sentence.inBody && words >= LONG_SENTENCE_WORDS) {
      marks.push({ start: sentence.start, end: sentence.end, class: 'mk mk-long', title: `Long sentence: ${words} words` });
    }
  }
  return marks;
}

function tokensOf(analysis, kinds) {
  return (analysis.tokens ?? [])
    .filter((token) => kinds.includes(token.kind))
    .map((token) => ({
      start: token.start, end: token.end,
      class: `mk ${token.kind === 'number' ? 'mk-number' : 'mk-url'}`,
      title: TOKEN_TITLES[token.kind] ?? token.kind,
    }));
}
