// End-to-end tests of the page in headless Chromium (playwright-core, /usr/bin/chromium).
//
// The page is served by a test-local static server (harness.mjs); a second server on another
// port stands for "another origin". Expected figures come from the same wasm build run in
// Node, so the tests follow the analyzer as it improves. Screenshots go to test-results/;
// with UPDATE_SCREENSHOT=1 the README one (readme.png) is also copied to docs/screenshot.png
// (and the dark and phone ones to docs/screenshot-dark.png and docs/screenshot-phone.png).
// Run after scripts/build-wasm.sh:  node --test tests/e2e/

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assertWasmBuilt, launchBrowser, startServer } from './harness.mjs';

const WWW = fileURLToPath(new URL('../../www', import.meta.url));
const WASM = `${WWW}/pkg/article_analyzer_bg.wasm`;
const RESULTS = fileURLToPath(new URL('../../test-results', import.meta.url));
const DOCS = fileURLToPath(new URL('../../docs', import.meta.url));
/** README screenshots: test-results/<key>.png → docs/<value>. */
const README_SHOTS = { readme: 'screenshot.png', 'readme-dark': 'screenshot-dark.png', 'readme-phone': 'screenshot-phone.png' };
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

    assert.equal(await textOf(page, '#label-words .label-value'), stats.words.toLocaleString('en'));
    assert.equal(await textOf(page, '#ov-sentences'), stats.sentences.toLocaleString('en'));
    assert.equal(await textOf(page, '#ov-paragraphs'), stats.paragraphs.toLocaleString('en'));
    assert.match(await textOf(page, '#label-reading .label-value'), /min/);
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
    assert.equal(await textOf(page, '#label-words .label-value'), '3');
    await page.focus('#text');
    await page.keyboard.press('End');
    await page.keyboard.type(' Four five six seven.', { delay: 15 });
    await waitForAnalysis(page, 'One two three. Four five six seven.');
    assert.equal(await textOf(page, '#label-words .label-value'), '7');

    // A value set without an input event is analysed by the button.
    const text = 'Only the button sees this sentence.';
    await page.evaluate((t) => { document.getElementById('text').value = t; }, text);
    await page.click('#analyse');
    await waitForAnalysis(page, text);
    assert.equal(await textOf(page, '#label-words .label-value'), '6');

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
    // The only <svg> is the page's own sentiment arc.
    assert.equal(await page.evaluate(() => document.querySelectorAll('img, iframe, svg:not(#arc), #arc svg').length), 0);
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
    assert.equal(await textOf(page, '#label-words .label-value'), '6');
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
    assert.equal(await textOf(page, '#label-words .label-value'), '5');
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

