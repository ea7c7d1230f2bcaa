#!/usr/bin/env node
// Benchmark of the release build in dist/ (build it first: `trunk build --release`).
// Prints figures, asserts nothing: the size budget is held by tests/e2e/size-budget.test.mjs.
//
//   node scripts/bench.mjs [runs]        (default 7 runs; medians are printed)
//
// - first-load size: every file a first visit downloads, raw and gzip -9
// - navigation → start screen interactive, and → first question visible
//   (a fresh browser context per run, so nothing is cached; served from loopback,
//   so network time is ~0 and the figures are parse/compile/render cost)
// - click → updated UI: answering a statement until the step list shows it, and
//   Next until the new principle's heading is rendered
import { firstLoadSizes } from './sizes.mjs';
import { launchBrowser, median, serveDist } from '../tests/e2e/support.mjs';

const runs = Number(process.argv[2] ?? 7);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (value) => `${value.toFixed(1)} ms`;

const sizes = await firstLoadSizes();
console.log('First-load size (dist/, release build)');
for (const f of sizes.files) {
  console.log(`  ${f.name.padEnd(44)} ${kib(f.raw).padStart(10)} raw ${kib(f.gzip).padStart(10)} gzip`);
}
console.log(`  ${'total'.padEnd(44)} ${kib(sizes.totalRaw).padStart(10)} raw ${kib(sizes.totalGzip).padStart(10)} gzip (budget 100.0 KiB)`);

const server = await serveDist();
const browser = await launchBrowser();
const startReady = [];
const firstQuestion = [];
const answerLatency = [];
const nextLatency = [];

/** Clicks `selector` in the page and resolves with the ms until `done()` holds after a DOM change. */
const clickToUpdate = (page, selector, doneSource) =>
  page.evaluate(({ selector, doneSource }) => new Promise((resolve) => {
    const done = new Function(`return (${doneSource})`)();
    const target = document.querySelector(selector);
    const observer = new MutationObserver(() => {
      if (done()) {
        observer.disconnect();
        resolve(performance.now() - t0);
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
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
        `() => document.querySelector('[aria-current=step] .pr-step-count').textContent.startsWith('${statement} of 3')`,
      ));
    }
    nextLatency.push(await clickToUpdate(
      page,
      '.pr-nav-buttons .pr-button-primary',
      `() => document.querySelector('[data-pr-focus]')?.textContent === 'Aligned values and culture'`,
    ));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`\nTimings in headless Chromium, median of ${runs} runs (fresh context each)`);
console.log(`  navigation → start screen interactive   ${ms(median(startReady))}`);
console.log(`  navigation → first question visible     ${ms(median(firstQuestion))}  (includes clicking Start)`);
console.log(`  click answer → updated UI               ${ms(median(answerLatency))}  (n=${answerLatency.length})`);
console.log(`  click Next → next principle rendered    ${ms(median(nextLatency))}  (n=${nextLatency.length})`);
