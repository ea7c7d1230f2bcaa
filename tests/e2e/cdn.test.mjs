// End-to-end: the widget served from another origin, as from a CDN (EMBEDDING.md,
// "Serving the widget from a CDN or another origin"). dist/ on one loopback
// origin (127.0.0.1, sending Access-Control-Allow-Origin for the host), the host
// page on another (localhost) under the strict policy naming the CDN's origin:
// the widget starts styled, a check is finished, the full build and its styles
// come from the CDN for the share screen, German reads its data files from the
// CDN, a share link in the host page's address opens, with no console error and
// no policy violation. And the documented failure: a CDN without the CORS
// header leaves the host's placeholder and the page working.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  copyShareLink, distDir, finishCheck, fragmentOf, launchBrowser, serveDist, watchErrors, watchPolicyViolations, widgetText,
} from './support.mjs';

let cdn; // dist/ with the CORS header
let bareCdn; // dist/ without it
let host; // the host's pages, on another origin
let browser;
/** The host page's origin, known once its server listens (the CDN names it in its CORS header). */
let hostOrigin = null;

/** A server's address on the host name `name` (the servers listen on 127.0.0.1). */
const on = (server, name) => server.url.replace('127.0.0.1', name);
const originOf = (url) => new URL(url).origin;

/** The strict policy of EMBEDDING.md with the widget's origin added where it loads from. */
const policyFor = (widgetOrigin) => `default-src 'self'; script-src 'self' ${widgetOrigin} 'wasm-unsafe-eval'; `
  + `style-src 'self' ${widgetOrigin}; img-src 'self' data:; connect-src 'self' ${widgetOrigin}; `
  + "object-src 'none'; form-action 'none'; base-uri 'none'";

/**
 * A host page loading the widget from `base` (a CDN's address of dist/), with the
 * stylesheet's preload hint of dist/embed.html copied (index.html carries the stylesheet inline) and the boot script's tag pinned by its
 * hash, as EMBEDDING.md says, and `mount` as its widget.
 */
