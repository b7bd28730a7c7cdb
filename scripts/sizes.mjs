// Measures the size of each embeddable artefact, raw and gzipped (-9), for the README's
// "Embedding" section. Run after building them:
//   scripts/build-wasm.sh && node scripts/build-package.mjs && node scripts/build-standalone.mjs
//   node scripts/sizes.mjs
// Output: a Markdown table on stdout. A group of files counts each file gzipped on its own,
// as a server sends them; the npm tarball is `npm pack`'s own (already gzipped) size.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { relativeImports } from './build-package.mjs';
import { STANDALONE } from './build-standalone.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NPM = join(ROOT, 'dist', 'npm');

/** `entry` and the package modules it imports, transitively (the wasm glue excluded). */
function closure(entry) {
  const seen = new Set();
  const queue = [entry];
  while (queue.length) {
    const name = queue.pop();
    if (seen.has(name) || name.startsWith('pkg/')) continue;
    seen.add(name);
    queue.push(...relativeImports(readFileSync(join(NPM, name), 'utf8')));
  }
  return [...seen];
}

function measure(files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

const inNpm = (names) => names.map((name) => join(NPM, name));
const worker = closure('analyzer.js').concat('worker.js');
const element = closure('article-analysis.js').filter((name) => !worker.includes(name));
const rows = [
  ['`.wasm` (`pkg/article_analyzer_bg.wasm`)', measure(inNpm(['pkg/article_analyzer_bg.wasm']))],
  ['wasm-bindgen glue + `index.js` (main entry)', measure(inNpm(['pkg/article_analyzer.js', 'index.js']))],
  ['worker wrapper (`analyzer.js`, `analyzer-client.js`, `worker.js`)', measure(inNpm(worker))],
  [`\`<article-analysis>\` element (${element.length} modules, without the worker wrapper)`, measure(inNpm(element))],
  ['`types.d.ts` (generated declarations)', measure(inNpm(['types.d.ts']))],
  ['single HTML file (`dist/article-analyzer.html`)', measure([STANDALONE])],
];
const pack = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', NPM], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))[0];

const fmt = (n) => n.toLocaleString('en');
console.log('| artefact | bytes | gzipped (-9) |');
console.log('| --- | ---: | ---: |');
for (const [name, { raw, gzip }] of rows) console.log(`| ${name} | ${fmt(raw)} | ${fmt(gzip)} |`);
console.log(`| whole npm package (\`npm pack\`, ${pack.entryCount} files) | ${fmt(pack.unpackedSize)} | ${fmt(pack.size)} (.tgz) |`);
