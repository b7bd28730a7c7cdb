// Table-driven tests of the page's modules. In headless Chromium on the served page:
// render.js (marks → DOM of spans and text nodes), views.js renderArticle (structure →
// blocks, on hand-made analyses so every paragraph kind is covered whatever the analyzer
// finds today) and analyzer-client.js (a hung worker is stopped and replaced). In Node, as
// they need no DOM: format.js and highlights.js.
// Run after scripts/build-wasm.sh:  node --test tests/e2e/

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { assertWasmBuilt, launchBrowser, startServer } from './harness.mjs';
import { explainEase, explainGrade, formatLanguage, formatMinutes, formatScore, kindLabel } from '../../www/format.js';
import { HIGHLIGHTS, highlightById } from '../../www/highlights.js';

const WWW = fileURLToPath(new URL('../../www', import.meta.url));
const RESULTS = fileURLToPath(new URL('../../test-results', import.meta.url));

let server;
let browser;
let page;

before(async () => {
  assertWasmBuilt(WWW);
  server = await startServer(WWW);
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.goto(`${server.origin}/`);
  await page.waitForSelector('body[data-ready]');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** renderMarks(text, marks, from, to) serialised, run in the page. */
function render(text, marks, from, to) {
  return page.evaluate(async ([t, m, f, e]) => {
    const { renderMarks } = await import('./render.js');
    const box = document.createElement('div');
    box.append(renderMarks(t, m, f ?? undefined, e ?? undefined));
    const kinds = [...box.querySelectorAll('*')].map((n) => n.tagName).filter((tag) => tag !== 'SPAN');
    return { html: box.innerHTML, text: box.textContent, otherElements: kinds };
  }, [text, marks, from ?? null, to ?? null]);
}

const span = (start, end, cls, title) => ({ start, end, class: cls, ...(title ? { title } : {}) });

const CASES = [
  ['no marks: one text node', 'abcdef', [], 'abcdef'],
  ['one mark', 'abcdef', [span(1, 3, 'x')], 'a<span class="x">bc</span>def'],
  ['nested marks', 'abcdef', [span(2, 4, 'in'), span(0, 6, 'out')], '<span class="out">ab<span class="in">cd</span>ef</span>'],
  ['overlap splits the inner mark', 'abcdef', [span(0, 4, 'a'), span(2, 6, 'b')],
    '<span class="a">ab<span class="b">cd</span></span><span class="b" data-continued="">ef</span>'],
  ['same range keeps input order', 'abcdef', [span(1, 3, 'x'), span(1, 3, 'y')], 'a<span class="x"><span class="y">bc</span></span>def'],
  ['adjacent marks', 'abcdef', [span(0, 2, 'p'), span(2, 4, 'q')], '<span class="p">ab</span><span class="q">cd</span>ef'],
  ['title attribute', 'abc', [span(0, 1, 'x', 'A "title" <b>')], '<span class="x" title="A &quot;title&quot; &lt;b&gt;">a</span>bc'],
  ['invalid marks ignored', 'abcdef', [span(3, 3, 'empty'), span(4, 2, 'reversed'), span(1.5, 3, 'fraction'),
    span(-5, -1, 'before'), span(9, 12, 'after'), { start: '1', end: 2, class: 'string' }], 'abcdef'],
  ['out-of-range end clamped', 'abc', [span(1, 99, 'x')], 'a<span class="x" data-clipped="">bc</span>'],
  ['surrogate pairs kept whole', 'a😀b漢c', [span(1, 3, 'emoji'), span(4, 5, 'cjk')], 'a<span class="emoji">😀</span>b<span class="cjk">漢</span>c'],
  ['markup in the text stays text', '<b>x</b><script>y</script>', [span(3, 4, 'm')],
    '&lt;b&gt;<span class="m">x</span>&lt;/b&gt;&lt;script&gt;y&lt;/script&gt;'],
];

for (const [name, text, marks, html] of CASES) {
  test(`renderMarks: ${name}`, async () => {
    const out = await render(text, marks);
    assert.equal(out.html, html);
    assert.equal(out.text, text.slice(0, text.length), 'the text survives unchanged');
    assert.deepEqual(out.otherElements, []);
  });
}

test('renderMarks: a range draws only its slice and clips marks at its edges', async () => {
  const out = await render('0123456789', [span(0, 4, 'a'), span(3, 9, 'b'), span(5, 6, 'c')], 2, 7);
  assert.equal(out.html, '<span class="a" data-clipped="">2<span class="b" data-clipped="">3</span></span>'
    + '<span class="b" data-clipped="" data-continued="">4<span class="c">5</span>6</span>');
  assert.equal(out.text, '23456');
  assert.equal((await render('abc', [], 2, 1)).html, '', 'an empty range draws nothing');
});

test('renderMarks: many crossing marks still give the exact text', async () => {
  const text = 'The quick brown fox jumps over the lazy dog. '.repeat(40);
  const marks = [];
  for (let i = 0; i < 300; i++) marks.push(span((i * 37) % text.length, ((i * 37) % text.length) + (i % 50) + 1, `m${i % 4}`));
  const out = await render(text, marks);
  assert.equal(out.text, text);
});

/** A hand-made analysis covering every paragraph kind; offsets computed from the pieces. */
function makeAnalysis(pieces) {
  let text = '';
  const paragraphs = [];
  const sentences = [];
  const boilerplate = [];
  for (const [kind, body, extra] of pieces) {
    const start = text.length;
    text += `${body}\n`;
    const end = start + body.length;
    paragraphs.push({ start, end, kind });
    if (kind === 'boilerplate') boilerplate.push({ start, end, kind: extra });
    let from = start;
    for (const part of body.split(/(?<=\.) /)) {
      sentences.push({ start: from, end: from + part.length, paragraph: paragraphs.length - 1, inBody: kind === 'body' });
      from += part.length + 1;
    }
  }
  const analysis = { paragraphs, sentences, structure: { boilerplate } };
  return { text, analysis };
}

test('renderArticle: every kind of paragraph, boilerplate grouped by kind and dimmed', async () => {
  const { text, analysis } = makeAnalysis([
    ['title', 'Storm <em>Closes</em> Schools'],
    ['byline', 'By Ana Ruiz'],
    ['dateline', 'LISBON, May 2'],
    ['body', 'Schools shut on Monday. Rain fell for days.'],
    ['heading', 'What next'],
    ['body', 'Officials will decide on Friday.'],
    ['boilerplate', 'Read more: floods in 2019', 'readMore'],
    ['boilerplate', 'Bridge Reopens', 'relatedHeadlines'],
    ['boilerplate', 'Port Strike Ends', 'relatedHeadlines'],
  ]);
  const marks = [{ start: text.indexOf('Monday'), end: text.indexOf('Rain') + 4, class: 'hl test', title: 'crosses a sentence' }];
  const dom = await page.evaluate(async ([t, a, m]) => {
    const { renderArticle } = await import('./views.js');
    renderArticle(t, a, m);
    document.getElementById('results').hidden = false;
    document.getElementById('empty').hidden = true;
    const article = document.getElementById('article');
    return {
      blocks: [...article.querySelectorAll('.block')].map((b) => [b.tagName, b.className, b.textContent]),
      asides: [...article.querySelectorAll('aside.boilerplate')].map((a) => [a.getAttribute('aria-label'), a.querySelectorAll('.block').length]),
      sentences: [...article.querySelectorAll('.sentence')].map((s) => [s.textContent, 'continued' in s.dataset]),
      highlighted: [...article.querySelectorAll('.hl')].map((s) => [s.textContent, 'continued' in s.dataset]),
      injected: article.querySelectorAll('em').length,
    };
  }, [text, analysis, marks]);

  assert.deepEqual(dom.blocks, [
    ['H3', 'block block-title', 'Storm <em>Closes</em> Schools'],
    ['P', 'block block-byline', 'bylineBy Ana Ruiz'],
    ['P', 'block block-dateline', 'datelineLISBON, May 2'],
    ['P', 'block block-body', 'Schools shut on Monday. Rain fell for days.'],
    ['H4', 'block block-heading', 'What next'],
    ['P', 'block block-body', 'Officials will decide on Friday.'],
    ['P', 'block block-boilerplate', 'Read more: floods in 2019'],
    ['P', 'block block-boilerplate', 'Bridge Reopens'],
    ['P', 'block block-boilerplate', 'Port Strike Ends'],
  ]);
  assert.deepEqual(dom.asides, [['Page furniture: read more', 1], ['Page furniture: related headlines', 2]]);
  // The highlight "Monday. Rain" crosses a sentence end: it is split there, and the second
  // sentence is split where the highlight ends, so the DOM stays a tree.
  assert.deepEqual(dom.sentences.slice(3, 6), [['Schools shut on Monday.', false], ['Rain', false], [' fell for days.', true]]);
  assert.deepEqual(dom.highlighted, [['Monday.', false], [' Rain', true]]);
  assert.equal(dom.injected, 0);

  mkdirSync(RESULTS, { recursive: true });
  await page.locator('#article').screenshot({ path: `${RESULTS}/article-kinds.png` });
});

test('AnalyzerClient: an answer that takes too long stops the worker; the next call gets a new one', async () => {
  const outcome = await page.evaluate(async () => {
    const { AnalyzerClient } = await import('./analyzer-client.js');
    let limit = 0;
    const client = new AnalyzerClient(new URL('./worker.js', location.href), { timeoutMs: () => limit });
    const first = await client.analyze('Too slow for a zero limit.', {}).then(() => 'answered', (e) => e.message);
    limit = 30_000;
    const second = await client.analyze('Now it has time.', {}).then((r) => r.analysis.stats.words, (e) => e.message);
    return { first, second };
  });
  assert.deepEqual(outcome, { first: 'the analysis took longer than 0 s and was stopped', second: 4 });
});

test('format.js: plain-words figures', () => {
  const cases = [
    [explainGrade(null), 'The body is too short to score.'],
    [explainGrade(-1.2), 'Easy: a child with about 1 year of school can follow it.'],
    [explainGrade(3.4), 'Easy: a child with about 3 years of school can follow it.'],
    [explainGrade(7.6), 'Plain English: most adults read it easily (about 8 years of school).'],
    [explainGrade(11.93), 'Fairly hard: it asks for about 12 years of school, like a quality newspaper.'],
    [explainGrade(14), 'Hard: university-level reading.'],
    [explainGrade(21), 'Very hard: specialist or academic reading.'],
    [explainEase(95), 'very easy'], [explainEase(65), 'plain English'], [explainEase(46.1), 'difficult'], [explainEase(-20), 'very difficult'],
    [formatMinutes(0, 0), '—'], [formatMinutes(0.4, 90), 'under 1 min'], [formatMinutes(4.6, 1100), '5 min'], [formatMinutes(65.2, 15500), '1 h 5 min'],
    [formatLanguage({ code: 'en', confidence: 0.934 }), 'English (93% sure)'],
    [formatLanguage({ code: 'und', confidence: 0 }), 'not determined'],
    [formatLanguage({ code: 'qq', confidence: 0.5 }), 'qq (50% sure)'],
    [formatScore(null), 'n/a'], [formatScore(11.93), '11.9'], [formatScore(0), '0.0'],
    [kindLabel('relatedHeadlines'), 'related headlines'], [kindLabel('readMore'), 'read more'], [kindLabel('footer'), 'footer'],
  ];
  for (const [actual, expected] of cases) assert.equal(actual, expected);
});

test('highlights.js: long sentences counted in one pass, token kinds picked, unknown id falls back', () => {
  const words = (n, from) => Array.from({ length: n }, (_, i) => ({ start: from + 2 * i, end: from + 2 * i + 1, kind: i % 5 ? 'word' : 'number' }));
  const analysis = {
    sentences: [
      { start: 0, end: 60, paragraph: 0, inBody: true }, // 30 tokens: long
      { start: 60, end: 100, paragraph: 0, inBody: true }, // 20 tokens: short
      { start: 100, end: 160, paragraph: 1, inBody: false }, // long, but a heading
    ],
    tokens: [...words(30, 0), ...words(20, 60), ...words(30, 100), { start: 160, end: 170, kind: 'url' }],
  };
  assert.deepEqual(highlightById('long-sentences').marks(analysis), [{ start: 0, end: 60, class: 'hl hl-long', title: 'Long sentence: 30 words' }]);
  assert.equal(highlightById('numbers').marks(analysis).length, 16);
  assert.deepEqual(highlightById('links').marks(analysis), [{ start: 160, end: 170, class: 'hl hl-url', title: 'Link' }]);
  assert.equal(highlightById('no-such-layer'), HIGHLIGHTS[0]);
  assert.deepEqual(HIGHLIGHTS[0].marks(analysis), []);
  assert.ok(HIGHLIGHTS.every((h) => h.tokens === (h.id !== 'none')));
});
