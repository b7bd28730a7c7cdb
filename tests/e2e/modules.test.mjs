// Table-driven tests of the page's modules. In headless Chromium on the served page:
// render.js (marks → DOM of spans and text nodes), text-map.js (offsets → DOM ranges),
// views.js renderArticle (structure → blocks, on hand-made analyses so every paragraph kind
// is covered whatever the analyzer finds today), the entity and quote panels and layers with
// overlapping marks (hand-made entities, quotes and hedges: the fields other stages will add),
// spotlight/interact (hover and select) and analyzer-client.js (a hung worker is stopped and
// replaced). In Node, as they need no DOM: format.js, highlights.js, arcPoints (arc.js) and
// the grouping of entities and quotes.
// Run after scripts/build-wasm.sh:  node --test tests/e2e/

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import { assertWasmBuilt, launchBrowser, startServer } from './harness.mjs';
import {
  clip, explainEase, explainGrade, explainLoaded, explainTone, formatLanguage, formatMinutes, formatRate, formatScore,
  formatTone, kindLabel, oneLine, toneWord,
} from '../../www/format.js';
import { LAYERS, layerAvailable, layerById, marksOf } from '../../www/highlights.js';
import { arcPoints, MAX_POINTS } from '../../www/arc.js';
import { groupEntities } from '../../www/entities-view.js';
import { groupQuotes } from '../../www/quotes-view.js';

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

