// End-to-end: the built dist/ in headless Chromium, driven like a person would.
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, finishCheck, launchBrowser, serveDist, watchErrors } from './support.mjs';

let server;
let browser;
let context;
let page;
let errors;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  await context?.close();
  context = await browser.newContext();
  page = await context.newPage();
  errors = watchErrors(page);
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Start the check' }).waitFor();
});
// Page errors and console errors fail the test during which they happened.
afterEach(() => errors.check());

const heading = () => page.locator('[data-pr-focus]');
const activeDescription = () => page.evaluate(() => {
  // The widget lives in a shadow root: the focused element is inside it.
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  const fieldset = el.closest('fieldset');
  return {
    tag: el.tagName.toLowerCase(),
    type: el.type ?? null,
    text: el.textContent.trim(),
    legend: fieldset ? fieldset.querySelector('legend').textContent.trim() : null,
    focusHeading: el.hasAttribute('data-pr-focus'),
  };
});

/** Presses Tab until the focused element satisfies `matches`, failing after `limit` presses. */
async function tabUntil(matches, limit = 40) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const active = await activeDescription();
    if (matches(active)) return active;
  }
  throw new Error('focus never reached the expected element');
}

/** Rates the focused radio group with the keyboard: value 1–5, or 0 for "not sure". */
async function rateWithKeyboard(value) {
  await page.keyboard.press('Space'); // checks the first option, Strongly disagree
  if (value === 0) {
    await page.keyboard.press('ArrowLeft'); // wraps to the last option, Not sure
  }
  for (let i = 1; i < value; i += 1) {
    await page.keyboard.press('ArrowRight');
  }
}

