// Types of the worker wrapper (analyzer.js, exported as "article-analyzer/worker").
import type { AnalyzeOptions } from './index.js';
import type { Analysis } from './types.js';

/** An analyzer running in its own module worker. */
export interface Analyzer {
  /** Resolves to the analysis of `text`; rejects with an Error the reader can be shown. */
  analyze(text: string, options?: AnalyzeOptions | null): Promise<Analysis>;
  /** Resolves to the analyzer's version. */
  version(): Promise<string>;
  /** Stops the worker; calls still waiting reject. A later call starts a new worker. */
  terminate(): void;
}

export interface AnalyzerOptions {
  /** How long to wait for an answer, in ms, given the text (default: 20 s plus 5 ms per 1,000 characters). */
  timeoutMs?: (text: string) => number;
}

/** Starts nothing yet: the worker is started by the first call. */
export function createAnalyzer(options?: AnalyzerOptions): Analyzer;
