// Draws one analysis into the page's result sections.
//
// Input: the analysed text, its analysis (the plain object returned by the wasm `analyze`)
// and the highlight marks to draw. Output: DOM updates of #overview, #readability,
// #warnings and #article. Every piece of article text is inserted as a text node
// (textContent / createTextNode / render.js); nothing here ever parses HTML.

import { renderMarks } from './render.js';
import {
  explainEase, explainGrade, formatCount, formatLanguage, formatMinutes, formatScore, kindLabel,
} from './format.js';

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

const byId = (id) => document.getElementById(id);
const setText = (id, text) => { byId(id).textContent = text; };

export function renderOverview({ stats, readability, language }) {
  setText('ov-words', formatCount(stats.words));
  setText('ov-reading', formatMinutes(stats.readingTimeMinutes, stats.words));
  setText('ov-grade', formatScore(readability.fleschKincaidGrade));
  setText('ov-grade-text', explainGrade(readability.fleschKincaidGrade));
  setText('ov-language', formatLanguage(language));
  setText('ov-sentences', formatCount(stats.sentences));
  setText('ov-paragraphs', formatCount(stats.paragraphs));
}

export function renderReadability(readability) {
  const rows = SCORES.map(([key, name, meaning]) => {
    const value = readability[key];
    const row = document.createElement('tr');
    if (value == null) row.className = 'missing';
    const header = cell('th', name);
    header.scope = 'row';
    let explanation = meaning;
    if (value == null) explanation = `Not enough text for this formula. ${meaning}`;
    else if (key === 'fleschReadingEase') explanation = `${capitalise(explainEase(value))}. ${meaning}`;
    row.append(header, cell('td', formatScore(value), 'num'), cell('td', explanation));
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
    const item = cell('li', message);
    item.dataset.code = code;
    return item;
  }));
}

/**
 * Draws the text with its structure: title, headings, byline, dateline, body paragraphs and
 * boilerplate (grouped by kind, dimmed), each paragraph holding its sentences as spans and
 * the highlight marks on top.
 */
export function renderArticle(text, analysis, highlightMarks) {
  const boilerplateKinds = new Map(analysis.structure.boilerplate.map((b) => [b.start, b.kind]));
  const sentencesOf = sentencesByParagraph(analysis);
  const highlights = new MarkSweep(highlightMarks);
  const fragment = document.createDocumentFragment();
  let group = null;
  let drawn = 0;

  for (const [index, paragraph] of analysis.paragraphs.entries()) {
    if (drawn >= RENDER_LIMIT) {
      fragment.append(cell('p', `The remaining ${formatCount(text.length - paragraph.start)} characters are not drawn here, to keep the page responsive. The figures above cover the whole text.`, 'render-limit'));
      break;
    }
    drawn += paragraph.end - paragraph.start;
    const block = document.createElement(BLOCK_TAGS[paragraph.kind] ?? 'p');
    block.className = `block block-${paragraph.kind}`;
    if (TAGGED_KINDS.has(paragraph.kind)) block.append(cell('span', paragraph.kind, 'tag'));
    const marks = [...(sentencesOf.get(index) ?? []), ...highlights.overlapping(paragraph.start, paragraph.end)];
    block.append(renderMarks(text, marks, paragraph.start, paragraph.end));

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
      group.element.append(cell('span', `not article · ${kindLabel(kind)}`, 'badge'));
      fragment.append(group.element);
    }
    group.element.append(block);
  }
  const article = byId('article');
  article.lang = analysis.language?.code && analysis.language.code !== 'und' ? analysis.language.code : '';
  article.replaceChildren(fragment);
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

function cell(tag, text, className) {
  const element = document.createElement(tag);
  element.textContent = text;
  if (className) element.className = className;
  return element;
}

function capitalise(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
