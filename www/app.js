// The page controller: wires the text box and buttons to the analyzer worker and draws the
// results.
//
// Input: what the reader types or pastes, the "Analyse", "Load sample" and "Clear" buttons,
// the highlight menu. Output: the result sections (views.js), a status line, and an error
// box when the analyzer refuses a text or fails. Typing re-runs the analysis after a short
// pause; only the newest text is analysed (older requests still queued are skipped), and an
// answer is drawn only if the text has not changed since it was sent.

import { AnalyzerClient } from './analyzer-client.js';
import { HIGHLIGHTS, highlightById } from './highlights.js';
import { formatCount } from './format.js';
import { renderArticle, renderOverview, renderReadability, renderWarnings } from './views.js';

const DEBOUNCE_MS = 250;

const byId = (id) => document.getElementById(id);
const ui = {
  text: byId('text'),
  analyse: byId('analyse'),
  loadSample: byId('load-sample'),
  clear: byId('clear'),
  status: byId('status'),
  error: byId('error'),
  errorMessage: byId('error-message'),
  empty: byId('empty'),
  results: byId('results'),
  highlight: byId('highlight'),
  showSentences: byId('show-sentences'),
  article: byId('article'),
  version: byId('version'),
};

const client = new AnalyzerClient(new URL('./worker.js', import.meta.url));
let debounceTimer = 0;
let queuedText = null;
let busy = false;
let sample = null;

function setStatus(message) {
  ui.status.textContent = message;
}

function showOnly(section) {
  for (const element of [ui.error, ui.empty, ui.results]) element.hidden = element !== section;
}

function showError(message) {
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  ui.errorMessage.textContent = /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  showOnly(ui.error);
  setStatus('The last analysis failed; edit the text or press Analyse to try again.');
}

function showResult(text, { analysis, version, ms }, highlight) {
  renderOverview(analysis);
  renderReadability(analysis.readability);
  renderWarnings(analysis.warnings);
  renderArticle(text, analysis, highlight.marks(analysis));
  ui.version.textContent = version;
  showOnly(ui.results);
  setStatus(`Analysed ${formatCount(text.length)} characters in ${Math.max(1, Math.round(ms))} ms.`);
}

/** Sends the current text now, unless it is empty. */
function analyseNow() {
  clearTimeout(debounceTimer);
  const text = ui.text.value;
  if (!text.trim()) {
    queuedText = null;
    showOnly(ui.empty);
    setStatus('Ready.');
    return;
  }
  queuedText = text;
  setStatus('Analysing…');
  if (!busy) pump();
}

/** Analyses queued texts one at a time, newest only; draws an answer only if still current. */
async function pump() {
  busy = true;
  while (queuedText !== null) {
    const text = queuedText;
    queuedText = null;
    const highlight = highlightById(ui.highlight.value);
    try {
      const result = await client.analyze(text, { tokens: highlight.tokens });
      if (queuedText === null && text === ui.text.value) showResult(text, result, highlight);
    } catch (error) {
      if (queuedText === null && text === ui.text.value) showError(error.message);
    }
  }
  busy = false;
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

function setUp() {
  for (const { id, label } of HIGHLIGHTS) ui.highlight.append(new Option(label, id));

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
  ui.highlight.addEventListener('change', analyseNow);
  ui.showSentences.addEventListener('change', () => {
    ui.article.classList.toggle('sentences-on', ui.showSentences.checked);
  });

  // Load the analyzer and the sample while the reader is still reading the page, so both
  // work even if the network is cut afterwards.
  fetchSample().catch(() => {});
  client.analyze('', {}).then(
    ({ version }) => {
      ui.version.textContent = version;
      document.body.dataset.ready = '';
      if (ui.text.value.trim()) analyseNow();
      else setStatus('Ready.');
    },
    (error) => showError(error.message),
  );
}

setUp();
