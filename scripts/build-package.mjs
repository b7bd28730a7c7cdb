// Builds the npm package of the analyzer into dist/npm/ from the wasm build in www/pkg
// (run scripts/build-wasm.sh first), the package sources in npm/ and the page's modules.
//
// Usage: node scripts/build-package.mjs
// Output (dist/npm/): package.json (name article-analyzer, version from Cargo.toml, ES
// module exports "." → index.js, "./worker" → analyzer.js, "./element" →
// article-analysis.js, each with its .d.ts), the generated types.d.ts, pkg/ (the .wasm and
// its wasm-bindgen glue) and exactly the page modules those entries import, copied as they
// are with their relative paths, so the package needs no bundler and no code exists twice.

import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(ROOT, 'www');
const SOURCES = join(ROOT, 'npm');
const OUT = join(ROOT, 'dist', 'npm');
/** The page modules the package exposes; everything they import comes along. */
const ENTRIES = ['analyzer.js', 'worker.js', 'article-analysis.js'];
const PKG_FILES = ['article_analyzer.js', 'article_analyzer.d.ts', 'article_analyzer_bg.wasm', 'article_analyzer_bg.wasm.d.ts'];

/** The version in Cargo.toml's [package] table. */
export function crateVersion() {
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const match = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(cargo);
  if (!match) throw new Error('no [package] version in Cargo.toml');
  return match[1];
}

/** Relative module paths statically imported by `source` (`import … from './x.js'`, `import './x.js'`). */
export function relativeImports(source) {
  const found = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\s(?:[^;'"]*?\sfrom\s*)?['"](\.\/[^'"]+)['"]/gm)) found.push(match[1].slice(2));
  return found;
}

/** The entries and every www module they import, transitively (pkg/ excluded: copied whole). */
function moduleClosure(entries) {
  const seen = new Set();
  const queue = [...entries];
  while (queue.length) {
    const name = queue.pop();
    if (seen.has(name) || name.startsWith('pkg/')) continue;
    seen.add(name);
    queue.push(...relativeImports(readFileSync(join(WWW, name), 'utf8')));
  }
  return [...seen].sort();
}

function packageJson(version) {
  return {
    name: 'article-analyzer',
    version,
    description: 'Analyse a news article in the browser: structure, readability, tone, key phrases, summary, quotes, sources, hedges and entities. Rust compiled to WebAssembly.',
    license: 'MIT',
    type: 'module',
    main: './index.js',
    types: './index.d.ts',
    exports: {
      '.': { types: './index.d.ts', default: './index.js' },
      './worker': { types: './analyzer.d.ts', default: './analyzer.js' },
      './element': { types: './article-analysis.d.ts', default: './article-analysis.js' },
      './types': { types: './types.d.ts' },
      './article_analyzer_bg.wasm': './pkg/article_analyzer_bg.wasm',
      './package.json': './package.json',
    },
    sideEffects: ['./article-analysis.js'],
    keywords: ['nlp', 'news', 'readability', 'sentiment', 'webassembly', 'custom-element'],
  };
}

export function buildPackage() {
  const wasm = join(WWW, 'pkg', 'article_analyzer_bg.wasm');
  if (!existsSync(wasm)) throw new Error(`${wasm} is missing: run scripts/build-wasm.sh first`);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, 'pkg'), { recursive: true });
  for (const file of PKG_FILES) cpSync(join(WWW, 'pkg', file), join(OUT, 'pkg', file));
  for (const file of moduleClosure(ENTRIES)) cpSync(join(WWW, file), join(OUT, file));
  for (const file of readdirSync(SOURCES)) cpSync(join(SOURCES, file), join(OUT, file));
  writeFileSync(join(OUT, 'package.json'), `${JSON.stringify(packageJson(crateVersion()), null, 2)}\n`);
  return OUT;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`built ${buildPackage()}`);
}
