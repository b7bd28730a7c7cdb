// The page controller: wires the text box and buttons to the analyzer worker and draws the
// results.
//
// Input: what the reader types or pastes, the "Analyse", "Load sample" and "Clear" buttons,
// the highlight layer checkboxes, the result panels' buttons and the export buttons. Output:
// the result sections (label-view.js, views.js, brief-view.js, entities-view.js,
// sources-view.js, quotes-view.js, readability-view.js, layers-view.js, selection-view.js),
// a status line, a progress line while the worker runs, a size note for long texts (a text
// over the analyzer's limit is refused at once, without sending it), an error box when the
// analyzer refuses a text or fails, and short announcements for screen readers. Typing re-runs the analysis after a short pause; only the newest text is
// analysed (older requests still queued are skipped), and an answer is drawn only if the
// text has not changed since it was sent. Switching a layer redraws the article only, unless
// the layer needs tokens the last analysis did not ask for.

import { AnalyzerClient } from './analyzer-client.js';
import { renderBrief } from './brief-view.js';
import { renderEntities } from './entities-view.js';
import { setUpExport } from './export-view.js';
import { clip, formatCount, formatMegabytes, oneLine } from './format.js';
import { LAYERS, layerById, marksOf } from './highlights.js';
import { Interactions } from './interact.js';
import { renderLabel } from './label-view.js';
import { renderLayerControls } from './layers-view.js';
import { renderQuotes } from './quotes-view.js';
import { SelectionInfo } from './selection-view.js';
import { renderSources } from './sources-view.js';
import { Spotlight } from './spotlight.js';
import {
  renderArticle, renderOverview, renderReadability, renderToneArc, renderWarnings,
} from './views.js';

const DEBOUNCE_MS = 250;
/** The progress line appears only for analyses longer than this (no flicker while typing). */
const PROGRESS_DELAY_MS = 200;
/** Texts above this many bytes get a note on their size under the text box. */
const LONG_TEXT_BYTES = 1_000_000;

const byId = (id) => document.getElementById(id);
const ui = {
  text: byId('text'),
  analyse: byId('analyse'),
  loadSample: byId('load-sample'),
  clear: byId('clear'),
  status: byId('status'),
  size: byId('size'),
  output: byId('output'),
  progress: byId('progress'),
  progressTime: byId('progress-time'),
  announce: byId('announce'),
  error: byId('error'),
  errorMessage: byId('error-message'),
  empty: byId('empty'),
  results: byId('results'),
  showSentences: byId('show-sentences'),
  article: byId('article'),
  version: byId('version'),
};

const client = new AnalyzerClient(new URL('./worker.js', import.meta.url));
const spotlight = new Spotlight(() => drawArticle());
const interactions = new Interactions(spotlight, announce);
/** Layer ids switched on; starts from each layer's default. */
const enabledLayers = new Set(LAYERS.filter((layer) => layer.on).map((layer) => layer.id));
/** The text, analysis and analyzer version on screen, or null. */
let shown = null;
/** Where each piece of the drawn article is (text-map.js), or null. */
let textMap = null;
/** The largest text the analyzer accepts, in UTF-8 bytes (told by the worker). */
let maxBytes = Infinity;
const selectionInfo = new SelectionInfo(() => shown, () => textMap);
/** Entity id → its mentions, for pointing at an entity in the article. */
let entityMentions = new Map();
/** The entity id under the pointer in the article, or null. */
let pointedEntity = null;
let debounceTimer = 0;
let queuedText = null;
let busy = false;
/** Timers of the progress line: the delay before it shows, and its ticking clock. */
let progressDelay = 0;
let progressClock = 0;
let sample = null;

function setStatus(message) {
  ui.status.textContent = message;
}

/** Tells screen readers something that happened away from the focus. */
function announce(message) {
  ui.announce.textContent = '';
  requestAnimationFrame(() => { ui.announce.textContent = message; });
}

function showOnly(section) {
  for (const element of [ui.error, ui.empty, ui.results]) element.hidden = element !== section;
  if (section !== ui.results) shown = null;
}

function showError(message) {
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  ui.errorMessage.textContent = /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  showOnly(ui.error);
  setStatus('The last analysis failed; edit the text or press Analyse to try again.');
}

function needsTokens() {
  return [...enabledLayers].some((id) => layerById(id)?.tokens);
}

function showResult(text, { analysis, version, ms }) {
  shown = { text, analysis, version };
  interactions.reset();
  selectionInfo.hide();
  renderLabel(text, analysis, interactions);
  pointedEntity = null;
  entityMentions = new Map((analysis.entities ?? []).map((e) => [e.id, e.mentions ?? []]));
  renderBrief(text, analysis, interactions);
  renderOverview(analysis);
  renderToneArc(analysis.sentences, jumpToSentence);
  renderWarnings(analysis.warnings);
  renderEntities(text, analysis, interactions);
  renderSources(text, analysis, interactions);
  renderQuotes(text, analysis, interactions);
  renderReadability(analysis.readability, analysis.stats);
  renderLayerControls(analysis, enabledLayers, toggleLayer);
  ui.version.textContent = version;
  showOnly(ui.results);
  drawArticle();
  setStatus(`Analysed ${formatCount(text.length)} characters in ${Math.max(1, Math.round(ms))} ms.`);
}

/** Redraws the article of the analysis on screen with the layers switched on. */
function drawArticle() {
  if (!shown) return;
  const { text, analysis } = shown;
  const marks = marksOf(analysis, enabledLayers);
  marks.push(...spotlight.fallbackMarks());
  textMap = renderArticle(text, analysis, marks);
  spotlight.setMap(textMap);
}

