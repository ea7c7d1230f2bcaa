// Shared by the end-to-end tests and the benchmark: serve dist/ on loopback,
// launch Debian's headless Chromium through playwright-core, run axe-core.
import { createServer } from 'node:http';
import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** The built site the tests drive: `dist/`, or another build's (`PR_DIST`), to compare. */
export const distDir = process.env.PR_DIST ?? join(repoRoot, 'dist');

const TYPES = {
  '.mjs': 'text/javascript; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root` (default dist/) on a free loopback port; resolves to { url, close, requests }.
 * `pages` maps extra paths to a function making HTML (see `pageWithMounts`), or to
 * `[content type, body]`; `headers(path)` adds response headers (a policy, say);
 * `prefix` serves it all from a sub-path (`/tools/readiness/`), as a host's site might;
 * `redirects` maps paths to the address they redirect to (302), `proxies` to one
 * whose body they pass on as it arrives (no declared length).
 */
export async function serveDist(root = distDir, pages = {}, { headers = () => ({}), prefix = '/', redirects = {}, proxies = {} } = {}) {
  await stat(join(root, 'index.html')).catch(() => {
    throw new Error(`${root}/index.html is missing: run \`trunk build --release\` first`);
  });
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const fullPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    // Served from a sub-path (`prefix`), everything outside it does not exist.
    if (!fullPath.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    const path = `/${fullPath.slice(prefix.length)}`;
    if (redirects[path]) {
      res.writeHead(302, { location: redirects[path] }).end();
      return;
    }
    if (proxies[path]) {
      const upstream = await fetch(proxies[path]);
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream' });
      try {
        for await (const chunk of upstream.body) {
          if (!res.write(chunk)) await new Promise((ok) => res.once('drain', ok));
          if (res.destroyed) break;
        }
      } catch {
        // The reader went away.
      }
      res.end();
      return;
    }
    if (path === AXE_PATH) {
      res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' });
      res.end(await readFile(join(repoRoot, 'node_modules/axe-core/axe.min.js')));
      return;
    }
    if (pages[path]) {
      const [type, body] = typeof pages[path] === 'function' ? [TYPES['.html'], null] : pages[path];
      if (body !== null) {
        res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...headers(path) });
        res.end(body);
        return;
      }
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store', ...headers(path) });
      res.end(await pages[path]());
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      // As static hosts do: the length is declared (the widget's size limits rely on it or read piece by piece).
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': body.length, 'cache-control': 'no-store', ...headers(path),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    // Open connections (keep-alive, a body still streaming) go too, so closing never waits on a browser.
    close: () => new Promise((ok) => { server.closeAllConnections(); server.close(ok); }),
  };
}

/**
 * Debian's Chromium, headless, with the flags this machine needs. Its contexts
 * bypass the pages' Content-Security-Policy unless a test asks otherwise
 * (`bypassCSP: false`): axe-core sets inline styles while it measures colour
 * contrast, which a strict policy (rightly) refuses. The policy itself is tested
 * without axe (embedding.test.mjs), counting every violation.
 */
export async function launchBrowser() {
  const browser = await launch();
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options = {}) => newContext({ bypassCSP: true, ...options });
  return browser;
}

function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Where the test server serves axe-core: from the page's own origin, as its policy allows. */
const AXE_PATH = '/__tests__/axe.min.js';

/** Runs axe-core on the page (WCAG 2.x A/AA and best practices); returns the violations. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ url: new URL(AXE_PATH, page.url()).href });
  }
  const results = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A host page made from dist/index.html: its widget replaced by the given mount points (HTML strings). */
export async function pageWithMounts(mounts) {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const replaced = html.replace(/<div class="?page-widget"?[^>]*>[\s\S]*?<\/noscript>\s*<\/div>/, mounts.join('\n'));
  if (replaced === html) throw new Error('dist/index.html has no page-widget element to replace');
  // A host page includes the boot script and its styles as files, under the
  // documented policy: index.html's inline copies (and their hashes) go.
  const pageStyles = (await readdir(distDir)).find((name) => /^page-[0-9a-f]+\.css$/.test(name));
  const hostPage = replaced
    .replace(/<style>[^<]*<\/style>/, `<link rel="stylesheet" href="./${pageStyles}">`)
    .replace(/<script>[\s\S]*?<\/script>/, '<script type="module" src="./pr-boot.js"></script>')
    .replace(/ 'sha256-[A-Za-z0-9+/]{43}='/g, '');
  if (!hostPage.includes('src="./pr-boot.js"') || /<style>|'sha256-/.test(hostPage)) {
    throw new Error('dist/index.html has not the inline boot script and styles this expects');
  }
  return hostPage;
}

/**
 * Has every page of `context` record the Content-Security-Policy violations it
 * meets (directive, blocked address, where); resolves to a function giving a
 * page's so far. The policy must be enforced (`bypassCSP: false`) to be met.
 */
export async function watchPolicyViolations(context) {
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return (page) => page.evaluate(() => window.__violations);
}

/**
 * Collects page errors and console errors of `page`; `check()` fails the test
 * that caused them (call it at the end of each test).
 */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  return {
    errors,
    check() {
      if (errors.length > 0) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
    },
  };
}

/** A result as the widget stores it (format 1), for seeding localStorage. */
export function storedResult({ id, label = '', hash = 'x', answers = {}, overall = null, band = null, at = 1764000000000 }) {
  return {
    id, finished_at_ms: at, label,
    questionnaire: { id: 'partnership-readiness', version: '1.0.0', hash },
    overall, band, responses: { answers },
  };
}

