#!/usr/bin/env node
// Benchmark of the release build in dist/ (build it first: `trunk build --release`).
// Prints figures, asserts nothing: the size budget is held by tests/e2e/size-budget.test.mjs.
//
//   node scripts/bench.mjs [runs]        (default 7 runs; medians are printed)
//
// - first-visit sizes: every file each kind of first visit downloads until the
//   widget is ready (English, German, a host's questionnaire, a partner's link), gzip -9
// - navigation → start screen interactive, and → first question visible
//   (a fresh browser context per run, so nothing is cached; served from loopback,
//   so network time is ~0 and the figures are parse/compile/render cost)
// - click → updated UI: answering a statement until the step list shows it, and
//   Next until the new principle's heading is rendered
// - with a large store (2,000 results, ≈ 2.4 MB): navigation → start screen
//   painted (results are read after it), → results listed, the longest
//   main-thread task meanwhile, and click answer → UI updated and saved
// - the share link of a fully answered result, and team links of 3 and 10 fully
//   answered members (from the native test `team_link_lengths`, run with cargo)
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { ENTRY_POINTS, entrySizes, fullBuildSizes } from './sizes.mjs';
import { launchBrowser, median, serveDist } from '../tests/e2e/support.mjs';

const runs = Number(process.argv[2] ?? 7);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (value) => `${value.toFixed(1)} ms`;

const server = await serveDist();
const browser = await launchBrowser();

console.log('First visits (dist/, release build): every file fetched until the widget is ready, gzip -9');
for (const entry of ENTRY_POINTS) {
  const sizes = await entrySizes(browser, server.url, entry);
  const verdict = sizes.totalGzip <= entry.budget ? 'within' : 'OVER';
  console.log(`  ${entry.name.padEnd(26)} ${kib(sizes.totalGzip).padStart(10)} gzip, ${verdict} its ${kib(entry.budget)}  ${entry.page}${entry.fragment ? '#pr1.…' : ''}`);
  for (const f of sizes.files.sort((a, b) => b.gzip - a.gzip)) {
    console.log(`    ${f.name.padEnd(58)} ${kib(f.raw).padStart(10)} raw ${kib(f.gzip).padStart(10)} gzip`);
  }
}
const full = await fullBuildSizes();
console.log(`\nFull build (fetched when a screen only it has is opened, or for a page no first-load build serves): ${kib(full.totalGzip)} gzip`);
for (const f of full.files) {
  console.log(`  ${f.name.padEnd(60)} ${kib(f.raw).padStart(10)} raw ${kib(f.gzip).padStart(10)} gzip`);
}

/** A stored document of `count` fully answered results, as the widget writes it. */
async function largeStore(count) {
  const questionnaire = JSON.parse(await readFile(new URL('../data/questionnaire.en.json', import.meta.url), 'utf8'));
  const ids = questionnaire.principles.flatMap((p) => p.statements.map((s) => s.id));
  const history = Array.from({ length: count }, (_, i) => ({
    id: 1_000_000 + i,
    finished_at_ms: 1_700_000_000_000 + i * 86_400_000,
    label: `Partner ${i + 1}`,
    questionnaire: { id: questionnaire.id, version: questionnaire.version, hash: '0123456789abcdef' },
    overall: 50 + (i % 50),
    band: 'Developing',
    // Answer keys sorted, as the widget writes them.
    responses: { answers: Object.fromEntries(ids.map((id, n) => [id, ((i + n) % 5) + 1]).sort(([a], [b]) => (a < b ? -1 : 1))) },
  }));
  return JSON.stringify({ version: 2, history });
}
const bigStore = await largeStore(2000);
let shareFragment = '';
const bigStartReady = [];
const bigListed = [];
const bigLongestTask = [];
const bigAnswerLatency = [];
const startReady = [];
const firstQuestion = [];
const answerLatency = [];
const nextLatency = [];

/**
 * Clicks `selector` in the widget and resolves with the ms until `done(root)` holds
 * after a DOM change. The widget renders in its mount point's shadow root (`root`).
 */
