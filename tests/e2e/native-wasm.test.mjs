// The native build and the wasm build give identical results (issue #8, Robustness).
//
// Every text fixture (tests/fixtures/**, the page's sample article) and a few odd texts are
// analysed by the release CLI in one `--jsonl` run and by the release wasm `analyze` in this
// Node process, with default options, with tokens, and with a summary ratio; the parsed JSON
// of the one must deep-equal the object of the other (numbers compared as values, so 0.5 and
// 0.50 agree, but any difference in a float's value, a field, or the order of a list fails).
// Needs `cargo build --release` and scripts/build-wasm.sh first (make test does both).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { assertWasmBuilt } from './harness.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WWW = join(ROOT, 'www');
const CLI = join(ROOT, 'target/release/article-analyzer');

/** Every .txt under tests/fixtures, and the sample article, by path relative to the root. */
function fixtures() {
  const found = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.txt')) found.push(path);
    }
  };
  visit(join(ROOT, 'tests/fixtures'));
  found.push(join(WWW, 'sample-article.txt'));
  return found.sort().map((path) => [relative(ROOT, path), readFileSync(path, 'utf8')]);
}

/** Texts no fixture has: floats at their edges, non-English, scripts and odd characters. */
const ODD = [
  ['empty', ''],
  ['non-English', 'Der Stadtrat hat am Mittwoch beschlossen, neue Busspuren auf drei der belebtesten Straßen einzurichten. '.repeat(3)],
  ['scripts', 'Café 😀 naïve e\u0301 漢字のテスト。 שלום עולם. مرحبا بالعالم. 👩‍👩‍👧 Ωμέγα.\r\n\r\nNext.'],
  ['numbers', 'Shares rose 3.3333% to $1,000,000.01 on 1996-08-30, up 1e21 from 0.1 + 0.2 in 2/3 of cases.'],
  ['one word', 'Word'],
];

const OPTION_SETS = [{}, { tokens: true }, { summaryRatio: 0.5, summarySentences: 1 }];

test('the release CLI and the release wasm give the same JSON for every fixture and option set', async () => {
  assertWasmBuilt(WWW);
  assert.ok(existsSync(CLI), `${CLI} is missing: run cargo build --release first`);
  const wasm = await import('../../www/pkg/article_analyzer.js');
  wasm.initSync({ module: readFileSync(join(WWW, 'pkg/article_analyzer_bg.wasm')) });

  const texts = [...fixtures(), ...ODD];
  assert.ok(texts.length >= 15, `${texts.length} texts`);
  const items = texts.flatMap(([name, text]) => OPTION_SETS.map((options, o) => ({ id: `${name}#${o}`, text, options })));
  const input = items.map((item) => JSON.stringify(item)).join('\n');
  const lines = execFileSync(CLI, ['--jsonl'], { input, maxBuffer: 1 << 28 }).toString().trim().split('\n');
  assert.equal(lines.length, items.length);

  for (const [i, line] of lines.entries()) {
    const { id, analysis, error } = JSON.parse(line);
    const { text, options } = items[i];
    assert.equal(id, items[i].id);
    assert.equal(error, undefined, `${id}: ${error}`);
    const fromWasm = wasm.analyze(text, options);
    assert.deepStrictEqual(fromWasm, analysis, `${id}: native and wasm differ`);
  }
});
