// Generic marked-text renderer.
//
// Input: a text, a list of marks {start, end, class, title?, data?} whose offsets are UTF-16
// code units (exactly what `text.slice(start, end)` takes), possibly overlapping or nested,
// an optional range [from, to) to render, and an optional text map that is told where each
// text node starts (text-map.js). Output: a DocumentFragment of <span> elements and TEXT
// NODES ONLY; the text is never parsed as HTML. `data` entries become data-* attributes.
//
// Nesting: at any point, the marks that cover it are open elements, outermost first (marks
// sorted by start, then longer first, then input order). When a mark ends while a mark that
// opened after it is still open (a true overlap), the inner element is closed and re-opened
// after the end, so the DOM stays a tree; the re-opened part carries `data-continued`.
// Marks cut by the range carry `data-clipped`. Empty, reversed, non-integer or out-of-range
// marks are ignored. Marks that would open deeper than MAX_DEPTH inside others are not drawn
// (only hostile text nests that far: thousands of nested quotation marks); the panels still
// list them. Cost: O((m log m + n) · MAX_DEPTH) for m marks, plus one step per overlap split.

/** The deepest nesting of marks that is drawn. */
export const MAX_DEPTH = 16;

/**
 * @param {string} text
 * @param {{start: number, end: number, class: string, title?: string, data?: Record<string, string | number>}[]} marks
 * @param {number} [from]
 * @param {number} [to]
 * @param {{add: (start: number, node: Text) => void}} [textMap]
 * @returns {DocumentFragment}
 */
export function renderMarks(text, marks, from = 0, to = text.length, textMap = null) {
  const fragment = document.createDocumentFragment();
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  if (!(from < to)) return fragment;
  const items = clipMarks(marks, from, to);
  const points = boundaries(items, from, to);
  /** @type {{item: ReturnType<typeof clipMarks>[number], element: Element}[]} */
  const open = [];
  const parent = () => (open.length ? open[open.length - 1].element : fragment);
  const openMark = (item, continued) => {
    const element = document.createElement('span');
    element.className = item.mark.class;
    if (item.mark.title) element.title = item.mark.title;
    if (item.mark.data) Object.assign(element.dataset, item.mark.data);
    if (item.clipped) element.dataset.clipped = '';
    if (continued) element.dataset.continued = '';
    parent().append(element);
    open.push({ item, element });
  };

  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const at = points[i];
    const firstEnded = open.findIndex((o) => o.item.end <= at);
    if (firstEnded >= 0) {
      for (const o of open.splice(firstEnded)) {
        if (o.item.end > at) openMark(o.item, true);
      }
    }
    for (; next < items.length && items[next].start === at; next++) {
      if (open.length < MAX_DEPTH) openMark(items[next], false);
    }
    const node = document.createTextNode(text.slice(at, points[i + 1]));
    parent().append(node);
    textMap?.add(at, node);
  }
  return fragment;
}

/** The valid marks restricted to [from, to), sorted outermost first. */
function clipMarks(marks, from, to) {
  const items = [];
  marks.forEach((mark, order) => {
    if (!Number.isInteger(mark.start) || !Number.isInteger(mark.end)) return;
    const start = Math.max(from, mark.start);
    const end = Math.min(to, mark.end);
    if (start >= end) return;
    items.push({ mark, start, end, order, clipped: start !== mark.start || end !== mark.end });
  });
  items.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  return items;
}

/** Every offset where some mark starts or ends, plus the range ends, ascending. */
function boundaries(items, from, to) {
  const set = new Set([from, to]);
  for (const item of items) {
    set.add(item.start);
    set.add(item.end);
  }
  return [...set].sort((a, b) => a - b);
}
