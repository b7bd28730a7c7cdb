// The shareable Markdown report of one analysis: the article label, summary, key phrases,
// names, sources with their quotes, hedging, readability with formulas, and warnings.
//
// Input: the analysed text and its analysis (fields of later stages may be absent; their
// sections are left out). Output: a Markdown string; pieces of the article are put on one
// line and their Markdown punctuation escaped, so the report renders as plain text. No DOM:
// this module also runs in Node.

import { groupEntities } from './entities-view.js';
import { clip, formatCount, formatScore, oneLine } from './format.js';
import { labelFigures } from './label-view.js';
import { readabilityRows } from './readability-view.js';
import { sortedSources, sourceGroups, sourceKindLabel } from './sources-view.js';

const QUOTE_CHARS = 300;
const ENTITIES_PER_KIND = 10;

/** Article text made inert for Markdown: one line, punctuation that Markdown reads escaped. */
export function mdText(s) {
  return oneLine(s).replace(/([\\`*_[\]<>|#~])/g, '\\$1');
}

const span = (text, s) => mdText(text.slice(s.start, s.end));

export function markdownReport(text, analysis, version = '') {
  const title = analysis.structure?.title ? span(text, analysis.structure.title) : 'Untitled article';
  const out = [`# ${title}`, '', `*Report by article-analyzer${version ? ` ${version}` : ''}: counts, not verdicts. Figures cover the article body.*`, ''];
  const section = (heading, lines) => {
    if (lines.length) out.push(`## ${heading}`, '', ...lines, '');
  };

  section('Article label', [
    '| Figure | Value | What it means |', '| --- | ---: | --- |',
    ...labelFigures(text, analysis).map((f) => `| ${f.name} | ${f.value} | ${cell(f.explain.replace(/ Select to .*$/, ''))} |`),
  ]);
  section('Summary', (analysis.summary ?? []).map((s, i) => `${i + 1}. ${span(text, s)}`));
  const phrases = (analysis.keyphrases ?? []).map((k) => `${mdText(k.text)} (${k.mentions?.length ?? 0})`);
  section('Key phrases', phrases.length ? [phrases.join(', ')] : []);
  section('People, places and figures', groupEntities(analysis.entities ?? []).map(({ heading, entities }) => {
    const names = entities.slice(0, ENTITIES_PER_KIND).map((e) => `${mdText(e.name)} (${e.mentions?.length ?? 0})`);
    const more = entities.length > ENTITIES_PER_KIND ? `, and ${formatCount(entities.length - ENTITIES_PER_KIND)} more` : '';
    return `- **${heading}:** ${names.join(', ')}${more}`;
  }));
  section('Sources', sourceLines(text, analysis));
  if (analysis.hedging) {
    const { hedgedSentences, sentences, share } = analysis.hedging;
    const cues = [...new Set((analysis.hedges ?? []).map((h) => text.slice(h.start, h.end).toLowerCase()))].map(mdText);
    section('Hedging', [
      `${formatCount(hedgedSentences)} of ${formatCount(sentences)} body sentences (${Math.round(share * 100)}%) carry a hedge.`
      + (cues.length ? ` Hedge words: ${cues.join(', ')}.` : ''),
    ]);
  }
  if (analysis.stats) {
    section('Readability', [
      '| Score | Value | Formula |', '| --- | ---: | --- |',
      ...readabilityRows(analysis.readability, analysis.stats).map((r) => `| ${r.name} | ${formatScore(r.value)} | ${cell(r.formula)} |`),
    ]);
  }
  section('Warnings', (analysis.warnings ?? []).map((w) => `- ${mdText(w.message)}`));
  return `${out.join('\n').trimEnd()}\n`;
}

function sourceLines(text, analysis) {
  if (!Array.isArray(analysis.sources)) return [];
  const groups = sourceGroups(analysis.sourcing);
  const lines = [];
  if (groups.length) lines.push(`Claims by kind of source: ${groups.map((g) => `${g.label} ${formatCount(g.count)}`).join(', ')}.`, '');
  for (const source of sortedSources(analysis.sources)) {
    const role = Number.isInteger(source.role?.start) ? `, ${span(text, source.role)}` : '';
    const count = source.quotes?.length ?? 0;
    lines.push(`- **${mdText(source.name ?? '')}** (${sourceKindLabel(source.kind)}${role}): ${formatCount(count)} quote${count === 1 ? '' : 's'}`);
    for (const index of source.quotes ?? []) {
      const quote = analysis.quotes?.[index];
      if (quote?.content) lines.push(`  - ${quote.direct ? 'quoted' : 'reported'}: ${mdText(clip(oneLine(text.slice(quote.content.start, quote.content.end)), QUOTE_CHARS))}`);
    }
  }
  return lines;
}

/** A table cell: no line breaks, pipes escaped. */
function cell(s) {
  return oneLine(s).replace(/\|/g, '\\|');
}
