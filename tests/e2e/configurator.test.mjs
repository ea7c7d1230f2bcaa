// End-to-end: examples/configurator.html, the page where a site owner tries the
// attributes and copies a snippet. The live widget follows the choices; each
// snippet, pasted into a fresh host page, starts the widget as configured
// (inline and in an iframe); a refused storage key is explained next to its
// field; axe-core finds nothing at desktop and phone widths; and under the
// strict Content-Security-Policy there are no violations and no console errors.
// Against the built dist/ (or PR_DIST) in headless Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, launchBrowser, serveDist, watchErrors, watchPolicyViolations, widgetText } from './support.mjs';

let server;
let browser;
/** What the test writes into the host pages, from the snippets it copied. */
const hosts = { inline: '', iframe: '' };
const hostPage = (snippet) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A host</title>
<link rel="icon" href="data:,"></head><body><main><h1>A host</h1>
${snippet}
</main></body></html>`;

before(async () => {
  server = await serveDist(undefined, {
    '/inline-host.html': () => hostPage(hosts.inline),
    '/iframe-host.html': () => hostPage(hosts.iframe),
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const HEADING = 'Wie bereit ist Ihre Organisation für Acme? <&> "Test"';

/**
 * The configurator in a fresh profile allowed the clipboard; the policy is
 * enforced (no bypass) unless `axe`, and violations and errors are counted.
 */
async function openConfigurator({ viewport = { width: 1280, height: 900 }, axe = false } = {}) {
  const context = await browser.newContext({
    bypassCSP: axe, viewport, permissions: ['clipboard-read', 'clipboard-write'],
  });
  const violationsOf = await watchPolicyViolations(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${server.url}examples/configurator.html`);
  await page.locator('#preview .pr-start .pr-button-primary').waitFor();
  return { context, page, errors, violations: () => violationsOf(page) };
}

/** Waits until the preview is a widget whose heading is `heading`. */
async function previewShows(page, heading) {
  await page.locator('#preview .pr-start h2').filter({ hasText: heading }).waitFor();
}