test('renderMarks: 20,000 nested marks draw the whole text, nested no deeper than MAX_DEPTH', async () => {
  const depth = 20_000;
  const text = '('.repeat(depth) + 'x' + ')'.repeat(depth);
  const marks = Array.from({ length: depth }, (_, i) => span(i, text.length - i, 'q'));
  const started = Date.now();
  const out = await page.evaluate(async ([t, m]) => {
    const { renderMarks, MAX_DEPTH } = await import('./render.js');
    const box = document.createElement('div');
    box.append(renderMarks(t, m));
    let deepest = 0;
    for (let node = box.querySelector('span'), d = 1; node; node = node.querySelector(':scope > span'), d++) deepest = d;
    return { text: box.textContent, deepest, max: MAX_DEPTH };
  }, [text, marks]);
  assert.equal(out.text, text);
  assert.equal(out.deepest, out.max);
  // A hang guard, not a benchmark: the nesting once made drawing quadratic (minutes).
  assert.ok(Date.now() - started < 20_000);
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

test('renderArticle: every kind of paragraph, boilerplate grouped by kind and folded away', async () => {
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
      folds: [...article.querySelectorAll('details.boilerplate')].map((a) => [a.getAttribute('aria-label'), a.querySelector('summary').textContent, a.open, a.querySelectorAll('.block').length]),
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
  assert.deepEqual(dom.folds, [
    ['Page furniture: read more', 'Not article · read more (1 line)', false, 1],
    ['Page furniture: related headlines', 'Not article · related headlines (2 lines)', false, 2],
  ]);
  // The highlight "Monday. Rain" crosses a sentence end: it is split there, and the second
  // sentence is split where the highlight ends, so the DOM stays a tree.
  assert.deepEqual(dom.sentences.slice(3, 6), [['Schools shut on Monday.', false], ['Rain', false], [' fell for days.', true]]);
  assert.deepEqual(dom.highlighted, [['Monday.', false], [' Rain', true]]);
  assert.equal(dom.injected, 0);

  mkdirSync(RESULTS, { recursive: true });
  await page.locator('#article').screenshot({ path: `${RESULTS}/article-kinds.png` });
});

test('renderArticle: one paragraph past the render limit is drawn up to it, then a note', async () => {
  const { text, analysis } = makeAnalysis([['body', 'word '.repeat(100_000)]]);
  const drawn = await page.evaluate(async ([t, a]) => {
    const { renderArticle } = await import('./views.js');
    renderArticle(t, a, []);
    const article = document.getElementById('article');
    return { text: article.querySelector('.block').textContent.length, note: article.querySelector('.render-limit')?.textContent ?? '' };
  }, [text, analysis]);
  assert.equal(drawn.text, 300_000);
  assert.match(drawn.note, /^The remaining 200,001 characters are not drawn here/);
});

test('renderMarks: data becomes data-* attributes (also on continued parts); a text map learns every text node', async () => {
  const out = await page.evaluate(async () => {
    const { renderMarks } = await import('./render.js');
    const { TextMap } = await import('./text-map.js');
    const map = new TextMap();
    const box = document.createElement('div');
    box.append(renderMarks('0123456789', [{ start: 1, end: 5, class: 'a', data: { entity: 'e1' } }, { start: 3, end: 8, class: 'b', data: { quote: 2 } }], 0, 10, map));
    return { html: box.innerHTML, starts: map.starts, texts: map.nodes.map((n) => n.data), drawnEnd: map.drawnEnd };
  });
  assert.equal(out.html, '0<span class="a" data-entity="e1">12<span class="b" data-quote="2">34</span></span>'
    + '<span class="b" data-quote="2" data-continued="">567</span>89');
  assert.deepEqual(out.starts, [0, 1, 3, 5, 8]);
  assert.deepEqual(out.texts, ['0', '12', '34', '567', '89']);
  assert.equal(out.drawnEnd, 10);
});

test('TextMap: ranges across nodes and paragraphs, gaps skipped, undrawn text gives null', async () => {
  const { text, analysis } = makeAnalysis([['title', 'Storm Closes Schools'], ['body', 'Schools shut on Monday. Rain fell.']]);
  const cases = [
    ['Closes', text.indexOf('Closes'), text.indexOf('Closes') + 6],
    ['Schools shut', text.indexOf('Schools shut'), text.indexOf(' on')],
    ['Monday. Rain', text.indexOf('Monday'), text.indexOf('Rain') + 4], // crosses a sentence
    ['Schools\nSchools', text.indexOf('Schools'), text.indexOf('shut') - 1], // crosses the paragraph gap
    [null, text.indexOf('\n'), text.indexOf('\n') + 1], // only the gap
    [null, text.length, text.length + 5],
    [null, 5, 5],
  ];
  const out = await page.evaluate(async ([t, a, c]) => {
    const { renderArticle } = await import('./views.js');
    const map = renderArticle(t, a, [{ start: 2, end: 9, class: 'mk x' }]);
    return c.map(([, start, end]) => map.range(start, end)?.toString() ?? null);
  }, [text, analysis, cases]);
  // A Range's text skips nothing between nodes; across paragraphs it runs from one block into the next.
  assert.deepEqual(out, cases.map(([expected]) => (expected === 'Schools\nSchools' ? 'SchoolsSchools' : expected)));
});

/** The sample-like paragraph used for the overlap tests, with hand-made entity, quote and hedge marks. */
function overlapFixture() {
  const pieces = [['title', 'Council Rejects Plan'], ['body', 'The mayor said "Lisbon may lose the port by 2030," and left. Others agreed.']];
  const { text, analysis } = makeAnalysis(pieces);
  const at = (w, n = 0) => {
    let i = -1;
    for (let k = 0; k <= n; k++) i = text.indexOf(w, i + 1);
    return { start: i, end: i + w.length };
  };
  const quoteSpan = at('"Lisbon may lose the port by 2030,"');
  Object.assign(analysis, {
    summary: [analysis.sentences[2]],
    entities: [
      { id: 'e1', name: 'Lisbon', kind: 'location', mentions: [at('Lisbon')] },
      { id: 'e2', name: 'mayor', kind: 'person', mentions: [at('mayor')] },
      { id: 'e3', name: '2030', kind: 'date', mentions: [at('2030')] },
    ],
    quotes: [{ content: quoteSpan, source: at('The mayor'), cue: at('said'), direct: true, speaker: 'The mayor' }],
    // "may lose" is inside the quote; "2030,\" and" crosses the quote's end (a true overlap).
    hedges: [{ ...at('may'), kind: 'modal' }, { start: at('2030').start, end: at('and').end, kind: 'vague' }],
    loaded: [],
  });
  return { text, analysis, at };
}

test('overlapping layers: a quote holding an entity and a hedge, a source holding an entity, a hedge crossing the quote end', async () => {
  const { text, analysis } = overlapFixture();
  const out = await page.evaluate(async ([t, a]) => {
    const { renderArticle } = await import('./views.js');
    const { marksOf } = await import('./highlights.js');
    renderArticle(t, a, marksOf(a, ['summary', 'entities', 'quotes', 'hedges']));
    const body = document.querySelector('#article .block-body');
    const pieces = (cls) => [...body.querySelectorAll(`.${cls}`)].map((e) => [e.textContent, 'continued' in e.dataset]);
    const parents = (cls) => [...body.querySelectorAll(`.${cls}`)].map((e) => [...e.parentElement.classList].join(' '));
    return {
      text: body.textContent,
      quote: pieces('mk-quote'),
      hedge: pieces('mk-hedge'),
      source: pieces('mk-source'),
      entity: pieces('mk-ent'),
      entityParents: parents('mk-ent'),
      summary: pieces('mk-summary'),
      onlySpans: [...body.querySelectorAll('*')].every((e) => e.tagName === 'SPAN'),
    };
  }, [text, analysis]);
  assert.equal(out.text, 'The mayor said "Lisbon may lose the port by 2030," and left. Others agreed.');
  assert.ok(out.onlySpans);
  // The quote opened before the crossing hedge, so the hedge is split where the quote ends
  // and re-opened after it.
  assert.deepEqual(out.quote, [['"Lisbon may lose the port by 2030,"', false]]);
  assert.deepEqual(out.hedge, [['may', false], ['2030,"', false], [' and', true]]);
  assert.deepEqual(out.source, [['The mayor', false]]);
  assert.deepEqual(out.entity, [['mayor', false], ['Lisbon', false], ['2030', false]]);
  assert.deepEqual(out.entityParents, ['mk mk-source', 'mk mk-quote', 'mk mk-hedge']);
  assert.deepEqual(out.summary, [['Others agreed.', false]]);
  mkdirSync(RESULTS, { recursive: true });
  await page.locator('#article').screenshot({ path: `${RESULTS}/article-overlaps.png` });
});

test('entity and quote panels from hand-made analyses: groups, caps, hover preview, select, jump', async () => {
  const { text, analysis } = overlapFixture();
  // Many people, to see the group cap and its "Show all" button.
  for (let i = 0; i < 15; i++) analysis.entities.push({ id: `p${i}`, name: `Person ${i}`, kind: 'person', mentions: [{ start: 4, end: 9 }], roles: i === 0 ? ['mayor', { start: 4, end: 9 }] : i === 1 ? [{ title: 'Defense Minister', place: 'Russia', span: { start: 4, end: 9 } }] : undefined });
  analysis.quotes.push({ content: { start: text.indexOf('Others'), end: text.indexOf('agreed') + 7 }, source: null, cue: null, direct: false, speaker: null });
  const out = await page.evaluate(async ([t, a]) => {
    const { renderEntities } = await import('./entities-view.js');
    const { renderQuotes } = await import('./quotes-view.js');
    const { renderArticle } = await import('./views.js');
    const { Spotlight } = await import('./spotlight.js');
    const { Interactions } = await import('./interact.js');
    document.getElementById('results').hidden = false;
    const spotlight = new Spotlight(() => {});
    const announced = [];
    const interactions = new Interactions(spotlight, (m) => announced.push(m));
    const root = document.createElement('div');
    document.body.append(root);
    interactions.attach(document.getElementById('results'));
    renderEntities(t, a, interactions);
    renderQuotes(t, a, interactions);
    spotlight.setMap(renderArticle(t, a, []));
    const focus = () => [...(CSS.highlights.get('aa-focus') ?? [])].map((r) => r.toString());
    const chips = () => [...document.querySelectorAll('#entities .chip')].map((c) => c.textContent);
    const result = {
      headings: [...document.querySelectorAll('#entities h3')].map((h) => h.textContent),
      shownBefore: chips().length,
      firstChip: document.querySelector('#entities .chip').textContent,
      more: document.querySelector('#entities .show-more')?.textContent,
      titled: [...document.querySelectorAll('#entities .chip-detail')].map((d) => d.textContent),
    };
    document.querySelector('#entities .show-more').click();
    result.shownAfter = chips().length;
    const lisbon = [...document.querySelectorAll('#entities .chip')].find((c) => c.textContent.startsWith('Lisbon'));
    lisbon.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    result.hover = focus();
    lisbon.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body }));
    result.afterHover = focus();
    lisbon.click();
    result.selected = [focus(), lisbon.getAttribute('aria-pressed'), announced.at(-1)];
    result.quoteHeadings = [...document.querySelectorAll('#quotes h3')].map((h) => h.textContent);
    result.quoteItems = [...document.querySelectorAll('#quotes .quote-item')].map((q) => q.textContent);
    result.tally = document.querySelector('#quotes .tally').textContent;
    document.querySelector('#quotes .quote-item').click();
    result.flash = [...(CSS.highlights.get('aa-flash') ?? [])].map((r) => r.toString());
    interactions.clear();
    result.cleared = [focus(), lisbon.getAttribute('aria-pressed')];
    return result;
  }, [text, analysis]);
  assert.deepEqual(out.headings, ['People (16)', 'Places (1)', 'Dates (1)']);
  assert.equal(out.shownBefore, 12 + 1 + 1);
  assert.equal(out.more, 'Show all 16 people');
  assert.equal(out.shownAfter, 16 + 1 + 1);
  assert.equal(out.firstChip, 'mayor, 1 mention', 'ties keep the order of first mention');
  assert.ok(out.titled.includes(' · Defense Minister, Russia'), out.titled.join('|'));
  assert.deepEqual(out.hover, ['Lisbon']);
  assert.deepEqual(out.afterHover, []);
  assert.deepEqual(out.selected, [['Lisbon'], 'true', 'Lisbon: 1 mention highlighted.']);
  assert.deepEqual(out.quoteHeadings, ['The mayor', 'No named source']);
  assert.deepEqual(out.quoteItems, ['quote"Lisbon may lose the port by 2030,"', 'reportedOthers agreed.']);
  assert.equal(out.tally, '2 quotes (1 in quotation marks, 1 reported) from 1 source; 1 with no named source.');
  assert.deepEqual(out.flash, ['"Lisbon may lose the port by 2030,"']);
  assert.deepEqual(out.cleared, [[], 'false']);
});

