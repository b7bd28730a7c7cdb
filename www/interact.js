// What happens when the reader picks something in the result panels.
//
// Two kinds of buttons are registered by the views:
// - "pickable" ones (key phrase chips, entities, sources, label figures) stand for a set of mentions: pointing at one
//   (hover or keyboard focus) previews its mentions in the article; clicking it selects it
//   (aria-pressed, mentions highlighted, the first one scrolled to and flashed) until it is clicked again,
//   another one is picked, Escape is pressed or a new analysis arrives;
// - "jump" ones (summary sentences, quotes, sentiment arc bars) stand for one place: clicking
//   scrolls to it and flashes it.
// Input: the Spotlight that paints the article (spotlight.js) and a function that announces a
// short message to screen readers. Listeners are delegated on one root element, so thousands
// of entities cost no listeners of their own.

export class Interactions {
  /**
   * @param {import('./spotlight.js').Spotlight} spotlight
   * @param {(message: string) => void} announce
   */
  constructor(spotlight, announce) {
    this.spotlight = spotlight;
    this.announce = announce;
    /** @type {WeakMap<Element, {name: string, spans?: {start: number, end: number}[], span?: {start: number, end: number}}>} */
    this.targets = new WeakMap();
    this.selected = null;
    this.previewing = null;
  }

  /** A button standing for every mention of something named `name`. */
  pickable(button, name, spans) {
    button.classList.add('pickable');
    button.setAttribute('aria-pressed', 'false');
    this.targets.set(button, { name, spans });
  }

  /** A button standing for one place in the text. */
  jumpable(button, name, span) {
    button.classList.add('jumpable');
    this.targets.set(button, { name, span });
  }

  /** Listens on `root` (delegation) and, for Escape, on the whole document. */
  attach(root) {
    root.addEventListener('click', (event) => this.#onClick(event));
    root.addEventListener('mouseover', (event) => this.#preview(event.target));
    root.addEventListener('focusin', (event) => this.#preview(event.target));
    root.addEventListener('mouseout', (event) => this.#endPreview(event.target, event.relatedTarget));
    root.addEventListener('focusout', (event) => this.#endPreview(event.target, event.relatedTarget));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.selected) this.clear();
    });
  }

  /** Drops the selection and its highlight (Escape, or pressing the selected button again). */
  clear() {
    this.selected?.button.setAttribute('aria-pressed', 'false');
    this.selected = null;
    this.spotlight.focus([]);
  }

  /** Forgets everything: a new analysis is about to replace the buttons and the article. */
  reset() {
    this.selected = null;
    this.previewing = null;
    this.spotlight.reset();
  }

  /** Scrolls to one place and flashes it; tells the reader when it is not drawn. */
  jump(name, span) {
    const drawn = this.spotlight.flash(span);
    if (!drawn) this.announce(`${name} is in the part of the text not drawn on this page.`);
    return drawn;
  }

  #onClick(event) {
    const button = event.target.closest?.('.pickable, .jumpable');
    const target = button && this.targets.get(button);
    if (!target) return;
    if (target.span) {
      this.jump(target.name, target.span);
      return;
    }
    if (this.selected?.button === button) {
      this.clear();
      this.announce(`${target.name}: highlight removed.`);
      return;
    }
    this.selected?.button.setAttribute('aria-pressed', 'false');
    this.selected = { button, spans: target.spans };
    button.setAttribute('aria-pressed', 'true');
    this.spotlight.focus(target.spans);
    const shown = this.spotlight.flashFirst(target.spans);
    const count = target.spans.length;
    this.announce(`${target.name}: ${count} mention${count === 1 ? '' : 's'} highlighted${shown ? '' : ', none of them in the part of the text drawn'}.`);
  }

  #preview(element) {
    const button = element.closest?.('.pickable');
    const target = button && this.targets.get(button);
    if (!target || button === this.previewing) return;
    this.previewing = button;
    this.spotlight.preview(target.spans);
  }

  #endPreview(element, next) {
    const button = element.closest?.('.pickable');
    if (!button || button !== this.previewing || button.contains(next)) return;
    this.previewing = null;
    this.spotlight.preview(null);
  }
}