const clickToUpdate = (page, selector, doneSource) =>
  page.evaluate(({ selector, doneSource }) => new Promise((resolve) => {
    const done = new Function(`return (${doneSource})`)();
    const root = document.querySelector('[data-partnership-readiness]').shadowRoot ?? document;
    const target = root.querySelector(selector);
    const observer = new MutationObserver(() => {
      if (done(root)) {
        observer.disconnect();
        resolve(performance.now() - t0);
      }
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    const t0 = performance.now();
    target.click();
  }), { selector, doneSource });

try {
  for (let run = 0; run < runs; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url, { waitUntil: 'commit' });
    await page.getByRole('button', { name: 'Start the check' }).waitFor();
    startReady.push(await page.evaluate(() => performance.now()));
    await page.getByRole('button', { name: 'Start the check' }).click();
    await page.locator('fieldset').first().waitFor({ state: 'visible' });
    firstQuestion.push(await page.evaluate(() => performance.now()));

    for (let statement = 1; statement <= 3; statement += 1) {
      answerLatency.push(await clickToUpdate(
        page,
        `fieldset:nth-of-type(${statement}) input[value="4"]`,
        `(root) => root.querySelector('[aria-current=step] .pr-step-count').textContent.startsWith('${statement} of 3')`,
      ));
    }
    nextLatency.push(await clickToUpdate(
      page,
      '.pr-nav-buttons .pr-button-primary',
      `(root) => root.querySelector('[data-pr-focus]')?.textContent === 'Aligned values and culture'`,
    ));
    await context.close();

    // Seeded from a page of the same origin first, so the measured navigation
    // only reads the store (as a returning visitor's does). Times are taken in
    // the page (when the start screen is painted, when the list appears), not
    // when Playwright next looks: it cannot look while the page is busy.
    const bigContext = await browser.newContext();
    const bigPage = await bigContext.newPage();
    await bigPage.goto(`${server.url}seed-only-no-such-page`);
    await bigPage.evaluate((text) => {
      localStorage.setItem('partnership-readiness', '{"version":2,"draft":null}');
      localStorage.setItem('partnership-readiness:results', text);
    }, bigStore);
    await bigContext.addInitScript(() => {
      window.benchMarks = { longestTask: 0 };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.benchMarks.longestTask = Math.max(window.benchMarks.longestTask, entry.duration);
        }
      }).observe({ type: 'longtask', buffered: true });
      // The widget renders into a shadow root the boot script attaches: watch that root.
      const watch = (root) => new MutationObserver(() => {
        const marks = window.benchMarks;
        const start = [...root.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Start the check');
        if (start && marks.startInDom === undefined) {
          marks.startInDom = performance.now();
          requestAnimationFrame(() => { marks.startPainted = performance.now(); });
        }
        if (marks.listed === undefined && root.textContent.includes('Showing the newest 25 of 2000')) {
          marks.listed = performance.now();
        }
      }).observe(root, { subtree: true, childList: true, characterData: true });
      const attachShadow = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function attachAndWatch(options) {
        const root = attachShadow.call(this, options);
        watch(root);
        return root;
      };
    });
    await bigPage.goto(server.url, { waitUntil: 'commit' });
    await bigPage.getByText('Showing the newest 25 of 2000 saved results.').waitFor();
    const marks = await bigPage.evaluate(() => window.benchMarks);
    bigStartReady.push(marks.startPainted);
    bigListed.push(marks.listed);
    bigLongestTask.push(marks.longestTask);
    await bigPage.getByRole('button', { name: 'Start the check' }).click();
    await bigPage.locator('fieldset').first().waitFor();
    bigAnswerLatency.push(await clickToUpdate(
      bigPage,
      'fieldset:nth-of-type(1) input[value="4"]',
      `(root) => root.querySelector('[aria-current=step] .pr-step-count').textContent.startsWith('1 of 3')`,
    ));
    await bigContext.close();
  }
  // The share link of a fully answered result without label or notes.
  const shareContext = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const sharePage = await shareContext.newPage();
  await sharePage.goto(server.url);
  await sharePage.getByRole('button', { name: 'Start the check' }).click();
  for (let p = 0; p < 10; p += 1) {
    for (let s = 1; s <= 3; s += 1) {
      await sharePage.locator(`fieldset:nth-of-type(${s}) input[value="${((p + s) % 5) + 1}"]`).check();
    }
    await sharePage.locator('.pr-nav-buttons .pr-button-primary').click();
  }
  await sharePage.getByRole('button', { name: 'See results' }).click();
  await sharePage.getByRole('button', { name: 'Send to your partner' }).click();
  await sharePage.getByRole('button', { name: 'Copy link', exact: true }).click();
  await sharePage.getByText('The share link was copied').waitFor();
  const link = await sharePage.evaluate(() => navigator.clipboard.readText());
  shareFragment = link.slice(link.indexOf('#'));
  await shareContext.close();
} finally {
  await browser.close();
  await server.close();
}

console.log(`\nTimings in headless Chromium, median of ${runs} runs (fresh context each)`);
console.log(`  navigation → start screen interactive   ${ms(median(startReady))}`);
console.log(`  navigation → first question visible     ${ms(median(firstQuestion))}  (includes clicking Start)`);
console.log(`  click answer → updated UI               ${ms(median(answerLatency))}  (n=${answerLatency.length})`);
console.log(`  click Next → next principle rendered    ${ms(median(nextLatency))}  (n=${nextLatency.length})`);
console.log(`\nWith ${(bigStore.length / 1e6).toFixed(1)} MB stored (2,000 results)`);
console.log(`  navigation → start screen painted       ${ms(median(bigStartReady))}  (results still loading)`);
console.log(`  navigation → saved results listed       ${ms(median(bigListed))}`);
console.log(`  longest main-thread task while loading ${ms(median(bigLongestTask))}  (how long a click could wait)`);
console.log(`  click answer → UI updated and saved     ${ms(median(bigAnswerLatency))}`);
console.log(`\nShare link of a fully answered result (no label or notes): ${shareFragment.length} characters of fragment (limit 200)`);

/**
 * The team link lengths, as the native test `team_link_lengths` measures them
 * (the widget has no team sharing screen yet): its one line of output.
 */
function teamLinkLine() {
  try {
    const output = execFileSync(
      'cargo',
      ['test', '--features', 'full', '--test', 'team_fuzz', 'team_link_lengths', '--', '--nocapture'],
      { cwd: new URL('..', import.meta.url), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return output.split('\n').find((line) => line.startsWith('team link: ')) ?? 'team link: (not printed by the test)';
  } catch (error) {
    return error.code === 'ENOENT' ? 'team link: (cargo not found)' : `team link: (cargo test failed: ${error.message.split('\n')[0]})`;
  }
}
console.log(teamLinkLine());
