// End-to-end tests of the page's report features in headless Chromium (playwright-core): the
// article label (figures, tooltips on hover and focus, links to spans), the sources panel
// (bar, kinds, quotes, selecting a source), readability formulas, folded boilerplate, what
// was found in a text selection, export (JSON, Markdown, clipboard), the print stylesheet,
// the progress line and the size note for long texts. Expected figures come from the same
// wasm build run in Node. Run after scripts/build-wasm.sh:  node --test tests/e2e/

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assertWasmBuilt, launchBrowser, startServer } from './harness.mjs';
import { labelFigures } from '../../www/label-view.js';
import { markdownReport, mdText } from '../../www/report.js';
import { readabilityRows } from '../../www/readability-view.js';
import { sortedSources, sourceGroup, sourceGroups, sourceMentions } from '../../www/sources-view.js';
import { findingsIn } from '../../www/selection-view.js';

const WWW = fileURLToPath(new URL('../../www', import.meta.url));
const SAMPLE = readFileSync(`${WWW}/sample-article.txt`, 'utf8');

let wasm;
let server;
let browser;
let expected;

before(async () => {
  assertWasmBuilt(WWW);
  wasm = await import('../../www/pkg/article_analyzer.js');
  wasm.initSync({ module: readFileSync(`${WWW}/pkg/article_analyzer_bg.wasm`) });
  expected = wasm.analyze(SAMPLE, {});
  server = await startServer(WWW);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page with the sample analysed; `problems` collects console errors and uncaught exceptions. */
async function samplePage({ viewport = { width: 1280, height: 800 }, colorScheme = 'light' } = {}) {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize(viewport);
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('body[data-ready]');
  await page.click('#load-sample');
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Analysed'));
  return { page, problems };
}

const highlighted = (page, name) => page.evaluate((n) => [...(CSS.highlights.get(n) ?? [])].map((r) => r.toString()), name);
const slices = (spans) => spans.map((s) => SAMPLE.slice(s.start, s.end));

test('the article label: each figure, explained on hover and on keyboard focus, linked to its spans', async () => {
  const { page, problems } = await samplePage();
  try {
    const figures = labelFigures(SAMPLE, expected);
    assert.deepEqual(figures.map((f) => f.id), ['words', 'reading', 'grade', 'language', 'tone', 'hedged', 'named', 'anonymous', 'outlet']);
    const shown = await page.locator('#label .label-figure').evaluateAll((els) => els.map((e) => e.textContent));
    assert.deepEqual(shown, figures.map((f) => `${f.value} ${f.name}`));
    assert.equal(figures.find((f) => f.id === 'words').value, expected.stats.words.toLocaleString('en'));
    assert.equal(figures.find((f) => f.id === 'hedged').value, `${Math.round(expected.hedging.share * 100)}%`);
    for (const id of ['named', 'anonymous', 'outlet']) {
      const figure = figures.find((f) => f.id === id);
      assert.equal(figure.value, String(expected.sourcing[id]));
      assert.equal(figure.spans.length, expected.sourcing[id], `${id}: one span per claim`);
    }

    // Every figure is described by its tooltip (not only a title).
    for (const figure of figures) {
      const button = page.locator(`#label-${figure.id}`);
      const described = await button.getAttribute('aria-describedby');
      assert.equal(await page.locator(`#${described}`).textContent(), figure.explain);
      assert.equal(await page.locator(`#${described}`).getAttribute('role'), 'tooltip');
    }
    const tip = page.locator('#label-tip-hedged');
    assert.ok(!(await tip.isVisible()));
    await page.hover('#label-hedged');
    await page.waitForFunction(() => getComputedStyle(document.getElementById('label-tip-hedged')).opacity === '1');
    assert.ok(await tip.isVisible());
    assert.match(await tip.textContent(), new RegExp(`^${expected.hedging.hedgedSentences} of ${expected.hedging.sentences} body sentences carry a hedge`));
    await page.mouse.move(0, 0);
    await page.waitForFunction(() => getComputedStyle(document.getElementById('label-tip-hedged')).visibility === 'hidden');
    // Keyboard: focus shows the tooltip, Escape hides it.
    await page.focus('#label-anonymous');
    await page.waitForFunction(() => getComputedStyle(document.getElementById('label-tip-anonymous')).opacity === '1');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => getComputedStyle(document.getElementById('label-tip-anonymous')).visibility === 'hidden');

    // Activating "hedged" highlights the hedged body sentences; "anonymous" the anonymous sources.
    const hedged = expected.sentences.filter((s) => s.inBody && s.certainty !== 'high');
    assert.equal(hedged.length, expected.hedging.hedgedSentences);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('#label-hedged');
    assert.equal(await page.getAttribute('#label-hedged', 'aria-pressed'), 'true');
    await page.mouse.move(0, 0);
    assert.deepEqual(await highlighted(page, 'aa-focus'), slices(hedged));
    await page.waitForFunction(() => window.scrollY > 300);
    await page.waitForFunction((t) => [...(CSS.highlights.get('aa-flash') ?? [])].some((r) => r.toString() === t), SAMPLE.slice(hedged[0].start, hedged[0].end));

    await page.focus('#label-anonymous');
    await page.keyboard.press('Enter');
    await page.mouse.move(0, 0);
    const anonymous = expected.sources.filter((s) => s.kind === 'anonymous').flatMap((s) => s.quotes.map((i) => expected.quotes[i].source));
    assert.deepEqual(await highlighted(page, 'aa-focus'), slices(anonymous.sort((a, b) => a.start - b.start)));
    assert.ok((await highlighted(page, 'aa-focus')).includes('People familiar with the matter'));
    assert.equal(await page.getAttribute('#label-hedged', 'aria-pressed'), 'false');
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('the sources panel: bar by kind, each source with its kind and quotes; selecting one shows its mentions', async () => {
  const { page, problems } = await samplePage();
  try {
    const groups = sourceGroups(expected.sourcing);
    const total = Object.values(expected.sourcing).reduce((a, b) => a + b, 0);
    assert.equal(await page.textContent('#sources-tally'), `${total} quotes and reported claims rest on:`);
    assert.deepEqual(await page.locator('#sources-legend li').allTextContents(),
      groups.map((g) => `${g.count} ${g.label} (${Math.round((g.count / total) * 100)}%)`));
    const widths = await page.locator('#sources-bar .bar-segment').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    assert.equal(widths.length, groups.length);
    assert.ok(widths[0] > widths[widths.length - 1], `named is the widest: ${widths}`);

    const names = await page.locator('#sources-list .source-name').allTextContents();
    assert.equal(names.length, expected.sources.length);
    assert.equal(names[0], 'Aurora Williams', 'the most quoted first');
    const williams = page.locator('#sources-list .source').first();
    assert.match(await williams.locator('.source-kind').textContent(), /named person, Minister · 3 quotes/);
    assert.match(await page.locator('#sources-list .source', { hasText: 'People familiar with the matter' }).locator('.source-kind').textContent(), /anonymous · 1 quote/);
    assert.match(await page.locator('#sources-list .source', { hasText: 'The newspaper' }).locator('.source-kind').textContent(), /news outlet/);

    // Selecting a source highlights every place naming it and flashes the first.
    const source = expected.sources.find((s) => s.name === 'Aurora Williams');
    await williams.locator('.source-name').click();
    await page.mouse.move(0, 0);
    assert.deepEqual(await highlighted(page, 'aa-focus'), slices(sourceMentions(source, expected.quotes)));
    const first = sourceMentions(source, expected.quotes)[0];
    await page.waitForFunction((t) => [...(CSS.highlights.get('aa-flash') ?? [])].some((r) => r.toString() === t), SAMPLE.slice(first.start, first.end));

    // Its quotes are folded; opened, each jumps to its words.
    assert.ok(!(await williams.locator('.source-quote').first().isVisible()));
    await williams.locator('summary').click();
    const quotes = await williams.locator('.source-quote').allTextContents();
    assert.equal(quotes.length, 3);
    await williams.locator('.source-quote').nth(1).click();
    const quote = expected.quotes[source.quotes[1]].content;
    await page.waitForFunction((t) => [...(CSS.highlights.get('aa-flash') ?? [])].some((r) => r.toString() === t), SAMPLE.slice(quote.start, quote.end));

    // Quotes by speaker, and the quote layer marks content, source and cue.
    assert.equal(await page.textContent('#quotes-heading'), 'Quotes by speaker');
    await page.check('#layer-quotes');
    await page.waitForSelector('#article .mk-cue');
    const marked = (cls) => page.locator(`#article .${cls}:not([data-continued])`).evaluateAll((els) => els.map((e) => e.dataset.quote));
    const indices = (field) => expected.quotes.map((q, i) => (q[field] ? String(i) : null)).filter((i) => i !== null);
    assert.deepEqual((await marked('mk-cue')).sort(), indices('cue').sort());
    assert.deepEqual((await marked('mk-source')).sort(), indices('source').sort());
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('readability: every score with the counts and its formula, which gives the score', async () => {
  const { page, problems } = await samplePage();
  try {
    const { stats, readability } = expected;
    const counts = await page.textContent('#readability-counts');
    for (const n of [stats.words, stats.sentences, stats.syllables, stats.polysyllables, stats.complexWords, stats.letters]) {
      assert.ok(counts.includes(n.toLocaleString('en')), `${n} in "${counts}"`);
    }
    const rows = readabilityRows(readability, stats);
    const formulas = await page.locator('#readability .formula').allTextContents();
    assert.equal(formulas.length, 6);
    rows.forEach((row, i) => {
      assert.ok(Math.abs(row.compute() - row.value) < 0.006, `${row.name}: ${row.compute()} vs ${row.value}`);
      assert.equal(formulas[i], `Formula: ${row.formula} = ${row.value.toFixed(1)}`);
    });
    assert.match(formulas[0], /^Formula: 206\.835 − 1\.015 × 243 words ÷ 13 sentences − 84\.6 × 410 syllables ÷ 243 words = 45\.1$/);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('boilerplate is folded away and opens on demand; title, headings and body stay as they were', async () => {
  const { page, problems } = await samplePage();
  try {
    const folds = page.locator('#article details.boilerplate');
    assert.equal(await folds.count(), 2);
    assert.deepEqual(await folds.locator('summary').allTextContents(), ['Not article · read more (1 line)', 'Not article · related headlines (4 lines)']);
    const related = SAMPLE.slice(expected.structure.boilerplate[2].start, expected.structure.boilerplate[2].end);
    assert.ok(!(await page.getByText(related).isVisible()));
    await folds.nth(1).locator('summary').click();
    assert.ok(await page.getByText(related).isVisible());
    assert.equal(await page.locator('#article h3.block-title').textContent(), SAMPLE.slice(expected.structure.title.start, expected.structure.title.end));
    assert.equal(await page.locator('#article h4.block-heading').count(), expected.structure.headings.length);
    assert.ok(await page.locator('#article .block-body').first().isVisible());
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('selecting a name mentioned only in folded boilerplate unfolds it', async () => {
  const { page, problems } = await samplePage();
  try {
    const bolivia = expected.entities.find((e) => e.name === 'Bolivia');
    const inFurniture = (m) => expected.structure.boilerplate.some((b) => b.start <= m.start && m.end <= b.end);
    assert.ok(bolivia && bolivia.mentions.every(inFurniture), 'Bolivia is named only in the page furniture');
    assert.equal(await page.locator('#article details.boilerplate[open]').count(), 0);
    await page.locator('#entities .chip', { hasText: 'Bolivia' }).click();
    assert.equal(await page.locator('#article details.boilerplate[open]').count(), 1);
    await page.waitForFunction(() => [...(CSS.highlights.get('aa-flash') ?? [])].some((r) => r.toString() === 'Bolivia'));
    assert.ok(await page.locator('#article details.boilerplate[open]').getByText("Bolivia's lithium").isVisible());
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('selecting text in the article shows what was found there', async () => {
  const { page, problems } = await samplePage();
  try {
    assert.ok(!(await page.locator('#selection').isVisible()));
    // Select the Williams paragraph: a quote, names, hedges ("could") and sentences.
    const paragraph = expected.paragraphs.find((p) => SAMPLE.slice(p.start, p.end).startsWith('Chilean Mining Minister'));
    await page.evaluate(() => {
      const block = [...document.querySelectorAll('#article .block-body')].find((b) => b.textContent.startsWith('Chilean'));
      const range = document.createRange();
      range.selectNodeContents(block);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    });
    await page.waitForSelector('#selection h3');
    const findings = findingsIn(SAMPLE, expected, paragraph.start, paragraph.end);
    const shown = await page.locator('#selection dt').allTextContents();
    assert.deepEqual(shown, findings.map((f) => `${f.label} (${f.items.length})`));
    const text = await page.textContent('#selection');
    assert.match(text, /Aurora Williams \(person\)/);
    assert.match(text, /could \(modal\)/);
    assert.match(text, /Quotes/);
    assert.equal(await page.getAttribute('#selection', 'aria-live'), 'polite');

    // A few words with the mouse: only what touches them.
    const span = SAMPLE.indexOf('Goldman Sachs');
    const words = findingsIn(SAMPLE, expected, span, span + 'Goldman Sachs'.length);
    assert.ok(words.some((f) => f.label === 'Names, places and figures' && f.items.includes('Goldman Sachs (organisation)')), JSON.stringify(words));
    const box = await page.evaluate(() => {
      const node = [...document.querySelectorAll('#article .mk-ent')].find((e) => e.textContent === 'Goldman Sachs');
      const r = node.getBoundingClientRect();
      node.scrollIntoView({ block: 'center' });
      const s = node.getBoundingClientRect();
      return { x: s.left, y: s.top + s.height / 2, w: r.width };
    });
    await page.mouse.move(box.x + 1, box.y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.w - 1, box.y, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => /Goldman Sachs/.test(document.querySelector('#selection .selection-text')?.textContent ?? ''));
    assert.deepEqual(await page.locator('#selection dt').allTextContents(), words.map((f) => `${f.label} (${f.items.length})`));

    // Clicking elsewhere (an empty selection) empties the box; so does its close button.
    await page.mouse.click(5, 5);
    await page.waitForFunction(() => document.getElementById('selection').childElementCount === 0);
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('export: JSON, Markdown report and a copy on the clipboard', async () => {
  const { page, problems } = await samplePage();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  try {
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    assert.equal(json.suggestedFilename(), 'article-analysis.json');
    const saved = JSON.parse(readFileSync(await json.path(), 'utf8'));
    assert.deepEqual(saved, JSON.parse(JSON.stringify(expected)));

    const [markdown] = await Promise.all([page.waitForEvent('download'), page.click('#export-markdown')]);
    assert.equal(markdown.suggestedFilename(), 'article-report.md');
    const report = readFileSync(await markdown.path(), 'utf8');
    assert.equal(report, markdownReport(SAMPLE, expected, expected.version));
    assert.match(report, /^# Chile and Argentina Weigh a Shared Lithium Agency as Prices Slide\n/);
    for (const heading of ['Article label', 'Summary', 'Key phrases', 'People, places and figures', 'Sources', 'Hedging', 'Readability']) {
      assert.ok(report.includes(`\n## ${heading}\n`), heading);
    }
    assert.match(report, /\| hedged sentences \| 31% \|/);
    const { named, anonymous, outlet, unknown } = expected.sourcing;
    assert.ok(report.includes(`\n## Sources\n\nClaims by kind of source: named ${named}, anonymous ${anonymous}, news outlet ${outlet}, unclear ${unknown}.\n\n- **Aurora Williams** (named person, Minister): 3 quotes\n`));

    await page.click('#export-copy');
    await page.waitForFunction(() => document.getElementById('status').textContent.includes('clipboard'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), report);
    assert.deepEqual(problems, []);
  } finally {
    await browser.context.clearPermissions();
    await page.close();
  }
});

test('labelFigures: figures of absent fields are left out; documents only when cited', () => {
  const text = 'Council Votes\n\nThe council voted on Tuesday to approve the budget after a long debate.\n';
  const bare = wasm.analyze(text, {});
  for (const field of ['sentiment', 'hedging', 'sources', 'sourcing']) delete bare[field];
  assert.deepEqual(labelFigures(text, bare).map((f) => f.id), ['words', 'reading', 'grade', 'language']);
  const full = wasm.analyze(text, {});
  assert.ok(!labelFigures(text, full).some((f) => f.id === 'document'));
  const cited = { ...full, sourcing: { ...full.sourcing, document: 2 }, sources: [{ start: 0, end: 7, name: 'Council', kind: 'document', quotes: [] }] };
  const document = labelFigures(text, cited).find((f) => f.id === 'document');
  assert.equal(document.value, '2');
  assert.deepEqual(document.spans, [], 'no citing quote: no span');
});

test('sources: kinds fall in bar groups; mentions once each, in text order; most quoted first', () => {
  const cases = [['person', 'named'], ['organization', 'named'], ['anonymous', 'anonymous'], ['outlet', 'outlet'],
    ['document', 'document'], ['unknown', 'unknown'], ['something new', 'unknown']];
  for (const [kind, group] of cases) assert.equal(sourceGroup(kind), group, kind);
  assert.deepEqual(sourceGroups({ named: 3, anonymous: 0, outlet: 1 }).map((g) => [g.id, g.count, g.share]), [['named', 3, 0.75], ['outlet', 1, 0.25]]);
  assert.deepEqual(sourceGroups({}), []);
  const quotes = [{ source: { start: 50, end: 55 } }, { source: null }, { source: { start: 10, end: 15 } }, { source: { start: 50, end: 55 } }];
  assert.deepEqual(sourceMentions({ start: 10, end: 15, quotes: [0, 1, 2, 3, 9] }, quotes), [{ start: 10, end: 15 }, { start: 50, end: 55 }]);
  const sources = [{ name: 'a', quotes: [0] }, { name: 'b', quotes: [1, 2] }, { name: 'c' }, { name: 'd', quotes: [3] }];
  assert.deepEqual(sortedSources(sources).map((x) => x.name), ['b', 'a', 'd', 'c']);
});

test('findingsIn: what touches the selection, and nothing that only borders it', () => {
  const might = SAMPLE.indexOf('might');
  const at = (start, end) => findingsIn(SAMPLE, expected, start, end).map((f) => f.label);
  assert.ok(at(might, might + 5).includes('Hedges'));
  assert.ok(!at(might - 6, might).includes('Hedges'), 'ends where the hedge starts');
  assert.ok(!at(might + 5, might + 10).includes('Hedges'), 'starts where the hedge ends');
  assert.deepEqual(at(might, might + 1).filter((l) => l === 'Sentences').length, 1);
  const hedges = findingsIn(SAMPLE, expected, might, might + 5).find((f) => f.label === 'Hedges');
  assert.deepEqual(hedges.items, ['might (modal)']);
  // The gap between two paragraphs touches nothing.
  const gap = expected.paragraphs[4].end;
  assert.deepEqual(at(gap, gap + 1), []);
});

test('the Markdown report keeps article text inert', () => {
  assert.equal(mdText('a *b* [c](d) <e> | f\n g'), 'a \\*b\\* \\[c\\](d) \\<e\\> \\| f g');
  const text = 'Title With [Link](http://x) and <b>tag</b>\n\nThe council voted on Tuesday to approve the budget after a long debate about the schools and the roads of the town.\n';
  const report = markdownReport(text, wasm.analyze(text, {}), 'test');
  assert.match(report, /^# Title With \\\[Link\\\]\(http:\/\/x\) and \\<b\\>tag\\<\/b\\>\n/);
  assert.ok(!report.includes('<b>'));
});

test('print: the editor and controls are hidden, the report is shown', async () => {
  const { page, problems } = await samplePage({ colorScheme: 'dark' });
  try {
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.input-panel', '#text', '.export', '.layers', '.view-controls', '.skip']) {
      assert.ok(await page.locator(hidden).first().isHidden(), `${hidden} is hidden in print`);
    }
    for (const shown of ['#label', '#summary', '#sources-bar', '#readability', '#article']) {
      assert.ok(await page.locator(shown).isVisible(), `${shown} is shown in print`);
    }
    const look = await page.evaluate(() => ({
      background: getComputedStyle(document.body).backgroundColor,
      output: document.getElementById('output').getBoundingClientRect().width,
      page: document.documentElement.clientWidth,
    }));
    assert.equal(look.background, 'rgb(255, 255, 255)', 'printed on white even in dark mode');
    assert.ok(look.output > look.page * 0.9, 'the report takes the whole width');
    await page.pdf?.({ path: fileURLToPath(new URL('../../test-results/print.pdf', import.meta.url)) }).catch(() => {});
    await page.emulateMedia({ media: 'screen' });
    assert.ok(await page.locator('#text').isVisible());
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});

test('long texts: a size note, a progress line while the worker runs, and a refusal above the limit without sending', async () => {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${server.origin}/`);
    await page.waitForSelector('body[data-ready]');
    const paragraphs = SAMPLE.split('\n').slice(3, 11).join('\n');
    await page.evaluate((p) => {
      window.seen = { progress: false, busy: false, live: '' };
      new MutationObserver(() => {
        if (!document.getElementById('progress').hidden) window.seen.progress = true;
        if (document.getElementById('output').getAttribute('aria-busy') === 'true') window.seen.busy = true;
        const status = document.getElementById('status').textContent;
        if (status.startsWith('Analysing')) window.seen.live = status;
      }).observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
      const box = document.getElementById('text');
      box.value = `Big Report\n${`${p}\n`.repeat(1500)}`;
      box.dispatchEvent(new Event('input'));
    }, paragraphs);
    await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Analysed'), null, { timeout: 60_000 });
    const seen = await page.evaluate(() => window.seen);
    assert.deepEqual({ progress: seen.progress, busy: seen.busy }, { progress: true, busy: true });
    assert.match(seen.live, /^Analysing \d+\.\d MB of text…$/);
    assert.match(await page.textContent('#size'), /^Long text \(\d+\.\d MB\): the analysis takes a few seconds/);
    assert.ok(await page.locator('#progress').isHidden());
    assert.equal(await page.getAttribute('#output', 'aria-busy'), 'false');
    assert.equal(await page.getAttribute('#progress-bar', 'aria-label'), 'Analysing the text');

    // Over the limit: refused with the size, and the worker is not asked (no "Analysing…").
    await page.evaluate(() => {
      window.seen.live = '';
      const box = document.getElementById('text');
      box.value = 'word '.repeat(3_400_000);
      box.dispatchEvent(new Event('input'));
    });
    await page.waitForSelector('#error', { state: 'visible', timeout: 30_000 });
    assert.equal(await page.evaluate(() => window.seen.live), '');
    assert.equal(await page.textContent('#error-message'), 'The text is 16.2 MB, larger than the 16 MB this analyzer accepts; split it into smaller parts.');
    assert.equal(await page.textContent('#size'), 'This text is 16.2 MB, over the 16 MB limit: split it into smaller parts.');
    assert.ok(await page.locator('#size.over').isVisible());
  } finally {
    await page.close();
  }
});
