// The <article-analysis> custom element: drop it into any page to show the report of a text.
//
// Input: the text, from the `text` property, else the `text` attribute, else the element's
// own text content (watched for changes). Optional `analyzer` property: any object with
// `analyze(text, options) → Promise<Analysis>` (default: one shared worker from analyzer.js).
// Output: in its shadow root, the summary, key phrases, overview with tone and the sentiment
// arc, warnings, entities, quotes and sources, readability and the article with its
// highlights, drawn by the page's own view modules (they fill elements by id; `drawingIn`
// points them at this shadow root). The host carries `data-state` = `loading`, `ready`,
// `empty` or `error`, the `analysis` property holds the last result, and the events
// `analysis` (detail: the analysis) and `analysis-error` (detail: the Error) are dispatched.
// Styled by the CSS custom properties listed in article-analysis-style.js.

import { createAnalyzer } from './analyzer.js';
import { STYLE } from './article-analysis-style.js';
import { renderBrief } from './brief-view.js';
import { drawingIn } from './dom.js';
import { renderEntities } from './entities-view.js';
import { LAYERS, marksOf } from './highlights.js';
import { Interactions } from './interact.js';
import { renderLabel } from './label-view.js';
import { renderQuotes } from './quotes-view.js';
import { renderReadability } from './readability-view.js';
import { renderSources } from './sources-view.js';
import { Spotlight } from './spotlight.js';
import { renderArticle, renderOverview, renderToneArc, renderWarnings } from './views.js';

/** The report's skeleton: the ids the view modules fill, as in the page. Static markup only. */
const TEMPLATE = `
<div class="report" part="report">
  <p class="status" role="status" aria-live="polite"></p>
  <div id="results" hidden>
    <section aria-labelledby="label-heading">
      <h2 id="label-heading">Article label</h2>
      <ul id="label" class="label-list"></ul>
    </section>
    <section id="brief-section" aria-labelledby="brief-heading">
      <h2 id="brief-heading">In brief</h2>
      <div id="summary-block"><h3>Summary</h3><ol id="summary" class="summary"></ol></div>
      <div id="keyphrases-block"><h3>Key phrases</h3><ul id="keyphrases" class="chips"></ul></div>
    </section>
    <section aria-labelledby="overview-heading">
      <h2 id="overview-heading">Overview</h2>
      <dl class="cards">
        <div class="card"><dt>Sentences</dt><dd id="ov-sentences"></dd></div>
        <div class="card"><dt>Paragraphs</dt><dd id="ov-paragraphs"></dd></div>
        <div class="card wide"><dt>Reading grade</dt><dd><span id="ov-grade"></span> <span id="ov-grade-text" class="explain"></span></dd></div>
        <div class="card"><dt>Language</dt><dd id="ov-language"></dd></div>
        <div class="card wide" id="ov-tone-card"><dt>Tone</dt><dd><span id="ov-tone"></span> <span id="ov-tone-text" class="explain"></span></dd></div>
        <div class="card wide" id="ov-loaded-card"><dt>Loaded language</dt><dd><span id="ov-loaded"></span> <span class="unit">per 1,000 words</span> <span id="ov-loaded-text" class="explain"></span></dd></div>
      </dl>
      <figure class="arc" id="arc-figure">
        <figcaption>Tone, sentence by sentence <span id="arc-description" class="hint"></span></figcaption>
        <svg id="arc" class="arc-chart" role="group" aria-label="Tone of each sentence, from the start of the article to its end"></svg>
      </figure>
    </section>
    <section id="warnings-section" aria-labelledby="warnings-heading" hidden>
      <h2 id="warnings-heading">Warnings</h2><ul id="warnings" class="warnings"></ul>
    </section>
    <section id="entities-section" aria-labelledby="entities-heading" hidden>
      <h2 id="entities-heading">People, places and figures</h2><div id="entities"></div>
    </section>
    <section id="quotes-section" aria-labelledby="quotes-heading" hidden>
      <h2 id="quotes-heading">Quotes</h2><div id="quotes"></div>
    </section>
    <section id="sources-section" aria-labelledby="sources-heading" hidden>
      <h2 id="sources-heading">Sources</h2>
      <p id="sources-tally" class="note"></p>
      <div id="sources-bar" class="sources-bar" aria-hidden="true"></div>
      <ul id="sources-legend" class="sources-legend" aria-label="Claims by kind of source"></ul>
      <div id="sources-list"></div>
    </section>
    <section aria-labelledby="readability-heading">
      <h2 id="readability-heading">Readability</h2>
      <p id="readability-counts" class="note"></p>
      <p id="readability-missing" class="note" hidden></p>
      <table id="readability">
        <thead><tr><th scope="col">Score</th><th scope="col" class="num">Value</th><th scope="col">What it means</th></tr></thead>
        <tbody></tbody>
      </table>
    </section>
    <section aria-labelledby="article-heading">
      <h2 id="article-heading">The article</h2>
      <article id="article" class="article" aria-labelledby="article-heading"></article>
    </section>
  </div>
  <p class="visually-hidden announce" aria-live="polite"></p>
</div>`;

