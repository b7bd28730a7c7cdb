// Draws one analysis into the page's result sections.
//
// Input: the analysed text, its analysis (the plain object returned by the wasm `analyze`;
// fields added by later analyses may be absent) and the highlight marks to draw. Output: DOM
// updates of #overview (with the tone figures and the sentiment arc), #readability, #warnings
// and #article; renderArticle returns the TextMap of what it drew (text-map.js). Every piece
// of article text is inserted as a text node (textContent / createTextNode / render.js);
// nothing here ever parses HTML.

import { renderArc } from './arc.js';
import { byId, el } from './dom.js';
import {
  capitalise, explainEase, explainGrade, explainLoaded, explainTone, formatCount, formatLanguage, formatMinutes,
  formatRate, formatScore, formatTone, kindLabel,
} from './format.js';
import { renderMarks } from './render.js';
import { TextMap } from './text-map.js';

/** Paragraphs are drawn until this many UTF-16 units; the figures still cover the whole text. */
const RENDER_LIMIT = 300_000;

const SCORES = [
  ['fleschReadingEase', 'Flesch reading ease', 'From 0 to 100: higher is easier. 60 to 70 is plain English.'],
  ['fleschKincaidGrade', 'Flesch–Kincaid grade', 'The US school grade needed to follow the text.'],
  ['gunningFog', 'Gunning fog index', 'Years of schooling needed to understand it on a first reading.'],
  ['smog', 'SMOG grade', 'Years of schooling needed, from the share of words of three or more syllables.'],
  ['colemanLiau', 'Coleman–Liau index', 'US school grade, from letters per word and sentences per 100 words.'],
  ['automatedReadabilityIndex', 'Automated readability index', 'US school grade, from characters per word and words per sentence.'],
];

const BLOCK_TAGS = { title: 'h3', heading: 'h4' };
const TAGGED_KINDS = new Set(['byline', 'dateline']);

const setText = (id, text) => { byId(id).textContent = text; };

export function renderOverview({ stats, readability, language, sentiment, loaded }) {
  setText('ov-words', formatCount(stats.words));
  setText('ov-reading', formatMinutes(stats.readingTimeMinutes, stats.words));
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

export function renderReadability(readability) {
  const rows = SCORES.map(([key, name, meaning]) => {
    const value = readability[key];
    const row = document.createElement('tr');
    if (value == null) row.className = 'missing';
    const header = el('th', name);
    header.scope = 'row';
    let explanation = meaning;
    if (value == null) explanation = `Not enough text for this formula. ${meaning}`;
    else if (key === 'fleschReadingEase') explanation = `${capitalise(explainEase(value))}. ${meaning}`;
    row.append(header, el('td', formatScore(value), 'num'), el('td', explanation));
    return row;
  });
  byId('readability').tBodies[0].replaceChildren(...rows);

  const missing = SCORES.filter(([key]) => readability[key] == null).map(([, name]) => name);
  const line = byId('readability-missing');
  line.hidden = missing.length === 0;
  line.textContent = missing.length
    ? `${missing.length === SCORES.length ? 'No score' : missing.join(', ')} could not be computed: the article body is too short for ${missing.length === 1 ? 'this formula' : 'these formulas'}.`
    : '';
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
 * boilerplate (grouped by kind, dimmed), each paragraph holding its sentences as spans and
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

  for (const [index, paragraph] of analysis.paragraphs.entries()) {
    if (drawn >= RENDER_LIMIT) {
      fragment.append(el('p', `The remaining ${formatCount(text.length - paragraph.start)} characters are not drawn here, to keep the page responsive. The figures above cover the whole text.`, 'render-limit'));
      break;
    }
    drawn += paragraph.end - paragraph.start;
    const block = document.createElement(BLOCK_TAGS[paragraph.kind] ?? 'p');
    block.className = `block block-${paragraph.kind}`;
    if (TAGGED_KINDS.has(paragraph.kind)) block.append(el('span', paragraph.kind, 'tag'));
    const marks = [...(sentencesOf.get(index) ?? []), ...highlights.overlapping(paragraph.start, paragraph.end)];
    block.append(renderMarks(text, marks, paragraph.start, paragraph.end, textMap));

    if (paragraph.kind !== 'boilerplate') {
      group = null;
      fragment.append(block);
      continue;
    }
    const kind = boilerplateKinds.get(paragraph.start) ?? 'other';
    if (!group || group.kind !== kind) {
      group = { kind, element: document.createElement('aside') };
      group.element.className = 'boilerplate';
      group.element.setAttribute('aria-label', `Page furniture: ${kindLabel(kind)}`);
      group.element.append(el('span', `not article · ${kindLabel(kind)}`, 'badge'));
      fragment.append(group.element);
    }
    group.element.append(block);
  }
  const article = byId('article');
  article.lang = analysis.language?.code && analysis.language.code !== 'und' ? analysis.language.code : '';
  article.replaceChildren(fragment);
  return textMap;
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

