// End-to-end: the widget on other people's pages. The example host pages of
// examples/ (built into dist/examples/): hostile CSS, two widgets, an iframe on
// another origin, the strict Content-Security-Policy (zero violations), the
// request and cookie audit, German with no English left, a host's own
// questionnaire and a broken one, configuration warnings, events, and axe-core
// in light, dark and German. Against the built dist/ in headless Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  SHARE_WORDS, STRICT_POLICY, axeViolations, compareWith, copyShareLink, distDir, finishCheck, fragmentOf, launchBrowser, openProfile,
  pageWithMounts, policyOf, serveDist, watchErrors, watchPolicyViolations, widgetText,
} from './support.mjs';

let server;
let widgetServer;
let strangerServer;
let browser;
/** The one origin allowed to frame the widget server's pages (the iframe test's host page). */
let framingOrigin = null;

/**
 * Every page of the main server carries the strict policy as a header too
 * (framable by its own origin only); trusted-types.html also requires Trusted
 * Types for every script sink (innerHTML, eval and the like).
 */
const policyHeaders = (path) => (/\.html$|\/$/.test(path)
  ? {
    'content-security-policy': `${INDEX_PAGES.includes(path) ? INDEX_POLICY : STRICT_POLICY}; frame-ancestors 'self'${
      path === '/trusted-types.html' ? "; require-trusted-types-for 'script'" : ''}`,
  }
  : {});
/** The main server's pages that are dist/index.html. */
const INDEX_PAGES = ['/', '/index.html', '/trusted-types.html'];
/** dist/index.html's own policy, from its meta tag (the strict one and its inline parts' hashes). */
const INDEX_POLICY = policyOf(await readFile(join(distDir, 'index.html'), 'utf8'));

const BROKEN_QUESTIONNAIRE = JSON.stringify({
  id: 'broken', version: '1', locale: 'en', title: 'Broken', bands: [{ min: 0, max: 100, label: 'All', description: 'All.' }],
  principles: [{ id: 'only', title: 'Only', summary: 'One.', weight: 1, statements: [{ id: 'only.a', text: 'A' }, { id: 'only.b', text: 'B' }], recommendations: ['R1', 'R2'], questions: ['Q1', 'Q2', 'Q3'] }],
});

