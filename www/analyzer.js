// The worker wrapper for embedding hosts: the analyzer off the main thread, behind promises.
//
// Input: `createAnalyzer(options?)`; then texts and analysis options ({tokens?,
// summarySentences?, summaryRatio?}) passed to `analyzer.analyze`. Output: per call, a
// Promise of the plain-object analysis (types.d.ts `Analysis`), rejected with an Error whose
// message can be shown to a reader (a text over the size limit, unknown options, a failed
// load, a hung or crashed analysis). One module worker (worker.js) per analyzer, started on
// the first call and restarted after a failure (analyzer-client.js); `terminate()` stops it.
// The `new Worker(new URL('./worker.js', import.meta.url))` form is kept literal so bundlers
// such as Vite find the worker and its WebAssembly and bundle them.

import { AnalyzerClient } from './analyzer-client.js';

/**
 * @param {{timeoutMs?: (text: string) => number}} [options] how long to wait for an answer
 */
export function createAnalyzer(options = {}) {
  const client = new AnalyzerClient(
    () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }),
    options,
  );
  return {
    /** Resolves to the analysis of `text`. */
    analyze: async (text, analyzeOptions) => (await client.analyze(text, analyzeOptions ?? {})).analysis,
    /** Resolves to the analyzer's version (this loads the worker when it is not running). */
    version: async () => (await client.analyze('', {})).version,
    /** Stops the worker; calls still waiting reject. */
    terminate: () => client.terminate(),
  };
}
