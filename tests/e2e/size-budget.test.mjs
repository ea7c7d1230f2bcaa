// The first-load budget: everything a first visit downloads, gzipped, must stay
// within 120 KiB. Deterministic (sizes of the release build), so it is a test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstLoadSizes } from '../../scripts/sizes.mjs';

const BUDGET_BYTES = 120 * 1024;

test('first load is at most 120 KiB gzip (html + js + wasm + css)', async () => {
  const { files, totalGzip } = await firstLoadSizes();
  const kinds = new Set(files.map((f) => f.name.split('.').pop()));
  for (const kind of ['html', 'js', 'wasm', 'css']) {
    assert.ok(kinds.has(kind), `dist/ has a .${kind} file`);
  }
  assert.ok(
    totalGzip <= BUDGET_BYTES,
    `first load is ${(totalGzip / 1024).toFixed(1)} KiB gzip, over the ${BUDGET_BYTES / 1024} KiB budget:\n` +
      files.map((f) => `  ${f.name}: ${(f.gzip / 1024).toFixed(1)} KiB`).join('\n'),
  );
});
