// Side-by-side speed of the wasm `analyze` and the tools a user would pick instead, in one
// Node process on the same news texts (benches/corpus.mjs), after warm-up:
//   compromise: nlp(text) plus people, places, organizations, quotations and topics;
//   wink-nlp with wink-eng-lite-web-model: readDoc plus entities, sentiment and readability.
// Reports the median ms per article, words per second and the ratio of each peer to ours.
// Setup once: `npm ci --prefix benches/peers`; build the wasm (`scripts/build-wasm.sh`); run:
// `node benches/peers.mjs [--large]` (1M words with --large; compromise stops at 100k words
// because it grows worse than linearly: about a minute at 100k).
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { createRequire } from 'node:module';
import { initSync, analyze } from '../www/pkg/article_analyzer.js';
import { newsText, countWords, median } from './corpus.mjs';

const require = createRequire(new URL('./peers/package.json', import.meta.url));
const nlp = require('compromise');
const winkNLP = require('wink-nlp');
const winkModel = require('wink-eng-lite-web-model');
const wink = winkNLP(winkModel);
const its = wink.its;

initSync({ module: readFileSync(new URL('../www/pkg/article_analyzer_bg.wasm', import.meta.url)) });

const tools = {
  'article-analyzer (wasm)': (text) => analyze(text),
  'wink-nlp': (text) => {
    const doc = wink.readDoc(text);
    return [doc.entities().out(), doc.out(its.sentiment), doc.out(its.readabilityStats)];
  },
  compromise: (text) => {
    const doc = nlp(text);
    return [doc.people().out('array'), doc.places().out('array'), doc.organizations().out('array'),
      doc.quotations().out('array'), doc.topics().out('array')];
  },
};


const sizes = [1_000, 10_000, 100_000];
if (process.argv.includes('--large')) sizes.push(1_000_000);
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, Node ${process.version}`);
console.log('words\ttool\tmedian ms\twords/s\tratio to ours');
for (const n of sizes) {
  const text = newsText(n);
  const words = countWords(text);
  let ours;
  for (const [name, run] of Object.entries(tools)) {
    if (name === 'compromise' && n > 100_000) continue;
    const runs = n >= 100_000 ? 3 : n >= 10_000 ? 7 : 21;
    run(text); // warm-up
    if (n < 100_000) run(text);
    const ms = median(() => run(text), runs);
    ours ??= ms;
    console.log(`${words}\t${name}\t${ms.toFixed(2)}\t${Math.round(words / (ms / 1000))}\t${(ms / ours).toFixed(1)}x`);
  }
}