test('panels of later analyses stay hidden when their fields are absent', async () => {
  const hidden = await page.evaluate(async () => {
    const { renderEntities } = await import('./entities-view.js');
    const { renderQuotes } = await import('./quotes-view.js');
    const none = { pickable() {}, jumpable() {} };
    renderEntities('', {}, none);
    renderQuotes('', {}, none);
    return ['entities-section', 'quotes-section'].map((id) => document.getElementById(id).hidden);
  });
  assert.deepEqual(hidden, [true, true]);
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
    [formatTone(0.0336), '+0.03'], [formatTone(-0.415), '\u22120.41'], [formatTone(0.004), '0.00'], [formatTone(-0.004), '0.00'], [formatTone(1), '+1.00'],
    [toneWord(0.9), 'strongly positive'], [toneWord(0.4), 'positive'], [toneWord(0.12), 'slightly positive'], [toneWord(0), 'neutral'],
    [toneWord(-0.099), 'neutral'], [toneWord(-0.2), 'slightly negative'], [toneWord(-0.5), 'negative'], [toneWord(-0.66), 'strongly negative'],
    [explainTone({ compound: 0.0336, positive: 0.0284, negative: 0.0278, neutral: 0.94 }), 'Neutral overall. 3% of its wording leans positive, 3% negative; the rest is neutral.'],
    [explainTone({ compound: -0.7, positive: 0.01, negative: 0.3, neutral: 0.69 }), 'Strongly negative overall. 1% of its wording leans positive, 30% negative; the rest is neutral.'],
    [formatRate(0), '0.0'], [formatRate(4.65), '4.7'],
    [explainLoaded(0, 0), 'None found: the wording reports rather than judges.'],
    [explainLoaded(2.5, 1), 'Low (1 loaded word or phrase), as in most straight news.'],
    [explainLoaded(4, 3), 'Moderate (3 loaded words or phrases): some charged wording.'],
    [explainLoaded(9.1, 1200), 'High (1,200 loaded words or phrases): more charged wording than nine news articles in ten.'],
    [oneLine('  two\r\n lines\t here '), 'two lines here'],
    [clip('short', 10), 'short'], [clip('one two three four five', 15), 'one two three…'], [clip('one two three four five', 12), 'one two thr…'], [clip('abcdefghijklmnop', 6), 'abcde…'],
    [clip('ab😀cdef', 4), 'ab…'],
  ];
  for (const [actual, expected] of cases) assert.equal(actual, expected);
});