describe('partnership readiness widget, built and served', () => {
  test('a keyboard-only walkthrough reaches the exact expected score', async () => {
    await tabUntil((a) => a.text === 'Start the check');
    await page.keyboard.press('Enter');

    // Statement s of principle p is rated ((p + s) % 5) + 1; the last principle
    // gets Strongly agree throughout. Principle scores: 25, 50, 75, 58.3, 41.7,
    // 25, 50, 75, 58.3, 100 → mean 55.8 → 56, Emerging.
    for (let p = 0; p < 10; p += 1) {
      assert.equal((await activeDescription()).focusHeading, true, `focus on the heading of step ${p + 1}`);
      await assert.doesNotReject(page.getByText(`Principle ${p + 1} of 10`).waitFor());
      for (let s = 0; s < 3; s += 1) {
        const active = await tabUntil((a) => a.type === 'radio');
        assert.match(active.legend, new RegExp(`^${s + 1}\\. `));
        await rateWithKeyboard(p === 9 ? 5 : ((p + s) % 5) + 1);
      }
      const forward = p === 9 ? 'Review answers' : 'Next';
      await tabUntil((a) => a.text === forward);
      await page.keyboard.press('Enter');
    }

    await assert.doesNotReject(heading().filter({ hasText: 'Review your answers' }).waitFor());
    assert.equal(await page.locator('.pr-review-summary').innerText(), 'Every statement is answered.');
    await tabUntil((a) => a.tag === 'input' && a.type === 'text');
    await page.keyboard.type('Northwind');
    await tabUntil((a) => a.text === 'See results');
    await page.keyboard.press('Enter');

    await assert.doesNotReject(heading().filter({ hasText: 'Your results: Northwind' }).waitFor());
    assert.equal((await activeDescription()).focusHeading, true);
    assert.equal(await page.getByTestId('overall-score').innerText(), '56');
    assert.equal(await page.getByTestId('band').innerText(), 'Emerging');
    assert.equal(await page.getByTestId('coverage').innerText(), 'Based on 30 of 30 statements (100%).');
  });

  test('a half-done draft survives a reload and resumes where it was left', async () => {
    await page.getByRole('button', { name: 'Start the check' }).click();
    await page.getByRole('group', { name: /^1\. / }).getByLabel('Agree', { exact: true }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('group', { name: /^2\. / }).getByLabel('Strongly disagree').check();
    await page.getByLabel('Note (optional)').fill('Culture workshop in March');

    await page.reload();
    await page.getByRole('button', { name: 'Continue where you left off' }).click();
    await assert.doesNotReject(heading().filter({ hasText: 'Aligned values and culture' }).waitFor());
    assert.equal(await page.getByRole('group', { name: /^2\. / }).getByLabel('Strongly disagree').isChecked(), true);
    assert.equal(await page.getByLabel('Note (optional)').inputValue(), 'Culture workshop in March');
    await page.getByRole('button', { name: 'Back' }).click();
    assert.equal(await page.getByRole('group', { name: /^1\. / }).getByLabel('Agree', { exact: true }).isChecked(), true);
  });

  test('a finished result is listed in the history after a reload', async () => {
    await page.getByRole('button', { name: 'Start the check' }).click();
    await page.getByRole('group', { name: /^1\. / }).getByLabel('Strongly agree').check();
    await page.getByRole('navigation', { name: 'Principles' }).getByRole('button', { name: 'Review your answers' }).click();
    await page.getByLabel('Label for this result (optional)').fill('Contoso');
    await page.getByRole('button', { name: 'See results' }).click();
    await assert.doesNotReject(page.getByTestId('overall-score').waitFor());

    await page.reload();
    const row = page.getByRole('row', { name: /Contoso/ });
    await assert.doesNotReject(row.waitFor());
    assert.match(await row.innerText(), /100 – Partnership-ready/);
    await row.getByRole('button', { name: 'Open Contoso' }).click();
    assert.equal(await page.getByTestId('overall-score').innerText(), '100');
  });

  test('on a phone, a long label and German words stay inside the widget, the saved list included', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const inside = async (scope, part, what) => {
      const [outer, inner] = await Promise.all([scope.locator('.pr-widget').boundingBox(), part.boundingBox()]);
      assert.ok(inner.x >= outer.x - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5, `${what}: ${JSON.stringify({ outer, inner })}`);
    };
    const sideways = (p) => p.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    const label = 'Kooperationsvereinbarungsverhandlungsteam-Nordrhein-Westfalen';
    const english = await phone.newPage();
    await english.goto(server.url);
    await finishCheck(english, label);
    await inside(english, english.getByRole('heading', { level: 2 }), 'the results heading');
    assert.equal(await sideways(english), false, 'the results scroll sideways');
    await english.getByRole('button', { name: 'Back to start' }).click();
    // Each saved result is a block of its own on a phone: its buttons in view, not off to the side.
    await inside(english, english.getByRole('button', { name: `Open ${label}` }), 'Open');
    await inside(english, english.getByRole('button', { name: `Delete ${label}` }), 'Delete');
    assert.equal(await sideways(english), false, 'the start screen scrolls sideways');
    assert.deepEqual(await axeViolations(english), [], 'axe on the saved list on a phone');

    const german = await phone.newPage();
    await german.goto(`${server.url}examples/german.html`);
    await finishCheck(german, 'Vertriebspartnerschaft');
    await inside(german, german.locator('.pr-score-table'), 'the score table');
    assert.equal(await sideways(german), false, 'the German results scroll sideways');
    await phone.close();
  });

  test('results print on at most two pages, without navigation or buttons', async () => {
    await page.getByRole('button', { name: 'Start the check' }).click();
    for (let p = 0; p < 10; p += 1) {
      for (let s = 0; s < 3; s += 1) {
        await page.getByRole('group', { name: new RegExp(`^${s + 1}\\. `) }).getByLabel('Agree', { exact: true }).check();
      }
      await page.getByLabel('Note (optional)').fill(`Discuss principle ${p + 1} with the partner's team.`);
      await page.getByRole('button', { name: p === 9 ? 'Review answers' : 'Next' }).click();
    }
    await page.getByRole('button', { name: 'See results' }).click();
    await page.getByTestId('overall-score').waitFor();

    await page.emulateMedia({ media: 'print' });
    for (const name of ['Back to start', 'Print results', 'Delete']) {
      assert.equal(await page.getByRole('button', { name, exact: true }).isVisible(), false, `${name} is hidden in print`);
    }
    assert.equal(await page.getByRole('status').isVisible(), false, 'status messages are hidden in print');
    assert.equal(await page.getByTestId('overall-score').isVisible(), true);

    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    assert.ok(pages.length >= 1 && pages.length <= 2, `printed on ${pages.length} pages`);
  });

  test('axe-core finds no violations on the start, question, review and results screens', async () => {
    const screens = {};
    screens.start = await axeViolations(page);

    await page.getByRole('button', { name: 'Start the check' }).click();
    await page.getByRole('group', { name: /^1\. / }).getByLabel('Neutral').check();
    screens.question = await axeViolations(page);

    await page.getByRole('navigation', { name: 'Principles' }).getByRole('button', { name: 'Review your answers' }).click();
    screens.review = await axeViolations(page);

    await page.getByRole('button', { name: 'See results' }).click();
    await page.getByTestId('overall-score').waitFor();
    screens.results = await axeViolations(page);

    await page.getByRole('button', { name: 'Back to start' }).click();
    screens.startWithHistory = await axeViolations(page);

    assert.deepEqual(screens, { start: [], question: [], review: [], results: [], startWithHistory: [] });
  });
});
