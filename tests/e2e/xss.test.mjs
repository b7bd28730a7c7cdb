// The page against script injection (issue #8, Robustness), in headless Chromium.
//
// Every payload of tests/fixtures/xss-payloads.txt (after the OWASP XSS Filter Evasion Cheat
// Sheet) is pasted alone, then all of them together, each inside an article-like text too
// (so it lands in titles, sentences, quotes and entity chips). Payloads that run call
// window.__xss(n), alert(n) and the like, which are hooked before the page's scripts load;
// the test asserts that no hook fired, no dialog opened, no console error or page error
// happened, the DOM holds no element or attribute the page did not make itself (no new
// script, img, iframe, object, embed, svg, meta, base, link, form or any on* handler), the
// payloads are shown as literal text, and every request stayed on the page's origin and
// asked only for the page's own files. It also checks that the page's Content-Security-Policy
// is exactly the one the README states.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assertWasmBuilt, launchBrowser, startServer } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url);
const WWW = fileURLToPath(new URL('www', ROOT));
const PAYLOADS = readFileSync(new URL('tests/fixtures/xss-payloads.txt', ROOT), 'utf8')
  .split('\n').filter((line) => line.trim() !== '' && !line.startsWith('# '));

let server;
let browser;
let page;
/** Hooks fired, dialogs, console errors, page errors: all must stay empty. */
const problems = [];
/** Every URL requested by the browser, from the page or its worker. */
const requested = [];
/** The page's own DOM, before any paste: element counts by tag, to compare with after. */
let pagePaths;

/** Runs in the page before its own scripts: turns every way a payload can run into a record. */
function installHooks() {
  window.__xssHits = [];
  const hit = (how) => (...args) => { window.__xssHits.push(`${how}(${args.join(',')})`); };
  window.__xss = hit('__xss');
  window.alert = hit('alert');
  window.confirm = hit('confirm');
  window.prompt = hit('prompt');
  window.print = hit('print');
}

before(async () => {
  assertWasmBuilt(WWW);
  assert.ok(PAYLOADS.length >= 80, `${PAYLOADS.length} payloads`);
  server = await startServer(WWW);
  browser = await launchBrowser();
  browser.context.on('request', (request) => requested.push(request.url()));
  page = await browser.context.newPage();
  await page.addInitScript(installHooks);
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', async (d) => { problems.push(`dialog: ${d.type()} ${d.message()}`); await d.dismiss(); });
  page.on('popup', (p) => problems.push(`popup: ${p.url()}`));
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('body[data-ready]');
  await page.click('#load-sample');
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Analysed'));
  pagePaths = new Set(server.requests);
});

after(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
});

/** Puts `text` in the box and presses Analyse (no typing pause), then waits for it to be drawn. */
async function paste(text) {
  await page.evaluate((t) => { document.getElementById('text').value = t; }, text);
  await page.click('#analyse');
  const expected = `Analysed ${text.replace(/\r\n?/g, '\n').length.toLocaleString('en')} characters`;
  await page.waitForFunction((prefix) => document.getElementById('status').textContent.startsWith(prefix)
    && !document.getElementById('results').hidden, expected);
  // Give anything a payload might have scheduled (onerror, onload, autofocus) a moment.
  await page.waitForTimeout(20);
}

/** What is wrong with the DOM now: elements no view makes, and any inline handler. */
const domProblems = () => page.evaluate(() => {
  const found = [];
  const foreign = 'script:not([src="app.js"]):not([src="offline.js"]), img, iframe, frame, frameset, object, embed, '
    + 'meta:not([charset]):not([name]):not([http-equiv="Content-Security-Policy"]), base, form, input:not([type="checkbox"]), '
    + 'video, audio, source, marquee, details:not(.boilerplate):not(.source-fold), isindex, keygen, bgsound, xss, math, template, style, '
    + 'link:not([rel="icon"]):not([rel="stylesheet"][href="style.css"]), svg:not(#arc)';
  for (const element of document.querySelectorAll(foreign)) found.push(`<${element.tagName.toLowerCase()}>`);
  for (const element of document.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      if (name.startsWith('on')) found.push(`${element.tagName.toLowerCase()}[${name}]`);
      if (/^\s*(javascript|data|vbscript):/i.test(value) && !(element.tagName === 'LINK' && value === 'data:,')) {
        found.push(`${element.tagName.toLowerCase()}[${name}=${value.slice(0, 30)}]`);
      }
    }
  }
  return found;
});