async function hostPage(base, mount) {
  const index = await readFile(join(distDir, 'embed.html'), 'utf8');
  const boot = `sha384-${createHash('sha384').update(await readFile(join(distDir, 'pr-boot.js'))).digest('base64')}`;
  const hints = (index.match(/<link rel="(?:modulepreload|preload)"[^>]*>/g) ?? [])
    .map((tag) => tag.replace('href="./', `href="${base}`))
    // Cross-origin, the stylesheet's preload needs crossorigin to be the request the boot script makes.
    .map((tag) => (/as="style"/.test(tag) ? tag.replace('>', ' crossorigin>') : tag));
  assert.equal(hints.length, 1, 'dist/embed.html has its one preload hint, the stylesheet\'s');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
${hints.join('\n')}
<script type="module" src="${base}pr-boot.js" integrity="${boot}" crossorigin></script></head>
<body><main><h1>Host page</h1><p id="own">The host's own content.</p>
${mount}</main></body></html>`;
}

const MOUNT = '<div id="readiness" data-partnership-readiness data-storage-key="cdn-check" data-accent="#1d4ed8"><p>Loading the check…</p></div>';
const GERMAN = '<div id="readiness" data-partnership-readiness data-storage-key="cdn-de" data-lang="de"><p>Loading the check…</p></div>';

before(async () => {
  cdn = await serveDist(undefined, {}, { headers: () => ({ 'access-control-allow-origin': hostOrigin }) });
  bareCdn = await serveDist();
  host = await serveDist(undefined, {
    '/page.html': () => hostPage(cdn.url, MOUNT),
    '/german.html': () => hostPage(cdn.url, GERMAN),
    '/no-cors.html': () => hostPage(bareCdn.url, MOUNT),
  }, {
    headers: (path) => (path.endsWith('.html') ? { 'content-security-policy': policyFor(originOf(path === '/no-cors.html' ? bareCdn.url : cdn.url)) } : {}),
  });
  hostOrigin = originOf(on(host, 'localhost'));
  assert.notEqual(hostOrigin, originOf(cdn.url));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await Promise.all([cdn, bareCdn, host].map((s) => s?.close()));
});

/**
 * A fresh profile under the page's policy (enforced) with `path` of the host open,
 * counting policy violations, console errors and warnings, and where each request went.
 */
async function hostProfile(path) {
  const context = await browser.newContext({ bypassCSP: false, permissions: ['clipboard-read', 'clipboard-write'] });
  const violationsOf = await watchPolicyViolations(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  const requested = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto(on(host, 'localhost') + path);
  return { context, page, errors, warnings, requested, violations: () => violationsOf(page) };
}

/** Whether every stylesheet in the widget's shadow root loaded (one refused by SRI or CORS has no sheet). */
const sheets = (widget) => widget.evaluate((element) => [...element.shadowRoot.querySelectorAll('link[rel=stylesheet]')]
  .map((link) => ({ href: link.href.replace(/^.*\//, ''), loaded: link.sheet !== null })));

describe('served from another origin (a CDN)', () => {
  test('starts styled, finishes a check, loads the full build from the CDN and shares a link to the host page', async () => {
    const { context, page, errors, warnings, requested, violations } = await hostProfile('page.html');
    const widget = page.locator('#readiness');
    await widget.locator('.pr-start .pr-button-primary').waitFor();
    assert.ok(await widget.evaluate((element) => element.shadowRoot !== null), 'in its shadow root');
    assert.deepEqual((await sheets(widget)).filter((s) => !s.loaded), [], 'its stylesheet passed SRI from the CDN');
    assert.equal(
      await widget.locator('.pr-start .pr-button-primary').evaluate((b) => getComputedStyle(b).backgroundColor),
      'rgb(29, 78, 216)', 'styled, with the accent (pr-accent.js from the CDN)',
    );
    await finishCheck(widget, 'Over the CDN');
    assert.ok(!requested.some((url) => url.includes('/full-')), 'the first load is the core build');

    // The share screen is the full build's: its JS, wasm, snippet and stylesheet come from the CDN.
    const link = await copyShareLink(widget, page);
    assert.equal(await widget.getAttribute('data-pr-screen'), 'share');
    const full = requested.filter((url) => url.includes('/full-'));
    assert.ok(full.some((url) => url.endsWith('_bg.wasm')) && full.some((url) => url.endsWith('/share.js')), full.join('\n'));
    assert.ok(full.every((url) => url.startsWith(cdn.url)), 'from the CDN');
    const loaded = await sheets(widget);
    assert.equal(loaded.length, 2, 'the full build’s stylesheet was added');
    assert.deepEqual(loaded.filter((s) => !s.loaded), []);
    // Everything but the page itself came from the CDN, and the link opens the host's page.
    assert.deepEqual(requested.filter((url) => !url.startsWith(cdn.url)), [`${hostOrigin}/page.html`]);
    assert.ok(link.startsWith(`${hostOrigin}/page.html#pr1.`), link);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), [], 'the copied preload hints are used');
    errors.check();
    await context.close();

    // A partner opens the link: the host's page, the full build from the CDN at once.
    const partner = await hostProfile(`page.html${fragmentOf(link)}`);
    const theirs = partner.page.locator('#readiness');
    await theirs.getByRole('heading', { name: 'Received: Over the CDN (partner view)' }).waitFor();
    assert.deepEqual(await partner.violations(), []);
    partner.errors.check();
    await partner.context.close();
  });

  test('German starts in its own core build from the CDN, and reads its language files there for the full build', async () => {
    const { context, page, errors, requested, violations } = await hostProfile('german.html');
    const widget = page.locator('#readiness');
    await widget.getByRole('button', { name: 'Check starten' }).waitFor();
    assert.ok(requested.some((url) => url.startsWith(`${cdn.url}de-`) && url.endsWith('_bg.wasm')), 'the German core build from the CDN');
    assert.equal(await widget.locator('.pr-widget').getAttribute('lang'), 'de');
    // The full build (Import) reads German from the CDN's language files.
    await widget.getByRole('button', { name: 'Ergebnisse importieren' }).click();
    await widget.getByRole('heading', { name: 'Ergebnisse importieren' }).waitFor();
    for (const file of ['i18n/de.json', 'data/questionnaire.de.json']) {
      assert.ok(requested.includes(`${cdn.url}${file}`), `${file} from the CDN`);
    }
    assert.deepEqual((await sheets(widget)).filter((s) => !s.loaded), []);
    assert.deepEqual(await violations(), []);
    errors.check();
    await context.close();
  });

  test('without the CORS header the widget does not start, and the host page is untouched', async () => {
    const { context, page, errors, violations } = await hostProfile('no-cors.html');
    // Module scripts from another origin need CORS: the browser refuses pr-boot.js itself.
    await page.waitForLoadState('networkidle');
    const widget = page.locator('#readiness');
    assert.equal(await widget.evaluate((element) => element.shadowRoot), null, 'nothing of the widget ran');
    assert.equal(await widget.innerText(), 'Loading the check…', 'the host’s placeholder stays');
    assert.equal(await page.locator('#own').isVisible(), true);
    assert.equal(await page.evaluate(() => typeof window.partnershipReadiness), 'undefined');
    assert.deepEqual(await violations(), [], 'not a policy matter');
    assert.ok(!errors.errors.some((e) => e.startsWith('page error')), errors.errors.join('\n'));
    assert.ok(errors.errors.some((e) => /pr-boot\.js.*CORS|CORS.*pr-boot\.js/.test(e)), `the console names the cause:\n${errors.errors.join('\n')}`);
    assert.doesNotMatch(await widgetText(page, '#readiness').catch(() => ''), /How ready/);
    await context.close();
  });
});