before(async () => {
  server = await serveDist(undefined, {
    '/broken.json': ['application/json', BROKEN_QUESTIONNAIRE],
    '/trusted-types.html': () => readFile(join(distDir, 'index.html'), 'utf8'),
    '/broken-questionnaire.html': () => pageWithMounts(['<div id="broken" data-partnership-readiness data-questionnaire="broken.json" data-storage-key="broken"></div>']),
    '/two-german.html': () => pageWithMounts([
      '<div id="first-de" data-partnership-readiness data-lang="de" data-storage-key="de-one"></div>',
      '<div id="second-de" data-partnership-readiness data-lang="de" data-storage-key="de-two"></div>',
    ]),
    '/foreign-questionnaire.html': () => pageWithMounts(['<div id="foreign" data-partnership-readiness data-questionnaire="https://example.com/q.json" data-storage-key="foreign"></div>']),
    '/misconfigured.html': () => pageWithMounts([
      '<div id="odd" data-partnership-readiness data-storage-key="odd" data-theme="blue" data-lang="fr" data-features="history chat" data-accent="#ffee00" data-heading="  "></div>',
    ]),
  }, { headers: policyHeaders });
  // The widget on another origin, for the iframe: embed.html may be framed by the host's origin only.
  widgetServer = await serveDist(undefined, {}, {
    headers: () => ({ 'content-security-policy': `${STRICT_POLICY}; frame-ancestors ${framingOrigin ?? "'none'"}` }),
  });
  strangerServer = await serveDist(undefined, {
    '/stranger.html': () => '<!doctype html><title>A stranger</title><script src="stranger.js"></script>',
    '/stranger.js': ['text/javascript', "parent.postMessage({ type: 'partnership-readiness:height', height: 5 }, '*');"],
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await Promise.all([server, widgetServer, strangerServer].map((s) => s?.close()));
});

/**
 * A page in a fresh context that counts Content-Security-Policy violations
 * (the policy is enforced: no bypass, so axe-core is not run in it).
 */
async function strictPage(path, options = {}) {
  const context = await browser.newContext({ bypassCSP: false, ...options });
  const violationsOf = await watchPolicyViolations(context);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url + path);
  const violations = () => violationsOf(page);
  return { context, page, errors, violations };
}

/** Records the widget's events on the mount point `selector`, in order. */
async function recordEvents(page, selector = '[data-partnership-readiness]') {
  await page.locator(selector).evaluate((host) => {
    window.__events = [];
    for (const name of ['started', 'step', 'completed', 'shared']) {
      host.addEventListener(`partnership-readiness:${name}`, (event) => window.__events.push({ name, detail: event.detail }));
    }
  });
  return () => page.evaluate(() => window.__events);
}

describe('a host page cannot break the widget, nor the widget the page', () => {
  test('with hostile CSS the widget looks as designed, completes and fires completed', async () => {
    const { context, page, errors, violations } = await strictPage('examples/hostile-css.html');
    const widget = page.locator('#readiness');
    await widget.locator('.pr-start .pr-button-primary').waitFor();
    const events = await recordEvents(page, '#readiness');
    const look = await widget.evaluate((host) => {
      const inside = host.shadowRoot.querySelector('.pr-start p');
      const button = host.shadowRoot.querySelector('.pr-start .pr-button-primary');
      const style = getComputedStyle(inside);
      return {
        font: style.fontSize, color: style.color, transform: style.textTransform, family: style.fontFamily,
        button: getComputedStyle(button).display, height: button.getBoundingClientRect().height,
      };
    });
    assert.equal(look.font, '16px', 'the host’s 30 px and root font size do not reach in');
    assert.notEqual(look.color, 'rgb(255, 0, 0)');
    assert.equal(look.transform, 'none');
    assert.match(look.family, /^system-ui/, 'the host’s serif font does not reach in');
    assert.notEqual(look.button, 'none', 'the host hides its buttons, not ours');
    assert.ok(look.height >= 24);
    // And the widget changes nothing outside it: the host's own styles still apply to the host.
    assert.equal(await page.locator('main > p > button').isVisible(), false);
    assert.equal(await page.locator('h1').evaluate((h) => getComputedStyle(h).color), 'rgb(255, 0, 0)');

    await finishCheck(widget, 'Hostile host');
    const bar = await widget.locator('svg.pr-bar').first().evaluate((svg) => getComputedStyle(svg).display);
    assert.notEqual(bar, 'none', 'the bars show although the host hides every svg');
    const completed = (await events()).filter((e) => e.name === 'completed');
    assert.equal(completed.length, 1);
    assert.equal(completed[0].detail.summary.label, 'Hostile host');
    assert.deepEqual(await violations(), []);
    errors.check();
    await context.close();
  });

  test('two widgets with different keys keep separate data and features', async () => {
    const { context, page, errors, violations } = await strictPage('examples/two-widgets.html');
    const ours = page.locator('#ours');
    const theirs = page.locator('#theirs');
    await finishCheck(ours, 'Us');
    await ours.getByRole('button', { name: 'Back to start' }).click();
    const stored = await page.evaluate(() => ({
      ours: localStorage.getItem('our-check:results'),
      theirs: localStorage.getItem('their-check:results'),
    }));
    assert.match(stored.ours, /"label":"Us"/);
    assert.equal(stored.theirs, null);
    assert.match(await widgetText(page, '#ours'), /Us/);
    assert.doesNotMatch(await widgetText(page, '#theirs'), /\bUs\b/);
    assert.equal(await theirs.getByRole('heading', { level: 2 }).innerText(), 'How ready is our partner?');
    // data-features="history": no import or backup there.
    assert.equal(await theirs.getByRole('button', { name: 'Import results' }).count(), 0);
    assert.equal(await ours.getByRole('button', { name: 'Import results' }).count(), 1);
    assert.deepEqual(await violations(), []);
    errors.check();
    // Both list saved results: no two landmarks of one name on the page. (Last:
    // axe's own inline styles break the page's policy.)
    assert.deepEqual(await axeViolations(page), [], 'axe with both widgets on their start screens');
    await context.close();
  });
});

describe('in an iframe on another origin', () => {
  /** A host page on the main server framing embed.html from the widget server. */
  function hostPage(origin, query = '') {
    const src = `${widgetServer.url}embed.html?storage-key=iframe-test&origin=${encodeURIComponent(origin)}${query}`;
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<script type="module" src="/host.js"></script></head><body><main><h1>Host</h1>
<iframe id="readiness-frame" title="Partnership readiness check" src="${src}"></iframe>
<iframe id="stranger" title="Someone else" src="${strangerServer.url}stranger.html"></iframe><p id="thanks" hidden>Thanks!</p></main></body></html>`;
  }

  test('it sizes itself, sends completed to the configured origin only, and foreign messages are ignored', async () => {
    let hostOrigin = null; // known once the host server listens
    const hostScript = (await readFile(join(distDir, 'examples/iframe-host.js'), 'utf8'))
      // The example sets its iframe's src itself; here the src is in the page, so record messages instead.
      .replace(/^const src = [^\n]*\n/m, "const src = new URL(frame.src);\n")
      .replace(/^src\.searchParams[^\n]*\n/m, '')
      .replace(/^frame\.src = src\.href;\n?/m, '')
      .replace("addEventListener('message', (event) => {", "window.received = [];\naddEventListener('message', (event) => {\n  window.received.push({ origin: event.origin, type: event.data?.type });");
    const pages = {
      '/host.html': () => hostPage(hostOrigin, '&configure&heading=Not%20the%20owner%27s%20words'),
      '/wrong-origin-host.html': () => hostPage('https://other.example'),
      '/host.js': ['text/javascript', hostScript],
    };
    const hostServer = await serveDist(undefined, pages, { headers: (path) => (path.endsWith('.html') ? { 'content-security-policy': `${STRICT_POLICY}; frame-src ${widgetServer.url} ${strangerServer.url}` } : {}) });
    hostOrigin = hostServer.url.replace(/\/$/, '');
    framingOrigin = hostOrigin;
    try {
      const context = await browser.newContext({ bypassCSP: false });
      const page = await context.newPage();
      const errors = watchErrors(page);
      const warnings = [];
      page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
      await page.goto(hostServer.url + 'host.html');
      const frame = page.frameLocator('#readiness-frame');
      await frame.locator('[data-partnership-readiness]').locator('.pr-start .pr-button-primary').waitFor();
      // Its heading is the one the host page sent, not the one in the iframe's address.
      assert.equal(
        await frame.locator('[data-partnership-readiness]').locator('.pr-start h2').innerText(),
        'How ready is your team for this partnership?',
      );
      // The iframe takes the height of its content (the stranger's fake 5 px is ignored).
      const fits = async () => {
        const outer = await page.locator('#readiness-frame').evaluate((f) => f.clientHeight); // inside the frame's border
        const inner = await frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
        return Math.abs(outer - inner) <= 1 && outer > 300 ? outer : null;
      };
      let startHeight = null;
      for (let i = 0; i < 50 && !startHeight; i += 1) {
        startHeight = await fits();
        if (!startHeight) await page.waitForTimeout(100);
      }
      assert.ok(startHeight, 'the iframe grew to its content');
      const widget = frame.locator('[data-partnership-readiness]');
      await finishCheck(widget, 'Framed');
      await page.waitForFunction(() => window.received.some((m) => m.type === 'partnership-readiness:completed'));
      const resultsHeight = await fits();
      assert.ok(resultsHeight && resultsHeight > startHeight, 'and grew again for the results');
      const received = await page.evaluate(() => window.received);
      assert.ok(received.some((m) => m.origin === strangerServer.url.replace(/\/$/, '')), 'the stranger did send');
      assert.ok(received.filter((m) => m.type?.startsWith('partnership-readiness:')).length >= 2);
      assert.ok(warnings.some((w) => w.includes('heading is not taken from the address')), warnings.join('\n'));
      errors.check();
      await context.close();

      // Configured for another origin, the iframe sends this page nothing.
      const other = await browser.newContext({ bypassCSP: false });
      const otherPage = await other.newPage();
      await otherPage.goto(hostServer.url + 'wrong-origin-host.html');
      await otherPage.frameLocator('#readiness-frame').locator('[data-partnership-readiness] .pr-start .pr-button-primary').waitFor();
      await otherPage.waitForTimeout(500);
      const fromWidget = await otherPage.evaluate((origin) => window.received.filter((m) => m.origin === origin), widgetServer.url.replace(/\/$/, ''));
      assert.deepEqual(fromWidget, []);
      await other.close();
    } finally {
      await hostServer.close();
    }
  });
});

describe('share links from an iframe', () => {
  test("open on the host's page around the iframe, which passes them on to the widget", async () => {
    const host = `${server.url}examples/iframe-host.html`;
    const sender = await openProfile(browser, server, 'examples/iframe-host.html');
    const frame = sender.page.frameLocator('#readiness-frame').locator('[data-partnership-readiness]');
    await finishCheck(frame, 'Framed');
    const link = await copyShareLink(frame, sender.page);
    assert.ok(link.startsWith(`${host}#pr1.`), `the link opens the host's page: ${link}`);

    const receiver = await openProfile(browser, server, `examples/iframe-host.html${fragmentOf(link)}`);
    const theirs = receiver.page.frameLocator('#readiness-frame').locator('[data-partnership-readiness]');
    await theirs.getByRole('heading', { name: 'Received: Framed (partner view)' }).waitFor();
    await theirs.getByRole('button', { name: 'Take the check yourself' }).waitFor();
    for (const { errors, context } of [sender, receiver]) {
      errors.check();
      await context.close();
    }
  });
});

