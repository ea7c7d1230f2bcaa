// End-to-end: dist/index.html's first screen. The page carries the widget's
// stylesheet and its start screen in a template (scripts/post-build.mjs), and
// the boot script shows them before the wasm is in (js/boot.js, FIRST_SCREEN).
// Here the wasm is held back, to look at that screen on its own: it must be
// the widget's own start screen, styled, accessible, and a click or the focus
// given to it must reach the widget once it is up. Where the widget would start
// on another screen (something stored, a link, another language), the page
// shows its placeholder instead, as before.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, launchBrowser, serveDist, storedResult, watchErrors, watchPolicyViolations } from './support.mjs';

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const WIDGET = '[data-partnership-readiness]';
const START = { name: 'Start the check', exact: true };

/**
 * A fresh profile on index.html whose wasm downloads wait until `release()`
 * (or fail, with `fail()`); `options` as for `browser.newContext`, `init` a
 * script run before the page's.
 */
async function openHeld({ init, url = '', policy = false, ...options } = {}) {
  const context = await browser.newContext({ ...(policy ? { bypassCSP: false } : {}), ...options });
  const violationsOf = policy ? await watchPolicyViolations(context) : null;
  if (init) await context.addInitScript(...(Array.isArray(init) ? init : [init]));
  let release;
  const held = new Promise((ok) => { release = ok; });
  await context.route('**/*_bg.wasm', async (route) => {
    (await held) === 'fail' ? await route.abort() : await route.continue();
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + url);
  return {
    context, page, errors, violationsOf,
    release: () => release('go'),
    fail: () => release('fail'),
    mounted: () => page.locator(`${WIDGET}[data-pr-mounted]`).waitFor(),
  };
}

/**
 * Resolves when the page is idle after two frames: by then the widget's first
 * effect has run (a task after its first frame), the idle read of stored results
 * it queues has had its turn, and the boot script's replay (a task after the
 * widget started) is done.
 */
const settled = (page) => page.evaluate(() => new Promise((ok) => {
  requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(() => ok())));
}));

/** The markup in the widget's container, without what only the running widget needs (see js/first-screen.html). */
const screenMarkup = (page, { running }) => page.locator(WIDGET).evaluate((host, running) => {
  const copy = host.shadowRoot.querySelector('[data-pr-root]').cloneNode(true);
  if (running) {
    copy.querySelector('.pr-status:empty')?.remove();
    for (const element of copy.querySelectorAll('*')) {
      for (const name of ['lang', 'id', 'aria-labelledby', 'tabindex', 'data-pr-focus', 'type']) element.removeAttribute(name);
    }
  }
  return copy.innerHTML;
}, running);

/** Where the start screen's parts are and how they look, to compare the page's screen with the widget's. */
const screenLayout = (page) => page.locator(WIDGET).evaluate((host) => {
  const root = host.shadowRoot;
  return ['.pr-widget', '.pr-heading', '.pr-button-primary', '.pr-history', '.pr-actions:last-child .pr-button'].map((selector) => {
    const element = root.querySelector(selector);
    const { x, y, width, height } = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return { selector, x, y, width, height, colour: style.color, background: style.backgroundColor, font: style.font };
  });
});

test('a first visit sees the start screen before the wasm is in: the widget\'s own, styled, accessible, under the page\'s policy', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 800 }]) {
    const { context, page, errors, violationsOf, release, mounted } = await openHeld({ viewport, policy: true });
    await page.getByRole('button', START).waitFor();
    assert.equal(await page.locator(WIDGET).getAttribute('data-pr-mounted'), null, 'the wasm is not in yet');
    assert.deepEqual(await violationsOf(page), [], 'the inline styles are allowed by the page\'s policy');
    const early = { markup: await screenMarkup(page, { running: false }), layout: await screenLayout(page) };
    const primary = early.layout.find((part) => part.selector === '.pr-button-primary');
    assert.notEqual(primary.background, 'rgba(0, 0, 0, 0)', 'styled: the start button has its colour');
    await page.screenshot({ path: `/tmp/first-screen-${viewport.width}.png` });

    release();
    await mounted();
    // The stored results are read when the browser is idle after the first frame: waited for.
    await settled(page);
    assert.equal(await screenMarkup(page, { running: true }), early.markup, 'the page\'s screen is the one the widget renders');
    assert.deepEqual(await screenLayout(page), early.layout, 'and it looks and sits the same: nothing moves when the widget takes over');
    assert.deepEqual(await violationsOf(page), []);
    errors.check();
    await context.close();
  }
});

test('the early start screen has no accessibility violations', async () => {
  const { context, page, errors, release, mounted } = await openHeld();
  await page.getByRole('button', START).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  release();
  await mounted();
  errors.check();
  await context.close();
});

