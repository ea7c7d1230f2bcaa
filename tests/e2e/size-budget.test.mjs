// The first-load budgets: everything a first visit downloads until the widget
// is ready, gzipped, for each way a visitor first meets it (scripts/sizes.mjs's
// ENTRY_POINTS): the English page within 120 KiB, every other entry point within
// 130 KiB. Deterministic (the files the same release build fetches), so a test.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ENTRY_POINTS, entrySizes } from '../../scripts/sizes.mjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { distDir, launchBrowser, serveDist } from './support.mjs';

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

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

for (const entry of ENTRY_POINTS) {
  test(`${entry.name}: at most ${entry.budget / 1024} KiB gzip until ready, in its own build (html + js + wasm + css + data)`, async () => {
    const { files, totalGzip, warnings } = await entrySizes(browser, server.url, entry);
    const kinds = new Set(files.map((f) => f.name.split('.').pop()));
    for (const kind of ['html', 'js', 'wasm']) assert.ok(kinds.has(kind), `a .${kind} file was fetched`);
    // The widget's stylesheet is counted: a file, or dist/index.html's inline copy (its first screen's template).
    const page = await readFile(join(distDir, entry.page), 'utf8');
    assert.ok(kinds.has('css') || /<template data-pr-first><style>/.test(page), 'the widget\'s stylesheet was fetched, or is in the page');
    assert.ok(
      totalGzip <= entry.budget,
      `${entry.name} downloads ${kib(totalGzip)} gzip, over its ${kib(entry.budget)} budget:\n`
        + files.map((f) => `  ${f.name}: ${kib(f.gzip)}`).join('\n'),
    );
    assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), [], 'no preload left unused');
    const wasm = files.filter((f) => f.name.endsWith('.wasm')).map((f) => f.name);
    assert.equal(wasm.length, 1, `one build fetched: ${wasm.join(', ')}`);
    assert.match(wasm[0], entry.build, 'the build meant for this entry point');
  });
}