describe('a strict Content-Security-Policy', () => {
  test("index.html's policy is the documented one plus the hashes of its inline boot script and styles", () => {
    const hash = / 'sha256-[A-Za-z0-9+/]{43}='/g;
    assert.equal(INDEX_POLICY.replace(hash, ''), STRICT_POLICY);
    // The page's styles and the widget's (in its first screen's template).
    assert.match(INDEX_POLICY, /script-src 'self' 'sha256-[^']+' 'wasm-unsafe-eval'; style-src 'self' 'sha256-[^']+' 'sha256-[^']+';/);
  });
  for (const path of ['', 'embed.html', 'examples/strict-csp.html', 'examples/inline.html', 'trusted-types.html']) {
    test(`${path || 'index.html'} starts, completes, shares and compares with zero violations`, async () => {
      const { context, page, errors, violations } = await strictPage(path, { permissions: ['clipboard-read', 'clipboard-write'] });
      const widget = page.locator('[data-partnership-readiness]').first();
      await finishCheck(widget, 'First');
      await widget.getByRole('button', { name: 'Back to start' }).click();
      await finishCheck(widget, 'Second', () => 2);
      // Sharing and comparing load the full build.
      await widget.getByRole('button', { name: 'Send to your partner' }).click();
      await widget.getByRole('button', { name: 'Copy link', exact: true }).click();
      await widget.getByText('The share link was copied to the clipboard.').waitFor();
      await widget.getByRole('button', { name: 'Back to the result' }).click();
      await widget.getByRole('button', { name: 'Compare', exact: true }).click();
      await widget.getByRole('button', { name: /^Compare with First/ }).click();
      await widget.getByRole('heading', { name: 'Comparison: Second and First' }).waitFor();
      assert.deepEqual(await violations(), []);
      errors.check();
      await context.close();
    });
  }
});

