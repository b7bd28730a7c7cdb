// Shared by the e2e tests (not itself a test file): checks an analysis against its text in
// one linear pass. Every object anywhere in the result that has numeric `start` and `end`
// must lie in [0, text.length] with start <= end and must not cut a surrogate pair; the
// paragraphs, sentences and tokens must be non-empty, in order and not overlapping; and each
// sentence's `paragraph` must exist. Throws an AssertionError naming the first broken rule.

import assert from 'node:assert/strict';

const isHigh = (unit) => unit >= 0xd800 && unit < 0xdc00;
const isLow = (unit) => unit >= 0xdc00 && unit < 0xe000;

/** Calls `visit(path, start, end)` for every {start, end} object inside `value`. */
function walk(value, path, visit) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, visit));
  } else if (value !== null && typeof value === 'object') {
    if (typeof value.start === 'number' && typeof value.end === 'number') visit(path, value.start, value.end);
    for (const [key, item] of Object.entries(value)) walk(item, `${path}.${key}`, visit);
  }
}

/** @returns {number} how many spans were checked */
export function checkAnalysis(text, analysis) {
  assert.equal(analysis.length, text.length, 'length is the UTF-16 length');
  let spans = 0;
  walk(analysis, 'analysis', (path, start, end) => {
    spans += 1;
    assert.ok(Number.isInteger(start) && Number.isInteger(end), `${path}: ${start}..${end} not integers`);
    assert.ok(start >= 0 && start <= end && end <= text.length, `${path}: ${start}..${end} out of bounds (${text.length})`);
    for (const i of [start, end]) {
      const cuts = i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
      assert.ok(!cuts, `${path}: ${start}..${end} cuts a surrogate pair`);
    }
  });
  for (const layer of ['paragraphs', 'sentences', 'tokens']) {
    let previousEnd = 0;
    for (const [i, { start, end }] of (analysis[layer] ?? []).entries()) {
      assert.ok(start < end && start >= previousEnd, `${layer}[${i}]: ${start}..${end} empty or out of order`);
      previousEnd = end;
    }
  }
  for (const [i, s] of analysis.sentences.entries()) {
    assert.ok(s.paragraph < analysis.paragraphs.length, `sentences[${i}].paragraph = ${s.paragraph}`);
  }
  return spans;
}
