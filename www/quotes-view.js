// The "Quotes and sources" panel: who is quoted or reported as saying what.
//
// Input: the analysed text and the analysis `quotes` ([{content: {start, end}, source:
// {start, end} | null, cue: {start, end} | null, direct, speaker}]; the panel stays hidden
// when the field is absent), `sources` when present ([{name, kind?, role?, quotes: [index]}])
// and `entities` when present (a numeric speaker may point into them); the Interactions
// (interact.js). Output: #quotes holds a one-line tally and one group per source, most quoted
// first, "no named source" last; each quote is a button that jumps to it in the article.
// The speaker may be a name, an index (into `sources`, else `entities`), an object with a
// `name`, or null; a quote with none is grouped by the source as written, if any.

import { appendCapped, button, byId, el, listItem } from './dom.js';
import { clip, formatCount, oneLine } from './format.js';
import { entityKindLabel } from './highlights.js';

const GROUP_LIMIT = 12;
const QUOTES_PER_GROUP = 4;
const QUOTE_CHARS = 280;

/**
 * @returns {{name: string | null, detail: string, quotes: number[]}[]} groups in display
 *   order; `quotes` are indices into analysis.quotes, in text order
 */
export function groupQuotes(text, analysis) {
  const sourceOf = new Map();
  for (const source of Array.isArray(analysis.sources) ? analysis.sources : []) {
    for (const index of source.quotes ?? []) if (!sourceOf.has(index)) sourceOf.set(index, source);
  }
  const groups = new Map();
  analysis.quotes.forEach((quote, index) => {
    const source = sourceOf.get(index);
    const name = nameOf(source?.name) ?? speakerName(quote.speaker, analysis) ?? spanText(text, quote.source);
    const key = name ? name.toLowerCase() : '';
    const group = groups.get(key) ?? { name, detail: '', quotes: [], first: index };
    group.quotes.push(index);
    if (!group.detail && source) group.detail = sourceDetail(text, source);
    groups.set(key, group);
  });
  return [...groups.values()]
    .sort((a, b) => (a.name === null) - (b.name === null) || b.quotes.length - a.quotes.length || a.first - b.first)
    .map(({ name, detail, quotes }) => ({ name, detail, quotes }));
}

export function renderQuotes(text, analysis, interactions) {
  const section = byId('quotes-section');
  const quotes = analysis.quotes;
  section.hidden = !Array.isArray(quotes);
  if (section.hidden) return;
  const groups = groupQuotes(text, analysis);
  const direct = quotes.filter((q) => q.direct).length;
  const named = groups.filter((g) => g.name !== null);
  const unnamed = quotes.length - named.reduce((sum, g) => sum + g.quotes.length, 0);
  const tally = quotes.length
    ? `${plural(quotes.length, 'quote')} (${formatCount(direct)} in quotation marks, ${formatCount(quotes.length - direct)} reported) `
      + `from ${plural(named.length, 'source')}${unnamed ? `; ${formatCount(unnamed)} with no named source` : ''}.`
    : 'No quotes or reported speech found.';

  const box = byId('quotes');
  const list = el('div', null, 'quote-groups');
  box.replaceChildren(el('p', tally, 'note tally'), list);
  appendCapped(list, groups, GROUP_LIMIT, (group) => groupElement(text, quotes, group, interactions), 'sources');
}

function groupElement(text, quotes, { name, detail, quotes: indices }, interactions) {
  const group = el('section', null, 'quote-group');
  const heading = el('h3', name ?? 'No named source');
  if (detail) heading.append(el('span', ` · ${detail}`, 'hint'));
  const list = el('ul', null, 'quote-list');
  group.append(heading, list);
  appendCapped(list, indices, QUOTES_PER_GROUP, (index) => {
    const quote = quotes[index];
    const item = button(null, `quote-item ${quote.direct ? 'is-direct' : 'is-reported'}`);
    item.append(el('span', quote.direct ? 'quote' : 'reported', 'quote-tag'), clip(oneLine(spanText(text, quote.content) ?? ''), QUOTE_CHARS));
    interactions.jumpable(item, `Quote ${index + 1}`, quote.content);
    return listItem(item);
  }, 'quotes');
  return group;
}

function speakerName(speaker, analysis) {
  if (typeof speaker === 'string') return nameOf(speaker);
  if (Number.isInteger(speaker)) return nameOf(analysis.sources?.[speaker]?.name ?? analysis.entities?.[speaker]?.name);
  return nameOf(speaker?.name);
}

function sourceDetail(text, source) {
  const parts = [];
  const role = spanText(text, source.role);
  if (role) parts.push(role);
  if (typeof source.kind === 'string' && source.kind !== 'person') parts.push(entityKindLabel(source.kind));
  return parts.join(', ');
}

/** The text of a {start, end} span on one line, or null. */
function spanText(text, span) {
  if (!Number.isInteger(span?.start) || !Number.isInteger(span?.end)) return null;
  return nameOf(text.slice(span.start, span.end));
}

/** A non-empty name on one line, or null. */
function nameOf(value) {
  const name = typeof value === 'string' ? oneLine(value) : '';
  return name || null;
}

function plural(n, noun) {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}
