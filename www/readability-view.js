// The readability panel: every score with what it means, the counts it is computed from and
// its formula with those counts filled in, so a reader can check the arithmetic.
//
// Input: the analysis `readability` (scores, null when the body is too short) and `stats`
// (body counts: words, sentences, syllables, polysyllables, complexWords, letters). Output:
// #readability-counts (one line of counts), the rows of #readability and the
// #readability-missing note. `readabilityRows` (no DOM) gives each row's figures; its
// `compute` re-does the formula, so the tests can check it against the analyzer's score.

import { byId, el } from './dom.js';
import { capitalise, explainEase, formatCount, formatScore } from './format.js';

const per = (a, b) => a / b;

/** [key, name, meaning, formula(stats) → text, compute(stats) → number]; the formulas are those of src/stages/readability.rs. */
const SCORES = [
  ['fleschReadingEase', 'Flesch reading ease', 'From 0 to 100: higher is easier. 60 to 70 is plain English.',
    (s) => `206.835 − 1.015 × ${n(s.words)} words ÷ ${n(s.sentences)} sentences − 84.6 × ${n(s.syllables)} syllables ÷ ${n(s.words)} words`,
    (s) => 206.835 - 1.015 * per(s.words, s.sentences) - 84.6 * per(s.syllables, s.words)],
  ['fleschKincaidGrade', 'Flesch–Kincaid grade', 'The US school grade needed to follow the text.',
    (s) => `0.39 × ${n(s.words)} words ÷ ${n(s.sentences)} sentences + 11.8 × ${n(s.syllables)} syllables ÷ ${n(s.words)} words − 15.59`,
    (s) => 0.39 * per(s.words, s.sentences) + 11.8 * per(s.syllables, s.words) - 15.59],
  ['gunningFog', 'Gunning fog index', 'Years of schooling needed to understand it on a first reading.',
    (s) => `0.4 × (${n(s.words)} words ÷ ${n(s.sentences)} sentences + 100 × ${n(s.complexWords)} hard words ÷ ${n(s.words)} words)`,
    (s) => 0.4 * (per(s.words, s.sentences) + 100 * per(s.complexWords, s.words))],
  ['smog', 'SMOG grade', 'Years of schooling needed, from the share of words of three or more syllables.',
    (s) => `1.0430 × √(${n(s.polysyllables)} words of 3+ syllables × 30 ÷ ${n(s.sentences)} sentences) + 3.1291`,
    (s) => 1.043 * Math.sqrt((s.polysyllables * 30) / s.sentences) + 3.1291],
  ['colemanLiau', 'Coleman–Liau index', 'US school grade, from letters per word and sentences per 100 words.',
    (s) => `0.0588 × 100 × ${n(s.letters)} letters ÷ ${n(s.words)} words − 0.296 × 100 × ${n(s.sentences)} sentences ÷ ${n(s.words)} words − 15.8`,
    (s) => 0.0588 * 100 * per(s.letters, s.words) - 0.296 * 100 * per(s.sentences, s.words) - 15.8],
  ['automatedReadabilityIndex', 'Automated readability index', 'US school grade, from characters per word and words per sentence.',
    (s) => `4.71 × ${n(s.letters)} letters and digits ÷ ${n(s.words)} words + 0.5 × ${n(s.words)} words ÷ ${n(s.sentences)} sentences − 21.43`,
    (s) => 4.71 * per(s.letters, s.words) + 0.5 * per(s.words, s.sentences) - 21.43],
];

const n = (count) => formatCount(count ?? 0);

/**
 * @returns {{key: string, name: string, value: number | null, meaning: string, formula: string, compute: () => number}[]}
 */
export function readabilityRows(readability, stats) {
  return SCORES.map(([key, name, meaning, formula, compute]) => ({
    key, name, value: readability?.[key] ?? null, meaning, formula: formula(stats), compute: () => compute(stats),
  }));
}

/** The counts the formulas use, as one sentence. */
export function countsLine(stats) {
  return `Counted over the article body: ${n(stats.words)} words in ${n(stats.sentences)} sentences, `
    + `${n(stats.syllables)} syllables, ${n(stats.polysyllables)} words of three or more syllables `
    + `(${n(stats.complexWords)} of them "hard words" for the fog index, leaving out names and -ed, -es, -ing forms), `
    + `${n(stats.letters)} letters and digits.`;
}

export function renderReadability(readability, stats) {
  const rows = readabilityRows(readability, stats ?? {});
  byId('readability-counts').textContent = stats ? countsLine(stats) : '';
  byId('readability').tBodies[0].replaceChildren(...rows.map((row) => {
    const tr = document.createElement('tr');
    if (row.value == null) tr.className = 'missing';
    const header = el('th', row.name);
    header.scope = 'row';
    let explanation = row.meaning;
    if (row.value == null) explanation = `Not enough text for this formula. ${row.meaning}`;
    else if (row.key === 'fleschReadingEase') explanation = `${capitalise(explainEase(row.value))}. ${row.meaning}`;
    const meaning = el('td', explanation);
    if (stats) {
      const formula = el('span', null, 'formula');
      formula.append(el('span', 'Formula: ', 'visually-hidden'), row.formula, row.value == null ? '' : ` = ${formatScore(row.value)}`);
      meaning.append(formula);
    }
    tr.append(header, el('td', formatScore(row.value), 'num'), meaning);
    return tr;
  }));

  const missing = rows.filter((row) => row.value == null).map((row) => row.name);
  const line = byId('readability-missing');
  line.hidden = missing.length === 0;
  line.textContent = missing.length
    ? `${missing.length === rows.length ? 'No score' : missing.join(', ')} could not be computed: the article body is too short for ${missing.length === 1 ? 'this formula' : 'these formulas'}.`
    : '';
}
