// End-to-end: the questionnaire validator page (examples/validator.html). A
// broken file lists each rule it breaks (the widget's own validation, through
// the full build's checkQuestionnaire); a valid one is previewed in a live
// widget with its content hash; axe-core finds nothing on either state.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { axeViolations, launchBrowser, repoRoot, serveDist, watchErrors } from './support.mjs';

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

for (const [device, viewport] of Object.entries({ desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } })) {
  test(`a broken file lists every broken rule; a valid one is previewed with its hash (${device})`, async () => {
    const own = await readFile(join(repoRoot, 'examples/own-questionnaire/supplier-readiness.json'), 'utf8');
    const parsed = JSON.parse(own);
    // The second principle takes the first one's id, and a statement loses its principle's prefix.
    const broken = JSON.parse(own);
    broken.principles[1].id = broken.principles[0].id;
    broken.principles[2].statements[0].id = 'elsewhere.statement';
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}examples/validator.html`);
    await page.getByLabel(/^Choose a questionnaire file/).setInputFiles({
      name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)),
    });
    await page.getByText(/^Not usable: \d+ problems\.$/).waitFor();
    const problems = await page.locator('#verdict li').allInnerTexts();
    assert.ok(problems.length >= 3, problems.join('\n'));
    assert.ok(problems.some((p) => p.includes(`id ${parsed.principles[0].id} is used more than once`)), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('statement elsewhere.statement does not start with')), problems.join('\n'));
    assert.equal(await page.locator('#preview-area').isVisible(), false);
    assert.deepEqual(await axeViolations(page), [], 'axe on a broken file');

    // A file of the wrong shape that breaks a rule too: every member missing,
    // mistyped, misspelt or not allowed, and the rule, in one reading.
    const misshapen = JSON.parse(own);
    delete misshapen.title;
    misshapen.extra = true;
    misshapen.principles[0].weight = 'heavy';
    misshapen.principles[1].statements[0] = { id: misshapen.principles[1].statements[0].id, txt: 'misspelt' };
    misshapen.principles[3].weight = -1;
    await page.getByLabel('Or paste its text').fill(JSON.stringify(misshapen));
    await page.getByRole('button', { name: 'Check the text' }).click();
    await page.getByText('Not usable: 6 problems.').waitFor();
    assert.deepEqual(await page.locator('#verdict li').allInnerTexts(), [
      'unknown field "extra"', 'missing field "title"', 'principles[0].weight: expected a number',
      'principles[1].statements[0]: unknown field "txt"', 'principles[1].statements[0]: missing field "text"',
      `principle ${misshapen.principles[3].id} has a weight that is not positive`,
    ]);

    // Pasted text that is not JSON: said in one sentence.
    await page.getByLabel('Or paste its text').fill('{"id": ');
    await page.getByRole('button', { name: 'Check the text' }).click();
    await page.getByText('Not usable: 1 problem.').waitFor();
    assert.match(await page.locator('#verdict li').innerText(), /^not valid JSON/);

    // The host's own questionnaire: valid, its hash, and a live preview of the check.
    await page.getByLabel('Or paste its text').fill(own);
    await page.getByRole('button', { name: 'Check the text' }).click();
    await page.getByText(`Valid: “${parsed.title}” (id ${parsed.id}, version ${parsed.version}).`).waitFor();
    assert.match(await page.locator('#verdict').innerText(), /Content hash: [0-9a-f]{16}\./);
    const preview = page.locator('#preview [data-partnership-readiness]');
    await preview.locator('.pr-start').waitFor();
    assert.match(await preview.locator('.pr-start').innerText(), new RegExp(parsed.principles[0].title));
    assert.deepEqual(await axeViolations(page), [], 'axe on a valid file with its preview');
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    assert.equal(sideways, false);
    errors.check();
    await context.close();
  });
}
