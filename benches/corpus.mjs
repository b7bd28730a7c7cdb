// Builds benchmark inputs of a given number of words from real news text: BBC articles from
// ../shared/data/bbc_news_summary/dev.jsonl (research use; see its README), joined by blank
// lines until the word count is reached. Deterministic: always the same articles in order.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DATA = fileURLToPath(new URL('../../shared/data/bbc_news_summary/dev.jsonl', import.meta.url));

let articles;
function load() {
  articles ??= readFileSync(DATA, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).article);
  return articles;
}

export const countWords = (text) => text.split(/\s+/).filter(Boolean).length;

/** News text of at least `words` words (whole articles, cycling through the set). */
export function newsText(words) {
  const parts = [];
  let total = 0;
  for (let i = 0; total < words; i = (i + 1) % load().length) {
    parts.push(load()[i]);
    total += countWords(load()[i]);
  }
  return parts.join('\n\n');
}
