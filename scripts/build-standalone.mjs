// Builds the single self-contained HTML file of the page: dist/article-analyzer.html, which
// works opened from file:// with no network at all.
//
// Usage: node scripts/build-standalone.mjs   (after scripts/build-wasm.sh; needs `npm ci`)
// Input: www/index.html, its stylesheets and module scripts (except offline.js: no service
// worker on file://), www/pkg (the wasm build) and www/sample-article.txt. Output: one HTML
// file with one <style> (the stylesheets), one <script type="module"> (the page's modules
// bundled by esbuild, standalone.js first, inline-client.js in place of analyzer-client.js;
// the .wasm, the sample article and the worker, bundled with inline-glue.js in place of the
// glue, inlined as strings) and a CSP that allows exactly that style and that script (by
// their sha256 hashes), WebAssembly compilation, workers from blob: URLs and data: images,
// and nothing else: no request can leave the file.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(ROOT, 'www');
export const STANDALONE = join(ROOT, 'dist', 'article-analyzer.html');
/** Scripts of index.html left out of the file (service workers need http). */
const SKIPPED_SCRIPTS = new Set(['offline.js']);

const CSP_META = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;
const STYLESHEET = /[ \t]*<link rel="stylesheet" href="([^"]+)">\n?/g;
const MODULE_SCRIPT = /[ \t]*<script type="module" src="([^"]+)"><\/script>\n?/g;

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Text safe inside <script> or <style>: no closing tag or comment opener can appear. */
const escapeForElement = (text, tag) => text.replaceAll(`</${tag}`, `<\\/${tag}`).replaceAll('<!--', '<\\!--');

/** esbuild plugin: imports matching `filter`, except from the module `except`, resolve to `to`. */
function redirect(filter, to, except) {
  return (builder) => builder.onResolve({ filter }, ({ importer }) => (importer === join(WWW, except) ? undefined : { path: join(WWW, to) }));
}

/** The assets module (`inline:assets`): constants with the given values. */
function assets(values) {
  return (builder) => {
    builder.onResolve({ filter: /^inline:assets$/ }, () => ({ path: 'assets', namespace: 'inline' }));
    builder.onLoad({ filter: /.*/, namespace: 'inline' }, () => ({
      contents: Object.entries(values).map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`).join('\n'),
      loader: 'js',
    }));
  };
}

async function bundle(stdin, format, setups) {
  const result = await build({
    // The glue's fetching init() reads import.meta.url; the worker bundle never calls it.
    logOverride: { 'empty-import-meta': 'silent' },
    stdin: { ...stdin, resolveDir: WWW },
    bundle: true,
    format,
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    logLevel: 'warning',
    plugins: [{ name: 'standalone', setup: (builder) => setups.forEach((setup) => setup(builder)) }],
  });
  return result.outputFiles[0].text;
}

/** The page's modules in one script: the worker bundled inside it as a string. */
async function pageScript(entries) {
  const worker = await bundle({ contents: "import './worker.js';", sourcefile: 'standalone-worker.js' }, 'iife',
    [redirect(/^\.\/pkg\/article_analyzer\.js$/, 'inline-glue.js', 'inline-glue.js')]);
  const sample = readFileSync(join(WWW, 'sample-article.txt'), 'utf8');
  return bundle({ contents: ['standalone.js', ...entries].map((file) => `import './${file}';`).join('\n'), sourcefile: 'standalone-entry.js' }, 'esm', [
    redirect(/^\.\/analyzer-client\.js$/, 'inline-client.js', 'inline-client.js'),
    assets({ WASM_BASE64: readFileSync(join(WWW, 'pkg', 'article_analyzer_bg.wasm')).toString('base64'), WORKER_SOURCE: worker, SAMPLE: sample }),
  ]);
}

export async function buildStandalone() {
  let html = readFileSync(join(WWW, 'index.html'), 'utf8');
  if (!CSP_META.test(html)) throw new Error('www/index.html has no Content-Security-Policy meta tag to replace');
  const styles = [...html.matchAll(STYLESHEET)].map(([, href]) => readFileSync(join(WWW, href), 'utf8')).join('\n');
  const entries = [...html.matchAll(MODULE_SCRIPT)].map(([, src]) => src.replace(/^\.\//, '')).filter((src) => !SKIPPED_SCRIPTS.has(src));
  const style = escapeForElement(styles, 'style');
  const script = escapeForElement(await pageScript(entries), 'script');
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(style)}`,
    'worker-src blob:',
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  let placed = false;
  html = html
    .replace(CSP_META, `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
    .replace(STYLESHEET, '')
    .replace(MODULE_SCRIPT, () => {
      if (placed) return '';
      placed = true;
      return `  <style>${style}</style>\n  <script type="module">${script}</script>\n`;
    });
  if (!placed) throw new Error('www/index.html has no module script');
  mkdirSync(dirname(STANDALONE), { recursive: true });
  writeFileSync(STANDALONE, html);
  return STANDALONE;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = await buildStandalone();
  console.log(`built ${file} (${(readFileSync(file).length / 1024).toFixed(0)} KiB): open it from disk, no server needed`);
}