test('highlights.js: long sentences counted in one pass, token kinds picked, layers by field', () => {
  const words = (n, from) => Array.from({ length: n }, (_, i) => ({ start: from + 2 * i, end: from + 2 * i + 1, kind: i % 5 ? 'word' : 'number' }));
  const analysis = {
    sentences: [
      { start: 0, end: 60, paragraph: 0, inBody: true }, // 30 tokens: long
      { start: 60, end: 100, paragraph: 0, inBody: true }, // 20 tokens: short
      { start: 100, end: 160, paragraph: 1, inBody: false }, // long, but a heading
    ],
    tokens: [...words(30, 0), ...words(20, 60), ...words(30, 100), { start: 160, end: 170, kind: 'url' }],
    summary: [{ start: 60, end: 100 }],
    loaded: [{ start: 4, end: 9, kind: 'sensational' }],
  };
  assert.deepEqual(layerById('long-sentences').marks(analysis), [{ start: 0, end: 60, class: 'mk mk-long', title: 'Long sentence: 30 words' }]);
  assert.equal(layerById('numbers').marks(analysis).length, 16);
  assert.deepEqual(layerById('links').marks(analysis), [{ start: 160, end: 170, class: 'mk mk-url', title: 'Link' }]);
  assert.deepEqual(layerById('summary').marks(analysis), [{ start: 60, end: 100, class: 'mk mk-summary', title: 'Summary sentence' }]);
  assert.deepEqual(layerById('loaded').marks(analysis), [{ start: 4, end: 9, class: 'mk mk-loaded mk-loaded-sensational', title: 'Loaded language: sensational' }]);
  assert.equal(layerById('no-such-layer'), undefined);
  // Offered only when the analysis has the field; token layers always (they re-run the analysis).
  const offered = LAYERS.filter((layer) => layerAvailable(layer, analysis)).map((layer) => layer.id);
  assert.deepEqual(offered, ['summary', 'loaded', 'long-sentences', 'numbers', 'links']);
  assert.ok(LAYERS.every((layer) => layer.tokens === ['long-sentences', 'numbers', 'links'].includes(layer.id)));
  assert.ok(LAYERS.every((layer) => layer.legend.length >= 1));
  // marksOf skips layers the analysis cannot feed (no entities; no tokens for numbers).
  assert.deepEqual(marksOf({ ...analysis, tokens: undefined }, ['summary', 'entities', 'numbers', 'nope']).map((m) => m.class), ['mk mk-summary']);
});

