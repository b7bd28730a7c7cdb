// Stands in for analyzer-client.js in the single self-contained HTML file built by
// scripts/build-standalone.mjs, where no worker or .wasm file can be loaded (file://).
//
// Input and output: those of analyzer-client.js's AnalyzerClient, which this extends (same
// queueing, timeouts and restarts); only the worker is started differently: a classic worker
// from a blob: URL holding the worker bundle the build inlined (worker.js with inline-glue.js
// for the glue), sent the inlined .wasm bytes as its first message.

import { AnalyzerClient as WorkerClient } from './analyzer-client.js';
import { WASM_BASE64, WORKER_SOURCE } from 'inline:assets';

let workerUrl = null;
let wasm = null;

function startWorker() {
  workerUrl ??= URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  wasm ??= Uint8Array.from(atob(WASM_BASE64), (c) => c.charCodeAt(0));
  const worker = new Worker(workerUrl);
  worker.postMessage({ wasm });
  return worker;
}

export class AnalyzerClient extends WorkerClient {
  /** The worker URL the page passes is ignored: the worker comes from the file itself. */
  constructor(_workerUrl, options) {
    super(startWorker, options);
  }
}
