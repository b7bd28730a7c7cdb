// End-to-end tests of the page in headless Chromium (playwright-core, /usr/bin/chromium).
//
// The page is served by a test-local static server (harness.mjs); a second server on another
// port stands for "another origin". Expected figures come from the same wasm build run in
// Node, so the tests follow the analyzer as it improves. Screenshots go to test-results/;
// with UPDATE_SCREENSHOT=1 the README one (readme.png) is also copied to docs/screenshot.png.
// Run after scripts/build-wasm.sh:  node --test tests/e2e/

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assertWasmBuilt, launchBrowser, startServer } from './harness.mjs';

const WWW = fileURLToPath(new URL('../../www', import.meta.url));
const WASM = `${WWW}/pkg/article_analyzer_bg.wasm`;
const RESULTS = fileURLToPath(new URL('../../test-results', import.meta.url));
const DOCS_SCREENSHOT = fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url));
const SAMPLE = readFileSync(`${WWW}/sample-article.txt`, 'utf8');
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
  + "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

let wasm;
let server;
let otherOrigin;
let browser;
/** Every URL the browser requested, from any page or worker. */
const requested = [];
/** Cross-origin URLs the CSP test tries on purpose (the CSP must block them). */
const deliberate = new Set();

before(async () => {
  assertWasmBuilt(WWW);
  wasm = await import('../../www/pkg/article_analyzer.js');
  wasm.initSync({ module: readFileSync(WASM) });
  mkdirSync(RESULTS, { recursive: true });
  server = await startServer(WWW);
  otherOrigin = await startServer(WWW);
  browser = await launchBrowser();
  browser.context.on('request', (request) => requested.push(request.url()));
});

after(async () => {
  await browser?.close();
  await server?.close();
  await otherOrigin?.close();
});

/**
 * Opens the page and waits until the analyzer has loaded. `problems` collects console
 * errors, uncaught exceptions, dialogs and the XSS marker, for tests to assert on.
 */
async function openPage({ colorScheme = 'light', viewport = { width: 1280, height: 900 } } = {}) {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.text().includes('PWNED')) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', async (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize(viewport);
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('body[data-ready]');
  return { page, problems };
}

/** Waits until the page shows the analysis of this text (a text box turns CRLF into LF). */
async function waitForAnalysis(page, text) {
  const expected = `Analysed ${text.replace(/\r\n/g, '\n').length.toLocaleString('en')} characters`;
  await page.waitForFunction(
    (prefix) => document.getElementById('status').textContent.startsWith(prefix)
      && !document.getElementById('results').hidden,
    expected,
  );
}

async function paste(page, text) {
  await page.fill('#text', text);
  await waitForAnalysis(page, text);
}

const textOf = (page, selector) => page.locator(selector).innerText();

