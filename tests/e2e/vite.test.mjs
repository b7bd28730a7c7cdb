// End-to-end test of the npm package in a Vite app (examples/vite, its dependencies
// installed by scripts/setup.sh --test): the example is type-checked with `tsc --noEmit`
// against the package's generated declarations, built with `vite build` (which must bundle
// the worker and the .wasm), and the built app is served and run in headless Chromium.
// Run after scripts/build-wasm.sh and scripts/setup.sh --test:  node --test tests/e2e/vite.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackage } from '../../scripts/build-package.mjs';
import { launchBrowser, startServer } from './harness.mjs';

const EXAMPLE = fileURLToPath(new URL('../../examples/vite', import.meta.url));
const bin = (name, file) => join(EXAMPLE, 'node_modules', name, 'bin', file);

let wasm;
let out;
let server;
let browser;

before(async () => {
  if (!existsSync(bin('vite', 'vite.js'))) throw new Error('examples/vite has no node_modules: run scripts/setup.sh --test');
  const pkg = buildPackage();
  wasm = await import(join(pkg, 'index.js'));
  wasm.initSync({ module: readFileSync(join(pkg, 'pkg', 'article_analyzer_bg.wasm')) });
  out = mkdtempSync(join(tmpdir(), 'article-analyzer-vite-'));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

test('the example type-checks against the generated declarations (tsc --noEmit)', () => {
  execFileSync(process.execPath, [bin('typescript', 'tsc'), '--noEmit', '-p', EXAMPLE], { cwd: EXAMPLE, stdio: 'pipe' });
});

test('vite build bundles the package, its worker and its .wasm, and the built app analyses', async () => {
  execFileSync(process.execPath, [bin('vite', 'vite.js'), 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: EXAMPLE, stdio: 'pipe' });
  const assets = readdirSync(join(out, 'assets'));
  assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 1, assets.join(' '));
  assert.ok(assets.some((f) => /^worker-.*\.js$/.test(f)), `a bundled worker among ${assets.join(' ')}`);

  server = await startServer(out);
  const page = await browser.context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  try {
    await page.goto(`${server.origin}/`);
    await page.waitForSelector('body[data-ready]');
    const text = await page.inputValue('#text');
    const expected = wasm.analyze(text, { summarySentences: 2 });
    assert.equal(await page.getAttribute('body', 'data-version'), expected.version);
    assert.equal(await page.getAttribute('body', 'data-words'), String(expected.stats.words));
    assert.match(await page.locator('#figures').innerText(), new RegExp(`^${expected.stats.words} words, .* ${expected.quotes.length} quotes`));
    const shown = await page.locator('#report').evaluate((host) => ({
      state: host.dataset.state,
      sentences: host.shadowRoot.getElementById('ov-sentences').textContent,
      title: host.shadowRoot.querySelector('#article h3')?.textContent,
    }));
    assert.deepEqual(shown, { state: 'ready', sentences: String(expected.stats.sentences), title: 'Rain Returns to the Valley' });
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
  }
});
