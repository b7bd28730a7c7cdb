// Shared by the benchmarks: a median timer, and inputs of a given number of words built from
// real news text: BBC articles from
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

/** Median wall time of `fn` in ms over at least `minRuns` runs and at least `minMs` ms. */
export function median(fn, minRuns, minMs = 0) {
  const times = [];
  const start = performance.now();
  while (times.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1];
}
