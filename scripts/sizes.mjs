// What each kind of first visit downloads from a release dist/: every file the
// browser fetches from the page's opening until the widget is ready to use,
// raw and gzip -9 as web servers compress. Taken from a real page load in
// headless Chromium (the boot script picks the build, so only a browser knows
// which files a visit fetches), and deterministic: the same dist/ fetches the
// same files. The size-budget test holds each entry point to its limit, and
// scripts/bench.mjs prints them.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const distDir = process.env.PR_DIST ?? fileURLToPath(new URL('../dist', import.meta.url));
const KIB = 1024;

/** The partner's link the budget opens (written by codec/link.rs's test `the_budget_s_partner_link…`). */
const partnerLink = async () => (await readFile(new URL('../tests/fixtures/result-link.txt', import.meta.url), 'utf8')).trim();

/**
 * The ways a visitor first meets the widget, each with its page, what "ready"
 * means there (a button or heading by its accessible name), its limit, and the
 * build it starts in (its wasm's path).
 */
export const ENTRY_POINTS = [
  { name: 'English page', page: 'index.html', ready: ['button', 'Start the check'], budget: 120 * KIB, build: /^partnership-readiness-[0-9a-f]+_bg\.wasm$/ },
  { name: 'German visitor', page: 'examples/german.html', ready: ['button', 'Check starten'], budget: 130 * KIB, build: /^de-[0-9a-f]+\// },
  { name: "host's own questionnaire", page: 'examples/own-questionnaire.html', ready: ['button', 'Start the check'], budget: 130 * KIB, build: /^own-[0-9a-f]+\// },
  // Waits a few seconds more: Chromium says so when a preloaded file is left unused.
  { name: 'partner opening a link', page: 'index.html', fragment: partnerLink, ready: ['heading', /^Received: Initech/], budget: 130 * KIB, settle: 3500, build: /^partner-[0-9a-f]+\// },
];

/**
 * Opens `entry` of the dist/ served at `serverUrl` in a fresh context of
 * `browser` and resolves to { url, files: [{ name, raw, gzip }], totalRaw,
 * totalGzip, warnings } — the files requested until the widget was ready, and
 * the console's warnings by then (a preload the page did not use says so).
 */
export async function entrySizes(browser, serverUrl, entry, dir = distDir) {
  const url = serverUrl + entry.page + (entry.fragment ? await entry.fragment() : '');
  const context = await browser.newContext();
  const page = await context.newPage();
  const requested = new Set();
  const warnings = [];
  page.on('request', (request) => {
    const { origin, pathname } = new URL(request.url());
    if (origin === new URL(serverUrl).origin) requested.add(decodeURIComponent(pathname).slice(1));
  });
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });
  try {
    await page.goto(url);
    const [role, name] = entry.ready;
    await page.getByRole(role, { name }).first().waitFor();
    // Ready means the widget's own screen: index.html shows its start screen
    // from the page itself before the wasm is in (js/boot.js, FIRST_SCREEN).
    await page.locator('[data-partnership-readiness][data-pr-mounted]').first().waitFor();
    const names = [...requested];
    if (entry.settle) await page.waitForTimeout(entry.settle);
    return { url, warnings, ...(await measure(dir, names)) };
  } finally {
    await context.close();
  }
}

async function measure(dir, names) {
  const files = [];
  for (const name of names) {
    const bytes = await readFile(join(dir, name));
    files.push({ name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return {
    files,
    totalRaw: files.reduce((sum, f) => sum + f.raw, 0),
    totalGzip: files.reduce((sum, f) => sum + f.gzip, 0),
  };
}

/** The full build: fetched when a screen that needs it is opened (or, at once, for the pages that need it). */
export async function fullBuildSizes(dir = distDir) {
  const full = (await readdir(dir)).find((name) => name.startsWith('full-'));
  if (!full) throw new Error('dist/ has no full-*/ directory: build with `trunk build --release`');
  const names = (await readdir(join(dir, full))).filter((name) => /\.(js|wasm)$/.test(name)).map((name) => `${full}/${name}`);
  // Its screens' stylesheet comes with it.
  names.push(...(await readdir(dir)).filter((name) => /^widget-full-[0-9a-f]+\.css$/.test(name)));
  return measure(dir, names);
}
