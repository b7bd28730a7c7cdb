// Where each piece of the analysed text sits in the drawn article.
//
// Input: while the article is drawn, render.js reports each text node with the UTF-16 offset
// of its first character (ascending, as the article is drawn in text order). Output: DOM
// Ranges for [start, end) offsets of the analysed text, so a mention or a sentence can be
// highlighted or scrolled to without touching the DOM, and back from a DOM point (a text
// selection) to an offset. Lookups are binary searches.

export class TextMap {
  constructor() {
    /** @type {number[]} */
    this.starts = [];
    /** @type {Text[]} */
    this.nodes = [];
  }

  /** Records a text node drawn from offset `start`; offsets must come in ascending order. */
  add(start, node) {
    this.starts.push(start);
    this.nodes.push(node);
  }

  /**
   * The text offset of a DOM boundary point (as in a Selection's ranges): exact inside a drawn
   * text node, else the start of the next drawn text node (drawnEnd when there is none).
   */
  offsetAt(container, offset) {
    if (container.nodeType === Node.TEXT_NODE) {
      const at = this.#indexOf(container);
      if (at >= 0) return this.starts[at] + Math.min(offset, this.nodes[at].length);
    }
    const point = document.createRange();
    point.setStart(container, offset);
    let low = 0;
    let high = this.nodes.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (point.comparePoint(this.nodes[middle], 0) >= 0) high = middle;
      else low = middle + 1;
    }
    return low < this.nodes.length ? this.starts[low] : this.drawnEnd;
  }

  /** Index of a drawn text node (binary search by document position), or -1. */
  #indexOf(node) {
    let low = 0;
    let high = this.nodes.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const other = this.nodes[middle];
      if (other === node) return middle;
      if (other.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** The offset just after the last drawn character (0 when nothing is drawn). */
  get drawnEnd() {
    const last = this.nodes.length - 1;
    return last < 0 ? 0 : this.starts[last] + this.nodes[last].length;
  }

  /**
   * A Range over the drawn part of [start, end), or null when it is empty or none of it is
   * drawn (beyond the render limit, or only in the gaps between paragraphs).
   * @returns {Range | null}
   */
  range(start, end) {
    if (!(start < end)) return null;
    let first = this.#lastStartingAtOrBefore(start);
    if (first < 0 || this.starts[first] + this.nodes[first].length <= start) first++;
    const last = this.#lastStartingAtOrBefore(end - 1);
    if (first >= this.nodes.length || last < first) return null;
    const range = document.createRange();
    range.setStart(this.nodes[first], Math.max(0, start - this.starts[first]));
    range.setEnd(this.nodes[last], Math.min(this.nodes[last].length, end - this.starts[last]));
    return range;
  }

  /** Ranges for the drawn spans among `spans` ({start, end}), in the same order. */
  ranges(spans) {
    const out = [];
    for (const { start, end } of spans) {
      const range = this.range(start, end);
      if (range) out.push(range);
    }
    return out;
  }

  /** Index of the last node starting at or before `offset`, or -1. */
  #lastStartingAtOrBefore(offset) {
    let low = 0;
    let high = this.starts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle] <= offset) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }
}
