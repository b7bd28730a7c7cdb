// End-to-end tests of offline use in headless Chromium.
// 1. The served page: once loaded, its service worker (www/sw.js) controls it; then, with the
//    browser offline AND the server stopped, a reload still shows the page, which analyses.
// 2. The single self-contained HTML file (scripts/build-standalone.mjs, built here), opened
//    from file:// with the browser offline and every non-file request aborted: it analyses
//    typed text and the sample in its worker (from a blob: URL), asks for nothing but its own
//    file, and its CSP blocks a fetch.
// Run after scripts/build-wasm.sh and npm ci:  node --test tests/e2e/offline.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildStandalone } from '../../scripts/build-standalone.mjs';
import { assertWasmBuilt, launchBrowser, startServer } from './harness.mjs';

const WWW = fileURLToPath(new URL('../../www', import.meta.url));
const SAMPLE = readFileSync(`${WWW}/sample-article.txt`, 'utf8');
const TEXT = 'Offline readers still get answers. The analyzer runs in the page. Nothing is sent anywhere.';

let wasm;
let standalone;
let browser;

before(async () => {
  assertWasmBuilt(WWW);
  wasm = await import('../../www/pkg/article_analyzer.js');
  wasm.initSync({ module: readFileSync(`${WWW}/pkg/article_analyzer_bg.wasm`) });
  standalone = await buildStandalone();
  browser = await launchBrowser({ serviceWorkers: 'allow' });
});

after(async () => {
  await browser?.close();
});

function watch(page) {
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** Types `text` into the page, waits for its analysis and returns the sentence count shown. */
async function analyse(page, text) {
  await page.fill('#text', text);
  await page.waitForFunction(
    (n) => document.getElementById('status').textContent.startsWith(`Analysed ${n} characters`),
    text.replace(/\r\n/g, '\n').length.toLocaleString('en'),
  );
  return page.locator('#ov-sentences').innerText();
}

test('once loaded, the page reloads and analyses with the network off (service worker)', async () => {
  const server = await startServer(WWW);
  const page = await browser.context.newPage();
  const problems = watch(page);
  try {
    await page.goto(`${server.origin}/`);
    await page.waitForSelector('body[data-ready]');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });

    await server.close();
    await browser.context.setOffline(true);
    const response = await page.reload();
    assert.ok(response.fromServiceWorker(), 'the page came from the service worker');
    await page.waitForSelector('body[data-ready]');
    assert.equal(await analyse(page, TEXT), String(wasm.analyze(TEXT, {}).stats.sentences));
    await page.click('#load-sample');
    await page.waitForFunction((n) => document.getElementById('status').textContent.startsWith(`Analysed ${n} characters`),
      SAMPLE.replace(/\r\n/g, '\n').length.toLocaleString('en'));
    assert.deepEqual(problems, []);
  } finally {
    await browser.context.setOffline(false);
    await page.close();
    await server.close().catch(() => {});
  }
});

test('the single HTML file works from file:// with all networking disabled', async () => {
  const context = browser.context;
  const requested = [];
  const onRequest = (request) => requested.push(request.url());
  context.on('request', onRequest);
  await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await context.setOffline(true);
  const page = await context.newPage();
  const problems = watch(page);
  try {
    const url = pathToFileURL(standalone).href;
    await page.goto(url);
    await page.waitForSelector('body[data-ready]');
    assert.match(await page.locator('#version').innerText(), /^\d+\.\d+\.\d+/);
    assert.equal(await analyse(page, TEXT), String(wasm.analyze(TEXT, {}).stats.sentences));
    await page.click('#load-sample');
    await page.waitForFunction((n) => document.getElementById('status').textContent.startsWith(`Analysed ${n} characters`),
      SAMPLE.replace(/\r\n/g, '\n').length.toLocaleString('en'));
    assert.equal(await page.locator('#ov-sentences').innerText(), wasm.analyze(SAMPLE, {}).stats.sentences.toLocaleString('en'));
    assert.deepEqual(problems, []);

    // The CSP forbids every request, whatever the network.
    const blocked = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
      const fetched = await fetch('https://example.com/').then(() => 'fetched', () => 'blocked');
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { fetched, violations };
    });
    assert.deepEqual(blocked, { fetched: 'blocked', violations: ['connect-src'] });
    // Nothing was requested but the file itself; the analysis ran in a worker from a blob: URL.
    assert.deepEqual(requested.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:')), [url]);
    assert.deepEqual(page.workers().map((worker) => worker.url().slice(0, 5)), ['blob:']);
  } finally {
    context.off('request', onRequest);
    await context.unroute('**/*');
    await context.setOffline(false);
    await page.close();
  }
});
