// The "Sources" panel: every distinct source the article cites, with its kind and the quotes
// citing it, under a stacked bar of how many claims rest on named, anonymous, outlet and
// document sources.
//
// Input: the analysed text, the analysis (`sources`: [{start, end, name, kind, role, quotes:
// [index]}], `sourcing`: {named, anonymous, outlet, document, unknown, unattributed}, `quotes`;
// the panel stays hidden when `sources` is absent) and the Interactions (interact.js).
// Output: #sources-bar (the bar, with a text legend that carries the figures) and
// #sources-list: a list of one entry per source, most quoted first; its name is a button that highlights
// every place naming the source (and flashes the first), its quotes (folded away until asked
// for) are buttons jumping to them. `sourceGroups`, `sortedSources`, `sourceKindLabel` and
// `sourceMentions` need no DOM.

import { appendCapped, button, byId, el, listItem } from './dom.js';
import { clip, formatCount, oneLine } from './format.js';

const LIMIT = 12;
const QUOTE_CHARS = 140;

/** The bar's segments, in order: sourcing field, label, CSS class suffix. */
export const SOURCE_GROUPS = [
  ['named', 'named'], ['anonymous', 'anonymous'], ['outlet', 'news outlet'], ['document', 'document'],
  ['unknown', 'unclear'], ['unattributed', 'no source given'],
];
const KIND_LABELS = {
  person: 'named person', organization: 'named organisation', anonymous: 'anonymous', outlet: 'news outlet',
  document: 'document', unknown: 'unclear',
};

/** "person" → "named person"; unknown kinds read "unclear". */
export const sourceKindLabel = (kind) => KIND_LABELS[kind] ?? 'unclear';

/** The sources, most quoted first (text order among equals). */
export function sortedSources(sources) {
  return sources
    .map((source, order) => ({ source, order }))
    .sort((a, b) => (b.source.quotes?.length ?? 0) - (a.source.quotes?.length ?? 0) || a.order - b.order)
    .map(({ source }) => source);
}

/** Which bar segment a source kind falls in. */
export function sourceGroup(kind) {
  if (kind === 'person' || kind === 'organization') return 'named';
  return SOURCE_GROUPS.some(([id]) => id === kind) ? kind : 'unknown';
}

/** The bar's non-empty segments: [{id, label, count, share}]. */
export function sourceGroups(sourcing) {
  const total = SOURCE_GROUPS.reduce((sum, [id]) => sum + (sourcing?.[id] ?? 0), 0);
  return SOURCE_GROUPS
    .map(([id, label]) => ({ id, label, count: sourcing?.[id] ?? 0 }))
    .filter((g) => g.count > 0)
    .map((g) => ({ ...g, share: g.count / total }));
}

/** Every place naming `source`: its own span and each citing quote's source span, in text order, once each. */
export function sourceMentions(source, quotes) {
  const seen = new Map();
  const add = (span) => {
    if (Number.isInteger(span?.start) && Number.isInteger(span?.end)) seen.set(`${span.start}:${span.end}`, { start: span.start, end: span.end });
  };
  add(source);
  for (const index of source.quotes ?? []) add(quotes?.[index]?.source);
  return [...seen.values()].sort((a, b) => a.start - b.start);
}

export function renderSources(text, analysis, interactions) {
  const section = byId('sources-section');
  section.hidden = !Array.isArray(analysis.sources);
  if (section.hidden) return;
  renderBar(analysis.sourcing);
  const list = el('ul', null, 'source-list');
  byId('sources-list').replaceChildren(list);
  const sources = sortedSources(analysis.sources);
  if (!sources.length) {
    list.append(el('li', 'No sources cited.', 'note'));
    return;
  }
  appendCapped(list, sources, LIMIT, (source) => sourceItem(text, analysis.quotes ?? [], source, interactions), 'sources');
}

function renderBar(sourcing) {
  const groups = sourceGroups(sourcing);
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const bar = byId('sources-bar');
  bar.replaceChildren(...groups.map((g) => {
    const segment = el('span', null, `bar-segment src-${g.id}`);
    segment.style.flexGrow = String(g.count);
    return segment;
  }));
  bar.hidden = !total;
  byId('sources-tally').textContent = total
    ? `${formatCount(total)} quote${total === 1 ? '' : 's'} and reported claim${total === 1 ? '' : 's'} rest on:`
    : 'No quotes or reported claims, so no sources.';
  byId('sources-legend').replaceChildren(...groups.map((g) => {
    const item = el('li', null, `src-${g.id}`);
    const swatch = el('span', null, 'swatch');
    swatch.setAttribute('aria-hidden', 'true');
    item.append(swatch, el('strong', formatCount(g.count)), ` ${g.label} (${Math.round(g.share * 100)}%)`);
    return item;
  }));
}

function sourceItem(text, quotes, source, interactions) {
  const group = sourceGroup(source.kind);
  const item = el('li', null, `source src-${group}`);
  const name = button(null, 'source-name');
  name.append(el('span', null, 'chip-swatch'), oneLine(source.name ?? text.slice(source.start, source.end)));
  interactions.pickable(name, oneLine(source.name ?? ''), sourceMentions(source, quotes));
  const kinds = [sourceKindLabel(source.kind)];
  if (Number.isInteger(source.role?.start)) kinds.push(oneLine(text.slice(source.role.start, source.role.end)));
  const count = source.quotes?.length ?? 0;
  const meta = el('span', ` ${kinds.join(', ')} · ${formatCount(count)} quote${count === 1 ? '' : 's'}`, 'source-kind');
  const cited = el('ul', null, 'source-quotes');
  const folded = el('details', null, 'source-fold');
  folded.append(el('summary', `Show the ${count === 1 ? 'quote' : `${formatCount(count)} quotes`}`), cited);
  cited.append(...(source.quotes ?? []).filter((i) => quotes[i]?.content).map((index) => {
    const quote = quotes[index];
    const jump = button(clip(oneLine(text.slice(quote.content.start, quote.content.end)), QUOTE_CHARS), `source-quote ${quote.direct ? 'is-direct' : 'is-reported'}`);
    interactions.jumpable(jump, `Quote ${index + 1}`, quote.content);
    return listItem(jump);
  }));
  item.append(name, meta);
  if (count) item.append(folded);
  return item;
}
