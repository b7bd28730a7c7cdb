// Talks to the analyzer worker (worker.js) on behalf of the page and of embedding hosts
// (analyzer.js).
//
// Input: texts and options passed to `analyze`. Output: a Promise per call that resolves to
// {analysis, version, ms, maxBytes} or rejects with an Error whose message can be shown to the reader.
// The worker is started lazily and replaced after it fails (load error, uncaught error,
// undeliverable message, a trap reported as fatal, or an answer that takes too long), so one
// failure never breaks the page: the next call starts a fresh worker. `terminate()` stops it
// and rejects the calls still waiting.

/** Generous: about 1.5 s per MB is typical, so only a hung analysis reaches this. */
const defaultTimeout = (text) => 20_000 + text.length / 200;

export class AnalyzerClient {
  /**
   * @param {URL | (() => Worker)} worker the module worker's URL, or a function that starts
   *   it (so bundlers can see the `new Worker(new URL(…, import.meta.url))` they rewrite)
   * @param {{timeoutMs?: (text: string) => number}} [options] how long to wait for an answer
   */
  constructor(worker, { timeoutMs = defaultTimeout } = {}) {
    this.startWorker = typeof worker === 'function' ? worker : () => new Worker(worker, { type: 'module' });
    this.timeoutMs = timeoutMs;
    this.worker = null;
    this.nextId = 1;
    /** @type {Map<number, {resolve: Function, reject: Function, timer: number}>} */
    this.pending = new Map();
  }

  /** Starts the worker now (so the WebAssembly is fetched while the page loads). */
  warmUp() {
    this.#ensureWorker();
  }

  /**
   * @param {string} text
   * @param {{tokens?: boolean}} options
   * @returns {Promise<{analysis: any, version: string, ms: number, maxBytes?: number}>}
   */
  analyze(text, options) {
    const worker = this.#ensureWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const limit = this.timeoutMs(text);
      const timer = setTimeout(
        () => this.#failAll(`the analysis took longer than ${Math.ceil(limit / 1000)} s and was stopped`),
        limit,
      );
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, text, options });
    });
  }

  /** Stops the worker; calls still waiting reject. A later `analyze` starts a new worker. */
  terminate() {
    this.#failAll('the analyzer was terminated');
  }

  #ensureWorker() {
    if (this.worker) return this.worker;
    const worker = this.startWorker();
    worker.onmessage = ({ data }) => this.#settle(data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.#failAll(event.message
        ? `the analyzer stopped (${event.message})`
        : 'the analyzer could not start (its files did not load); check the connection and try again');
    };
    worker.onmessageerror = () => this.#failAll('the analyzer sent a message the page could not read');
    this.worker = worker;
    return worker;
  }

  #settle({ id, ok, analysis, version, ms, maxBytes, error, fatal }) {
    const waiter = this.pending.get(id);
    if (!waiter) return;
    clearTimeout(waiter.timer);
    this.pending.delete(id);
    if (ok) {
      waiter.resolve({ analysis, version, ms, maxBytes });
      return;
    }
    waiter.reject(new Error(error));
    if (fatal) this.#failAll(`the analyzer was restarted after an internal error (${error})`);
  }

  /** Drops the worker and rejects every call still waiting on it. */
  #failAll(message) {
    this.worker?.terminate();
    this.worker = null;
    for (const waiter of this.pending.values()) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(message));
    }
    this.pending.clear();
  }
}
