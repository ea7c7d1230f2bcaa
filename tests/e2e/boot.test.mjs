// End-to-end: the boot script (js/boot.js, dist/pr-boot.js) when the host page
// changes under it: a mount point removed before the full build is first asked
// for does not keep the full build from loading for the widgets still there.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, pageWithMounts, serveDist, watchErrors } from './support.mjs';

let server;
let browser;

before(async () => {
  server = await serveDist(undefined, {
    '/two.html': () => pageWithMounts([
      '<div id="gone" data-partnership-readiness data-storage-key="gone"></div>',
      '<div id="stays" data-partnership-readiness data-storage-key="stays"></div>',
    ]),
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a mount point removed before the full build loads does not hold it up', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}two.html`);
  await page.locator('#stays').locator('.pr-start').waitFor();
  await page.evaluate(() => document.getElementById('gone').remove());
  // The remaining widget opens a screen only the full build has: it is handed over.
  await page.locator('#stays').getByRole('button', { name: 'Teams', exact: true }).click();
  await page.locator('#stays').locator('.pr-teams').waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('#stays').getAttribute('data-pr-screen'), 'teams');
  errors.check();
  await context.close();
});