describe('from a sub-path of the host’s site', () => {
  test('the page, the full build, a language file and the iframe page find their files, under the strict policy', async () => {
    const prefix = '/tools/readiness/';
    const sub = await serveDist(undefined, {}, { prefix, headers: policyHeaders });
    const context = await browser.newContext({ bypassCSP: false, permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const page = await context.newPage();
      const errors = watchErrors(page);
      const failed = [];
      page.on('response', (response) => { if (response.status() >= 400) failed.push(response.url()); });
      page.on('requestfailed', (request) => failed.push(request.url()));
      await page.goto(sub.url);
      const widget = page.locator('[data-partnership-readiness]');
      await finishCheck(widget, 'Sub-path');
      await widget.getByRole('button', { name: 'Send to your partner' }).click();
      await widget.getByRole('button', { name: 'Copy link', exact: true }).click();
      await widget.getByText('The share link was copied to the clipboard.').waitFor();
      await page.goto(`${sub.url}examples/german.html`);
      await page.locator('[data-partnership-readiness]').getByRole('button', { name: 'Check starten' }).waitFor();
      // The German core build starts it; the full build (Import) reads the language files.
      await page.locator('[data-partnership-readiness]').getByRole('button', { name: 'Ergebnisse importieren' }).click();
      await page.locator('[data-partnership-readiness] .pr-import').waitFor();
      await page.goto(`${sub.url}embed.html?lang=de`);
      await page.locator('[data-partnership-readiness]').getByRole('button', { name: 'Check starten' }).waitFor();
      assert.deepEqual(failed, []);
      assert.ok(sub.requests.every((url) => url.startsWith(prefix)), 'nothing is fetched from the site root');
      assert.ok(sub.requests.some((url) => url.startsWith(`${prefix}i18n/de.json`)));
      errors.check();
    } finally {
      await context.close();
      await sub.close();
    }
  });
});

describe('privacy', () => {
  test('a walkthrough, a share and a comparison request only the widget’s own files and set no cookie', async () => {
    const { context, page, errors } = await strictPage('examples/inline.html', { permissions: ['clipboard-read', 'clipboard-write'] });
    const requested = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.reload();
    const widget = page.locator('#readiness');
    await finishCheck(widget, 'Audited');
    await widget.getByRole('button', { name: 'Send to your partner' }).click();
    await widget.getByRole('button', { name: 'Copy link', exact: true }).click();
    await widget.getByText('The share link was copied to the clipboard.').waitFor();
    await widget.getByRole('button', { name: 'Back to the result' }).click();
    await widget.getByRole('button', { name: 'Compare', exact: true }).click();
    await widget.getByRole('heading', { name: /^Compare Audited with/ }).waitFor();
    const foreign = requested.filter((url) => !url.startsWith(server.url));
    assert.deepEqual(foreign, [], 'nothing leaves the origin');
    const unknown = [];
    for (const url of requested) {
      const path = decodeURIComponent(new URL(url).pathname);
      const exists = await readFile(join(distDir, path.endsWith('/') ? `${path}index.html` : path)).then(() => true, () => false);
      if (!exists) unknown.push(path);
    }
    assert.deepEqual(unknown, [], 'only files of dist/');
    assert.deepEqual(await context.cookies(), []);
    assert.equal(await page.evaluate(() => document.cookie), '');
    errors.check();
    await context.close();
  });
});

describe('languages', () => {
  /** Every English text the widget could show, but those German writes the same. */
  async function englishTexts() {
    const en = JSON.parse(await readFile(join(distDir, 'i18n/en.json'), 'utf8'));
    const de = JSON.parse(await readFile(join(distDir, 'i18n/de.json'), 'utf8'));
    const enQ = JSON.parse(await readFile(join(distDir, 'data/questionnaire.en.json'), 'utf8'));
    const texts = [];
    for (const group of ['texts', 'full']) {
      for (const [section, key, value] of Object.entries(en[group]).flatMap(([s, texts]) => Object.entries(texts).map(([k, v]) => [s, k, v]))) {
        const german = [de[group][section][key]].flat();
        for (const text of [value].flat()) {
          // The literal parts of a template, where long enough to be telling.
          for (const part of text.split(/\{[a-z_]+\}/)) {
            if (part.trim().split(/\s+/).length >= 2 && !german.some((g) => g.includes(part.trim()))) texts.push(part.trim());
          }
        }
      }
    }
    for (const principle of enQ.principles) {
      texts.push(principle.title, principle.summary, ...principle.statements.map((s) => s.text), ...principle.recommendations, ...principle.questions);
    }
    return texts.filter((t) => t.split(/\s+/).length >= 2);
  }

  test('German shows no English, in every screen, and reads its dates in German', async () => {
    const { context, page, errors } = await strictPage('examples/german.html', { permissions: ['clipboard-read', 'clipboard-write'] });
    const english = await englishTexts();
    const widget = page.locator('[data-partnership-readiness]');
    const seen = [];
    const look = async (screen) => {
      const text = await widgetText(page);
      seen.push(screen);
      const left = english.filter((t) => text.includes(t));
      assert.deepEqual(left, [], `English left on the ${screen} screen`);
    };
    await widget.locator('.pr-start .pr-button-primary').waitFor();
    assert.equal(await widget.locator('.pr-widget').getAttribute('lang'), 'de');
    await look('start');
    await widget.locator('.pr-start .pr-button-primary').click();
    await widget.locator('fieldset').first().waitFor();
    await look('first step');
    await widget.locator('.pr-walkthrough nav li:last-child button').click();
    await widget.locator('.pr-review').waitFor();
    await look('review');
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await finishCheck(widget, 'Partner AG');
    await look('results');
    const months = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
    const now = new Date();
    assert.match(await widgetText(page), new RegExp(`${now.getDate()}\\. ${months[now.getMonth()]} ${now.getFullYear()}`));
    await widget.getByRole('button', { name: 'An Ihren Partner senden' }).click();
    await widget.getByRole('heading', { name: /Partner AG/ }).waitFor();
    await look('share');
    await widget.getByRole('button', { name: 'Zurück zum Ergebnis' }).click();
    await widget.getByRole('button', { name: 'Das Treffen vorbereiten' }).click();
    await widget.locator('.pr-agenda-items').waitFor();
    await look('agenda');
    await widget.getByRole('button', { name: 'Zurück zum Ergebnis' }).click();
    await widget.getByRole('button', { name: 'Vergleichen', exact: true }).click();
    await widget.locator('.pr-compare').waitFor();
    await look('compare');
    // The import screen, with its choice of whose result it is.
    await widget.getByRole('button', { name: 'Zurück zum Ergebnis' }).click();
    await widget.getByRole('button', { name: 'Zurück zum Start' }).click();
    await widget.getByRole('button', { name: 'Ergebnisse importieren' }).click();
    await widget.locator('.pr-import').waitFor();
    await look('import');
    errors.check();
    await context.close();
  });

  test('two German widgets start in the German core build, fetched once, and read the language file once for the full build', async () => {
    const { context, page, errors } = await strictPage('two-german.html');
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.reload();
    for (const id of ['#first-de', '#second-de']) {
      await page.locator(id).getByRole('button', { name: 'Check starten' }).waitFor();
    }
    assert.equal(requested.filter((path) => /^\/de-[0-9a-f]+\/.*_bg\.wasm$/.test(path)).length, 1, 'the German core build, once');
    assert.deepEqual(requested.filter((path) => path.startsWith('/full-') || path.startsWith('/i18n/')), [], 'nothing else on a first visit');
    for (const id of ['#first-de', '#second-de']) {
      await page.locator(id).getByRole('button', { name: 'Ergebnisse importieren' }).click();
      await page.locator(`${id} .pr-import`).waitFor();
    }
    assert.deepEqual(requested.filter((path) => path === '/i18n/de.json'), ['/i18n/de.json']);
    errors.check();
    await context.close();
  });

  test('a result answered in German opens and compares in English, and the other way round', async () => {
    const { context: german, page: dePage, errors } = await openProfile(browser, server, 'examples/german.html');
    const deWidget = dePage.locator('[data-partnership-readiness]');
    await finishCheck(deWidget, 'Auf Deutsch', (p) => (p % 5) + 1);
    const germanScores = await deWidget.locator('.pr-score-table .pr-score').allInnerTexts();
    const link = await copyShareLink(deWidget, dePage, { words: SHARE_WORDS.de });

    const { context: english, page: enPage, errors: enErrors } =
      await openProfile(browser, server, `examples/strict-csp.html${fragmentOf(link)}`);
    const enWidget = enPage.locator('[data-partnership-readiness]');
    // The link was made by another widget's key: it still opens here, in English.
    await enWidget.getByRole('heading', { name: 'Received: Auf Deutsch (partner view)' }).waitFor();
    assert.deepEqual(await enWidget.locator('.pr-score-table .pr-score').allInnerTexts(), germanScores);
    assert.doesNotMatch(await widgetText(enPage), /different version/);
    await enWidget.getByRole('button', { name: 'Save to my results' }).click();
    await enWidget.locator('.pr-results').getByRole('heading', { name: 'Received: Auf Deutsch (partner view)' }).waitFor();
    await enWidget.getByRole('button', { name: 'Back to start' }).click();
    await finishCheck(enWidget, 'In English', () => 3);
    await compareWith(enWidget, 'Auf Deutsch');
    await enWidget.getByRole('heading', { name: 'Comparison: In English and Auf Deutsch' }).waitFor();
    assert.doesNotMatch(await widgetText(enPage), /different versions of the questions/);
    errors.check();
    enErrors.check();
    await german.close();
    await english.close();
  });
});

describe('a host’s own questionnaire', () => {
  test('is asked, scored and carried with its content hash', async () => {
    const { context, page, errors } = await strictPage('examples/own-questionnaire.html');
    const widget = page.locator('[data-partnership-readiness]');
    const events = await recordEvents(page);
    const own = JSON.parse(await readFile(join(distDir, 'examples/own-questionnaire/supplier-readiness.json'), 'utf8'));
    await widget.locator('.pr-start .pr-button-primary').waitFor();
    assert.match(await widgetText(page), new RegExp(own.principles[0].title));
    await finishCheck(widget, 'Supplier A', () => 4);
    assert.equal(await widget.getByTestId('overall-score').innerText(), '75');
    const band = own.bands.find((b) => b.min <= 75 && 75 <= b.max).label;
    assert.equal(await widget.getByTestId('band').innerText(), band);
    const [completed] = (await events()).filter((e) => e.name === 'completed');
    assert.equal(completed.detail.document, undefined, 'a host hears the summary only, unless it asks for more');
    assert.deepEqual(completed.detail.summary.principles.map((p) => p.id), own.principles.map((p) => p.id));
    const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('northwind-supplier-check:results')));
    const { questionnaire } = stored.history[0];
    assert.equal(questionnaire.id, own.id);
    assert.match(questionnaire.hash, /^[0-9a-f]{16}$/, 'the hash computed in the browser is saved with the result');
    errors.check();
    await context.close();
  });

  test('an invalid or foreign one leaves the visitor a neutral message and the host the broken rule', async () => {
    for (const [path, reason, code] of [
      ['broken-questionnaire.html', /data-questionnaire="broken.json" cannot be used: rule broken: expected 10 principles, found 1; principle only has 2 statements, expected 3/, 'questionnaire-invalid'],
      ['foreign-questionnaire.html', /cannot be used: it is not on this page's origin/, 'questionnaire-other-origin'],
    ]) {
      const context = await browser.newContext();
      await context.addInitScript(() => document.addEventListener('partnership-readiness:error', (e) => {
        (window.widgetErrors ??= []).push({ detail: e.detail, on: e.target.matches('[data-partnership-readiness]') });
      }));
      const page = await context.newPage();
      const logged = [];
      page.on('console', (message) => message.type() === 'error' && logged.push(message.text()));
      await page.goto(server.url + path);
      const alert = page.locator('[data-partnership-readiness]').getByRole('alert');
      await alert.waitFor();
      assert.equal(await alert.innerText(), 'This check is not available at the moment.', 'no useless "Reload"');
      assert.ok(logged.some((text) => reason.test(text)), logged.join('\n'));
      const events = await page.evaluate(() => window.widgetErrors);
      assert.equal(events.length, 1);
      assert.equal(events[0].on, true, 'dispatched on the mount point');
      assert.equal(events[0].detail.reason, code);
      assert.match(events[0].detail.message, reason, 'the same sentence as the console');
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    }
  });
});

