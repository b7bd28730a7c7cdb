// Stands in for analyzer-client.js in the single self-contained HTML file built by
// scripts/build-standalone.mjs, where no worker or .wasm file can be loaded (file://).
//
// Input: texts and options, through the same AnalyzerClient interface as analyzer-client.js.
// Output: a Promise per call of {analysis, version, ms}, or a rejection with an Error whose
// message can be shown. The analyzer runs on the page's own thread, from the wasm that the
// build inlines as base64 (module `inline:assets`), compiled on the first call; each call
// first yields once so the page can show that it is working.

import { analyze, initSync, version } from './pkg/article_analyzer.js';
import { WASM_BASE64 } from 'inline:assets';

let loaded = false;

function load() {
  if (loaded) return;
  initSync({ module: Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0)) });
  loaded = true;
}

export class AnalyzerClient {
  warmUp() {}

  terminate() {}

  /** @returns {Promise<{analysis: any, version: string, ms: number}>} */
  async analyze(text, options) {
    await new Promise((resolve) => setTimeout(resolve));
    try {
      load();
    } catch (error) {
      throw new Error(`the analyzer could not load (${error?.message ?? error})`);
    }
    const started = performance.now();
    const analysis = analyze(text, options);
    return { analysis, version: version(), ms: performance.now() - started };
  }
}
