// Draws one analysis into the page's result sections.
//
// Input: the analysed text, its analysis (the plain object returned by the wasm `analyze`;
// fields added by later analyses may be absent) and the highlight marks to draw. Output: DOM
// updates of #overview (with the tone figures and the sentiment arc), #readability
// (readability-view.js, re-exported here), #warnings and #article; renderArticle returns the TextMap of what it drew (text-map.js). Every piece
// of article text is inserted as a text node (textContent / createTextNode / render.js);
// nothing here ever parses HTML.

import { renderArc } from './arc.js';
import { byId, el } from './dom.js';
import {
  explainGrade, explainLoaded, explainTone, formatCount, formatLanguage,
  formatRate, formatScore, formatTone, kindLabel,
} from './format.js';
import { renderMarks } from './render.js';
export { renderReadability } from './readability-view.js';
import { TextMap } from './text-map.js';

/** Paragraphs are drawn until this many UTF-16 units; the figures still cover the whole text. */
const RENDER_LIMIT = 300_000;


const BLOCK_TAGS = { title: 'h3', heading: 'h4' };
const TAGGED_KINDS = new Set(['byline', 'dateline']);

const setText = (id, text) => { byId(id).textContent = text; };

export function renderOverview({ stats, readability, language, sentiment, loaded }) {
  setText('ov-grade', formatScore(readability.fleschKincaidGrade));
  setText('ov-grade-text', explainGrade(readability.fleschKincaidGrade));
  setText('ov-language', formatLanguage(language));
  setText('ov-sentences', formatCount(stats.sentences));
  setText('ov-paragraphs', formatCount(stats.paragraphs));

  const toned = typeof sentiment?.compound === 'number';
  byId('ov-tone-card').hidden = !toned;
  if (toned) {
    setText('ov-tone', formatTone(sentiment.compound));
    setText('ov-tone-text', explainTone(sentiment));
  }
  const rate = sentiment?.loadedPerThousandWords;
  byId('ov-loaded-card').hidden = typeof rate !== 'number';
  if (typeof rate === 'number') {
    setText('ov-loaded', formatRate(rate));
    setText('ov-loaded-text', explainLoaded(rate, Array.isArray(loaded) ? loaded.length : 0));
  }
}

/** The sentiment arc under the overview; hidden when the sentences carry no tone. */
export function renderToneArc(sentences, onJump) {
  const figure = byId('arc-figure');
  figure.hidden = !sentences.some((s) => typeof s.sentiment === 'number');
  if (!figure.hidden) setText('arc-description', renderArc(byId('arc'), sentences, onJump));
}

export function renderWarnings(warnings) {
  byId('warnings-section').hidden = warnings.length === 0;
  byId('warnings').replaceChildren(...warnings.map(({ code, message }) => {
    const item = el('li', message);
    item.dataset.code = code;
    return item;
  }));
}

/**
 * Draws the text with its structure: title, headings, byline, dateline, body paragraphs and
 * boilerplate (grouped by kind, folded away), each paragraph holding its sentences as spans and
 * the highlight marks on top.
 * @returns {TextMap} where each drawn piece of the text is
 */
export function renderArticle(text, analysis, highlightMarks) {
  const textMap = new TextMap();
  const boilerplateKinds = new Map(analysis.structure.boilerplate.map((b) => [b.start, b.kind]));
  const sentencesOf = sentencesByParagraph(analysis);
  const highlights = new MarkSweep(highlightMarks);
  const fragment = document.createDocumentFragment();
  let group = null;
  let drawn = 0;
  // Where drawing stopped, if it did: a paragraph longer than what is left of the limit is
  // drawn up to it (not inside a surrogate pair).
  let cutAt = null;

  for (const [index, paragraph] of analysis.paragraphs.entries()) {
    if (drawn >= RENDER_LIMIT) {
      cutAt = paragraph.start;
      break;
    }
    let end = Math.min(paragraph.end, paragraph.start + RENDER_LIMIT - drawn);
    if (end < paragraph.end && /[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
    drawn += end - paragraph.start;
    const block = document.createElement(BLOCK_TAGS[paragraph.kind] ?? 'p');
    block.className = `block block-${paragraph.kind}`;
    if (TAGGED_KINDS.has(paragraph.kind)) block.append(el('span', paragraph.kind, 'tag'));
    const marks = [...(sentencesOf.get(index) ?? []), ...highlights.overlapping(paragraph.start, paragraph.end)];
    block.append(renderMarks(text, marks, paragraph.start, end, textMap));

    if (paragraph.kind !== 'boilerplate') {
      group = null;
      fragment.append(block);
    } else {
      const kind = boilerplateKinds.get(paragraph.start) ?? 'other';
      if (!group || group.kind !== kind) {
        group = foldedGroup(kind);
        fragment.append(group.element);
      }
      group.element.append(block);
      group.lines++;
      group.count.textContent = `(${group.lines} line${group.lines === 1 ? '' : 's'})`;
    }
    if (end < paragraph.end) {
      cutAt = end;
      break;
    }
  }
  if (cutAt !== null) {
    fragment.append(el('p', `The remaining ${formatCount(text.length - cutAt)} characters are not drawn here, to keep the page responsive. The figures above cover the whole text.`, 'render-limit'));
  }
  const article = byId('article');
  article.lang = analysis.language?.code && analysis.language.code !== 'und' ? analysis.language.code : '';
  article.replaceChildren(fragment);
  return textMap;
}

/**
 * A run of boilerplate of one kind, folded away: a <details> whose summary names the kind
 * and counts the lines; opening it shows them, dimmed.
 */
function foldedGroup(kind) {
  const element = document.createElement('details');
  element.className = 'boilerplate';
  const summary = el('summary', null, 'badge');
  const count = el('span', null, 'fold-count');
  summary.append(`Not article · ${kindLabel(kind)} `, count);
  element.setAttribute('aria-label', `Page furniture: ${kindLabel(kind)}`);
  element.append(summary);
  return { kind, element, count, lines: 0 };
}

/** Sentence marks grouped by paragraph index; every second sentence of a paragraph is shaded. */
function sentencesByParagraph({ sentences }) {
  const groups = new Map();
  for (const s of sentences) {
    const list = groups.get(s.paragraph) ?? [];
    list.push({ start: s.start, end: s.end, class: list.length % 2 ? 'sentence alt' : 'sentence' });
    groups.set(s.paragraph, list);
  }
  return groups;
}

/**
 * Finds the marks overlapping successive, ascending ranges in one sweep: marks are taken in
 * order of start and dropped once they end before the current range.
 */
class MarkSweep {
  constructor(marks) {
    this.marks = [...marks].sort((a, b) => a.start - b.start);
    this.next = 0;
    this.active = [];
  }

  overlapping(start, end) {
    while (this.next < this.marks.length && this.marks[this.next].start < end) {
      this.active.push(this.marks[this.next++]);
    }
    this.active = this.active.filter((m) => m.end > start);
    return this.active;
  }
}