function toggleLayer(id, on) {
  if (on) enabledLayers.add(id);
  else enabledLayers.delete(id);
  if (shown && layerById(id)?.tokens && on && !shown.analysis.tokens) analyseNow();
  else drawArticle();
}

function jumpToSentence(index) {
  const sentence = shown?.analysis.sentences[index];
  if (!sentence) return;
  if (interactions.jump(`Sentence ${index + 1}`, sentence)) {
    announce(clip(oneLine(shown.text.slice(sentence.start, sentence.end)), 300));
  }
}

/** UTF-8 size of the text, or 0 when it is surely under LONG_TEXT_BYTES (no need to count). */
function bytesOf(text) {
  return text.length * 3 < LONG_TEXT_BYTES ? 0 : new Blob([text]).size;
}

/** The analyzer's limit in words: "16 MB". */
const limitText = () => `${Math.round(maxBytes / 1_048_576)} MB`;

/** The note under the text box for long texts; returns whether the text is over the limit. */
function showSize(bytes) {
  const over = bytes > maxBytes;
  ui.size.hidden = bytes < LONG_TEXT_BYTES;
  ui.size.classList.toggle('over', over);
  ui.size.textContent = over
    ? `This text is ${formatMegabytes(bytes)}, over the ${limitText()} limit: split it into smaller parts.`
    : `Long text (${formatMegabytes(bytes)}): the analysis takes a few seconds; the page stays usable meanwhile.`;
  return over;
}

/** Sends the current text now, unless it is empty or too large. */
function analyseNow() {
  clearTimeout(debounceTimer);
  const text = ui.text.value;
  if (!text.trim()) {
    queuedText = null;
    showSize(0);
    showOnly(ui.empty);
    setStatus('Ready.');
    return;
  }
  const bytes = bytesOf(text);
  if (showSize(bytes)) {
    queuedText = null;
    showError(`the text is ${formatMegabytes(bytes)}, larger than the ${limitText()} this analyzer accepts; split it into smaller parts`);
    return;
  }
  queuedText = text;
  setStatus(bytes ? `Analysing ${formatMegabytes(bytes)} of text…` : 'Analysing…');
  if (!busy) pump();
}

/** Shows (after a short delay) or hides the progress line and marks the results busy. */
function setBusy(on) {
  busy = on;
  ui.output.setAttribute('aria-busy', String(on));
  clearTimeout(progressDelay);
  clearInterval(progressClock);
  ui.progress.hidden = true;
  if (!on) return;
  const started = performance.now();
  const tick = () => {
    const seconds = Math.floor((performance.now() - started) / 1000);
    ui.progressTime.textContent = seconds ? `${seconds} s` : '';
  };
  progressDelay = setTimeout(() => {
    tick();
    ui.progress.hidden = false;
    progressClock = setInterval(tick, 1000);
  }, PROGRESS_DELAY_MS);
}

/** Analyses queued texts one at a time, newest only; draws an answer only if still current. */
async function pump() {
  setBusy(true);
  while (queuedText !== null) {
    const text = queuedText;
    queuedText = null;
    try {
      const result = await client.analyze(text, { tokens: needsTokens() });
      maxBytes = result.maxBytes ?? maxBytes;
      if (queuedText === null && text === ui.text.value) showResult(text, result);
    } catch (error) {
      if (queuedText === null && text === ui.text.value) showError(error.message);
    }
  }
  setBusy(false);
}

function fetchSample() {
  sample ??= fetch('sample-article.txt').then((response) => {
    if (!response.ok) throw new Error(`the sample article did not load (HTTP ${response.status})`);
    return response.text();
  });
  sample.catch(() => { sample = null; });
  return sample;
}

async function loadSample() {
  ui.loadSample.disabled = true;
  try {
    ui.text.value = await fetchSample();
    analyseNow();
  } catch (error) {
    showError(error.message);
  } finally {
    ui.loadSample.disabled = false;
  }
}

/** Pointing at an entity in the article previews all its mentions. */
function previewEntityUnder(target) {
  const id = target?.closest?.('[data-entity]')?.dataset.entity ?? null;
  if (id === pointedEntity) return;
  pointedEntity = id;
  spotlight.preview(id ? entityMentions.get(id) ?? null : null);
}

function setUp() {
  ui.text.addEventListener('input', () => {
    clearTimeout(debounceTimer);
    debounceTimer = setTimeout(analyseNow, DEBOUNCE_MS);
  });
  ui.text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      analyseNow();
    }
  });
  ui.analyse.addEventListener('click', analyseNow);
  ui.loadSample.addEventListener('click', loadSample);
  ui.clear.addEventListener('click', () => {
    ui.text.value = '';
    analyseNow();
    ui.text.focus();
  });
  ui.showSentences.addEventListener('change', () => {
    ui.article.classList.toggle('sentences-on', ui.showSentences.checked);
  });
  interactions.attach(ui.results);
  setUpExport(() => shown, setStatus);
  ui.article.addEventListener('mouseover', (event) => previewEntityUnder(event.target));
  ui.article.addEventListener('mouseleave', () => previewEntityUnder(null));

  // Load the analyzer and the sample while the reader is still reading the page, so both
  // work even if the network is cut afterwards.
  fetchSample().catch(() => {});
  client.analyze('', {}).then(
    ({ version, maxBytes: limit }) => {
      maxBytes = limit ?? maxBytes;
      ui.version.textContent = version;
      document.body.dataset.ready = '';
      if (ui.text.value.trim()) analyseNow();
      else setStatus('Ready.');
    },
    (error) => showError(error.message),
  );
}

setUp();
