// End-to-end: a partner's first visit. A plain share link in the address of an
// English page opens in the partner build (the core build plus opening the
// link), with nothing else fetched until the partner moves on; saving the
// result and taking the check happen there too; comparing hands the widget over
// to the full build, which opens the link itself. Against the built dist/ in
// headless Chromium, at desktop and phone width.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { axeViolations, finishCheck, launchBrowser, openProfile, serveDist, watchErrors, widgetText } from './support.mjs';

let server;
let browser;
let link;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  // Initech's fully answered result, written by codec/link.rs's test `the_budget_s_partner_link…`.
  link = (await readFile(new URL('../fixtures/result-link.txt', import.meta.url), 'utf8')).trim();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const RECEIVED = 'Received: Initech (partner view)';

/** Which builds a page fetched so far, by their wasm files. */
function watchBuilds(page) {
  const wasm = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('_bg.wasm')) wasm.push(path);
  });
  return {
    partner: () => wasm.some((path) => path.startsWith('/partner-')),
    full: () => wasm.some((path) => path.startsWith('/full-')),
    core: () => wasm.some((path) => /^\/partnership-readiness-[0-9a-f]+_bg\.wasm$/.test(path) || path.startsWith('/de-')),
  };
}

/** A fresh profile opening `url`, its builds watched from the first request. */
async function partnerProfile(url, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const builds = watchBuilds(page);
  await page.goto(server.url + url);
  return { context, page, errors, builds };
}

/** Answers every statement of the check already under way with 4 and shows the result. */
async function answerAll(page) {
  for (let p = 0; p < 10; p += 1) {
    for (let s = 1; s <= 3; s += 1) await page.locator(`.pr-screen fieldset:nth-of-type(${s}) input[value="4"]`).check();
    await page.locator('.pr-nav-buttons .pr-button-primary').click();
  }
  await page.locator('.pr-review .pr-nav-buttons .pr-button-primary').click();
}

describe("a partner's link", () => {
  for (const [width, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    test(`opens in the partner build alone, readable and accessible (${width})`, async () => {
      const { context, page, errors, builds } = await partnerProfile(link, viewport);
      await page.getByRole('heading', { name: RECEIVED }).waitFor();
      assert.ok(builds.partner(), 'the partner build opened it');
      assert.ok(!builds.full() && !builds.core(), 'and no other build was fetched');
      for (const step of ['Take the check yourself', 'Save to my results', 'Prepare the meeting']) {
        await page.getByRole('button', { name: step }).waitFor();
      }
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling');
      assert.deepEqual(await axeViolations(page), []);
      await page.waitForTimeout(3500);
      errors.check();
      await context.close();
    });
  }

  test('is saved in the partner build, taking the link out of the address', async () => {
    const { context, page, errors, builds } = await partnerProfile(link, PHONE);
    await page.getByRole('button', { name: 'Save to my results' }).click();
    await page.getByText('The shared result was saved to your results.').waitFor();
    assert.equal(await page.evaluate(() => location.hash), '', 'a reload does not open the link again');
    assert.ok(!builds.full(), 'saving needs no other build');
    await page.reload();
    await page.getByRole('button', { name: 'Start the check' }).waitFor();
    await page.getByText('Initech').first().waitFor();
    errors.check();
    await context.close();
  });

  test('taking the check happens in the partner build; the comparison then loads the full build', async () => {
    const { context, page, errors, builds } = await partnerProfile(link);
    await page.getByRole('button', { name: 'Take the check yourself' }).click();
    await page.locator('.pr-screen fieldset').first().waitFor();
    assert.equal(await page.evaluate(() => location.hash), '', 'the link was kept, and left the address');
    await answerAll(page);
    await page.getByRole('heading', { name: /^Comparison: / }).waitFor();
    assert.ok(builds.full(), 'the comparison is the full build’s');
    assert.match(await widgetText(page), /Initech/);
    errors.check();
    await context.close();
  });

  test('with a result of one’s own, "Compare with" hands over to the full build, which opens the link too', async () => {
    const { context, page, errors } = await openProfile(browser, server, '');
    await finishCheck(page, 'Ours');
    const builds = watchBuilds(page);
    // The same page with the link: the boot script reloads it to open the link.
    await page.goto(server.url + link);
    await page.getByRole('heading', { name: RECEIVED }).waitFor();
    assert.ok(builds.partner() && !builds.full());
    await page.getByRole('button', { name: 'Compare with Ours' }).click();
    await page.getByRole('heading', { name: /^Comparison: / }).waitFor();
    assert.ok(builds.full());
    const text = await widgetText(page);
    assert.match(text, /Ours/);
    assert.match(text, /Initech/);
    errors.check();
    await context.close();
  });
});
