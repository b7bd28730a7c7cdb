// Shared set-up for the end-to-end tests (not itself a test file).
//
// startServer(root): a tiny static HTTP server on 127.0.0.1 and a free port, serving `root`
// with correct MIME types (application/wasm, text/javascript…), refusing paths outside root,
// recording every request path, and answering 503 for any path put in its `broken` set
// (to simulate a failed load). launchBrowser(): headless Chromium from /usr/bin via
// playwright-core, with the flags from shared/TOOLCHAIN.md §9 and a fresh profile directory
// in a temporary folder that close() deletes; service workers blocked unless asked for.

import { createServer } from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { chromium } from 'playwright-core';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ts': 'text/plain; charset=utf-8',
};

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Fails early, with the fix, when the wasm build the page needs is missing. */
export function assertWasmBuilt(www) {
  const wasm = join(www, 'pkg', 'article_analyzer_bg.wasm');
  if (!existsSync(wasm)) throw new Error(`${wasm} is missing: run scripts/build-wasm.sh first`);
}

/**
 * @param {string} root directory to serve
 * @returns {Promise<{origin: string, requests: string[], broken: Set<string>, close: () => Promise<void>}>}
 */
export async function startServer(root) {
  const requests = [];
  const broken = new Set();
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (broken.has(path)) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable');
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    broken,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * @param {{serviceWorkers?: 'allow' | 'block'}} [options] service workers are blocked unless
 *   a test asks for them: requests they answer would escape the tests' `page.route` mocks
 * @returns {Promise<{context: import('playwright-core').BrowserContext, close: () => Promise<void>}>}
 */
export async function launchBrowser({ serviceWorkers = 'block' } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'article-analyzer-e2e-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      serviceWorkers,
    });
    return {
      context,
      close: async () => {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