async function assertInert(what, payloads) {
  const hits = await page.evaluate(() => window.__xssHits);
  assert.deepEqual(hits, [], `${what}: a payload ran`);
  assert.deepEqual(problems, [], what);
  assert.deepEqual(await domProblems(), [], `${what}: the DOM holds markup from the text`);
  // Lines taken for page furniture are folded away: open the folds to read them.
  await page.evaluate(() => { for (const fold of document.querySelectorAll('#article details')) fold.open = true; });
  const shown = await page.locator('#article').innerText();
  for (const payload of payloads) {
    // Whitespace inside a payload may be drawn differently; its visible characters are all there.
    const visible = payload.replace(/\s+/g, ' ').trim();
    assert.ok(shown.replace(/\s+/g, ' ').includes(visible), `${what}: ${payload} is not shown as text`);
  }
}

test('the detectors work: markup that got into the page is found, a call is recorded, the CSP blocks a handler', async () => {
  await page.evaluate(() => {
    const scratch = document.createElement('div');
    scratch.id = 'scratch';
    scratch.innerHTML = '<img alt="" onerror="__xss(0)"><iframe></iframe><a href="javascript:__xss(0)">a</a>';
    document.body.append(scratch);
    window.__xss('direct call');
  });
  assert.deepEqual(await domProblems(), ['<img>', '<iframe>', 'img[onerror]', 'a[href=javascript:__xss(0)]']);
  // The image without src fails at once; the CSP, second line of defence, blocks its handler.
  for (let i = 0; i < 100 && problems.length === 0; i++) await page.waitForTimeout(10);
  assert.deepEqual(await page.evaluate(() => window.__xssHits), ['__xss(direct call)']);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /^console: Executing inline event handler violates the following Content Security Policy/);
  await page.evaluate(() => { document.getElementById('scratch').remove(); window.__xssHits = []; });
  problems.length = 0;
  assert.deepEqual(await domProblems(), []);
});

test('each of the XSS payloads, pasted alone, stays inert text', async () => {
  for (const [i, payload] of PAYLOADS.entries()) {
    await paste(payload);
    await assertInert(`payload ${i + 1} alone`, [payload]);
  }
});

test('the payloads inside articles (title, byline, sentences, quotes, names) stay inert text', async () => {
  for (let i = 0; i < PAYLOADS.length; i += 10) {
    const group = PAYLOADS.slice(i, i + 10);
    const article = group.map((payload) => `Council ${payload} Votes on Budget\n\nBy ${payload}\n\n`
      + `The council voted on Tuesday, said Mayor Ana Ruiz ${payload}. "${payload}," she said. `
      + `It might pass ${payload} in London.\n`).join('\n');
    await paste(article);
    await assertInert(`payloads ${i + 1}-${i + group.length} in an article`, group);
  }
});

test('all the payloads at once, one per paragraph, with every highlight layer on', async () => {
  await page.evaluate(() => {
    for (const box of document.querySelectorAll('#layer-list input[type="checkbox"]')) {
      if (!box.checked) box.click();
    }
  });
  const text = PAYLOADS.map((p, i) => `Paragraph ${i + 1} says "${p}" according to officials.`).join('\n\n');
  await paste(text);
  await assertInert('all payloads', PAYLOADS);
});

test('during the whole session every request stayed on the page origin and asked only for its files', () => {
  assert.ok(requested.length > 0);
  const foreign = requested.filter((url) => !url.startsWith(`${server.origin}/`) && !url.startsWith('data:'));
  assert.deepEqual(foreign, []);
  // No payload made the page fetch anything (an <img src=x> would ask for /x).
  const extra = server.requests.filter((path) => !pagePaths.has(path));
  assert.deepEqual(extra, []);
});

test('the Content-Security-Policy is the one the README states, and comes before any script', () => {
  const readme = readFileSync(new URL('README.md', ROOT), 'utf8');
  const stated = readme.match(/Content-Security-Policy of the page is `([^`]+)`/)?.[1];
  assert.ok(stated, 'the README states the policy');
  const html = readFileSync(new URL('www/index.html', ROOT), 'utf8');
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)];
  assert.equal(metas.length, 1);
  assert.equal(metas[0][1], stated);
  assert.ok(metas[0].index < html.search(/<script|<link rel="stylesheet"/), 'the policy precedes what it governs');
  const directives = Object.fromEntries(stated.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...v]) => [name, v]));
  // Nothing beyond the page's own origin, no inline script, no JavaScript eval.
  for (const [name, values] of Object.entries(directives)) {
    for (const value of values) {
      assert.ok(["'self'", "'none'", "'wasm-unsafe-eval'", 'data:'].includes(value), `${name} allows ${value}`);
    }
  }
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(directives['object-src'], ["'none'"]);
  assert.deepEqual(directives['base-uri'], ["'none'"]);
  assert.deepEqual(directives['default-src'], ["'self'"]);
});
