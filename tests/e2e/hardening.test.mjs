// End-to-end: nothing from outside can mislead, leak or lose. Each test here
// failed on the build before the hardening: damaged passphrase links taken for
// wrong passphrases, a partner's text turning into Markdown, URL parameters
// putting words on the owner's page, one widget's key reaching another's data,
// redirected or oversized questionnaires, a link opened where sharing is off,
// the host page's query string in share links, a set-aside notice going
// missing, and an import naming thousands of unknown answers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlRenderer, Parser } from 'commonmark';
import {
  compareWith, copyShareLink, distDir, finishCheck, fragmentOf, launchBrowser, openProfile, pageWithMounts, serveDist,
} from './support.mjs';

let server;
let other;
let browser;
/** A server of questionnaires that misbehave (redirects, endless bodies). */
let tricks;

const QUESTIONNAIRE = () => readFile(join(distDir, 'examples/own-questionnaire/supplier-readiness.json'));

before(async () => {
  other = await serveDist();
  tricks = createServer(async (req, res) => {
    if (req.url === '/q.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(await QUESTIONNAIRE());
    } else if (req.url === '/endless.json') {
      // No declared length and no end (until the reader goes, or a gigabyte):
      // only refusing while it arrives ever finishes.
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 32);
      let sent = 0;
      const more = () => {
        while (!res.destroyed && sent < 16_000 && res.write(chunk)) sent += 1;
        if (res.destroyed || sent >= 16_000) res.end();
        else res.once('drain', more);
      };
      res.on('close', () => { sent = 16_000; });
      more();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => tricks.listen(0, '127.0.0.1', ok));
  const tricksUrl = `http://127.0.0.1:${tricks.address().port}`;
  server = await serveDist(undefined, {
    '/redirected.json': ['application/json', ''],
    '/redirecting.html': () => pageWithMounts(['<div id="redirected" data-partnership-readiness data-questionnaire="go-elsewhere.json" data-storage-key="redirected"></div>']),
    '/endless.html': () => pageWithMounts(['<div id="endless" data-partnership-readiness data-questionnaire="endless.json" data-storage-key="endless"></div>']),
    '/two-keys.html': () => pageWithMounts([
      '<div id="first" data-partnership-readiness data-storage-key="acme"></div>',
      '<div id="second" data-partnership-readiness data-storage-key="acme:results"></div>',
    ]),
    '/no-sharing.html': () => pageWithMounts(['<div id="quiet" data-partnership-readiness data-features="history compare"></div>']),
  }, {
    redirects: { '/go-elsewhere.json': `${tricksUrl}/q.json` },
    proxies: { '/endless.json': `${tricksUrl}/endless.json` },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await Promise.all([server, other].map((s) => s?.close()));
  // The endless body's connection may still be open: close it rather than wait for it.
  tricks?.closeAllConnections();
  await new Promise((ok) => tricks?.close(ok));
});

const profile = (url = '', options) => openProfile(browser, server, url, options);
/** Opens `path` in `page` afresh (not as a fragment change of the page already open). */
async function openAfresh(page, path) {
  await page.goto('about:blank');
  await page.goto(server.url + path);
}
const widget = (page, selector = '[data-partnership-readiness]') => page.locator(selector);

describe('passphrase links', () => {
  test('a cut-off link says it is damaged, even with the right passphrase; a changed header does not open', async () => {
    const sender = await profile();
    await finishCheck(sender.page, 'Initech');
    const link = await copyShareLink(sender.page, sender.page, { passphrase: '  Geheimnis ✓  ' });
    assert.match(fragmentOf(link), /^#pr2\./);

    const receiver = await profile(fragmentOf(link).slice(0, -3));
    await receiver.page.getByRole('alert').filter({ hasText: 'incomplete or damaged' }).waitFor();
    assert.equal(await receiver.page.getByLabel('Passphrase').count(), 0, 'no passphrase is asked for a damaged link');

    // Another widget tag in the header: the checksum still holds if it is fixed,
    // so change only the tag and the checksum fails; either way it never opens.
    const [, tag] = fragmentOf(link).split('.');
    await openAfresh(receiver.page, fragmentOf(link).replace(`.${tag}.`, '.zzzzzz.'));
    await receiver.page.getByRole('heading', { name: 'This shared result is protected' }).waitFor();
    await receiver.page.getByLabel('Passphrase').fill('Geheimnis ✓');
    await receiver.page.getByRole('button', { name: 'Open' }).click();
    await receiver.page.getByText('That passphrase is not right.').waitFor();

    // The intact link opens with the passphrase as typed without its outer spaces,
    // and in another Unicode form (decomposed) too.
    await openAfresh(receiver.page, fragmentOf(link));
    await receiver.page.getByLabel('Passphrase').fill('Geheimnis \u2713'.normalize('NFD'));
    await receiver.page.getByRole('button', { name: 'Open' }).click();
    await receiver.page.getByRole('heading', { name: 'Received: Initech (partner view)' }).waitFor();
    for (const { errors, context } of [sender, receiver]) {
      errors.check();
      await context.close();
    }
  });
});

describe('text from outside', () => {
  test("a partner's label and notes never become markup in the agenda's Markdown", async () => {
    const hostile = {
      label: '![pixel](https://evil.example/p.png)',
      note: '<img src=x onerror=alert(1)> [click](javascript:alert(1)) **loud**\n# Not a heading\n- not a list',
    };
    const partner = await profile();
    await finishCheck(partner.page, hostile.label, (p) => (p < 5 ? 2 : 5), { notes: { 0: hostile.note } });
    const link = await copyShareLink(partner.page, partner.page, { notes: true });

    const me = await profile();
    await finishCheck(me.page, 'Us', () => 5, { notes: { 0: 'Our own plain note' } });
    await openAfresh(me.page, fragmentOf(link));
    await compareWith(me.page, 'Us');
    await me.page.getByRole('button', { name: 'Prepare the meeting' }).click();
    await me.page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await me.page.getByText('The agenda was copied to the clipboard.').waitFor();
    const markdown = await me.page.evaluate(() => navigator.clipboard.readText());
    const html = new HtmlRenderer().render(new Parser().parse(markdown));
    assert.doesNotMatch(html, /<img|<a |<script|<strong>|<em>/, html);
    assert.match(html, /!\[pixel\]\(https:\/\/evil\.example\/p\.png\)/, 'the label reads as the sender wrote it');
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/, 'the note is shown as text');
    assert.equal((html.match(/<h1>/g) ?? []).length, 1, 'only the agenda itself is a heading');
    for (const { errors, context } of [partner, me]) {
      errors.check();
      await context.close();
    }
  });

  test("the iframe page takes no heading or label prompt from its address", async () => {
    const { context, page, errors } = await profile('embed.html?heading=Free%20prize%20inside&label-prompt=Your%20bank%20PIN');
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await page.reload();
    await widget(page).locator('.pr-start h2').waitFor();
    assert.equal(await widget(page).locator('.pr-start h2').innerText(), 'How ready are you for this partnership?');
    assert.ok(warnings.some((w) => w.includes('heading is not taken from the address')), warnings.join('\n'));
    errors.check();
    await context.close();
  });
});

describe('storage keys', () => {
  test("the iframe page's key cannot reach the page's results", async () => {
    const { context, page, errors } = await profile();
    await finishCheck(page, 'Kept');
    const before = await page.evaluate(() => ({ ...localStorage }));
    const frame = await context.newPage();
    const warnings = [];
    frame.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
    await frame.goto(`${server.url}embed.html?storage-key=partnership-readiness:results`);
    await widget(frame).locator('.pr-start').waitFor();
    assert.ok(warnings.some((w) => w.includes('data-storage-key="partnership-readiness:results"')), warnings.join('\n'));
    await page.reload();
    await page.getByRole('row', { name: /Kept/ }).waitFor();
    const after = await page.evaluate(() => ({ ...localStorage }));
    assert.deepEqual(Object.keys(after).sort(), Object.keys(before).sort(), 'nothing was moved aside');
    errors.check();
    await context.close();
  });

  test("two widgets on a page: one whose key is the other's results key keeps the default key", async () => {
    const { context, page, errors } = await profile('two-keys.html');
    await finishCheck(widget(page, '#first'), 'First');
    await page.reload();
    await widget(page, '#second').locator('.pr-start').waitFor();
    await widget(page, '#first').getByRole('row', { name: /First/ }).waitFor();
    const keys = await page.evaluate(() => Object.keys(localStorage).sort());
    assert.ok(!keys.some((k) => k.includes(':backup:')), keys.join(', '));
    assert.ok(keys.includes('acme:results'));
    errors.check();
    await context.close();
  });
});

describe('what the host configures', () => {
  // The host hears why in a `partnership-readiness:error` event; the visitor gets
  // a neutral message, with "Reload" only where reloading could help.
  const recordErrors = () => document.addEventListener('partnership-readiness:error', (e) => {
    (window.widgetErrors ??= []).push(e.detail);
  });

  test('a same-origin questionnaire that redirects to another origin is refused', async () => {
    const { context, page } = await profile('redirecting.html', { init: recordErrors });
    const console = [];
    page.on('console', (m) => console.push(m.text()));
    await page.reload();
    // The browser refuses the redirect as it refuses an offline request (one
    // TypeError), so the widget cannot tell them apart: it offers "Reload".
    await widget(page).getByText('This check could not be loaded.').waitFor();
    assert.equal(await widget(page).getByRole('link', { name: 'Reload' }).count(), 1);
    assert.ok(console.some((t) => /redirected to another origin|led to another origin/.test(t)), console.join('\n'));
    const [event] = await page.evaluate(() => window.widgetErrors);
    assert.equal(event.reason, 'questionnaire-unreachable');
    assert.match(event.message, /redirected to another origin/);
    await context.close();
  });

  test('an oversized questionnaire is refused while it arrives', async () => {
    const { context, page } = await profile('endless.html', { init: recordErrors });
    const console = [];
    page.on('console', (m) => console.push(m.text()));
    await page.reload();
    await widget(page).getByText('This check is not available at the moment.').waitFor();
    assert.ok(console.some((t) => t.includes('is larger than 512 KiB')), console.join('\n'));
    const [event] = await page.evaluate(() => window.widgetErrors);
    assert.equal(event.reason, 'questionnaire-too-large');
    assert.match(event.message, /is larger than 512 KiB/);
    await context.close();
  });

  test('a widget with sharing turned off does not open a share link', async () => {
    const sender = await profile();
    await finishCheck(sender.page, 'Sent');
    const link = await copyShareLink(sender.page, sender.page);
    const { context, page, errors } = await profile(`no-sharing.html${fragmentOf(link)}`);
    await widget(page).locator('.pr-start').waitFor();
    assert.equal(await widget(page).getByText('(partner view)').count(), 0, 'the link is not opened');
    errors.check();
    for (const c of [context, sender.context]) await c.close();
  });

  test("a share link carries none of the host page's query string", async () => {
    const { context, page, errors } = await profile('?utm_source=newsletter&session=secret');
    await finishCheck(page, 'Plain');
    const link = await copyShareLink(page, page);
    assert.equal(new URL(link).search, '');
    errors.check();
    await context.close();
  });
});

describe('saved data', () => {
  test('a notice about data set aside is there after every reload, with another tab open', async () => {
    const { context, page, errors } = await profile();
    await widget(page).locator('.pr-start').waitFor();
    const other = await context.newPage();
    await other.goto(server.url);
    await widget(other).locator('.pr-start').waitFor();
    for (let attempt = 0; attempt < 12; attempt += 1) {
      await page.evaluate(() => localStorage.setItem('partnership-readiness', '{ not json'));
      await page.reload();
      await widget(page).getByRole('alert').filter({ hasText: 'could not be read' }).first().waitFor();
      await widget(other).getByRole('alert').filter({ hasText: 'could not be read' }).first().waitFor();
    }
    // Dismissed in one tab, each notice goes in the other too, and stays gone after a reload.
    const alerts = widget(page).getByRole('alert').filter({ hasText: 'could not be read' });
    while (await alerts.count()) await alerts.first().getByRole('button').click();
    await other.reload();
    await widget(other).locator('.pr-start').waitFor();
    assert.equal(await widget(other).getByRole('alert').count(), 0);
    assert.ok((await page.evaluate(() => Object.keys(localStorage))).filter((k) => k.includes(':backup:')).length >= 12, 'every document is kept');
    errors.check();
    await context.close();
  });

  test('an import naming thousands of unknown answers says so in one short line', async () => {
    const { context, page, errors } = await profile();
    await page.getByRole('button', { name: 'Import results' }).click();
    const answers = Object.fromEntries(Array.from({ length: 90 }, (_, i) => [`retired.${'x'.repeat(300)}${i}`, 3]));
    const document = JSON.stringify({
      format: 'partnership-readiness/result', version: 1,
      questionnaire: { id: 'partnership-readiness', version: '0.9', hash: 'x' }, created: '2026-01-01T00:00:00Z', answers,
    });
    await page.getByLabel('Or paste a share link or the JSON').fill(document);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const status = page.locator('.pr-import-outcome[role=status]');
    await status.filter({ hasText: 'Imported: 1 new' }).waitFor();
    const text = await status.innerText();
    assert.ok(text.length < 800, `${text.length} characters`);
    assert.match(text, / and 80 more/);
    errors.check();
    await context.close();
  });
});
