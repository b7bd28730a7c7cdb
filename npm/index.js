// The package's main entry: the WebAssembly analyzer on the calling thread.
//
// Input: `await init()` once (it fetches pkg/article_analyzer_bg.wasm next to this file), or
// `initSync({module})` with the wasm bytes or a compiled module; then `analyze(text,
// options?)`. Output: the analysis as a plain object (types.d.ts `Analysis`); an Error is
// thrown for a text over `maxInputBytes()` or unknown options. Typed by index.d.ts.
export { default, initSync, analyze, version, maxInputBytes } from './pkg/article_analyzer.js';