test('highlights.js: entity, quote and hedge marks from hand-made analyses', () => {
  const analysis = {
    entities: [
      { id: 'e1', name: 'Ana Ruiz', kind: 'person', mentions: [{ start: 0, end: 8 }, { start: 30, end: 34 }] },
      { id: 'e2', name: 'Tomorrow', kind: 'time', mentions: [{ start: 40, end: 48 }] },
    ],
    quotes: [
      { content: { start: 10, end: 20 }, source: { start: 0, end: 8 }, cue: { start: 21, end: 25 }, direct: true, speaker: 'Ana Ruiz' },
      { content: { start: 50, end: 60 }, source: null, cue: null, direct: false, speaker: null },
    ],
    hedges: [{ start: 12, end: 17, kind: 'modal' }],
  };
  assert.deepEqual(layerById('entities').marks(analysis), [
    { start: 0, end: 8, class: 'mk mk-ent mk-ent-person', title: 'Person: Ana Ruiz', data: { entity: 'e1' } },
    { start: 30, end: 34, class: 'mk mk-ent mk-ent-person', title: 'Person: Ana Ruiz', data: { entity: 'e1' } },
    { start: 40, end: 48, class: 'mk mk-ent mk-ent-other', title: 'Time: Tomorrow', data: { entity: 'e2' } },
  ]);
  assert.deepEqual(layerById('quotes').marks(analysis).map((m) => [m.start, m.end, m.class, m.title, m.data.quote]), [
    [10, 20, 'mk mk-quote', 'Quoted words', 0],
    [0, 8, 'mk mk-source', 'Source', 0],
    [21, 25, 'mk mk-cue', 'Attributing verb', 0],
    [50, 60, 'mk mk-quote', 'Reported words', 1],
  ]);
  assert.deepEqual(layerById('hedges').marks(analysis), [{ start: 12, end: 17, class: 'mk mk-hedge', title: 'Hedge: modal' }]);
});

