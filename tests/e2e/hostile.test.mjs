// Hostile and odd input at full size (issue #8, Robustness), against the release builds:
// the wasm `analyze` in this Node process, the release CLI, and the page in headless
// Chromium. The smaller, debug-build cases are in tests/hostile.rs.
//
// Node: 10 MB of text (under the 16 MiB MAX_INPUT_BYTES, so it gets a result; wasm only), a single
// 1 MB line with no punctuation, 100,000 quotation marks, 50,000 levels of nested brackets
// and quotes, one article repeated 1,000 times, lone UTF-16 surrogates, and binary bytes
// (decoded by TextDecoder for wasm; raw through the CLI, which replaces invalid UTF-8 and
// warns); and texts from JavaScript that are not strings (an Error, not a trap). Each result
// is checked span by span (check-analysis.mjs), and the CLI's JSON must equal the wasm result. The 30 s ceiling is only a guard against hangs: the times are
// printed, and timing proper belongs to the benchmarks.
// Page: the same odd texts pasted one after the other; each is analysed with no console
// error, and a short text pasted after it is analysed too (the page stays usable).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { assertWasmBuilt, launchBrowser, startServer } from './harness.mjs';
import { checkAnalysis } from './check-analysis.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WWW = join(ROOT, 'www');
const CLI = join(ROOT, 'target/release/article-analyzer');
const SAMPLE = readFileSync(join(WWW, 'sample-article.txt'), 'utf8');
const HANG_GUARD_MS = 30_000;
/**
 * The 10 MB text (1.7 million words) is analysed by wasm only, with a wider guard: today it
 * takes 20–80 s on the loaded 2-core machine (see README, Speed), so 30 s would fail on speed,
 * which the benchmarks track, rather than on a hang, which this guards against.
 */
const HUGE = '10 MB of text';
const HUGE_GUARD_MS = 150_000;

/** Every article fixture, joined: real news-like text with quotes, names and numbers. */
const ARTICLES = ['golden', 'structure', 'quotes']
  .flatMap((dir) => readdirSync(join(ROOT, 'tests/fixtures', dir)).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => readFileSync(join(ROOT, 'tests/fixtures', dir, f), 'utf8')))
  .join('\n\n');

/** Repeats `piece` until the text has at least `bytes` UTF-8 bytes. */
function upTo(piece, bytes) {
  return piece.repeat(Math.ceil(bytes / Buffer.byteLength(piece)));
}