test('a click on "Start the check" before the wasm is in starts the check once it is', async () => {
  const { context, page, errors, release } = await openHeld();
  const started = page.locator(WIDGET).evaluate((host) => new Promise((ok) => {
    host.addEventListener('partnership-readiness:started', (event) => ok(event.detail), { once: true });
  }));
  await page.getByRole('button', START).click();
  assert.equal(await page.getByRole('button', START).isDisabled(), true, 'the button shows the click is on its way');
  // Another button clicked meanwhile: the last click counts.
  await page.getByRole('button', { name: 'Teams', exact: true }).click();
  assert.equal(await page.getByRole('button', START).isDisabled(), false, 'one button waits at a time');
  await page.getByRole('button', START).click();
  release();
  await page.getByRole('heading', { name: 'Clear objectives' }).waitFor();
  assert.equal(await page.locator(WIDGET).getAttribute('data-pr-screen'), 'step');
  assert.deepEqual(await started, { resumed: false }, 'the host hears of the start, as after any click');
  errors.check();
  await context.close();
});

test('a button focused before the wasm is in keeps the focus, and the click is done once only', async () => {
  const { context, page, errors, release, mounted } = await openHeld();
  await page.getByRole('button', START).waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const focusedWords = () => page.locator(WIDGET).evaluate((host) => host.shadowRoot.activeElement?.textContent ?? null);
  assert.equal(await focusedWords(), 'Import results', 'Tab reached the second button of the early screen');
  release();
  await mounted();
  await settled(page);
  assert.equal(await focusedWords(), 'Import results', 'the widget\'s own button has the focus');
  assert.equal(await page.locator(WIDGET).getAttribute('data-pr-screen'), 'start', 'focusing clicked nothing');
  // Once the widget is up, a click is the widget's own, not kept for later.
  await page.getByRole('button', START).click();
  await page.getByRole('heading', { name: 'Clear objectives' }).waitFor();
  await settled(page);
  assert.equal(await page.locator(WIDGET).getAttribute('data-pr-screen'), 'step');
  assert.equal(await page.getByRole('heading', { name: 'Clear objectives' }).count(), 1, 'on the first principle still');
  errors.check();
  await context.close();
});

test('a click on the widget\'s own screen, before the early clicks are replayed, is the widget\'s alone', async () => {
  const { context, page, errors, release } = await openHeld();
  await page.getByRole('button', START).waitFor();
  // As soon as the widget's own start screen replaces the early one (a microtask
  // after its render, before the replay's task), its Start is clicked.
  await page.locator(WIDGET).evaluate((host) => {
    const container = host.shadowRoot.querySelector('[data-pr-root]');
    const early = container.firstElementChild;
    window.clickedLive = new Promise((ok) => {
      new MutationObserver((_, observer) => {
        const start = !early.isConnected && container.querySelector('.pr-start .pr-button-primary');
        if (!start) return;
        observer.disconnect();
        start.click();
        ok({ disabled: start.disabled });
      }).observe(container, { childList: true, subtree: true });
    });
  });
  release();
  const clicked = page.evaluate(() => window.clickedLive);
  assert.deepEqual(await clicked, { disabled: false }, 'the widget\'s button is not held as an early click');
  await page.getByRole('heading', { name: 'Clear objectives' }).waitFor();
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('heading', { name: 'Aligned values and culture' }).waitFor();
  errors.check();
  await context.close();
});

test('where the widget would start elsewhere, the page shows its placeholder, not the start screen', async () => {
  const draft = { version: 2, draft: { label: '', step: 2, responses: { answers: { 'clear-objectives.goals': 4 } } } };
  const cases = [
    ['a check in progress', { init: (stored) => localStorage.setItem('partnership-readiness', JSON.stringify(stored)), arg: draft }, 'Continue where you left off'],
    ['saved results', {
      init: (stored) => localStorage.setItem('partnership-readiness:results', JSON.stringify(stored)),
      arg: { version: 2, history: [storedResult({ id: 1, label: 'Earlier' })] },
    }, 'Start the check'],
    ['a German browser', { locale: 'de-DE' }, 'Check starten'],
  ];
  for (const [name, { init, arg, ...options }, button] of cases) {
    const { context, page, errors, release, mounted } = await openHeld({
      ...options,
      init: init ? [init, arg] : undefined,
    });
    await page.waitForFunction((selector) => document.querySelector(selector)?.shadowRoot?.querySelector('slot'), WIDGET);
    assert.equal(await page.getByRole('button').count(), 0, `${name}: no button before the widget is up`);
    assert.match(await page.locator('.page-loading').innerText(), /Loading/, `${name}: the page's placeholder shows`);
    release();
    await mounted();
    await page.getByRole('button', { name: button }).first().waitFor();
    errors.check();
    await context.close();
  }
});

test('with a share link in the address the partner build opens it, with no start screen first', async () => {
  const { context, page, release, mounted } = await openHeld({ url: '#pr1.AAAA' });
  await page.waitForFunction((selector) => document.querySelector(selector)?.shadowRoot?.querySelector('slot'), WIDGET);
  assert.equal(await page.getByRole('button', START).count(), 0);
  release();
  await mounted();
  await context.close();
});

test('if the wasm cannot be had, the start screen goes and the page\'s placeholder is back', async () => {
  const { context, page, fail } = await openHeld();
  await page.getByRole('button', START).waitFor();
  await page.getByRole('button', START).click();
  fail();
  await page.waitForFunction((selector) => document.querySelector(selector).shadowRoot.querySelector('slot'), WIDGET);
  assert.equal(await page.getByRole('button', START).count(), 0, 'no button that cannot work');
  assert.match(await page.locator('.page-loading').innerText(), /Loading/);
  await context.close();
});