/** The highlight layers drawn over the article: those the page starts with. */
const LAYERS_ON = new Set(LAYERS.filter((layer) => layer.on).map((layer) => layer.id));

let sharedAnalyzer = null;

export class ArticleAnalysis extends HTMLElement {
  static observedAttributes = ['text'];

  #text = null;
  #run = 0;
  #pending = false;
  #shown = null;
  #spotlight = new Spotlight(() => this.#drawArticle());
  #interactions = new Interactions(this.#spotlight, (message) => this.#announce(message));
  #observer = new MutationObserver(() => this.#schedule());

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
    root.adoptedStyleSheets = [sheet];
    const template = document.createElement('template');
    template.innerHTML = TEMPLATE;
    root.append(template.content);
    this.#interactions.attach(root.getElementById('results'));
    /** @type {{analyze: (text: string, options?: object) => Promise<any>} | null} */
    this.analyzer = null;
    /** The last analysis drawn, or null. */
    this.analysis = null;
  }

  /** The text analysed: the property, else the attribute, else the text content. */
  get text() {
    return this.#text ?? this.getAttribute('text') ?? this.textContent ?? '';
  }

  set text(value) {
    this.#text = value == null ? null : String(value);
    this.#schedule();
  }

  connectedCallback() {
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer.disconnect();
  }

  attributeChangedCallback() {
    this.#schedule();
  }

  /** Analyses once after the current task, however many changes it made. */
  #schedule() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      if (this.isConnected) this.#update();
    });
  }

  async #update() {
    const text = this.text;
    const run = ++this.#run;
    if (!text.trim()) {
      this.#show(null, 'empty', 'No text to analyse.');
      return;
    }
    this.#show(undefined, 'loading', 'Analysing…');
    try {
      sharedAnalyzer ??= createAnalyzer();
      const analysis = await (this.analyzer ?? sharedAnalyzer).analyze(text, {});
      if (run !== this.#run) return;
      this.#draw(text, analysis);
      this.#show(analysis, 'ready', '');
      this.dispatchEvent(new CustomEvent('analysis', { detail: analysis }));
    } catch (error) {
      if (run !== this.#run) return;
      this.#show(null, 'error', `Could not analyse the text: ${error?.message ?? error}`);
      this.dispatchEvent(new CustomEvent('analysis-error', { detail: error }));
    }
  }

  /** Sets the state, the status line and (unless `analysis` is undefined) the results. */
  #show(analysis, state, message) {
    this.dataset.state = state;
    this.shadowRoot.querySelector('.status').textContent = message;
    if (analysis === undefined) return;
    this.analysis = analysis;
    this.shadowRoot.getElementById('results').hidden = analysis === null;
    if (analysis === null) this.#shown = null;
  }

  #draw(text, analysis) {
    this.#shown = { text, analysis };
    this.#interactions.reset();
    drawingIn(this.shadowRoot, () => {
      renderLabel(text, analysis, this.#interactions);
      renderBrief(text, analysis, this.#interactions);
      renderOverview(analysis);
      renderToneArc(analysis.sentences, (index) => this.#jumpToSentence(index));
      renderWarnings(analysis.warnings);
      renderEntities(text, analysis, this.#interactions);
      renderQuotes(text, analysis, this.#interactions);
      renderSources(text, analysis, this.#interactions);
      renderReadability(analysis.readability, analysis.stats);
    });
    this.#drawArticle();
  }

  #drawArticle() {
    if (!this.#shown) return;
    const { text, analysis } = this.#shown;
    const marks = [...marksOf(analysis, LAYERS_ON), ...this.#spotlight.fallbackMarks()];
    this.#spotlight.setMap(drawingIn(this.shadowRoot, () => renderArticle(text, analysis, marks)));
  }

  #jumpToSentence(index) {
    const sentence = this.#shown?.analysis.sentences[index];
    if (sentence) this.#interactions.jump(`Sentence ${index + 1}`, sentence);
  }

  #announce(message) {
    const region = this.shadowRoot.querySelector('.announce');
    region.textContent = '';
    requestAnimationFrame(() => { region.textContent = message; });
  }
}

if (!customElements.get('article-analysis')) customElements.define('article-analysis', ArticleAnalysis);
