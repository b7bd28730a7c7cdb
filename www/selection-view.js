// "What was found here": selecting text in the drawn article shows, under it, everything the
// analysis found touching the selection: sentences (with tone and certainty), names, quotes,
// hedges, loaded wording, key phrases and summary sentences.
//
// Input: the analysed text and analysis, and the article's TextMap (text-map.js) to turn the
// DOM selection back into text offsets. Output: `findingsIn` (no DOM) lists the findings for
// [start, end); `SelectionInfo` watches the document's selection (debounced) and fills the
// #selection box (a polite live region), emptying it when nothing in the article is selected.
// Each scan is linear in the number of items of the analysis.

import { el } from './dom.js';
import { capitalise, clip, formatCount, formatTone, kindLabel, oneLine, toneWord } from './format.js';
import { entityKindLabel } from './highlights.js';

const DEBOUNCE_MS = 120;
const SHOWN_CHARS = 120;

const touches = (span, start, end) => Number.isInteger(span?.start) && span.start < end && span.end > start;
const slice = (text, span) => oneLine(text.slice(span.start, span.end));

/**
 * The findings touching [start, end) of the text, as labelled lists of short strings (only
 * non-empty lists).
 * @returns {{label: string, items: string[]}[]}
 */
export function findingsIn(text, analysis, start, end) {
  const found = [];
  const add = (label, items) => { if (items.length) found.push({ label, items: [...new Set(items)] }); };
  add('Sentences', analysis.sentences.filter((s) => touches(s, start, end)).map((s) => {
    const parts = [];
    if (typeof s.sentiment === 'number') parts.push(`tone ${formatTone(s.sentiment)} (${toneWord(s.sentiment)})`);
    if (s.certainty) parts.push(`${s.certainty} certainty`);
    return `“${clip(slice(text, s), 60)}”${parts.length ? `: ${parts.join(', ')}` : ''}`;
  }));
  add('Names, places and figures', (analysis.entities ?? [])
    .filter((e) => (e.mentions ?? []).some((m) => touches(m, start, end)))
    .map((e) => `${e.name} (${entityKindLabel(e.kind)})`));
  add('Quotes', (analysis.quotes ?? [])
    .filter((q) => [q.content, q.source, q.cue].some((span) => touches(span, start, end)))
    .map((q) => {
      const who = q.speaker?.name ?? (q.source ? slice(text, q.source) : 'no named source');
      const words = clip(slice(text, q.content), 80);
      return `${who}${q.cue ? ` (${slice(text, q.cue)})` : ''}: ${/^["“'‘]/.test(words) ? words : `“${words}”`}`;
    }));
  add('Hedges', (analysis.hedges ?? []).filter((h) => touches(h, start, end)).map((h) => `${slice(text, h)} (${kindLabel(h.kind)})`));
  add('Loaded language', (analysis.loaded ?? []).filter((l) => touches(l, start, end)).map((l) => `${slice(text, l)} (${l.kind})`));
  add('Key phrases', (analysis.keyphrases ?? [])
    .filter((k) => (k.mentions ?? []).some((m) => touches(m, start, end))).map((k) => k.text));
  const summary = (analysis.summary ?? []).filter((s) => touches(s, start, end)).length;
  if (summary) add('Summary', [`${formatCount(summary)} of the summary sentences`]);
  return found;
}

export class SelectionInfo {
  /**
   * @param {() => {text: string, analysis: any} | null} current the analysis on screen
   * @param {() => import('./text-map.js').TextMap | null} map the drawn article's map
   */
  constructor(current, map) {
    this.current = current;
    this.map = map;
    this.box = document.getElementById('selection');
    this.article = document.getElementById('article');
    this.timer = 0;
    document.addEventListener('selectionchange', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.update(), DEBOUNCE_MS);
    });
    this.box.addEventListener('click', (event) => {
      if (event.target.closest('.selection-close')) this.hide();
    });
  }

  /** Empties the box (CSS hides it while empty; it stays a live region). */
  hide() {
    this.box.replaceChildren();
  }

  /** Reads the selection; shows its findings when it lies in the article, else hides the box. */
  update() {
    const shown = this.current();
    const map = this.map();
    const selection = document.getSelection();
    const range = selection?.rangeCount ? selection.getRangeAt(0) : null;
    if (!shown || !map || !range || range.collapsed || !this.article.contains(range.commonAncestorContainer)) {
      if (!this.box.contains(document.activeElement)) this.hide();
      return;
    }
    const start = map.offsetAt(range.startContainer, range.startOffset);
    const end = map.offsetAt(range.endContainer, range.endOffset);
    if (!(start < end)) return;
    this.show(shown.text, findingsIn(shown.text, shown.analysis, start, end), start, end);
  }

  show(text, findings, start, end) {
    const heading = el('h3', 'In the selected text');
    const close = el('button', '×', 'selection-close');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    const quoted = el('p', `“${clip(oneLine(text.slice(start, end)), SHOWN_CHARS)}”`, 'selection-text');
    const list = el('dl', null, 'selection-findings');
    for (const { label, items } of findings) {
      list.append(el('dt', `${capitalise(label)} (${formatCount(items.length)})`));
      for (const item of items) list.append(el('dd', item));
    }
    if (!findings.length) list.append(el('dd', 'Nothing was found here.'));
    this.box.replaceChildren(close, heading, quoted, list);
  }
}
