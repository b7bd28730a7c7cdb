// Small DOM helpers shared by the views. Text always goes in through textContent (never parsed
// as HTML); SVG elements are made with createElementNS.

import { formatCount } from './format.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** <tag class="className">text</tag>; text and className are optional. */
export function el(tag, text, className) {
  const element = document.createElement(tag);
  if (text != null) element.textContent = text;
  if (className) element.className = className;
  return element;
}

/** An SVG element with these attributes. */
export function svgEl(tag, attributes = {}) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/** A <button type="button"> with this text and class. */
export function button(text, className) {
  const element = el('button', text, className);
  element.type = 'button';
  return element;
}

/** An <li> holding these children. */
export function listItem(...children) {
  const item = el('li');
  item.append(...children);
  return item;
}

/** The small number after a chip's name; screen readers hear ", 3 mentions". */
export function countBadge(n, noun) {
  const badge = el('span', null, 'chip-count');
  badge.append(el('span', ', ', 'visually-hidden'), formatCount(n), el('span', ` ${noun}${n === 1 ? '' : 's'}`, 'visually-hidden'));
  return badge;
}

/**
 * Appends the first `limit` items to `list` (made by `make(item, index)`), and, when there are
 * more, a "Show all" button that appends the rest on demand, so a very long article does not
 * build thousands of elements nobody asked to see.
 */
export function appendCapped(list, items, limit, make, noun) {
  list.append(...items.slice(0, limit).map(make));
  if (items.length <= limit) return;
  const more = button(`Show all ${items.length} ${noun}`, 'show-more');
  more.addEventListener('click', () => {
    const rest = items.slice(limit).map((item, i) => make(item, limit + i));
    more.remove();
    list.append(...rest);
    rest[0]?.querySelector('button')?.focus();
  }, { once: true });
  list.after(more);
}

/** Where the views look up their elements by id: the document, or a shadow root while drawing. */
let viewRoot = null;

/** The element with this id in the page, or in the shadow root being drawn (`drawingIn`). */
export const byId = (id) => (viewRoot ?? document).getElementById(id);

/**
 * Runs `draw()` with `byId` looking in `root` (e.g. the `<article-analysis>` element's
 * shadow root, which holds elements with the ids the views fill) instead of the document.
 */
export function drawingIn(root, draw) {
  const outer = viewRoot;
  viewRoot = root;
  try {
    return draw();
  } finally {
    viewRoot = outer;
  }
}
