// The "In brief" panel: the summary sentences and the key phrase chips.
//
// Input: the analysed text, the analysis (`summary`: [{start, end}] in article order;
// `keyphrases`: [{text, score, mentions: [{start, end}]}] best first; either may be absent)
// and the Interactions (interact.js) that make the buttons act. Output: #summary holds one
// button per summary sentence (its text; it jumps to the sentence), #keyphrases one chip per
// phrase (it highlights the phrase's mentions). Text goes in as text nodes only.

import { button, byId, countBadge, listItem } from './dom.js';
import { oneLine } from './format.js';

export function renderBrief(text, analysis, interactions) {
  const summary = Array.isArray(analysis.summary) ? analysis.summary : [];
  const phrases = Array.isArray(analysis.keyphrases) ? analysis.keyphrases : [];
  byId('brief-section').hidden = !summary.length && !phrases.length;

  byId('summary-block').hidden = !summary.length;
  byId('summary').replaceChildren(...summary.map((span, i) => {
    const item = button(oneLine(text.slice(span.start, span.end)), 'summary-sentence');
    interactions.jumpable(item, `Summary sentence ${i + 1}`, span);
    return listItem(item);
  }));

  byId('keyphrases-block').hidden = !phrases.length;
  byId('keyphrases').replaceChildren(...phrases.map((phrase) => {
    const mentions = phrase.mentions ?? [];
    const chip = button(phrase.text, 'chip');
    chip.append(countBadge(mentions.length, 'mention'));
    chip.title = `Relevance ${Math.round(phrase.score * 100)}%. Select to highlight it in the text.`;
    interactions.pickable(chip, phrase.text, mentions);
    return listItem(chip);
  }));
}
