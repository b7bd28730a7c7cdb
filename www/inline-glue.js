// Stands in for the wasm-bindgen glue inside the worker of the single self-contained HTML
// file (scripts/build-standalone.mjs), where the .wasm cannot be fetched (file://).
//
// Input: the first message the worker receives, {wasm: bytes}, sent by inline-client.js.
// Output: the glue's exports, with a default `init()` that resolves once those bytes are
// instantiated (instead of fetching the .wasm). That first message is consumed here, so
// worker.js only sees the analysis requests that follow.

import { initSync } from './pkg/article_analyzer.js';

export * from './pkg/article_analyzer.js';

export default function init() {
  return new Promise((resolve, reject) => {
    self.addEventListener('message', function first(event) {
      if (!(event.data?.wasm instanceof Uint8Array)) return;
      self.removeEventListener('message', first);
      event.stopImmediatePropagation();
      try {
        initSync({ module: event.data.wasm });
        resolve();
      } catch (error) {
        reject(error);
      }
    });
  });
}