test('layer checkboxes: several layers at once; token layers re-run the analysis with tokens', async () => {
  const { page, problems } = await openPage();
  const { layerById } = await import('../../www/highlights.js');
  const withTokens = wasm.analyze(SAMPLE, { tokens: true });
  const markedTexts = (cls) => page.locator(`#article .${cls}:not([data-continued])`).evaluateAll((els) => els.map((e) => e.textContent));
  try {
    await paste(page, SAMPLE);
    assert.ok(await page.isChecked('#layer-summary'));
    assert.ok(await page.isChecked('#layer-loaded'));
    assert.ok(!(await page.isChecked('#layer-numbers')));
    for (const [id, cls] of [['numbers', 'mk-number'], ['long-sentences', 'mk-long']]) {
      const expected = layerById(id).marks(withTokens).map((m) => SAMPLE.slice(m.start, m.end));
      await page.check(`#layer-${id}`);
      await page.waitForFunction((n) => document.querySelectorAll('#article .mk-number:not([data-continued])').length === n,
        layerById('numbers').marks(withTokens).length);
      await page.waitForFunction(([c, n]) => document.querySelectorAll(`#article .${c}:not([data-continued])`).length === n, [cls, expected.length]);
      assert.deepEqual(await markedTexts(cls), expected);
      if (id === 'numbers') assert.ok(expected.includes('2021'), `numbers marked: ${expected}`);
    }
    // The summary layer stays on beside them.
    assert.equal((await markedTexts('mk-summary')).length, withTokens.summary.length);
    assert.match(await textOf(page, 'label[for="layer-numbers"]'), /^Numbers \(\d+\)$/);

    const status = await textOf(page, '#status');
    await page.uncheck('#layer-summary');
    await page.waitForFunction(() => document.querySelectorAll('#article .mk-summary').length === 0);
    assert.equal(await textOf(page, '#status'), status, 'switching a layer off redraws without a new analysis');
    await page.uncheck('#layer-numbers');
    await page.uncheck('#layer-long-sentences');
    await page.waitForFunction(() => document.querySelectorAll('#article .mk-number, #article .mk-long').length === 0);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('the sample shows its summary, key phrases, tone, sentiment arc and loaded-language layer', async () => {
  const { page, problems } = await openPage();
  const expected = wasm.analyze(SAMPLE, {});
  try {
    await page.click('#load-sample');
    await waitForAnalysis(page, SAMPLE);
    const summary = await page.locator('#summary .summary-sentence').allInnerTexts();
    assert.ok(expected.summary.length > 0);
    assert.deepEqual(summary, expected.summary.map((s) => SAMPLE.slice(s.start, s.end).replace(/\s+/g, ' ').trim()));

    const chips = await page.locator('#keyphrases .chip').evaluateAll((els) => els.map((e) => [e.firstChild.textContent, e.querySelector('.chip-count').textContent, e.getAttribute('aria-pressed')]));
    assert.deepEqual(chips, expected.keyphrases.map((k) => [k.text, `, ${k.mentions.length} mention${k.mentions.length === 1 ? '' : 's'}`, 'false']));

    assert.match(await textOf(page, '#ov-tone'), /^([+\u2212]\d\.\d\d|0\.00)$/);
    assert.match(await textOf(page, '#ov-tone-text'), /overall\. \d+% of its wording leans positive, \d+% negative/);
    assert.equal(await textOf(page, '#ov-loaded'), expected.sentiment.loadedPerThousandWords.toFixed(1));
    assert.ok((await textOf(page, '#ov-loaded-text')).length > 10);

    const bodySentences = expected.sentences.filter((s) => s.inBody).length;
    assert.equal(await page.locator('#arc .arc-point').count(), bodySentences);
    assert.ok(await page.locator('#arc').isVisible());
    assert.match(await textOf(page, '#arc-description'), new RegExp(`^One bar per sentence \\(${bodySentences} in all\\)`));
    assert.ok(await page.locator('#layer-loaded').isVisible());
    assert.match(await textOf(page, 'label[for="layer-loaded"]'), /^Loaded language \((none|\d+)\)$/);
    assert.equal(await page.locator('.layer:has(#layer-loaded) .layer-legend li').count(), 3);
    // Entities, quotes and hedges are not in this build's output yet: their panels and layers stay out.
    for (const field of ['entities', 'quotes', 'hedges']) {
      if (!(field in expected)) assert.equal(await page.locator(`#layer-${field}`).count(), 0, field);
    }
    if (!('entities' in expected)) assert.ok(await page.locator('#entities-section').isHidden());
    if (!('quotes' in expected)) assert.ok(await page.locator('#quotes-section').isHidden());
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('loaded wording is marked by kind', async () => {
  const { page, problems } = await openPage();
  const text = 'Minister Slams Critics\n\nThe minister slammed the heartbreaking report. It was clearly a bombshell for the city council, which met on Monday to discuss the budget and the schools.\n';
  const expected = wasm.analyze(text, {});
  try {
    await paste(page, text);
    assert.ok(expected.loaded.length >= 2, JSON.stringify(expected.loaded));
    const marked = await page.locator('#article .mk-loaded:not([data-continued])').evaluateAll((els) => els.map((e) => [e.textContent, e.className]));
    assert.deepEqual(marked, expected.loaded.map((l) => [text.slice(l.start, l.end), `mk mk-loaded mk-loaded-${l.kind}`]));
    assert.equal(await textOf(page, '#ov-loaded'), expected.sentiment.loadedPerThousandWords.toFixed(1));
    assert.match(await textOf(page, 'label[for="layer-loaded"]'), new RegExp(`\\(${expected.loaded.length}\\)$`));
    await page.uncheck('#layer-loaded');
    await page.waitForFunction(() => document.querySelectorAll('#article .mk-loaded').length === 0);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

/** The ranges of a CSS custom highlight, as text. */
const highlighted = (page, name) => page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => r.toString()), name);

test('a key phrase chip highlights all its mentions and scrolls to the first; again or Escape clears', async () => {
  const { page, problems } = await openPage({ viewport: { width: 1280, height: 600 } });
  const expected = wasm.analyze(SAMPLE, {});
  try {
    await paste(page, SAMPLE);
    const index = expected.keyphrases.findIndex((k) => k.mentions.length > 1);
    assert.ok(index >= 0, 'a phrase with several mentions');
    const phrase = expected.keyphrases[index];
    const chip = page.locator('#keyphrases .chip').nth(index);
    await page.evaluate(() => window.scrollTo(0, 0));
    await chip.click();
    assert.equal(await chip.getAttribute('aria-pressed'), 'true');
    assert.deepEqual(await highlighted(page, 'aa-focus'), phrase.mentions.map((m) => SAMPLE.slice(m.start, m.end)));
    await page.waitForFunction(() => window.scrollY > 100);
    await page.waitForFunction(() => document.getElementById('announce').textContent.includes('highlighted'));

    // Another chip replaces the selection; pressing the same one again clears it.
    const other = page.locator('#keyphrases .chip').nth(index === 0 ? 1 : 0);
    await other.click();
    assert.equal(await chip.getAttribute('aria-pressed'), 'false');
    assert.equal(await other.getAttribute('aria-pressed'), 'true');
    await other.click();
    assert.equal(await other.getAttribute('aria-pressed'), 'false');
    await page.mouse.move(0, 0);
    assert.deepEqual(await highlighted(page, 'aa-focus'), []);

    await chip.click();
    await page.keyboard.press('Escape');
    assert.equal(await chip.getAttribute('aria-pressed'), 'false');
    await page.mouse.move(0, 0);
    assert.deepEqual(await highlighted(page, 'aa-focus'), []);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('a summary sentence and an arc bar scroll to their sentence and flash it', async () => {
  const { page, problems } = await openPage({ viewport: { width: 1280, height: 600 } });
  const expected = wasm.analyze(SAMPLE, {});
  try {
    await paste(page, SAMPLE);
    const last = expected.summary[expected.summary.length - 1];
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('#summary .summary-sentence').last().click();
    await page.waitForFunction((t) => [...(CSS.highlights.get('aa-flash') ?? [])].some((r) => r.toString() === t), SAMPLE.slice(last.start, last.end));
    await page.waitForFunction(() => window.scrollY > 300);
    await page.waitForFunction(() => !CSS.highlights.has('aa-flash'), null, { timeout: 4000 });

    // The last bar of the arc: the last body sentence.
    const bodyIndex = expected.sentences.findLastIndex((s) => s.inBody);
    const sentence = expected.sentences[bodyIndex];
    await page.evaluate(() => window.scrollTo(0, 0));
    const bar = page.locator('#arc .arc-point').last();
    assert.equal(await bar.getAttribute('data-sentence'), String(bodyIndex));
    await bar.click();
    await page.waitForFunction((t) => [...(CSS.highlights.get('aa-flash') ?? [])].some((r) => r.toString() === t), SAMPLE.slice(sentence.start, sentence.end));
    // Scrolling is smooth: wait until the sentence is on screen.
    await page.waitForFunction(() => {
      const rect = [...(CSS.highlights.get('aa-flash') ?? [])][0]?.getBoundingClientRect();
      return rect && rect.top >= 0 && rect.bottom <= innerHeight;
    });
    assert.equal(await bar.getAttribute('class'), 'arc-point is-current');
    await page.waitForFunction((t) => document.getElementById('announce').textContent === t, SAMPLE.slice(sentence.start, sentence.end).replace(/\s+/g, ' ').trim());
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('the arc works from the keyboard: one Tab stop, arrows move, Enter jumps', async () => {
  const { page, problems } = await openPage({ colorScheme: 'light', viewport: { width: 1280, height: 700 } });
  const expected = wasm.analyze(SAMPLE, {});
  try {
    await paste(page, SAMPLE);
    await page.focus('#arc .arc-point[tabindex="0"]');
    assert.equal(await page.locator('#arc .arc-point[tabindex="0"]').count(), 1);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    const focused = await page.evaluate(() => document.activeElement.dataset.sentence);
    const body = expected.sentences.map((s, i) => [s, i]).filter(([s]) => s.inBody);
    assert.equal(focused, String(body[1][1]));
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.sentence), String(body[body.length - 1][1]));
    await page.keyboard.press('Enter');
    const sentence = body[body.length - 1][0];
    await page.waitForFunction((t) => [...(CSS.highlights.get('aa-flash') ?? [])].some((r) => r.toString() === t), SAMPLE.slice(sentence.start, sentence.end));
    assert.equal(await page.locator('#arc .arc-point[tabindex="0"]').count(), 1);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('without the Highlight API, the focus and the flash are drawn as marks', async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(() => { delete window.Highlight; });
  const expected = wasm.analyze(SAMPLE, {});
  try {
    await page.goto(`${server.origin}/`);
    await page.waitForSelector('body[data-ready]');
    await paste(page, SAMPLE);
    const index = expected.keyphrases.findIndex((k) => k.mentions.length > 1);
    await page.locator('#keyphrases .chip').nth(index).click();
    const marked = await page.locator('#article .mk-focus:not([data-continued])').evaluateAll((els) => els.map((e) => e.textContent));
    assert.deepEqual(marked, expected.keyphrases[index].mentions.map((m) => SAMPLE.slice(m.start, m.end)));
    const first = expected.summary[0];
    await page.locator('#summary .summary-sentence').first().click();
    assert.equal(await textOf(page, '#article .mk-flash'), SAMPLE.slice(first.start, first.end));
    await page.waitForFunction(() => !document.querySelector('#article .mk-flash'), null, { timeout: 4000 });
    assert.equal(await page.locator('#article .mk-focus').count(), marked.length, 'the focus stays while the flash ends');
  } finally {
    await page.close();
  }
});

/**
 * Serves a worker that puts `extra` (hand-made entities, quotes, hedges) in place of those
 * fields of the real analysis of `forText`, so the panels are tested on known input.
 */
async function withExtraFields(page, forText, extra) {
  await page.route('**/worker.js', (route) => route.fulfill({
    contentType: 'text/javascript',
    body: `import init, { analyze, version } from './pkg/article_analyzer.js';
const extra = ${JSON.stringify(extra)};
const forText = ${JSON.stringify(forText)};
const ready = init();
self.onmessage = async ({ data: { id, text, options } }) => {
  await ready;
  const analysis = analyze(text, options);
  if (text === forText) {
    for (const field of ['entities', 'quotes', 'sources', 'sourcing', 'hedges', 'hedging']) delete analysis[field];
    Object.assign(analysis, extra);
  }
  self.postMessage({ id, ok: true, analysis, version: version(), ms: 1 });
};`,
  }));
}

/** A span of the sample: the n-th (0-based) occurrence of `words`. */
function spanOf(words, n = 0) {
  let start = -1;
  for (let i = 0; i <= n; i++) start = SAMPLE.indexOf(words, start + 1);
  assert.ok(start >= 0, `"${words}" is in the sample`);
  return { start, end: start + words.length };
}

test('entities, quotes and hedges, when the analysis has them: panels, layers, hover and select', async () => {
  const { page, problems } = await openPage({ viewport: { width: 1280, height: 700 } });
  const williams = [spanOf('Aurora Williams'), spanOf('Williams', 1)];
  const quote = { content: spanOf('"We are not building a cartel,"'), source: spanOf('Williams', 1), cue: spanOf('said', 1), direct: true, speaker: 'Aurora Williams' };
  const extra = {
    entities: [
      { id: 'e1', name: 'Chile', kind: 'location', mentions: [spanOf('Chile'), spanOf('Chile', 1)] },
      { id: 'e2', name: 'Aurora Williams', kind: 'person', mentions: williams, roles: ['minister'] },
      { id: 'e3', name: 'Goldman Sachs', kind: 'organization', mentions: [spanOf('Goldman Sachs')] },
      { id: 'e4', name: '18.5%', kind: 'percent', mentions: [spanOf('18.5%')] },
    ],
    quotes: [
      quote,
      { content: spanOf('the talks might stall over that point'), source: spanOf('The newspaper'), cue: spanOf('suggests'), direct: false, speaker: null },
      { content: spanOf('to comment'), source: null, cue: spanOf('declined'), direct: false, speaker: null },
    ],
    hedges: [{ ...spanOf('might'), kind: 'modal' }, { ...spanOf('potentially'), kind: 'adverb' }],
  };
  await withExtraFields(page, SAMPLE, extra);
  try {
    await page.reload();
    await page.waitForSelector('body[data-ready]');
    await paste(page, SAMPLE);
    assert.ok(await page.locator('#entities-section').isVisible());
    assert.deepEqual(await page.locator('#entities h3').allInnerTexts(), ['People (1)', 'Organisations (1)', 'Places (1)', 'Percentages (1)']);
    assert.deepEqual(await page.locator('#quotes h3').allInnerTexts(), ['Aurora Williams', 'The newspaper', 'No named source']);
    assert.match(await textOf(page, '#quotes .tally'), /^3 quotes \(1 in quotation marks, 2 reported\) from 2 sources; 1 with no named source\.$/);

    // Entities are on by default; quotes and hedges are switched on here.
    const entityMarks = await page.locator('#article .mk-ent:not([data-continued])').evaluateAll((els) => els.map((e) => [e.textContent, e.dataset.entity]));
    assert.equal(entityMarks.length, 6);
    assert.ok(entityMarks.some(([t, id]) => t === 'Aurora Williams' && id === 'e2'));
    await page.check('#layer-quotes');
    await page.check('#layer-hedges');
    await page.waitForSelector('#article .mk-quote');
    // The quote's words, its source (also an entity mention) and cue, each drawn once, exact.
    assert.deepEqual(await page.locator('#article .mk-quote').evaluateAll((els) => els.map((e) => e.textContent)),
      ['the talks might stall over that point', '"We are not building a cartel,"', 'to comment']);
    assert.deepEqual(await page.locator('#article .mk-source').evaluateAll((els) => els.map((e) => e.textContent)), ['The newspaper', 'Williams']);
    assert.deepEqual(await page.locator('#article .mk-source .mk-ent, #article .mk-ent .mk-source').evaluateAll((els) => els.map((e) => e.textContent)), ['Williams']);
    assert.deepEqual(await page.locator('#article .mk-hedge').evaluateAll((els) => els.map((e) => e.textContent)), ['might', 'potentially']);
    assert.ok(await page.locator('#article .mk-quote .mk-hedge').count() === 1, 'the hedge inside a quote');

    // Pointing at an entity previews its mentions; selecting keeps them.
    const chip = page.locator('#entities .chip', { hasText: 'Aurora Williams' });
    await chip.hover();
    assert.deepEqual(await highlighted(page, 'aa-focus'), ['Aurora Williams', 'Williams']);
    await page.mouse.move(0, 0);
    assert.deepEqual(await highlighted(page, 'aa-focus'), []);
    await chip.click();
    await page.mouse.move(0, 0);
    assert.deepEqual(await highlighted(page, 'aa-focus'), ['Aurora Williams', 'Williams']);
    assert.equal(await chip.getAttribute('aria-pressed'), 'true');
    // The selection survives a layer switch (the article is redrawn).
    await page.uncheck('#layer-hedges');
    await page.waitForFunction(() => document.querySelectorAll('#article .mk-hedge').length === 0);
    assert.deepEqual(await highlighted(page, 'aa-focus'), ['Aurora Williams', 'Williams']);

    // A quote button jumps to its words.
    await page.locator('#quotes .quote-item').first().click();
    await page.waitForFunction((t) => [...(CSS.highlights.get('aa-flash') ?? [])].some((r) => r.toString() === t), '"We are not building a cartel,"');
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('a 100,000-word article stays responsive: drawing, layers, chips and the arc', async () => {
  const { page, problems } = await openPage();
  const paragraphs = SAMPLE.split('\n').slice(3, 11).join('\n');
  let text = 'A Very Long Report on Lithium\n';
  while (text.split(/\s+/).length < 100_000) text += `${paragraphs}\n`;
  try {
    await page.evaluate(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push(e.duration); }).observe({ type: 'longtask' });
    });
    await page.evaluate((t) => {
      const box = document.getElementById('text');
      box.value = t;
      box.dispatchEvent(new Event('input'));
    }, text);
    await waitForAnalysis(page, text);
    const points = await page.locator('#arc .arc-point').count();
    assert.ok(points > 0 && points <= 160, `${points} arc points`);
    assert.match(await textOf(page, '#arc-description'), /^Each bar is about \d+ sentences/);
    assert.ok(await page.locator('#article .render-limit').isVisible());

    const timed = async (action, until) => page.evaluate(async ([a, u]) => {
      const started = performance.now();
      document.querySelector(a).dispatchEvent(new MouseEvent('click', { bubbles: true }));
      while (!document.querySelector(u)) await new Promise((r) => setTimeout(r, 5));
      return performance.now() - started;
    }, [action, until]);
    const layerMs = await timed('#layer-summary', '#layer-summary:not(:checked)');
    const chipMs = await timed('#keyphrases .chip', '#keyphrases .chip[aria-pressed="true"]');
    const arcMs = await timed('#arc .arc-point:last-child', '#arc .arc-point.is-current');
    const longest = Math.max(0, ...(await page.evaluate(() => window.longTasks)));
    console.log(`100k words: longest main-thread task ${Math.round(longest)} ms; layer ${Math.round(layerMs)} ms, chip ${Math.round(chipMs)} ms, arc ${Math.round(arcMs)} ms`);
    assert.ok(longest < 2000, `longest task ${longest} ms`);
    for (const ms of [chipMs, arcMs]) assert.ok(ms < 300, `${ms} ms`);
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
    const expected = wasm.analyze(SAMPLE, {});
    // From Clear to the sentence shading: the export buttons, the label figures, summary
    // sentences, key phrases, the arc (one stop), the panels, the layer checkboxes, then the
    // shading checkbox.
    await page.focus('#clear');
    const stops = [];
    for (let i = 0; i < 200 && stops.at(-1) !== 'show-sentences'; i++) {
      await page.keyboard.press('Tab');
      stops.push(await page.evaluate(() => {
        const e = document.activeElement;
        return e.id || e.getAttribute('class') || e.tagName.toLowerCase();
      }));
    }
    const layers = await page.locator('#layer-list input').evaluateAll((els) => els.map((e) => e.id));
    // Entities, sources (name, then the fold of its quotes) and quotes come between the arc and the layers.
    const panelStop = (stop) => stop.startsWith('quote-item') || stop.startsWith('chip chip-ent') || stop.startsWith('source-name')
      || stop === 'summary' || stop === 'show-more';
    const panelStops = stops.filter(panelStop);
    assert.ok(panelStops.filter((stop) => stop.startsWith('quote-item')).length === (expected.quotes ?? []).length);
    assert.ok(stops.findIndex(panelStop) === -1 || stops.findIndex(panelStop) > stops.indexOf('arc-point'));
    assert.equal(panelStops.filter((stop) => stop.startsWith('source-name')).length, (expected.sources ?? []).length);
    const figures = await page.locator('#label .label-figure').evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual(stops.filter((stop) => !panelStop(stop)), [
      'export-json', 'export-markdown', 'export-copy',
      ...figures,
      ...expected.summary.map(() => 'summary-sentence jumpable'),
      ...expected.keyphrases.map(() => 'chip pickable'),
      'arc-point',
      ...layers,
      'show-sentences',
    ]);
    await page.keyboard.press('Space');
    assert.ok(await page.locator('#article:not(.sentences-on)').isVisible());

    // A chip works from the keyboard too.
    await page.focus('#keyphrases .chip');
    await page.keyboard.press('Enter');
    assert.equal(await page.getAttribute('#keyphrases .chip >> nth=0', 'aria-pressed'), 'true');

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
      // For the README: the input, the label and the first panels; on a phone, the results from the label down.
      const readme = { 'desktop-light': 'readme', 'desktop-dark': 'readme-dark' }[name];
      if (readme) await page.screenshot({ path: `${RESULTS}/${readme}.png`, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1480 } });
      if (name === 'phone-light') {
        const top = await page.evaluate(() => document.getElementById('label-section').getBoundingClientRect().top + window.scrollY - 12);
        await page.screenshot({ path: `${RESULTS}/readme-phone.png`, fullPage: true, clip: { x: 0, y: top, width: 375, height: 1500 } });
      }
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  }
  if (process.env.UPDATE_SCREENSHOT) {
    for (const [shot, file] of Object.entries(README_SHOTS)) copyFileSync(`${RESULTS}/${shot}.png`, `${DOCS}/${file}`);
  }
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
