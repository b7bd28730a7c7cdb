// The "article label" at the top of the results: a row of figures (words, reading time, grade,
// language, tone, hedged sentences, named / anonymous / outlet sources), counts rather than
// verdicts, each explained in plain words and linked to the spans behind it.
//
// Input: the analysed text, its analysis (fields of later stages may be absent: their figures
// are then left out) and the Interactions (interact.js). Output: #label holds one list item
// per figure: a button (value and name) described by a tooltip element (aria-describedby, shown
// on hover and on keyboard focus, hidden again by Escape); selecting a figure highlights its
// spans in the article and scrolls to the first. `labelFigures` (no DOM) gives the figures.

import { byId, el } from './dom.js';
import { explainGrade, explainTone, formatCount, formatLanguage, formatMinutes, formatScore, formatTone } from './format.js';

/** How many of the longest sentences the grade figure points at. */
const LONGEST = 3;
/** Sentences whose tone is at least this far from zero count as toned (as toneWord's bands). */
const TONED = 0.1;

const SOURCE_GROUPS = [
  ['named', 'named sources', ['person', 'organization'], 'Quotes and reported claims attributed to a person or organisation the article names.'],
  ['anonymous', 'anonymous sources', ['anonymous'], 'Claims attributed to unnamed people: "officials said", "sources", "people familiar with the matter".'],
  ['outlet', 'from other outlets', ['outlet'], 'Claims attributed to another news outlet ("the BBC reported", "the newspaper suggests").'],
  ['document', 'from documents', ['document'], 'Claims attributed to a report, a statement or a letter.'],
];

const words = (s) => (s.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? []).length;
const percent = (share) => `${Math.round(share * 100)}%`;

/**
 * The label's figures, in display order.
 * @returns {{id: string, value: string, name: string, explain: string, spans: {start: number, end: number}[]}[]}
 */
export function labelFigures(text, analysis) {
  const { stats, readability, language } = analysis;
  const body = analysis.structure?.body ?? [];
  const bodySentences = analysis.sentences.filter((s) => s.inBody);
  const figures = [
    {
      id: 'words', value: formatCount(stats.words), name: 'words', spans: body,
      explain: 'Words in the article body; the title, headings and page furniture are left out. Select to outline the body.',
    },
    {
      id: 'reading', value: formatMinutes(stats.readingTimeMinutes, stats.words), name: 'to read', spans: body,
      explain: `At ${Math.round(stats.wordsPerMinute)} words a minute, an adult's usual silent reading pace.`,
    },
    {
      id: 'grade', value: formatScore(readability.fleschKincaidGrade), name: 'grade level',
      spans: longestSentences(text, bodySentences),
      explain: `${explainGrade(readability.fleschKincaidGrade)} Flesch–Kincaid grade: long sentences and long words raise it. Select to see the ${LONGEST} longest sentences.`,
    },
    {
      id: 'language', value: language?.code && language.code !== 'und' ? formatLanguage(language).replace(/ \(.*\)$/, '') : '—',
      name: 'language', spans: body,
      explain: language?.code && language.code !== 'und'
        ? `Recognised from the letters and common words of the text: ${formatLanguage(language)}.`
        : 'Not determined: the text is too short or mixes languages.',
    },
  ];
  if (typeof analysis.sentiment?.compound === 'number') {
    const toned = bodySentences.filter((s) => Math.abs(s.sentiment ?? 0) >= TONED);
    figures.push({
      id: 'tone', value: formatTone(analysis.sentiment.compound), name: 'tone', spans: toned,
      explain: `${explainTone(analysis.sentiment)} The scale runs from −1 (negative) to +1 (positive). Select to see the ${formatCount(toned.length)} sentences with a clear tone.`,
    });
  }
  if (analysis.hedging) {
    const { hedgedSentences, sentences, share } = analysis.hedging;
    const hedged = bodySentences.some((s) => 'certainty' in s)
      ? bodySentences.filter((s) => s.certainty && s.certainty !== 'high')
      : analysis.hedges ?? [];
    figures.push({
      id: 'hedged', value: percent(share), name: 'hedged sentences', spans: hedged,
      explain: `${formatCount(hedgedSentences)} of ${formatCount(sentences)} body sentences carry a hedge (might, could, reportedly, believed to…). Select to see them.`,
    });
  }
  if (analysis.sourcing && Array.isArray(analysis.sources)) {
    for (const [id, name, kinds, explain] of SOURCE_GROUPS) {
      const count = analysis.sourcing[id] ?? 0;
      if (id === 'document' && !count) continue;
      figures.push({ id, value: formatCount(count), name, spans: sourceSpans(analysis, kinds), explain: `${explain} Counted per claim. Select to see where the sources are named.` });
    }
  }
  return figures;
}

/** The places naming the sources of these kinds: each citing quote's source span, else the source's own. */
function sourceSpans(analysis, kinds) {
  const spans = [];
  for (const source of analysis.sources) {
    if (!kinds.includes(source.kind)) continue;
    for (const index of source.quotes ?? []) {
      const span = analysis.quotes?.[index]?.source ?? source;
      if (Number.isInteger(span.start)) spans.push({ start: span.start, end: span.end });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The LONGEST longest sentences (in words), in text order. */
function longestSentences(text, sentences) {
  return sentences
    .map((s) => ({ s, n: words(text.slice(s.start, s.end)) }))
    .sort((a, b) => b.n - a.n)
    .slice(0, LONGEST)
    .map(({ s }) => s)
    .sort((a, b) => a.start - b.start);
}

export function renderLabel(text, analysis, interactions) {
  const list = byId('label');
  list.replaceChildren(...labelFigures(text, analysis).map((figure) => {
    const item = el('li', null, `label-item label-${figure.id}`);
    const tip = el('span', figure.explain, 'label-tip');
    tip.id = `label-tip-${figure.id}`;
    tip.setAttribute('role', 'tooltip');
    const fig = el('button', null, 'label-figure');
    fig.type = 'button';
    fig.id = `label-${figure.id}`;
    fig.setAttribute('aria-describedby', tip.id);
    fig.append(el('span', figure.value, 'label-value'), el('span', ` ${figure.name}`, 'label-name'));
    if (figure.spans.length) interactions.pickable(fig, `${figure.value} ${figure.name}`, figure.spans);
    else fig.classList.add('is-empty');
    item.append(fig, tip);
    return item;
  }));
  list.onkeydown = (event) => {
    if (event.key === 'Escape') event.target.closest('.label-item')?.classList.add('tip-dismissed');
  };
  list.onfocusout = (event) => event.target.closest('.label-item')?.classList.remove('tip-dismissed');
  list.onmouseout = list.onfocusout;
}