/** `count` deterministic pseudo-random bytes (xorshift32). */
function randomBytes(count) {
  const bytes = new Uint8Array(count);
  let x = 0x9e3779b9;
  for (let i = 0; i < count; i++) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

const WORDS = ['council', 'budget', 'Ana', 'Ruiz', 'water', 'the', 'of', 'said', 'London', 'vote', 'Tuesday', 'rain'];
const nested = (open, close, depth) => `${open.repeat(depth)}Deep inside, the minister said it. ${close.repeat(depth)}`;

/** The hostile texts, by name; built lazily, as some are large. */
const CASES = {
  '10 MB of text': () => upTo(`${ARTICLES}\n\n`, 10_000_000),
  'a single 1 MB line with no punctuation': () => {
    const words = [];
    for (let i = 0, bytes = 0; bytes < 1_000_000; i++) {
      words.push(WORDS[(i * 7) % WORDS.length]);
      bytes += words.at(-1).length + 1;
    }
    return words.join(' ');
  },
  '100,000 quotation marks': () => '"'.repeat(50_000) + '\u201C\u201D'.repeat(25_000),
  '100,000 quotation marks between words': () => 'He said "yes '.repeat(100_000),
  '50,000 levels of nested brackets and quotes': () => nested('([{"\u2018', '\u2019"}])', 50_000),
  '50,000 unclosed brackets': () => `Opening. ${'(['.repeat(50_000)}`,
  'the same article repeated 1,000 times': () => Array(1000).fill(SAMPLE).join('\n\n'),
  'lone UTF-16 surrogates': () => `Bad \uD800 high, \uDC00 low, \uDBFF\uDBFF two highs, reversed \uDC00\uD800 pair. ${'\uD83D x \uDE00 '.repeat(10_000)}😀 ends.`,
  'binary bytes, decoded with replacement': () => new TextDecoder().decode(randomBytes(1_000_000)),
  'an HTML page': () => `<!DOCTYPE html><html><head><title>Page</title><script>var a = "<p>" + 1 < 2;</script></head>`
    + `<body><nav><a href="/">Home</a></nav><article><h1>Council Votes</h1><p>${SAMPLE.replace(/\n+/g, '</p>\n<p>')}</p></article>`
    + '<footer>&copy; 2024 &amp; &#8212;</footer></body></html>',
  'right-to-left and mixed scripts': () => 'Netanyahu said, \u201Cהממשלה הודיעה ביום שלישי.\u201D \u202Bقالت الحكومة يوم الثلاثاء.\u202C '
    + '\u2067(القدس)\u2069 and \u202Ereversed\u202C 2024 \u0661\u0662\u0663.\n\n'.repeat(500),
  'emoji ZWJ sequences and combining marks': () => 'Fans 👩‍👩‍👧‍👦 🏳️‍🌈 🇺🇦 👍🏽 1️⃣ cheered. Cafe\u0301 Z\u0300\u0301\u0302\u0303\u0304a\u0305\u0306lgo. '.repeat(5_000),
};

let wasm;

before(async () => {
  assertWasmBuilt(WWW);
  wasm = await import('../../www/pkg/article_analyzer.js');
  wasm.initSync({ module: readFileSync(join(WWW, 'pkg/article_analyzer_bg.wasm')) });
});

/** Runs the release CLI on `input` (a string or bytes); returns its parsed output and time. */
function cli(input, args = []) {
  const started = performance.now();
  const run = spawnSync(CLI, ['-', ...args], { input, maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  assert.equal(run.status, 0, `the CLI failed: ${run.stderr}`);
  return { json: JSON.parse(run.stdout.toString()), ms };
}

for (const [name, make] of Object.entries(CASES)) {
  test(`wasm${name === HUGE ? '' : ' and the native CLI'}: ${name}`, () => {
    const text = make();
    // Tokens too, except on the largest texts, where millions of them would make the
    // comparison the slow part.
    const tokens = text.length < 2_000_000;
    const started = performance.now();
    const analysis = wasm.analyze(text, { tokens });
    const ms = performance.now() - started;
    const spans = checkAnalysis(text, analysis);
    const native = existsSync(CLI) && name !== HUGE ? cli(text, tokens ? ['--tokens'] : []) : null;
    console.log(`${name}: ${Buffer.byteLength(text).toLocaleString('en')} bytes, ${analysis.stats.words.toLocaleString('en')} words, `
      + `${spans.toLocaleString('en')} spans; wasm ${Math.round(ms)} ms${native ? `, native CLI ${Math.round(native.ms)} ms` : ''}`);
    assert.ok(ms < (name === HUGE ? HUGE_GUARD_MS : HANG_GUARD_MS), `wasm took ${ms} ms`);
    if (native) {
      assert.ok(native.ms < HANG_GUARD_MS, `the CLI took ${native.ms} ms`);
      // A lone surrogate reaches Rust as U+FFFD either way, so the results agree.
      assert.deepStrictEqual(native.json, analysis, 'native and wasm differ');
    }
  });
}

test('just over the 16 MiB limit: a clear error from wasm and from the CLI', () => {
  const text = 'word '.repeat(Math.ceil((wasm.maxInputBytes() + 1) / 5));
  assert.throws(() => wasm.analyze(text, {}), (e) => e instanceof Error && /^the text is 16\.0 MB, larger than the 16 MB/.test(e.message));
  if (!existsSync(CLI)) return;
  const run = spawnSync(CLI, ['-'], { input: text });
  assert.equal(run.status, 1);
  assert.match(run.stderr.toString(), /16\.0 MB, larger than the 16 MB this analyzer accepts/);
});

test('a text that is not a string gets a thrown Error, not a trap, and the instance keeps working', () => {
  for (const value of [42, null, undefined, {}, [], Symbol.iterator, 10n, new String('boxed')]) {
    assert.throws(() => wasm.analyze(value, {}), (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError)
      && e.message === 'the text to analyse must be a string', String(value));
  }
  assert.equal(wasm.analyze('Still fine. Two sentences.', {}).sentences.length, 2);
});

test('raw binary bytes through the CLI: replaced, with an invalidUtf8 warning', { skip: !existsSync(CLI) && 'no release CLI' }, () => {
  const bytes = randomBytes(1_000_000);
  const { json, ms } = cli(bytes);
  console.log(`1 MB of binary bytes through the CLI: ${Math.round(ms)} ms`);
  assert.equal(json.warnings[0].code, 'invalidUtf8');
  const text = new TextDecoder().decode(bytes);
  checkAnalysis(text, json);
  json.warnings.shift();
  assert.deepStrictEqual(json, wasm.analyze(text, {}));
});

// The page: one browser, one page, every odd text pasted in turn.
let server;
let browser;
let page;
const problems = [];

async function pasteAndWait(text) {
  const started = Date.now();
  await page.evaluate((t) => {
    const box = document.getElementById('text');
    box.value = t;
    box.dispatchEvent(new Event('input'));
  }, text);
  const expected = `Analysed ${text.replace(/\r\n/g, '\n').length.toLocaleString('en')} characters`;
  await page.waitForFunction((prefix) => document.getElementById('status').textContent.startsWith(prefix)
    && !document.getElementById('results').hidden, expected, { timeout: HANG_GUARD_MS });
  return Date.now() - started;
}

test('the page stays usable after each odd text', async (t) => {
  server = await startServer(WWW);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.message()}`); await d.dismiss(); });
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('body[data-ready]');
  // The 10 MB and 1,000 × cases are left to Node above: the page's own 100,000-word test
  // covers long texts, and these keep the browser part to a few seconds each.
  const inPage = Object.keys(CASES).filter((name) => !/10 MB|1,000 times/.test(name));
  for (const name of inPage) {
    await t.test(name, async () => {
      const text = CASES[name]();
      // A text box keeps lone surrogates; the page sends them on to the worker as they are.
      const ms = await pasteAndWait(text);
      console.log(`page: ${name}: analysed and drawn in ${ms} ms`);
      assert.ok(await page.locator('#article .block').count() > 0);
      const after = await pasteAndWait('A short text again. It still works.');
      assert.ok(after < HANG_GUARD_MS);
      assert.equal(await page.locator('#label-words .label-value').innerText(), '7');
      assert.deepEqual(problems, []);
    });
  }
});

after(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
});
