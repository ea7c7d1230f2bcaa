// End-to-end: saved data with two tabs, two widgets on one page, hostile or
// failing storage; what the page sends (nothing); phones; accessibility of every
// prompt and notice. Against the built dist/ in headless Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import {
  axeViolations, distDir, finishCheck, launchBrowser, openProfile, pageWithMounts, serveDist, storedResult, watchErrors,
} from './support.mjs';

const KEY = 'partnership-readiness';
let server;
let browser;

before(async () => {
  server = await serveDist(undefined, {
    '/two-widgets.html': () => pageWithMounts([
      '<div id="first" data-partnership-readiness data-storage-key="shared"></div>',
      '<div id="second" data-partnership-readiness data-storage-key="shared"></div>',
    ]),
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh context (its own storage) and a page in it, watched for errors. */
const open = (path = '', options = {}) => openProfile(browser, server, path, options);

async function ready(page) {
  await page.getByRole('button', { name: /Start the check|Continue where you left off/ }).first().waitFor();
}

/** Stores `document` under the widget's key and reloads the page. */
async function seed(page, document, key = KEY) {
  // First let the widget start: else it would read (and set aside) the seed itself.
  await ready(page);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, typeof document === 'string' ? document : JSON.stringify(document)]);
  await page.reload();
}

/** Finishes a check in `scope` (a page or a widget's locator) with one statement answered. */
const finish = (scope, label) => finishCheck(scope, label, (p, s) => (p === 0 && s === 0 ? 5 : null));

describe('two tabs on one browser profile', () => {
  test('a result finished in one tab appears in the other and survives its next save', async () => {
    const { context, page: tabA, errors } = await open();
    const tabB = await context.newPage();
    const errorsB = watchErrors(tabB);
    await tabB.goto(server.url);
    await ready(tabA);
    await ready(tabB);

    await finish(tabA, 'Northwind');
    // The reported loss: B was idle on the start screen, then answers and moves on.
    await tabB.getByRole('row', { name: /Northwind/ }).waitFor();
    await tabB.getByRole('button', { name: 'Start the check' }).click();
    await tabB.getByRole('group', { name: /^1\. / }).getByLabel('Disagree', { exact: true }).check();
    await tabB.getByRole('button', { name: 'Next' }).click();
    await tabB.reload();
    await tabB.getByRole('row', { name: /Northwind/ }).waitFor();
    assert.equal(await tabB.getByRole('button', { name: 'Continue where you left off' }).isVisible(), true);

    await tabA.getByRole('button', { name: 'Delete' }).click();
    await tabA.getByRole('button', { name: 'Yes, delete' }).click();
    await tabB.getByText('No saved results yet.').waitFor();
    errors.check();
    errorsB.check();
    await context.close();
  });

  test('a draft changed in another tab while editing is kept until the person chooses', async () => {
    const { context, page: tabA, errors } = await open();
    const tabB = await context.newPage();
    await tabB.goto(server.url);
    await tabA.getByRole('button', { name: 'Start the check' }).click();
    await tabA.getByRole('group', { name: /^1\. / }).getByLabel('Agree', { exact: true }).check();
    await tabB.getByRole('button', { name: 'Continue where you left off' }).click();
    await tabA.getByRole('group', { name: /^2\. / }).getByLabel('Disagree', { exact: true }).check();

    const conflict = tabB.getByRole('alert').filter({ hasText: 'also changed in another tab' });
    await conflict.waitFor();
    assert.deepEqual(await axeViolations(tabB), [], 'the conflict prompt is accessible');
    await conflict.getByRole('button', { name: 'Use the other tab’s version' }).click();
    assert.equal(await tabB.getByRole('group', { name: /^2\. / }).getByLabel('Disagree', { exact: true }).isChecked(), true);
    errors.check();
    await context.close();
  });
});

describe('two widgets with one storage key on one page', () => {
  test('each keeps what the other saved', async () => {
    const { context, page, errors } = await open('two-widgets.html');
    const first = page.locator('#first');
    const second = page.locator('#second');
    await first.getByRole('button', { name: 'Start the check' }).waitFor();
    await finish(first, 'Contoso');
    await second.getByRole('row', { name: /Contoso/ }).waitFor();
    await second.getByRole('button', { name: 'Start the check' }).click();
    await second.getByRole('group', { name: /^1\. / }).getByLabel('Neutral').check();
    await second.getByRole('button', { name: 'Next' }).click();

    await page.reload();
    for (const widget of [first, second]) {
      await widget.getByRole('row', { name: /Contoso/ }).waitFor();
      assert.equal(await widget.getByRole('button', { name: 'Continue where you left off' }).isVisible(), true);
    }
    errors.check();
    await context.close();
  });
});

describe('privacy', () => {
  test('a full walkthrough requests only the widget’s own files and sets no cookie', async () => {
    const { context, page, errors } = await open();
    const requested = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.reload();
    await page.getByRole('button', { name: 'Start the check' }).click();
    for (let p = 0; p < 10; p += 1) {
      for (let s = 0; s < 3; s += 1) {
        await page.getByRole('group', { name: new RegExp(`^${s + 1}\\. `) }).getByLabel('Agree', { exact: true }).check();
      }
      await page.getByRole('button', { name: p === 9 ? 'Review answers' : 'Next' }).click();
    }
    await page.getByRole('button', { name: 'See results' }).click();
    await page.getByTestId('overall-score').waitFor();

    const own = new Set((await readdir(distDir)).map((name) => `${server.url}${name}`));
    own.add(server.url);
    const foreign = requested.filter((url) => !own.has(url.split('#')[0]));
    assert.deepEqual(foreign, [], 'only files of dist/ are requested');
    assert.ok(requested.some((url) => url.endsWith('.wasm')), 'the audit saw the page load');
    assert.deepEqual(await context.cookies(), []);
    assert.equal(await page.evaluate(() => document.cookie), '');
    errors.check();
    await context.close();
  });
});

describe('small screens', () => {
  test('on a 390 px phone the first statement is on screen right after Start', async () => {
    const { context, page, errors } = await open('', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.getByRole('button', { name: 'Start the check' }).click();
    const first = page.getByRole('group', { name: /^1\. / });
    await first.waitFor();
    const box = await first.boundingBox();
    const scrollY = await page.evaluate(() => window.scrollY);
    assert.ok(box.y + scrollY < 844 - 60, `the first statement starts ${Math.round(box.y + scrollY)} px down the page`);
    // The step list is one compact row: every step is still a labelled button.
    const steps = page.getByRole('navigation', { name: 'Principles' }).getByRole('button');
    assert.equal(await steps.count(), 11);
    const size = await steps.first().boundingBox();
    assert.ok(size.width >= 24 && size.height >= 24, 'targets are at least 24 × 24 px');
    assert.deepEqual(await axeViolations(page), []);
    errors.check();
    await context.close();
  });
});

describe('storage that fails or holds hostile data', () => {
  test('notices for blocked, full, unreadable and newer data are accessible and say what happened', async () => {
    const screens = {};

    const blocked = await browser.newContext();
    await blocked.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
    });
    const blockedPage = await blocked.newPage();
    await blockedPage.goto(server.url);
    await blockedPage.getByRole('alert').filter({ hasText: 'does not let the widget save' }).waitFor();
    screens.blocked = await axeViolations(blockedPage);
    await blocked.close();

    const { context, page, errors } = await open();
    const warnings = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await seed(page, 'this is not what the widget wrote');
    const corrupt = page.getByRole('alert').filter({ hasText: 'could not be read' });
    await corrupt.waitFor();
    // The visitor reads what it means for their data; the developer's console reads which key.
    assert.match(await corrupt.innerText(), /kept aside under “partnership-readiness:backup:\d+”/);
    // The console's messages reach this process on their own channel, maybe after the notice is seen.
    const named = () => warnings.some((w) => w.includes('the data saved under "partnership-readiness" could not be read'));
    for (let i = 0; i < 50 && !named(); i += 1) await page.waitForTimeout(100);
    assert.ok(named(), warnings.join('\n'));
    screens.corrupt = await axeViolations(page);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el.hasAttribute('data-pr-focus');
    }), true, 'focus stays in the widget');

    await seed(page, { version: 9, anything: true });
    await page.getByRole('alert').filter({ hasText: 'comes from a newer version of this widget' }).waitFor();
    screens.newer = await axeViolations(page);

    await seed(page, { version: 1, draft: null, history: [] });
    await page.evaluate(() => {
      Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
    });
    await page.getByRole('button', { name: 'Start the check' }).click();
    await page.getByRole('group', { name: /^1\. / }).getByLabel('Agree', { exact: true }).check();
    await page.getByRole('alert').filter({ hasText: 'storage is full' }).waitFor();
    screens.full = await axeViolations(page);

    assert.deepEqual(screens, { blocked: [], corrupt: [], newer: [], full: [] });
    errors.check();
    await context.close();
  });

  test('prompts, the no-score result and the outdated result pass axe', async () => {
    const { context, page, errors } = await open();
    const notSure = Object.fromEntries(['clear-objectives.goals', 'clear-objectives.measures'].map((id) => [id, 'not-sure']));
    await seed(page, {
      version: 1,
      draft: { responses: { answers: { 'clear-objectives.goals': 4 } }, step: 0 },
      history: [
        storedResult({ id: 1, label: 'Unsure', answers: notSure }),
        storedResult({ id: 2, label: 'Older questions', hash: '0000000000000000', answers: { 'clear-objectives.goals': 5 }, overall: 100, band: 'Partnership-ready' }),
      ],
    });
    const screens = {};
    await page.getByRole('button', { name: 'Start over' }).click();
    await page.getByText('Start over? The answers').waitFor();
    screens.startOverPrompt = await axeViolations(page);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Delete Unsure' }).click();
    screens.deletePrompt = await axeViolations(page);
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Open Unsure' }).click();
    await page.getByTestId('no-score').waitFor();
    screens.noScore = await axeViolations(page);
    await page.getByRole('button', { name: 'Back to start' }).click();
    await page.getByRole('button', { name: 'Open Older questions' }).click();
    await page.getByText('answered on an earlier version of the questions').waitFor();
    screens.outdated = await axeViolations(page);
    assert.deepEqual(screens, { startOverPrompt: [], deletePrompt: [], noScore: [], outdated: [] });
    errors.check();
    await context.close();
  });

  test('2,000 stored results load, a page at a time, and the limit is explained', async () => {
    const { context, page, errors } = await open();
    const history = Array.from({ length: 2000 }, (_, i) => storedResult({ id: i + 1, label: `Result ${i + 1}`, overall: 50, band: 'Emerging' }));
    await seed(page, { version: 1, draft: null, history });
    await page.getByText('Showing the newest 25 of 2000 saved results.').waitFor();
    assert.equal(await page.locator('.pr-history tbody tr').count(), 25);
    await page.getByRole('button', { name: 'Start the check' }).click();
    await page.getByRole('group', { name: /^1\. / }).getByLabel('Agree', { exact: true }).check();
    await page.getByRole('navigation', { name: 'Principles' }).getByRole('button', { name: 'Review your answers' }).click();
    await page.getByRole('button', { name: 'See results' }).click();
    const limit = page.getByRole('alert').filter({ hasText: 'already keeps 2000 results' });
    await limit.waitFor();
    assert.deepEqual(await axeViolations(page), []);
    errors.check();
    await context.close();
  });
});