/**
 * The policy a built page carries in its meta tag. dist/index.html's is the
 * strict one plus the hashes of its inline boot script and styles, which a
 * header for that page must name too (EMBEDDING.md).
 */
export function policyOf(html) {
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1];
  if (!policy) throw new Error('the page carries no policy: a release build is needed');
  return policy;
}

/** The strict Content-Security-Policy of EMBEDDING.md. */
export const STRICT_POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "img-src 'self' data:; connect-src 'self'; object-src 'none'; form-action 'none'; base-uri 'none'";

/** Text inside the widget mounted at `selector` (it lives in a shadow root). */
export function widgetText(page, selector = '[data-partnership-readiness]') {
  return page.locator(selector).evaluate((host) => (host.shadowRoot ?? host).textContent);
}

/**
 * A fresh browser profile (its own storage), allowed the clipboard and
 * downloads, with a page open at `url` (relative to `server.url` when it is not
 * absolute) and watched for errors (`errors.check()`).
 */
export async function openProfile(browser, server, url = '', { viewport, init, ...options } = {}) {
  const context = await browser.newContext({
    permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true, ...(viewport ? { viewport } : {}), ...options,
  });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(/^https?:/.test(url) ? url : server.url + url);
  return { context, page, errors };
}

/**
 * Finishes a check in the widget in `scope` (a page or a locator) as a person
 * does: starts it, answers each statement with `rating(principle, statement)`
 * (1–5, or null to leave it unanswered), writes `notes[principle]` where given,
 * labels the result and shows it. Works in any language: it goes by the inputs'
 * values and the primary buttons.
 */
export async function finishCheck(scope, label = '', rating = (p, s) => ((p + s) % 5) + 1, { notes = {} } = {}) {
  await scope.locator('.pr-start .pr-button-primary').click();
  for (let p = 0; p < 10; p += 1) {
    for (let s = 0; s < 3; s += 1) {
      const value = rating(p, s);
      if (value !== null) await scope.locator(`.pr-screen fieldset:nth-of-type(${s + 1}) input[value="${value}"]`).check();
    }
    if (notes[p] !== undefined) await scope.locator('.pr-step textarea').fill(notes[p]);
    await scope.locator('.pr-nav-buttons .pr-button-primary').click();
  }
  if (label) await scope.locator('.pr-review input[type=text]').fill(label);
  await scope.locator('.pr-review .pr-nav-buttons .pr-button-primary').click();
  await scope.locator('[data-testid=overall-score], [data-testid=no-score]').first().waitFor();
}

/** The words of the share screen the helpers below click, per language. */
export const SHARE_WORDS = {
  en: {
    open: /^(Send to your partner|Share or export)$/, copy: 'Copy link', notes: /^The notes \(\d+\)$/,
    protect: 'Protect with a passphrase', passphrase: 'Passphrase', seal: 'Create and copy protected link',
    copied: 'The share link was copied to the clipboard.',
  },
  de: {
    open: /^(An Ihren Partner senden|Teilen oder exportieren)$/, copy: 'Link kopieren', notes: /^Die Notizen \(\d+\)$/,
    protect: 'Mit Passphrase schützen', passphrase: 'Passphrase', seal: 'Geschützten Link erstellen und kopieren',
    copied: /kopiert/,
  },
};

/** Opens the share screen of the result the widget in `scope` shows. */
export async function openShare(scope, words = SHARE_WORDS.en) {
  await scope.getByRole('button', { name: words.open }).click();
  await scope.locator('.pr-share').waitFor();
}

/**
 * Shares the result the widget in `scope` shows (on its page `page`) as a link
 * — with its name, as the share screen offers by default, and its notes too
 * when `notes` — sealed when a `passphrase` is given; returns the link as copied.
 */
export async function copyShareLink(scope, page, { notes = false, passphrase = null, words = SHARE_WORDS.en } = {}) {
  if (!(await scope.locator('.pr-share').count())) await openShare(scope, words);
  if (notes) await scope.getByLabel(words.notes).check();
  if (passphrase !== null) {
    await scope.getByLabel(words.protect).check();
    await scope.getByLabel(words.passphrase, { exact: true }).fill(passphrase);
    await scope.getByRole('button', { name: words.seal }).click();
  } else {
    await scope.getByRole('button', { name: words.copy, exact: true }).click();
  }
  await scope.locator('.pr-share-status').filter({ hasText: words.copied }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** The fragment of a share link: what opens it on any page of the widget. */
export const fragmentOf = (link) => link.slice(link.indexOf('#'));

/**
 * From a result on screen in the widget in `scope` (or from the list of results
 * to compare it with, when that is already open), compares it with the saved
 * result whose button starts `Compare with <label>`, and waits for the comparison.
 */
export async function compareWith(scope, label) {
  // The result's next step when the other one is already known…
  const direct = scope.getByRole('button', { name: `Compare with ${label}`, exact: true });
  const general = scope.getByRole('button', { name: /^Compare( with my result)?$/ });
  await direct.or(general).or(scope.locator('.pr-choices')).first().waitFor();
  if (await direct.count()) {
    await direct.click();
  } else {
    // …else the list of saved results to choose from.
    if (!(await scope.locator('.pr-choices').count())) {
      await scope.getByRole('button', { name: /^Compare( with my result)?$/ }).click();
    }
    await scope.getByRole('button', { name: new RegExp(`^Compare with ${label} `) }).click();
  }
  await scope.getByRole('heading', { name: /^Comparison: / }).waitFor();
}