describe('the configurator', () => {
  test('the choices show in the live widget and its snippets start the widget as configured', async () => {
    const { context, page, errors, violations } = await openConfigurator();
    await page.getByLabel('German', { exact: true }).check();
    await page.getByLabel('Dark', { exact: true }).check();
    await page.getByLabel(/^Heading of the start screen/).fill(HEADING);
    await page.getByRole('checkbox', { name: /^Share:/ }).uncheck();
    await page.getByLabel(/^Storage key/).fill('acme-check');
    // The preview restarts a moment after the changes (maybe more than once, as they came): wait for the last.
    await page.waitForFunction(() => document.getElementById('preview').dataset.storageKey === 'acme-check');
    await previewShows(page, HEADING);
    const preview = page.locator('#preview');
    await preview.locator('.pr-start .pr-button-primary').filter({ hasText: 'Check starten' }).waitFor();
    assert.match(await widgetText(page, '#preview'), /Ihre Antworten und Ergebnisse bleiben ausschließlich in diesem Browser/);
    const attributes = await preview.evaluate((element) => ({
      lang: element.dataset.lang, theme: element.dataset.theme, heading: element.dataset.heading,
      features: element.dataset.features, key: element.dataset.storageKey, accent: element.dataset.accent,
    }));
    assert.deepEqual(attributes, {
      lang: 'de', theme: 'dark', heading: HEADING, features: 'history compare agenda', key: 'acme-check', accent: undefined,
    });
    assert.equal(await preview.getByRole('button', { name: 'Ergebnisse importieren' }).count(), 0, 'share is off');

    // The inline snippet, as copied.
    await page.getByRole('button', { name: 'Copy the inline snippet' }).click();
    await page.locator('#copy-status').filter({ hasText: 'Copied the inline snippet.' }).waitFor();
    const inline = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(inline, await page.locator('#inline-snippet').inputValue());
    assert.ok(inline.includes(`<script type="module" src="${server.url}pr-boot.js"></script>`), inline);
    assert.ok(inline.includes('data-heading="Wie bereit ist Ihre Organisation für Acme? &lt;&amp;&gt; &quot;Test&quot;"'), inline);
    assert.doesNotMatch(inline, /data-(accent|label-prompt)=/, 'only what differs from the defaults');

    // The iframe snippet, as copied.
    await page.getByRole('button', { name: 'Copy the iframe snippet' }).click();
    await page.locator('#copy-status').filter({ hasText: 'Copied the iframe snippet.' }).waitFor();
    const iframe = await page.evaluate(() => navigator.clipboard.readText());
    const src = new URL(iframe.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&'));
    assert.equal(src.href.split('?')[0], `${server.url}embed.html`);
    assert.equal(src.searchParams.get('origin'), server.url.replace(/\/$/, ''));
    assert.equal(src.searchParams.get('lang'), 'de');
    assert.equal(src.searchParams.get('theme'), 'dark');
    assert.equal(src.searchParams.get('storage-key'), 'acme-check');
    assert.equal(src.searchParams.get('features'), 'history compare agenda');
    assert.ok(src.searchParams.has('configure'));
    assert.equal(src.searchParams.has('heading'), false, 'texts come from the host page, not the address');
    assert.match(iframe, /allow="clipboard-write"/);
    assert.match(iframe, /title="Partnership readiness check"/);
    assert.deepEqual(await violations(), []);
    errors.check();
    await context.close();

    // Pasted into a fresh host page, the inline snippet starts the widget as configured.
    hosts.inline = inline;
    const host = await browser.newContext();
    const hostTab = await host.newPage();
    const hostErrors = watchErrors(hostTab);
    await hostTab.goto(`${server.url}inline-host.html`);
    const widget = hostTab.locator('[data-partnership-readiness]');
    await widget.locator('.pr-start h2').filter({ hasText: HEADING }).waitFor();
    await widget.locator('.pr-start .pr-button-primary').filter({ hasText: 'Check starten' }).waitFor();
    assert.equal(await widget.getAttribute('data-theme'), 'dark');
    assert.equal(await widget.getByRole('button', { name: 'Ergebnisse importieren' }).count(), 0);
    assert.equal(await widget.getByRole('button', { name: 'Teams' }).count(), 0);
    hostErrors.check();

    // And the iframe snippet, in its own fresh host page: the widget starts, German, with the heading sent.
    hosts.iframe = iframe;
    await hostTab.goto(`${server.url}iframe-host.html`);
    const framed = hostTab.frameLocator('#readiness-frame').locator('[data-partnership-readiness]');
    await framed.locator('.pr-start h2').filter({ hasText: HEADING }).waitFor();
    await framed.locator('.pr-start .pr-button-primary').filter({ hasText: 'Check starten' }).waitFor();
    assert.equal(await framed.getAttribute('data-theme'), 'dark');
    assert.equal(await framed.getAttribute('data-storage-key'), 'acme-check');
    assert.equal(await framed.getByRole('button', { name: 'Ergebnisse importieren' }).count(), 0);
    // The host script sizes the iframe to its content.
    await hostTab.waitForFunction(() => document.getElementById('readiness-frame').style.height !== '');
    hostErrors.check();
    await host.close();
  });

  test('a storage key that would reach another widget\'s data is refused next to its field', async () => {
    const { context, page, errors, violations } = await openConfigurator();
    const field = page.getByLabel(/^Storage key/);
    for (const key of ['acme:results', 'acme:teams', 'acme:set-aside', 'acme:backup:1']) {
      await field.fill(key);
      await page.locator('#storage-key-note').filter({ hasText: /is refused: it would reach another widget's data/ }).waitFor();
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.doesNotMatch(await page.locator('#inline-snippet').inputValue(), /data-storage-key/);
      assert.doesNotMatch(await page.locator('#iframe-snippet').inputValue(), /storage-key=/);
    }
    await field.fill('acme');
    assert.equal(await page.locator('#storage-key-note').innerText(), '');
    assert.equal(await field.getAttribute('aria-invalid'), null);
    assert.match(await page.locator('#inline-snippet').inputValue(), /data-storage-key="acme"/);
    // The preview keeps the default key while the typed one is refused, then takes the good one.
    await page.waitForFunction(() => document.getElementById('preview').dataset.storageKey === 'acme');
    await page.locator('#preview .pr-start .pr-button-primary').waitFor();
    assert.deepEqual(await violations(), []);
    errors.check();
    await context.close();
  });

  test('a refused clipboard leaves the snippet selected, and says so', async () => {
    const context = await browser.newContext({ bypassCSP: false });
    const page = await context.newPage();
    await page.goto(`${server.url}examples/configurator.html`);
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    });
    await page.getByRole('button', { name: 'Copy the inline snippet' }).click();
    await page.locator('#copy-status').filter({ hasText: /is selected, press Ctrl\+C/ }).waitFor();
    const selection = await page.evaluate(() => {
      const area = document.getElementById('inline-snippet');
      return document.activeElement === area && area.selectionStart === 0 && area.selectionEnd === area.value.length;
    });
    assert.ok(selection, 'the whole snippet is selected');
    await context.close();
  });

  for (const [name, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    test(`axe-core finds no violations and nothing overflows (${name})`, async () => {
      const { context, page, errors } = await openConfigurator({ viewport, axe: true });
      await page.getByLabel('This colour:').check();
      await page.getByLabel(/^Storage key/).fill('acme:results');
      await page.locator('#storage-key-note').filter({ hasText: /refused/ }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the ${name} viewport`);
      await page.getByLabel('Dark', { exact: true }).check();
      await page.getByLabel('German', { exact: true }).check();
      await page.waitForFunction(() => document.getElementById('preview').dataset.lang === 'de');
      await page.locator('#preview .pr-start .pr-button-primary').filter({ hasText: 'Check starten' }).waitFor();
      assert.deepEqual(await axeViolations(page), []);
      errors.check();
      await context.close();
    });
  }
});
