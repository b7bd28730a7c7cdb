// The sentiment arc: the tone of the body, sentence by sentence, as a small bar chart.
//
// Input: the analysis sentences ({inBody, sentiment} with sentiment a compound in [-1, 1]).
// Output: `arcPoints` (no DOM, testable in Node) turns them into at most MAX_POINTS points;
// a long article is cut into equal runs of sentences, each point the mean tone of its run,
// pointing at the run's most strongly toned sentence. `renderArc` draws the points into an
// inline <svg> made with createElementNS: bars up for positive, down for negative. Each bar
// is a button; the chart is one Tab stop, the arrow keys, Home and End move along it, and
// Enter, Space or a click call `onJump(sentenceIndex)`.

import { svgEl } from './dom.js';
import { formatTone, toneWord } from './format.js';

export const MAX_POINTS = 160;
/** With fewer points than this, bars keep the width they would have here (no huge bars). */
const SLIM_BELOW = 24;
const COLUMN = 10;
const BAR = 7;
const HEIGHT = 100;
const MIDDLE = HEIGHT / 2;
const REACH = MIDDLE - 4;

/**
 * @param {{inBody: boolean, sentiment?: number}[]} sentences
 * @returns {{value: number, target: number, first: number, last: number}[]} value: mean tone;
 *   target: index (into `sentences`) of the strongest sentence; first/last: 1-based positions
 *   of the run among the charted sentences
 */
export function arcPoints(sentences, max = MAX_POINTS) {
  const toned = [];
  sentences.forEach((s, index) => {
    if (typeof s.sentiment === 'number' && Number.isFinite(s.sentiment)) toned.push({ index, value: s.sentiment, inBody: s.inBody });
  });
  const body = toned.filter((s) => s.inBody);
  const charted = body.length ? body : toned;
  const n = charted.length;
  const runs = Math.min(n, max);
  const points = [];
  for (let run = 0; run < runs; run++) {
    const from = Math.floor((run * n) / runs);
    const to = Math.floor(((run + 1) * n) / runs);
    let sum = 0;
    let strongest = charted[from];
    for (let i = from; i < to; i++) {
      sum += charted[i].value;
      if (Math.abs(charted[i].value) > Math.abs(strongest.value)) strongest = charted[i];
    }
    points.push({ value: sum / (to - from), target: strongest.index, first: from + 1, last: to });
  }
  return points;
}

/**
 * Draws the arc into `svg` (emptied first) and returns a one-line text description of it.
 * @param {SVGSVGElement} svg
 * @param {{inBody: boolean, sentiment?: number}[]} sentences
 * @param {(sentenceIndex: number) => void} onJump
 */
export function renderArc(svg, sentences, onJump) {
  const points = arcPoints(sentences);
  const total = points.length ? points[points.length - 1].last : 0;
  const width = Math.max(1, points.length) * COLUMN;
  const bar = BAR * Math.min(1, points.length / SLIM_BELOW);
  svg.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  const children = [svgEl('line', { x1: 0, x2: width, y1: MIDDLE, y2: MIDDLE, class: 'arc-zero' })];
  points.forEach((point, i) => children.push(pointElement(point, i, total, bar)));
  svg.replaceChildren(...children);
  svg.onclick = (event) => activate(event.target.closest?.('.arc-point'));
  svg.onkeydown = (event) => onKey(event, svg, activate);

  function activate(point) {
    if (!point) return;
    for (const current of svg.querySelectorAll('.arc-point.is-current')) current.classList.remove('is-current');
    point.classList.add('is-current');
    moveFocus(svg, point);
    onJump(Number(point.dataset.sentence));
  }
  return describe(points, total);
}

function pointElement(point, i, total, bar) {
  const x = i * COLUMN;
  const size = Math.max(1.5, Math.abs(point.value) * REACH);
  const direction = point.value > 0.05 ? 'up' : point.value < -0.05 ? 'down' : 'flat';
  const top = { up: MIDDLE - size, down: MIDDLE, flat: MIDDLE - size / 2 }[direction];
  const group = svgEl('g', { class: 'arc-point', role: 'button', tabindex: i === 0 ? 0 : -1, 'data-sentence': point.target });
  const title = svgEl('title'); // the button's accessible name and tooltip
  title.textContent = label(point, total);
  group.append(
    title,
    svgEl('rect', { class: 'arc-hit', x, y: 0, width: COLUMN, height: HEIGHT }),
    svgEl('rect', { class: `arc-bar arc-${direction}`, x: x + (COLUMN - bar) / 2, y: top, width: bar, height: size }),
  );
  return group;
}

function label({ value, first, last }, total) {
  const tone = `tone ${formatTone(value)}, ${toneWord(value)}`;
  return first === last
    ? `Sentence ${first} of ${total}: ${tone}`
    : `Sentences ${first} to ${last} of ${total}: average ${tone}; shows the most strongly toned one`;
}

function describe(points, total) {
  if (!points.length) return 'No sentences to chart.';
  const most = (better) => points.reduce((best, p) => (better(p.value, best.value) ? p : best));
  const high = most((a, b) => a > b);
  const low = most((a, b) => a < b);
  const where = (p) => (p.first === p.last ? `sentence ${p.first}` : `sentences ${p.first}–${p.last}`);
  const per = points.length === total ? 'One bar per sentence' : `Each bar is about ${Math.round(total / points.length)} sentences`;
  return `${per} (${total} in all). Most positive: ${where(high)} (${formatTone(high.value)}); most negative: ${where(low)} (${formatTone(low.value)}).`;
}

function onKey(event, svg, activate) {
  const point = event.target.closest?.('.arc-point');
  if (!point) return;
  const all = [...svg.querySelectorAll('.arc-point')];
  const at = all.indexOf(point);
  const moves = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 };
  if (event.key in moves) {
    event.preventDefault();
    const next = all[Math.min(all.length - 1, Math.max(0, moves[event.key]))];
    moveFocus(svg, next);
  } else if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    activate(point);
  }
}

/** Roving tab stop: only the focused point is in the Tab order. */
function moveFocus(svg, point) {
  for (const other of svg.querySelectorAll('.arc-point[tabindex="0"]')) other.setAttribute('tabindex', '-1');
  point.setAttribute('tabindex', '0');
  point.focus({ preventScroll: true });
}
