// Accessibility checks of the analysed page with axe-core (an npm devDependency), in headless
// Chromium: light and dark themes at desktop width, and a phone's width, with the highlight
// layers, a selected label figure, an open fold and the selection box on screen. The page's
// CSP blocks inline scripts, so axe's source is run through the DevTools protocol
// (page.evaluate), which the CSP does not govern; the page itself is not changed.
// Fails on any serious or critical violation. Run after scripts/build-wasm.sh:
//   node --test tests/e2e/a11y.test.mjs

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { assertWasmBuilt, launchBrowser, startServer } from './harness.mjs';

const WWW = fileURLToPath(new URL('../../www', import.meta.url));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server;
let browser;

before(async () => {
  assertWasmBuilt(WWW);
  server = await startServer(WWW);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The serious and critical violations axe finds on the page as it is now. */
async function violations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5).map((n) => `  ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1, 3).join(' ')}`).join('\n')}`);
}

const SCENES = [
  { name: 'light, desktop', colorScheme: 'light', viewport: { width: 1280, height: 900 } },
  { name: 'dark, desktop', colorScheme: 'dark', viewport: { width: 1280, height: 900 } },
  { name: 'light, phone', colorScheme: 'light', viewport: { width: 375, height: 812 } },
  { name: 'dark, phone', colorScheme: 'dark', viewport: { width: 375, height: 812 } },
];

for (const { name, colorScheme, viewport } of SCENES) {
  test(`axe: no serious or critical violations (${name})`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize(viewport);
      await page.goto(`${server.origin}/`);
      await page.waitForSelector('body[data-ready]');
      assert.deepEqual(await violations(page), [], 'before any analysis');

      await page.click('#load-sample');
      await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Analysed'));
      for (const layer of ['quotes', 'hedges']) await page.check(`#layer-${layer}`);
      await page.click('#label-hedged');
      await page.locator('#article details.boilerplate summary').first().click();
      await page.locator('#sources-list summary').first().click();
      await page.evaluate(() => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector('#article .block-body'));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
      });
      await page.waitForSelector('#selection h3');
      await page.focus('#label-tone');
      assert.deepEqual(await violations(page), [], 'with the sample analysed');
    } finally {
      await page.close();
    }
  });
}
