// Typed signatures of the package's main entry (index.js). The data types come from
// types.d.ts, generated from the Rust types; this file only points the wasm-bindgen functions
// at them (wasm-bindgen alone types them `any`).
import type { Analysis, Options } from './types.js';

export type * from './types.js';
export type { InitInput, InitOutput, SyncInitInput } from './pkg/article_analyzer.js';
export { default, initSync } from './pkg/article_analyzer.js';

/** The options of `analyze`: every field may be left out. */
export type AnalyzeOptions = Partial<Options>;

/**
 * Analyses `text` (call `init()` or `initSync()` first). Throws an Error for a text over
 * `maxInputBytes()` bytes of UTF-8, or for an unknown option.
 */
export function analyze(text: string, options?: AnalyzeOptions | null): Analysis;

/** The analyzer's version (the Rust crate's). */
export function version(): string;

/** The largest input accepted, in bytes of UTF-8. */
export function maxInputBytes(): number;
