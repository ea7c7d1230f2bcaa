// End-to-end: results leaving the browser. Export to a file and import it in
// another browser profile; the JSON Schema checked with Ajv; share links opened in
// a fresh context (plain, damaged, passphrase-protected); copy to the clipboard;
// drag and drop; the core build handing a widget over to the full build; axe-core
// on every new screen. Against the built dist/ in headless Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import {
  axeViolations, copyShareLink, distDir, finishCheck, fragmentOf, launchBrowser, openProfile, openShare, pageWithMounts, serveDist,
} from './support.mjs';

let server;
let browser;
let validate;

before(async () => {
  server = await serveDist(undefined, {
    '/two-checks.html': () => pageWithMounts([
      '<div id="ours" data-partnership-readiness data-storage-key="our-check"></div>',
      '<div id="theirs" data-partnership-readiness data-storage-key="their-check"></div>',
    ]),
    '/share-page.html': () => pageWithMounts([
      '<div id="named" data-partnership-readiness data-storage-key="named" data-share-page="https://www.example.com/partners/check?team=1#old"></div>',
      '<div id="hostile" data-partnership-readiness data-storage-key="hostile" data-share-page="javascript:alert(1)"></div>',
    ]),
  });
  browser = await launchBrowser();
  const schema = JSON.parse(await readFile(join(distDir, 'partnership-readiness.schema.json'), 'utf8'));
  validate = new Ajv2020({ allErrors: true }).compile(schema);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh browser profile (own storage) with a page at `path`. */
const profile = (path = '') => openProfile(browser, server, path);

/** Scores as shown: overall, band, and the ten principle scores. */
async function shownScores(page) {
  return {
    overall: await page.getByTestId('overall-score').innerText(),
    band: await page.getByTestId('band').innerText(),
    principles: await page.locator('.pr-score-table .pr-score').allInnerTexts(),
  };
}

describe('export and import', () => {
  test('a downloaded result is valid by the schema and imports in another profile with the same scores', async () => {
    const sender = await profile();
    await finishCheck(sender.page, 'Northwind');
    const scores = await shownScores(sender.page);
    const firstLoad = server.requests.filter((url) => url.includes('full-'));
    assert.deepEqual(firstLoad, [], 'the full build is not part of the first load');
    await openShare(sender.page);
    assert.ok(server.requests.some((url) => url.includes('full-')), 'it is fetched on demand');
    assert.deepEqual(await axeViolations(sender.page), [], 'the share screen is accessible');

    const [download] = await Promise.all([
      sender.page.waitForEvent('download'),
      sender.page.getByRole('button', { name: 'Download .json' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^partnership-readiness-northwind-\d{4}-\d{2}-\d{2}\.json$/);
    const file = await readFile(await download.path(), 'utf8');
    const document = JSON.parse(file);
    assert.equal(validate(document), true, JSON.stringify(validate.errors));
    assert.equal(document.scores.overall, Number(scores.overall));

    const receiver = await profile();
    await receiver.page.getByRole('button', { name: 'Import results' }).click();
    await receiver.page.getByRole('heading', { name: 'Import results' }).waitFor();
    assert.deepEqual(await axeViolations(receiver.page), [], 'the import screen is accessible');
    await receiver.page.getByLabel('Choose a .json file').setInputFiles({ name: 'r.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await receiver.page.getByText('Imported: 1 new, 0 already saved.').waitFor();
    await receiver.page.getByLabel('Choose a .json file').setInputFiles({ name: 'r.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await receiver.page.getByText('Imported: 0 new, 1 already saved.').waitFor();
    await receiver.page.getByRole('button', { name: 'Back to start' }).click();
    await receiver.page.getByRole('button', { name: 'Open Northwind' }).click();
    assert.deepEqual(await shownScores(receiver.page), scores);

    // A backup of everything is valid too, and restoring it merges.
    await receiver.page.getByRole('button', { name: 'Back to start' }).click();
    const [backup] = await Promise.all([
      receiver.page.waitForEvent('download'),
      receiver.page.getByRole('button', { name: 'Back up all results' }).click(),
    ]);
    const backupDocument = JSON.parse(await readFile(await backup.path(), 'utf8'));
    assert.equal(validate(backupDocument), true, JSON.stringify(validate.errors));
    assert.equal(backupDocument.results.length, 1);
    for (const { errors, context } of [sender, receiver]) {
      errors.check();
      await context.close();
    }
  });

  test('"Back up all results" on a first visit downloads the backup, on the start screen', async () => {
    // The first visit runs the core build, which writes no backups: it hands the widget to the full build.
    const { context, page, errors } = await profile();
    await finishCheck(page, 'Litware');
    await page.getByRole('button', { name: 'Back to start' }).click();
    const [backup] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Back up all results' }).click(),
    ]);
    const backupDocument = JSON.parse(await readFile(await backup.path(), 'utf8'));
    assert.equal(validate(backupDocument), true, JSON.stringify(validate.errors));
    assert.deepEqual(backupDocument.results.map((r) => r.label), ['Litware']);
    await page.getByRole('button', { name: 'Start the check' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Import results' }).count(), 0, 'still the start screen');
    errors.check();
    await context.close();
  });

  test('a bad file names what is wrong; drag and drop and pasting import too', async () => {
    const { context, page, errors } = await profile();
    await page.getByRole('button', { name: 'Import results' }).click();
    await page.getByRole('heading', { name: 'Import results' }).waitFor();
    const bad = JSON.stringify({
      format: 'partnership-readiness/result', version: 1,
      questionnaire: { id: 'partnership-readiness', version: '1.0.0', hash: 'x' },
      created: '2026-01-01T00:00:00Z', answers: { 'clear-objectives.goals': 7 },
    });
    await page.getByLabel('Choose a .json file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.equal(await alert.innerText(), 'This result file is damaged or was changed by hand, so nothing was imported.');
    // What exactly is wrong, for whoever made the file, one click away.
    await page.locator('.pr-import-problem summary').click();
    assert.equal(
      await page.locator('.pr-import-problem details p').innerText(),
      'answers.clear-objectives.goals: rating 7 is not between 1 and 5',
    );
    assert.deepEqual(await axeViolations(page), [], 'the refusal is accessible');

    const good = bad.replace('"clear-objectives.goals":7', '"clear-objectives.goals":4');
    await page.locator('.pr-drop').evaluate((drop, text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      drop.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, good);
    await page.getByText('Imported: 1 new, 0 already saved.').waitFor();
    await page.getByLabel('Or paste a share link or the JSON').fill(`\ufeff${good}`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('Imported: 0 new, 1 already saved.').waitFor();
    errors.check();
    await context.close();
  });
});

describe('share links', () => {
  test('a copied link opens read-only in a new profile and saves on request', async () => {
    const sender = await profile();
    await finishCheck(sender.page, 'Contoso');
    const scores = await shownScores(sender.page);
    const link = await copyShareLink(sender.page, sender.page);
    const fragment = fragmentOf(link);
    assert.match(fragment, /^#pr1\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]+$/);
    assert.ok(fragment.length <= 200, `${fragment.length} characters`);
    assert.ok(!link.includes('Contoso'), 'nothing in the address reads as the name');

    const receiver = await profile(fragment);
    await receiver.page.getByRole('heading', { name: 'Received: Contoso (partner view)' }).waitFor();
    assert.deepEqual(await shownScores(receiver.page), scores, 'scores recomputed from the answers');
    assert.deepEqual(await axeViolations(receiver.page), [], 'the shared result is accessible');
    assert.equal(await receiver.page.evaluate(() => localStorage.getItem('partnership-readiness:results')), null, 'nothing saved yet');
    await receiver.page.getByRole('button', { name: 'Save to my results' }).click();
    await receiver.page.locator('.pr-results').getByRole('heading', { name: 'Received: Contoso (partner view)' }).waitFor();
    assert.equal(new URL(receiver.page.url()).hash, '', 'the link leaves the address');
    await receiver.page.reload();
    await receiver.page.getByRole('row', { name: /Contoso Received/ }).waitFor();
    for (const { errors, context } of [sender, receiver]) {
      errors.check();
      await context.close();
    }
  });

  test('a damaged link says so and changes nothing', async () => {
    const { context, page, errors } = await profile('#pr1.tuVTRw.AQNWG0FfCR4FXxVwYXJ0bmVyc2hpcC1yZWFkaW5');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.equal(await alert.innerText(), 'This link is incomplete or damaged — ask the sender for the complete link.');
    assert.deepEqual(await axeViolations(page), []);
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing stored');
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Start the check' }).waitFor();
    errors.check();
    await context.close();
  });

  test('a passphrase link opens only with the right passphrase', async () => {
    const sender = await profile();
    await finishCheck(sender.page, 'Fabrikam');
    const link = await copyShareLink(sender.page, sender.page, { passphrase: 'tell it by phone' });
    assert.ok(!link.includes('Fabrikam'), 'nothing readable in the link');

    const receiver = await profile(fragmentOf(link));
    await receiver.page.getByRole('heading', { name: 'This shared result is protected' }).waitFor();
    assert.deepEqual(await axeViolations(receiver.page), [], 'the passphrase prompt is accessible');
    await receiver.page.getByLabel('Passphrase').fill('wrong guess');
    await receiver.page.getByRole('button', { name: 'Open' }).click();
    await receiver.page.getByText('That passphrase is not right.').waitFor();
    // The field, not the heading, has the focus again, marked wrong and described by the message.
    const field = receiver.page.getByLabel('Passphrase');
    await field.and(receiver.page.locator(':focus')).waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    const describedBy = await field.evaluate((input) => input.getRootNode().getElementById(input.getAttribute('aria-describedby'))?.textContent);
    assert.equal(describedBy, 'That passphrase is not right. Check it and try again.');
    await receiver.page.getByLabel('Passphrase').fill('tell it by phone');
    await receiver.page.getByRole('button', { name: 'Open' }).click();
    await receiver.page.getByRole('heading', { name: 'Received: Fabrikam (partner view)' }).waitFor();
    for (const { errors, context } of [sender, receiver]) {
      errors.check();
      await context.close();
    }
  });
});

describe('where a link goes', () => {
  test('on a device with a share sheet the link is handed to it, named as the partner will see it', async () => {
    const init = () => {
      window.sharedWith = [];
      navigator.share = async (data) => { window.sharedWith.push(data); };
    };
    const sender = await openProfile(browser, server, '', { init });
    await finishCheck(sender.page, 'Sheet Co');
    await openShare(sender.page);
    await sender.page.getByRole('button', { name: 'Share…' }).click();
    await sender.page.locator('.pr-share-status').filter({ hasText: 'The link was handed to the share sheet.' }).waitFor();
    const [shared] = await sender.page.evaluate(() => window.sharedWith);
    assert.equal(shared.title, 'Received: Sheet Co (partner view)');
    assert.equal(shared.url, await sender.page.locator('.pr-link-field input').inputValue(), 'the link on screen');
    assert.ok(shared.url.startsWith(`${server.url}#pr1.`), shared.url);
    sender.errors.check();
    await sender.context.close();
  });

  test('data-share-page names the page links open on; anything but an http(s) address is refused', async () => {
    const { context, page, errors } = await profile('share-page.html');
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    const linkOf = async (selector) => {
      const widget = page.locator(selector);
      await finishCheck(widget, 'Named');
      return copyShareLink(widget, page);
    };
    assert.match(await linkOf('#named'), /^https:\/\/www\.example\.com\/partners\/check\?team=1#pr1\./);
    const refused = await linkOf('#hostile');
    assert.ok(refused.startsWith(`${server.url}share-page.html#pr1.`), refused);
    assert.ok(warnings.some((w) => w.includes('data-share-page="javascript:alert(1)" is not an http or https address')), warnings.join('\n'));
    errors.check();
    await context.close();
  });
});

describe('several widgets on one page', () => {
  test('a link opens in the widget that made it', async () => {
    const sender = await profile('two-checks.html');
    const theirs = sender.page.locator('#theirs');
    await finishCheck(theirs, '', (p, s) => (p === 0 && s === 0 ? 4 : null));
    const link = await copyShareLink(theirs, sender.page);

    const receiver = await profile(`two-checks.html${fragmentOf(link)}`);
    await receiver.page.locator('#theirs').getByRole('heading', { name: 'Received result (partner view)' }).waitFor();
    assert.equal(await receiver.page.locator('#ours').getByRole('button', { name: 'Start the check' }).isVisible(), true);
    for (const { errors, context } of [sender, receiver]) {
      errors.check();
      await context.close();
    }
  });
});

describe('handing over to the full build', () => {
  test('with storage blocked, the data goes along and nothing is lost', async () => {
    const { context, page, errors } = await openProfile(browser, server, '', {
      init: () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } }),
    });
    await finishCheck(page, 'Tailspin');
    await openShare(page);
    assert.equal(await page.getByRole('heading', { name: /^Share or export: / }).innerText(), 'Share or export: Tailspin');
    await page.getByRole('button', { name: 'Back to the result' }).click();
    assert.equal(await page.getByTestId('band').isVisible(), true);
    errors.check();
    await context.close();
  });
});
