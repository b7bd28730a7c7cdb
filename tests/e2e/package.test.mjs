// End-to-end tests of the npm package (built here by scripts/build-package.mjs into
// dist/npm/) in headless Chromium, with no bundler: a host page imports the package's
// files from a folder with <script type="module"> (hosts/no-bundler.html: the main entry and
// the worker wrapper), and a host page shows the <article-analysis> element
// (hosts/element.html). Expected figures come from the same wasm build run in Node.
// Run after scripts/build-wasm.sh:  node --test tests/e2e/package.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackage, relativeImports } from '../../scripts/build-package.mjs';
import { launchBrowser, startServer } from './harness.mjs';

const HOSTS = fileURLToPath(new URL('./hosts', import.meta.url));
const SAMPLE = readFileSync(fileURLToPath(new URL('../../www/sample-article.txt', import.meta.url)), 'utf8');

let wasm;
let site;
let server;
let browser;

before(async () => {
  const pkg = buildPackage();
  wasm = await import(join(pkg, 'index.js'));
  wasm.initSync({ module: readFileSync(join(pkg, 'pkg', 'article_analyzer_bg.wasm')) });
  site = mkdtempSync(join(tmpdir(), 'article-analyzer-host-'));
  cpSync(pkg, join(site, 'article-analyzer'), { recursive: true });
  cpSync(HOSTS, site, { recursive: true });
  cpSync(fileURLToPath(new URL('../../www/sample-article.txt', import.meta.url)), join(site, 'article.txt'));
  server = await startServer(site);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

async function open(path) {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${server.origin}/${path}`);
  return { page, problems };
}

const IMPORT_CASES = [
  ['named import', "import { a, b } from './x.js';", ['x.js']],
  ['import spanning lines', "import {\n  a,\n  b,\n} from './views.js';", ['views.js']],
  ['side-effect import', "import './element.js';", ['element.js']],
  ['default import from a subfolder', "import init from './pkg/glue.js';", ['pkg/glue.js']],
  ['re-export', "export { default, analyze } from './pkg/glue.js';", ['pkg/glue.js']],
  ['two imports', "import a from './a.js';\nimport b from './b.js';", ['a.js', 'b.js']],
  ['package import is not copied', "import { chromium } from 'playwright-core';", []],
  ['parent folder is not followed', "import x from '../x.js';", []],
  ['dynamic import is not followed', "const m = await import('./lazy.js');", []],
  ['a path in a string is not an import', "const url = new URL('./worker.js', import.meta.url);", []],
  ['a local export is not an import', 'export function f() {}', []],
  ['a path returned by an export is not an import', "export function f() { return './x.js'; }", []],
];

for (const [name, source, expected] of IMPORT_CASES) {
  test(`relativeImports: ${name}`, () => assert.deepEqual(relativeImports(source), expected));
}

test('package.json names the ES module entries, the worker, the element and their types', () => {
  const manifest = JSON.parse(readFileSync(join(site, 'article-analyzer', 'package.json'), 'utf8'));
  const cargoVersion = /^version\s*=\s*"([^"]+)"/m.exec(readFileSync(fileURLToPath(new URL('../../Cargo.toml', import.meta.url)), 'utf8'))[1];
  assert.equal(manifest.name, 'article-analyzer');
  assert.equal(manifest.version, cargoVersion);
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.types, './index.d.ts');
  for (const [entry, file] of [['.', 'index'], ['./worker', 'analyzer'], ['./element', 'article-analysis']]) {
    assert.deepEqual(manifest.exports[entry], { types: `./${file}.d.ts`, default: `./${file}.js` });
  }
  const types = readFileSync(join(site, 'article-analyzer', 'types.d.ts'), 'utf8');
  for (const name of ['Options', 'Analysis', 'EntityOut', 'QuoteOut', 'SourceOut', 'HedgeOut', 'KeyphraseOut', 'Readability']) {
    assert.match(types, new RegExp(`^export type ${name} = `, 'm'));
  }
});

test('with no bundler: init + analyze on the page, and createAnalyzer in a worker', async () => {
  const { page, problems } = await open('no-bundler.html');
  try {
    await page.waitForSelector('body[data-done]');
    const results = await page.evaluate(() => window.results);
    const expected = wasm.analyze(SAMPLE, { summarySentences: 2 });
    assert.equal(results.version, expected.version);
    assert.deepEqual(results.direct, expected);
    assert.deepEqual(results.viaWorker, expected);
    assert.equal(results.direct.summary.length, 2);
    assert.match(results.refusal, /unknown field `summarySentence`/);
    assert.match(results.terminated, /terminated/);
    assert.equal(results.afterRestart, 4);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

/** What the element at `selector` shows, read from its shadow root. */
function report(page, selector) {
  return page.locator(selector).evaluate((host) => {
    const root = host.shadowRoot;
    const text = (id) => root.getElementById(id).textContent;
    const all = (css) => [...root.querySelectorAll(css)];
    return {
      state: host.dataset.state,
      sentences: text('ov-sentences'),
      grade: text('ov-grade'),
      summary: all('#summary li').map((li) => li.textContent),
      keyphrases: all('#keyphrases .chip').length,
      entities: all('#entities .chip').length,
      entitiesHidden: root.getElementById('entities-section').hidden,
      quotes: all('#quotes .quote-item').length,
      readabilityRows: all('#readability tbody tr').length,
      title: root.querySelector('#article h3')?.textContent,
      blocks: all('#article .block').length,
      status: root.querySelector('.status').textContent,
      resultsHidden: root.getElementById('results').hidden,
      lightDomIds: ['ov-sentences', 'summary', 'article'].filter((id) => document.getElementById(id)),
    };
  });
}

test('<article-analysis> renders the report of its text content in its shadow root', async () => {
  const { page, problems } = await open('element.html');
  try {
    await page.waitForSelector('#from-content[data-state="ready"]');
    const text = await page.locator('#from-content').evaluate((host) => host.textContent);
    const expected = wasm.analyze(text, {});
    const shown = await report(page, '#from-content');
    assert.equal(shown.sentences, expected.stats.sentences.toLocaleString('en'));
    assert.equal(shown.grade, expected.readability.fleschKincaidGrade?.toFixed(1) ?? '—');
    assert.deepEqual(shown.summary, expected.summary.map((s) => text.slice(s.start, s.end).replace(/\s+/g, ' ').trim()));
    assert.equal(shown.keyphrases, expected.keyphrases.length);
    assert.equal(shown.entities, expected.entities.length);
    assert.equal(shown.quotes, expected.quotes.length);
    assert.ok(shown.quotes >= 1, 'the quote by Ana Ruiz is listed');
    assert.equal(shown.readabilityRows, 6);
    assert.equal(shown.title, 'Rain Returns to the Valley');
    assert.equal(shown.blocks, expected.paragraphs.length);
    assert.deepEqual(shown.lightDomIds, [], 'nothing leaks into the host document');
    assert.deepEqual(await page.locator('#from-content').evaluate((host) => host.analysis.stats), expected.stats);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('<article-analysis>: the text property, CSS custom properties, picking a chip, events and errors', async () => {
  const { page, problems } = await open('element.html');
  try {
    const styled = page.locator('#styled');
    assert.equal(await styled.getAttribute('data-state'), 'empty');
    const event = styled.evaluate((host, sample) => new Promise((resolve, reject) => {
      host.addEventListener('analysis', (e) => resolve(e.detail.stats.words), { once: true });
      host.addEventListener('analysis-error', (e) => reject(e.detail), { once: true });
      setTimeout(() => reject(new Error(`no analysis event; state ${host.dataset.state}`)), 20_000);
      host.text = sample;
    }), SAMPLE);
    assert.equal(await event, wasm.analyze(SAMPLE, {}).stats.words);
    await page.waitForSelector('#styled[data-state="ready"]');
    const expected = wasm.analyze(SAMPLE, {});
    const shown = await report(page, '#styled');
    assert.equal(shown.sentences, expected.stats.sentences.toLocaleString('en'));
    assert.equal(shown.entitiesHidden, false);
    assert.ok(shown.entities > 0);

    const look = await styled.evaluate((host) => {
      const sentence = host.shadowRoot.querySelector('.summary-sentence');
      const style = getComputedStyle(sentence);
      return { border: style.borderLeftColor, radius: style.borderTopRightRadius, font: getComputedStyle(host).fontFamily };
    });
    assert.deepEqual(look, { border: 'rgb(1, 2, 3)', radius: '0px', font: 'monospace' });

    // Picking a key phrase highlights its mentions (aria-pressed), as on the page.
    const chip = styled.locator('#keyphrases .chip').first();
    await chip.click();
    assert.equal(await chip.getAttribute('aria-pressed'), 'true');

    // The attribute is used when no property is set; a failing analyzer shows an error.
    await page.evaluate(() => {
      const element = document.createElement('article-analysis');
      element.id = 'failing';
      element.analyzer = { analyze: () => Promise.reject(new Error('no analyzer here')) };
      element.setAttribute('text', 'Some text to analyse.');
      document.body.append(element);
    });
    await page.waitForSelector('#failing[data-state="error"]');
    const failed = await report(page, '#failing');
    assert.match(failed.status, /no analyzer here/);
    assert.equal(failed.resultsHidden, true);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});