test('arcPoints: one point per body sentence, or equal runs capped at MAX_POINTS', () => {
  const s = (sentiment, inBody = true) => ({ inBody, sentiment });
  assert.deepEqual(arcPoints([s(0.5, false), s(0.2), s(-0.4), s(0)]), [
    { value: 0.2, target: 1, first: 1, last: 1 },
    { value: -0.4, target: 2, first: 2, last: 2 },
    { value: 0, target: 3, first: 3, last: 3 },
  ]);
  // No body sentence: every toned sentence is charted. Without tone: nothing.
  assert.deepEqual(arcPoints([s(0.5, false)]).map((p) => p.target), [0]);
  assert.deepEqual(arcPoints([{ inBody: true }, { inBody: true, sentiment: Number.NaN }]), []);
  // Runs: mean value, the strongest sentence as target.
  const points = arcPoints([s(0.1), s(-0.6), s(0.2), s(0.4), s(0)], 2);
  assert.deepEqual(points.map((p) => [p.first, p.last, p.target]), [[1, 2, 1], [3, 5, 3]]);
  assert.ok(Math.abs(points[0].value + 0.25) < 1e-9 && Math.abs(points[1].value - 0.2) < 1e-9);
  const many = arcPoints(Array.from({ length: 5000 }, (_, i) => s(Math.sin(i))));
  assert.equal(many.length, MAX_POINTS);
  assert.equal(many.at(-1).last, 5000);
  assert.ok(many.every((p, i) => i === 0 || p.first === many[i - 1].last + 1), 'runs tile the sentences');
});

test('groupEntities: kinds in order (people first), main actors first by salience, else mentions', () => {
  const m = (n) => Array.from({ length: n }, (_, i) => ({ start: i, end: i + 1 }));
  const groups = groupEntities([
    { id: 'e1', name: 'Lisbon', kind: 'location', mentions: m(1) },
    { id: 'e2', name: 'May 2', kind: 'date', mentions: m(1) },
    { id: 'e3', name: 'Ana', kind: 'person', mentions: m(1) },
    { id: 'e4', name: 'Rui', kind: 'person', mentions: m(3) },
    { id: 'e5', name: 'Porto', kind: 'location', mentions: m(2), salience: 0.1 },
    { id: 'e6', name: 'Faro', kind: 'location', mentions: m(1), salience: 0.6 },
    { id: 'e7', name: 'Thing', kind: 'gadget', mentions: m(5) },
    { id: 'e8', name: 'Eva', kind: 'person', mentions: m(3) },
  ]);
  assert.deepEqual(groups.map((g) => [g.heading, g.entities.map((e) => e.name)]), [
    ['People', ['Rui', 'Eva', 'Ana']],
    ['Places', ['Faro', 'Porto', 'Lisbon']],
    ['Dates', ['May 2']],
    ['Gadget', ['Thing']],
  ]);
  assert.deepEqual(groupEntities([]), []);
});

test('groupQuotes: by source, else speaker, else the source as written; unattributed last', () => {
  const text = 'Ana said this. He said that. The paper wrote so. Someone did.';
  const at = (w) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
  const quotes = [
    { content: at('this'), source: at('Ana'), cue: at('said'), direct: false, speaker: null },
    { content: at('that'), source: at('He'), cue: null, direct: false, speaker: { start: 0, end: 3, name: 'Ana' } },
    { content: at('so'), source: at('The paper'), cue: at('wrote'), direct: false, speaker: null },
    { content: at('did'), source: null, cue: null, direct: false, speaker: null },
    { content: at('Someone'), source: null, cue: null, direct: true, speaker: 0 },
  ];
  // Quote 4's speaker is an index, but there are no sources or entities to look it up in.
  assert.deepEqual(groupQuotes(text, { quotes }), [
    { name: 'Ana', detail: '', quotes: [0, 1] },
    { name: 'The paper', detail: '', quotes: [2] },
    { name: null, detail: '', quotes: [3, 4] },
  ]);
  // With sources: their names, kinds and roles; a numeric speaker points into them.
  const sources = [
    { start: 0, end: 3, name: 'Ana Ruiz', kind: 'person', role: null, quotes: [0, 1] },
    { start: 29, end: 38, name: 'The paper', kind: 'outlet', role: null, quotes: [2] },
  ];
  assert.deepEqual(groupQuotes(text, { quotes, sources }), [
    { name: 'Ana Ruiz', detail: '', quotes: [0, 1, 4] },
    { name: 'The paper', detail: 'outlet', quotes: [2] },
    { name: null, detail: '', quotes: [3] },
  ]);
});