describe('configuration', () => {
  test('invalid values fall back, each with one warning naming its attribute', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const warnings = [];
    page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await page.goto(server.url + 'misconfigured.html');
    const widget = page.locator('#odd');
    await widget.locator('.pr-start .pr-button-primary').waitFor();
    for (const attribute of ['data-theme="blue"', 'data-lang="fr"', 'data-features="history chat"', 'data-accent="#ffee00"', 'data-heading="  "']) {
      assert.equal(warnings.filter((w) => w.includes(attribute)).length, 1, `${attribute} in ${warnings.join('\n')}`);
    }
    assert.equal(await widget.getByRole('heading', { level: 2 }).innerText(), 'How ready are you for this partnership?');
    await finishCheck(widget, 'Still works');
    errors.check();
    await context.close();
  });

  test('the widget announces started, each step, completed and shared', async () => {
    const { context, page, errors } = await strictPage('examples/inline.html', { permissions: ['clipboard-read', 'clipboard-write'] });
    const widget = page.locator('#readiness');
    await widget.locator('.pr-start .pr-button-primary').waitFor();
    const events = await recordEvents(page, '#readiness');
    await finishCheck(widget, 'Evented', () => 5);
    await widget.getByRole('button', { name: 'Send to your partner' }).click();
    await widget.getByRole('button', { name: 'Copy JSON' }).click();
    await widget.getByText('The JSON was copied to the clipboard.').waitFor();
    const all = await events();
    assert.deepEqual(all.map((e) => e.name), ['started', ...Array(11).fill('step'), 'completed', 'shared']);
    assert.deepEqual(all[0].detail, { resumed: false });
    assert.deepEqual(all[1].detail, { index: 0, total: 10, principle: { id: 'clear-objectives', title: 'Clear objectives' } });
    assert.deepEqual(all[11].detail, { index: 10, total: 10, principle: null });
    const { summary, document } = all[12].detail;
    assert.equal(summary.overall, 100);
    assert.equal(summary.label, 'Evented');
    assert.equal(summary.principles.length, 10);
    assert.equal(document.format, 'partnership-readiness/result');
    assert.equal(document.scores.overall, 100);
    // The share screen runs in the full build, which took over the same element.
    assert.deepEqual(all[13].detail, { id: summary.id, how: 'json' });
    assert.equal(await page.getByText('Thank you! Bring your result to the summit.').isVisible(), true, 'the host heard completed');
    errors.check();
    await context.close();
  });
});

describe('accessibility', () => {
  for (const [name, path, options] of [
    ['light', '', { colorScheme: 'light' }],
    ['dark', '', { colorScheme: 'dark' }],
    ['dark (data-theme)', 'examples/dark.html', { colorScheme: 'light' }],
    ['German', 'examples/german.html', {}],
  ]) {
    test(`axe-core finds no violations: ${name}`, async () => {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(server.url + path);
      const widget = page.locator('[data-partnership-readiness]');
      await widget.locator('.pr-start .pr-button-primary').waitFor();
      const screens = { start: await axeViolations(page) };
      await widget.locator('.pr-start .pr-button-primary').click();
      await widget.locator('fieldset').first().waitFor();
      screens.step = await axeViolations(page);
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await finishCheck(widget, 'Accessible');
      screens.results = await axeViolations(page);
      assert.deepEqual(screens, { start: [], step: [], results: [] });
      errors.check();
      await context.close();
    });
  }
});
