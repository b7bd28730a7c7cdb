// Times the wasm build's `analyze` under Node on 1k, 10k and 100k-word news texts (1M with
// --large), after warm-up, and reports the median, words per second, and the ratio to a
// baseline measured in the same run: a plain JavaScript word count of the same text
// (`text.split(/\s+/)`), which tells how fast this machine is at touching every byte.
// First, the cold start a page sees: compiling and instantiating the module, then the first
// calls on the 1k text (the first parses every embedded model, and until V8 has optimised
// the hot functions in the background they run as baseline code).
// Run after `scripts/build-wasm.sh`: `node benches/wasm.mjs [--large]`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { initSync, analyze } from '../www/pkg/article_analyzer.js';
import { newsText, countWords, median } from './corpus.mjs';

const wasmPath = new URL('../www/pkg/article_analyzer_bg.wasm', import.meta.url);
const wasmBytes = readFileSync(wasmPath);
const t0 = performance.now();
initSync({ module: wasmBytes });
const initMs = performance.now() - t0;

const sizes = [1_000, 10_000, 100_000];
if (process.argv.includes('--large')) sizes.push(1_000_000);

const glue = readFileSync(new URL('../www/pkg/article_analyzer.js', import.meta.url));
console.log(`machine: ${cpus()[0]?.model ?? 'unknown'} x${cpus().length}, Node ${process.version}`);
console.log(`size: .wasm ${wasmBytes.length} B (gzip ${gzipSync(wasmBytes, { level: 9 }).length} B), glue ${glue.length} B (gzip ${gzipSync(glue, { level: 9 }).length} B)`);
const coldText = newsText(1_000);
const firstCalls = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  analyze(coldText);
  firstCalls.push(performance.now() - t);
}
console.log(`cold start: compile + instantiate ${initMs.toFixed(1)} ms; first three calls on ${countWords(coldText)} words: ${firstCalls.map((ms) => ms.toFixed(1)).join(', ')} ms`);
console.log('words\tanalyze ms\twords/s\tbaseline ms\tratio');
for (const n of sizes) {
  const text = newsText(n);
  const words = countWords(text);
  for (let i = 0; i < 3; i++) analyze(text);
  const runs = n >= 1_000_000 ? 3 : 15;
  const ms = median(() => analyze(text), runs, n >= 1_000_000 ? 0 : 1000);
  const base = median(() => countWords(text), runs, 300);
  const wps = Math.round(words / (ms / 1000));
  console.log(`${words}\t${ms.toFixed(3)}\t${wps}\t${base.toFixed(3)}\t${(ms / base).toFixed(1)}x`);
}
