// Peak memory of analysing a 1M-word news text (issue #8 budget: ≤ 20 × the input size),
// natively and in wasm, and where the native memory goes stage by stage.
//
//   cargo build --release && cargo build --release --example memory && scripts/build-wasm.sh
//   node benches/memory.mjs [words]          (default 1,000,000 words; benches/corpus.mjs text)
//
// Native: maximum resident set size (`/usr/bin/time -f %M`) of the release CLI on the text,
// minus the same for an empty input (the binary, its models and word lists). Stages: the
// counting allocator of `examples/memory.rs` (heap held after each stage, and its peak).
// Wasm: `WebAssembly.Memory` byteLength after `analyze` of the text, minus the same after
// `analyze('')` in the same instance (wasm memory only grows, so the difference is the peak
// the analysis needed, the copy of the input included); each run in a fresh Node process.
// Prints one table; writes nothing.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countWords, newsText } from './corpus.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'target/release/article-analyzer');
const STAGES = join(ROOT, 'target/release/examples/memory');
const PKG = join(ROOT, 'www/pkg');
const BUDGET = 20;

/** In a child process: the wasm memory growth of analysing the file `path`. */
async function wasmChild(path) {
  const wasm = await import(join(PKG, 'article_analyzer.js'));
  const exports = wasm.initSync({ module: readFileSync(join(PKG, 'article_analyzer_bg.wasm')) });
  wasm.analyze('', {});
  const before = exports.memory.buffer.byteLength;
  wasm.analyze(readFileSync(path, 'utf8'), {});
  process.stdout.write(JSON.stringify({ before, after: exports.memory.buffer.byteLength }));
}

/** Max RSS in bytes of the release CLI on `path`. */
function maxRss(path) {
  const run = spawnSync('/usr/bin/time', ['-f', '%M', CLI, path], { maxBuffer: 1 << 30 });
  if (run.status !== 0) throw new Error(`${CLI} failed: ${run.stderr}`);
  return Number(run.stderr.toString().trim().split('\n').at(-1)) * 1024;
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const times = (bytes, input) => `${(bytes / input).toFixed(1)} ×`;

async function main() {
  if (process.argv[2] === '--wasm-child') return wasmChild(process.argv[3]);
  const words = Number(process.argv[2] ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'article-analyzer-memory-'));
  try {
    const text = newsText(words);
    const input = join(dir, 'input.txt');
    const empty = join(dir, 'empty.txt');
    writeFileSync(input, text);
    writeFileSync(empty, '');
    const bytes = Buffer.byteLength(text);
    console.log(`Input: ${countWords(text).toLocaleString('en')} words, ${bytes.toLocaleString('en')} bytes; budget ${BUDGET} × = ${mb(BUDGET * bytes)}\n`);
    const rows = [];
    if (existsSync(CLI)) {
      const base = maxRss(empty);
      const peak = maxRss(input);
      rows.push(['native CLI, max RSS − empty input', peak - base, `${mb(peak)} − ${mb(base)}`]);
    } else console.log(`(no ${CLI}: run cargo build --release)`);
    if (existsSync(join(PKG, 'article_analyzer_bg.wasm'))) {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--wasm-child', input], { maxBuffer: 1 << 20 });
      const { before, after } = JSON.parse(out.toString());
      rows.push(['wasm memory after − before', after - before, `${mb(after)} − ${mb(before)}`]);
    } else console.log('(no www/pkg: run scripts/build-wasm.sh)');
    console.log('| build | peak for this input | × input | measured as |\n| --- | --- | --- | --- |');
    for (const [what, peak, how] of rows) console.log(`| ${what} | ${mb(peak)} | ${times(peak, bytes)} | ${how} |`);

    if (existsSync(STAGES)) {
      const report = JSON.parse(execFileSync(STAGES, [input], { maxBuffer: 1 << 20 }).toString());
      console.log(`\nNative heap by step (examples/memory.rs): peak of analyze + JSON ${mb(report.peakHeapBytes)} `
        + `(${times(report.peakHeapBytes, bytes)})\n\n| step | held after | peak while running |\n| --- | --- | --- |`);
      for (const s of report.steps) console.log(`| ${s.step} | ${mb(s.heldBytes)} | ${mb(s.peakBytes)} |`);
    } else console.log(`\n(no ${STAGES}: run cargo build --release --example memory for the per-stage table)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
