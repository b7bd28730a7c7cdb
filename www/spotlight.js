// Passing highlights over the drawn article, on top of the layers: the "focus" (every mention
// of the key phrase or entity the reader picked or points at) and a brief "flash" on the
// sentence or quote the reader jumped to, which is also scrolled into view.
//
// Input: spans {start, end} of the analysed text and the article's TextMap (text-map.js).
// Output: CSS Custom Highlights named `aa-focus` and `aa-flash` (styled in style.css with
// ::highlight()), which paint over the text without changing the DOM, so even a long article
// is not laid out again. Where the browser lacks the Highlight API, `onFallback` is called
// and the page redraws the article with `fallbackMarks()` added to its marks.

const FOCUS = 'aa-focus';
const FLASH = 'aa-flash';
/** Flash on, off, on again, then gone (ms from the jump); a steady glow when motion is reduced. */
const BLINKS = [[0, true], [220, false], [420, true], [1800, false]];
const STEADY = [[0, true], [1800, false]];

const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

export class Spotlight {
  /** @param {() => void} onFallback asks the page to redraw the article (no Highlight API only) */
  constructor(onFallback) {
    this.onFallback = onFallback;
    this.map = null;
    this.focusSpans = [];
    this.flashSpan = null;
    this.timers = [];
  }

  /** The article was drawn again: later lookups use its new map; the focus is re-applied. */
  setMap(textMap) {
    this.map = textMap;
    if (supported()) this.#paint(FOCUS, this.focusSpans, 1);
  }

  /** Drops the focus and any flash in progress, without a redraw (a new analysis is coming). */
  reset() {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    this.focusSpans = [];
    this.flashSpan = null;
    if (supported()) {
      CSS.highlights.delete(FOCUS);
      CSS.highlights.delete(FLASH);
    }
  }

  /** Marks every span in `spans` (empty: none) until the next call. */
  focus(spans) {
    this.focusSpans = spans;
    if (supported()) this.#paint(FOCUS, spans, 1);
    else this.onFallback();
  }

  /**
   * Shows `spans` in place of the focus while the reader points at something; null puts the
   * focus back. Skipped without the Highlight API (redrawing on every hover would be slow).
   */
  preview(spans) {
    if (supported()) this.#paint(FOCUS, spans ?? this.focusSpans, 1);
  }

  /**
   * Scrolls `span` into view and flashes it. Returns false (and does nothing) when that part
   * of the text is not drawn.
   */
  flash(span) {
    const range = this.map?.range(span.start, span.end);
    if (!range) return false;
    this.scrollTo(range);
    for (const timer of this.timers) clearTimeout(timer);
    const [[, first], ...later] = reducedMotion() ? STEADY : BLINKS;
    this.#flashStep(span, first);
    this.timers = later.map(([at, on]) => setTimeout(() => this.#flashStep(span, on), at));
    return true;
  }

  #flashStep(span, on) {
    this.flashSpan = on ? span : null;
    if (supported()) this.#paint(FLASH, on ? [span] : [], 2);
    else this.onFallback();
  }

  /** Scrolls to the first drawn span of `spans` and flashes it; false when none is drawn. */
  flashFirst(spans) {
    return spans.some((span) => this.flash(span));
  }

  /** Scrolls the first drawn span of `spans` into view; false when none is drawn. */
  reveal(spans) {
    for (const span of spans) {
      const range = this.map?.range(span.start, span.end);
      if (range) {
        this.scrollTo(range);
        return true;
      }
    }
    return false;
  }

  /** Puts a range in the middle of the window (one layout read), unfolding folded text around it. */
  scrollTo(range) {
    const folded = range.startContainer.parentElement?.closest('details:not([open])');
    if (folded) folded.open = true;
    const box = range.getBoundingClientRect();
    window.scrollTo({
      top: window.scrollY + box.top - (window.innerHeight - box.height) / 2,
      behavior: reducedMotion() ? 'auto' : 'smooth',
    });
  }

  /** The passing highlights as ordinary marks, for browsers without the Highlight API. */
  fallbackMarks() {
    const marks = this.focusSpans.map(({ start, end }) => ({ start, end, class: 'mk mk-focus' }));
    if (this.flashSpan) marks.push({ start: this.flashSpan.start, end: this.flashSpan.end, class: 'mk mk-flash' });
    return marks;
  }

  #paint(name, spans, priority) {
    const ranges = this.map ? this.map.ranges(spans) : [];
    if (!ranges.length) {
      CSS.highlights.delete(name);
      return;
    }
    const highlight = new Highlight(...ranges);
    highlight.priority = priority;
    CSS.highlights.set(name, highlight);
  }
}