test('the page loads with its CSP, labelled controls and no console errors', async () => {
  const { page, problems } = await openPage();
  try {
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.equal(csp, CSP);
    assert.equal(await page.title(), 'Article analyzer');
    assert.equal(await textOf(page, 'h1'), 'Article analyzer');
    assert.equal(await textOf(page, '#status'), 'Ready.');
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('textarea, select, input')]
      .filter((control) => control.labels.length === 0).map((control) => control.id));
    assert.deepEqual(unlabelled, []);
    assert.match(await textOf(page, '#version'), /^\d+\.\d+\.\d+/);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('pasting an article shows the overview, readability table and structure', async () => {
  const { page, problems } = await openPage();
  try {
    await paste(page, SAMPLE);
    const expected = wasm.analyze(SAMPLE, {});
    const { stats, readability, structure } = expected;

    assert.equal(await textOf(page, '#ov-words'), stats.words.toLocaleString('en'));
    assert.equal(await textOf(page, '#ov-sentences'), stats.sentences.toLocaleString('en'));
    assert.equal(await textOf(page, '#ov-paragraphs'), stats.paragraphs.toLocaleString('en'));
    assert.match(await textOf(page, '#ov-reading'), /min/);
    assert.equal(await textOf(page, '#ov-grade'), readability.fleschKincaidGrade.toFixed(1));
    assert.match(await textOf(page, '#ov-grade-text'), /years of school|reading/);
    assert.match(await textOf(page, '#ov-language'), /^English \(\d+% sure\)$/);

    const rows = await page.locator('#readability tbody tr').evaluateAll((trs) => trs.map((tr) => tr.cells[1].textContent));
    assert.equal(rows.length, 6);
    assert.equal(rows[0], readability.fleschReadingEase.toFixed(1));

    // The title, and every paragraph, drawn with exactly its own text.
    assert.equal(await textOf(page, '#article h3'), SAMPLE.slice(structure.title.start, structure.title.end));
    const blocks = await page.locator('#article .block').evaluateAll((elements) => elements.map((element) => {
      const copy = element.cloneNode(true);
      copy.querySelector('.tag')?.remove();
      return { kind: element.className, text: copy.textContent };
    }));
    assert.deepEqual(blocks, expected.paragraphs.map((p) => ({ kind: `block block-${p.kind}`, text: SAMPLE.slice(p.start, p.end) })));
    assert.equal(await page.locator('#article .sentence').count(), expected.sentences.length);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('Load sample fetches the sample article and analyses it', async () => {
  const { page, problems } = await openPage();
  try {
    await page.click('#load-sample');
    await waitForAnalysis(page, SAMPLE);
    assert.equal(await page.inputValue('#text'), SAMPLE);
    assert.equal(await textOf(page, '#article h3'), SAMPLE.split('\n')[0]);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('typing re-runs the analysis after a pause, and Analyse runs it at once', async () => {
  const { page, problems } = await openPage();
  try {
    await paste(page, 'One two three.');
    assert.equal(await textOf(page, '#ov-words'), '3');
    await page.focus('#text');
    await page.keyboard.press('End');
    await page.keyboard.type(' Four five six seven.', { delay: 15 });
    await waitForAnalysis(page, 'One two three. Four five six seven.');
    assert.equal(await textOf(page, '#ov-words'), '7');

    // A value set without an input event is analysed by the button.
    const text = 'Only the button sees this sentence.';
    await page.evaluate((t) => { document.getElementById('text').value = t; }, text);
    await page.click('#analyse');
    await waitForAnalysis(page, text);
    assert.equal(await textOf(page, '#ov-words'), '6');

    await page.click('#clear');
    await page.waitForSelector('#empty', { state: 'visible' });
    assert.ok(await page.locator('#results').isHidden());
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('HTML and script in the text stay inert, visible text', async () => {
  const { page, problems } = await openPage();
  const img = `<img src=x onerror="alert('XSS-IMG');console.log('PWNED-IMG')">`;
  const script = `<script>alert('XSS-SCRIPT');console.log('PWNED-SCRIPT')</script>`;
  const text = `${img} Council <b>Votes</b> on Budget\n\n`
    + `${script} The council voted on Tuesday to approve the budget. `
    + `<iframe src="/sample-article.txt"></iframe> Everyone <svg onload="alert(1)"> agreed after a long debate.\n`;
  try {
    await paste(page, text);
    await page.waitForTimeout(300);
    assert.deepEqual(problems, []);
    assert.equal(await page.locator('#article img, #article script, #article iframe, #article svg, #article b').count(), 0);
    const shown = await textOf(page, '#article');
    for (const literal of [img, script, '<b>Votes</b>', '<iframe src="/sample-article.txt"></iframe>', '<svg onload="alert(1)">']) {
      assert.ok(shown.includes(literal), `${literal} is not shown as text`);
    }
    assert.equal(await page.evaluate(() => document.querySelectorAll('img, iframe, svg').length), 0);
    assert.ok(!server.requests.some((path) => path === '/x'), 'the <img src=x> was loaded');
  } finally {
    await page.close();
  }
});

test('the CSP blocks requests to another origin', async () => {
  const { page } = await openPage();
  deliberate.add(`${otherOrigin.origin}/sample-article.txt`).add(`${otherOrigin.origin}/pixel.png`);
  try {
    const outcome = await page.evaluate(async (other) => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
      const fetched = await fetch(`${other}/sample-article.txt`).then(() => 'loaded', () => 'blocked');
      const image = await new Promise((resolve) => {
        const img = new Image();
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('blocked');
        img.src = `${other}/pixel.png`;
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { fetched, image, violations };
    }, otherOrigin.origin);
    assert.deepEqual(outcome, { fetched: 'blocked', image: 'blocked', violations: ['connect-src', 'img-src'] });
    assert.deepEqual(otherOrigin.requests, []);
  } finally {
    await page.close();
  }
});

test('it keeps working with the network cut once loaded', async () => {
  const { page, problems } = await openPage();
  try {
    await browser.context.setOffline(true);
    await paste(page, 'Offline text is analysed too. It has two sentences.');
    assert.equal(await textOf(page, '#ov-sentences'), '2');
    await page.click('#load-sample');
    await waitForAnalysis(page, SAMPLE);
    assert.deepEqual(problems, []);
  } finally {
    await browser.context.setOffline(false);
    await page.close();
  }
});

test('a too-large text shows a clear error and the page still works after', async () => {
  const { page, problems } = await openPage();
  try {
    await page.evaluate(() => {
      const box = document.getElementById('text');
      box.value = 'word '.repeat(3_400_000); // 17 MB, over the 16 MiB limit
      box.dispatchEvent(new Event('input'));
    });
    await page.waitForSelector('#error', { state: 'visible', timeout: 30_000 });
    const message = await textOf(page, '#error-message');
    assert.match(message, /16\.2 MB, larger than the 16 MB/);
    assert.ok(await page.locator('#results').isHidden());

    await page.click('#clear');
    await paste(page, 'A short text again. It works.');
    assert.ok(await page.locator('#error').isHidden());
    assert.equal(await textOf(page, '#ov-words'), '6');
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('a worker that fails to load is reported, and replaced on the next try', async () => {
  server.broken.add('/worker.js');
  const page = await browser.context.newPage();
  try {
    await page.goto(`${server.origin}/`);
    await page.waitForSelector('#error', { state: 'visible' });
    assert.match(await textOf(page, '#error-message'), /^The analyzer could not start/);
    server.broken.delete('/worker.js');
    await paste(page, 'The second worker loads fine.');
    assert.equal(await textOf(page, '#ov-words'), '5');
  } finally {
    server.broken.delete('/worker.js');
    await page.close();
  }
});

test('odd text is fine: lone surrogates, emoji, CJK, only whitespace', async () => {
  const { page, problems } = await openPage();
  try {
    const text = 'Bad \uD800 surrogate here. Emoji 👩‍👩‍👧 and 漢字 too.\r\n\r\nCafe\u0301 society.';
    await paste(page, text);
    const drawn = await page.locator('#article .block').evaluateAll((els) => els.map((e) => e.textContent).join('|'));
    assert.ok(drawn.includes('👩‍👩‍👧') && drawn.includes('Cafe\u0301 society.'), drawn);
    await page.fill('#text', ' \n\t ');
    await page.waitForSelector('#empty', { state: 'visible' });
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('the highlight layer marks numbers and long sentences', async () => {
  const { page, problems } = await openPage();
  const { HIGHLIGHTS } = await import('../../www/highlights.js');
  const withTokens = wasm.analyze(SAMPLE, { tokens: true });
  try {
    await paste(page, SAMPLE);
    for (const id of ['numbers', 'long-sentences']) {
      const expected = HIGHLIGHTS.find((h) => h.id === id).marks(withTokens);
      await page.selectOption('#highlight', id);
      await waitForAnalysis(page, SAMPLE);
      await page.waitForFunction((n) => document.querySelectorAll('#article .hl:not([data-continued])').length === n, expected.length);
      const marked = await page.locator('#article .hl:not([data-continued])').evaluateAll((els) => els.map((e) => e.textContent));
      assert.deepEqual(marked, expected.map((m) => SAMPLE.slice(m.start, m.end)));
      if (id === 'numbers') assert.ok(marked.includes('2021'), `numbers marked: ${marked}`);
    }
    await page.selectOption('#highlight', 'none');
    await page.waitForFunction(() => document.querySelectorAll('#article .hl').length === 0);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('everything is reachable with the keyboard', async () => {
  const { page, problems } = await openPage();
  try {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
    const order = [];
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement.id));
    }
    assert.deepEqual(order, ['text', 'analyse', 'load-sample', 'clear', '']);

    await page.focus('#load-sample');
    await page.keyboard.press('Enter');
    await waitForAnalysis(page, SAMPLE);
    await page.focus('#clear');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'highlight');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'show-sentences');
    await page.keyboard.press('Space');
    assert.ok(await page.locator('#article:not(.sentences-on)').isVisible());

    await page.focus('#text');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Short typed text.');
    await page.keyboard.press('Control+Enter');
    await waitForAnalysis(page, 'Short typed text.');
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('light and dark themes, desktop and phone widths (screenshots)', async () => {
  const shots = [
    { name: 'desktop-light', colorScheme: 'light', viewport: { width: 1280, height: 900 } },
    { name: 'desktop-dark', colorScheme: 'dark', viewport: { width: 1280, height: 900 } },
    { name: 'phone-light', colorScheme: 'light', viewport: { width: 375, height: 812 } },
    { name: 'phone-dark', colorScheme: 'dark', viewport: { width: 375, height: 812 } },
  ];
  for (const { name, colorScheme, viewport } of shots) {
    const { page, problems } = await openPage({ colorScheme, viewport });
    try {
      await page.click('#load-sample');
      await waitForAnalysis(page, SAMPLE);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = background.match(/\d+/g).map(Number);
      const light = (r + g + b) / 3 > 128;
      assert.equal(light, colorScheme === 'light', `${name}: background ${background}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name}: the page is ${overflow}px wider than the screen`);
      await page.screenshot({ path: `${RESULTS}/${name}.png` });
      await page.screenshot({ path: `${RESULTS}/${name}-full.png`, fullPage: true });
      if (name === 'desktop-light') {
        // For the README: the input, the figures and the start of the article view.
        await page.screenshot({ path: `${RESULTS}/readme.png`, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1480 } });
      }
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  }
  if (process.env.UPDATE_SCREENSHOT) copyFileSync(`${RESULTS}/readme.png`, DOCS_SCREENSHOT);
});

// Last, over everything the tests above made the browser load (pages and workers alike).
// Chromium reports the image the CSP test tries as a request even though the CSP stops it
// before the network (the other server saw nothing), so the deliberate tries are set aside.
test('no request ever left the page origin', () => {
  assert.ok(requested.includes(`${server.origin}/pkg/article_analyzer_bg.wasm`), 'the wasm request was not seen');
  const foreign = requested.filter((url) => !url.startsWith(`${server.origin}/`) && !url.startsWith('data:') && !deliberate.has(url));
  assert.deepEqual(foreign, []);
  assert.deepEqual(otherOrigin.requests, []);
});
