// Module Web Worker that runs the WebAssembly analyzer off the main thread, so typing never
// stalls.
//
// Input messages: {id, text, options}. Output messages, one per input:
//   {id, ok: true, analysis, version, ms, maxBytes}        the plain-object analysis, and the
//                                                          largest text accepted (UTF-8 bytes);
//   {id, ok: false, error: "message", fatal: boolean}      analyze threw an Error (fatal:
//     false, e.g. a too-large text), or the module failed to load or trapped (fatal: true:
//     this worker's instance can no longer be trusted and the page should start a new one).
import init, { analyze, maxInputBytes, version } from './pkg/article_analyzer.js';

// A first analysis parses the embedded models and leaves V8 its baseline code, about 0.35 s
// in all; doing it while the page loads, on a short text that wakes every stage, keeps it off
// the reader's first paste. Its errors are ignored here: a real request reports its own.
const WARM_UP = 'Officials in Geneva said on Monday that the talks, which may resume next week, went well. ' +
  '"We are hopeful," said Maria Lopez, a spokeswoman for the United Nations.';
const ready = init().then(() => {
  try {
    analyze(WARM_UP, {});
  } catch {
    // Reported by the request that meets the same failure.
  }
});

self.onmessage = async ({ data: { id, text, options } }) => {
  try {
    await ready;
  } catch (e) {
    self.postMessage({ id, ok: false, fatal: true, error: `the analyzer could not load (${describe(e)})` });
    return;
  }
  try {
    const started = performance.now();
    const analysis = analyze(text, options);
    self.postMessage({ id, ok: true, analysis, version: version(), ms: performance.now() - started, maxBytes: maxInputBytes() });
  } catch (e) {
    // A Rust panic reaches JavaScript as a WebAssembly.RuntimeError; an expected refusal is a plain Error.
    self.postMessage({ id, ok: false, fatal: e instanceof WebAssembly.RuntimeError, error: describe(e) });
  }
};

function describe(error) {
  return error instanceof Error ? error.message : String(error);
}
