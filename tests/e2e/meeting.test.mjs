// End-to-end: the partner meeting. Each side answers in its own browser profile;
// the partner's result arrives as a share link, is compared with mine (exact gaps
// and groups), and becomes an agenda that copies, downloads and prints on one
// page. axe-core on every screen; no horizontal scrolling on a phone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { HtmlRenderer, Parser } from 'commonmark';
import { axeViolations, compareWith, copyShareLink, finishCheck, fragmentOf, launchBrowser, openProfile, serveDist } from './support.mjs';

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

/** The rating (1–5) that scores each value. */
const RATING = { 0: 1, 25: 2, 50: 3, 75: 4, 100: 5 };

/** A fresh browser profile (own storage) in a window of `viewport`. */
const profile = (viewport) => openProfile(browser, server, '', { viewport });

/**
 * Answers each principle's three statements alike, with the rating that scores
 * `scores[p]` (null: left unanswered), notes the first principle, labels the result.
 */
const finish = (page, label, scores, note) =>
  finishCheck(page, label, (p) => (scores[p] === null ? null : RATING[scores[p]]), { notes: { 0: note } });

/** Whether the page scrolls sideways (it must not, even on a phone). */
const scrollsSideways = (page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** Pages in a PDF made by Chromium. */
const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

//              1    2   3   4   5    6   7    8     9    10
const MINE = [25, 25, 50, 75, 0, 75, 75, 75, null, 50];
const PARTNER = [100, 25, 50, 75, 0, 100, 50, null, 75, 25];

describe('the partner meeting', () => {
  for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    test(`a partner's result from a share link compares with mine, then becomes an agenda (${device})`, async () => {
      const partner = await profile(viewport);
      await finish(partner.page, 'Partner Co', PARTNER, 'Our goals are written down.');
      const link = await copyShareLink(partner.page, partner.page, { notes: true });

      const me = await profile(viewport);
      const { page } = me;
      await finish(page, 'Us', MINE, 'We disagree on the goals.');
      // Pasted into the address bar of the page already open: only the fragment changes.
      await page.goto(server.url + fragmentOf(link));
      await page.getByRole('heading', { name: 'Received: Partner Co (partner view)' }).waitFor();
      // The next step is the first thing under the score, and it names my result.
      assert.equal(await page.locator('.pr-next .pr-button-primary').innerText(), 'Compare with Us');
      await compareWith(page, 'Us');
      await page.getByRole('heading', { name: 'Comparison: Us and Partner Co' }).waitFor();

      // At a glance: both scores, what to talk about first, shared priorities, what to build on.
      assert.deepEqual(await page.locator('.pr-compare-overall').evaluateAll((cards) => cards.map((c) =>
        [...c.querySelectorAll('p')].map((p) => p.textContent.trim()).slice(0, 2))), [['Us', '50/100'], ['Partner Co', '56/100']]);
      assert.deepEqual(await page.locator('.pr-talk-first-list > li').allInnerTexts(), [
        'Clear objectives: a gap of 75', 'Personal relationships: a gap of 25', 'Adaptability and flexibility: a gap of 25',
      ]);
      assert.equal(await page.locator('.pr-talk-first summary').innerText(), '1 more with a gap of 25 or more');
      assert.deepEqual(await page.locator('.pr-group-line').allInnerTexts(), [
        'Shared priorities (both below 60): Aligned values and culture, Complementary strengths, Mutually beneficial agreements, Celebrating successes together',
        'Build on (both 75 or more): Open and transparent communication, Personal relationships',
      ]);

      // Every principle on a 0–100 line, largest gap first, its numbers also said in words.
      const sentences = () => page.locator('.pr-gap-rows > li .pr-visually-hidden').allTextContents();
      assert.deepEqual(await sentences(), [
        'Clear objectives: Us 25, Partner Co 100, a gap of 75.',
        'Personal relationships: Us 75, Partner Co 100, a gap of 25.',
        'Adaptability and flexibility: Us 75, Partner Co 50, a gap of 25.',
        'Celebrating successes together: Us 50, Partner Co 25, a gap of 25.',
        'Aligned values and culture: Us 25, Partner Co 25, a gap of 0.',
        'Complementary strengths: Us 50, Partner Co 50, a gap of 0.',
        'Open and transparent communication: Us 75, Partner Co 75, a gap of 0.',
        'Mutually beneficial agreements: Us 0, Partner Co 0, a gap of 0.',
        'Clear governance structures: Us 75, Partner Co No score.',
        'Investing in relationship management: Us No score, Partner Co 75.',
      ]);
      assert.equal(await page.locator('.pr-gap-rows > li').first().locator('.pr-gap-numbers').innerText(), '25\n100\nΔ 75');
      await page.getByText('Scored on one side only, and so left out of the ranking: Clear governance structures, Investing in relationship management.').waitFor();
      assert.equal(await page.locator('.pr-gap-chart .pr-legend').innerText(), 'Us\nPartner Co');
      // The statement-level detail and the radar are one click away.
      assert.equal(await page.getByText('Us: Disagree — Partner Co: Strongly agree').first().isVisible(), false);
      await page.locator('.pr-differences summary').click();
      await page.getByText('Us: Disagree — Partner Co: Strongly agree').first().waitFor();
      await page.locator('.pr-compare-radar summary').click();
      assert.equal(await page.locator('.pr-compare-radar .pr-chart-label').count(), 10, 'every axis named');
      assert.deepEqual(await axeViolations(page), [], 'the comparison is accessible');
      assert.equal(await scrollsSideways(page), false, 'no sideways scrolling');

      // Re-sorted by principle order with the keyboard, and announced.
      await page.getByRole('button', { name: 'Sort by principle order' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Sorted by principle order.' }).waitFor();
      assert.equal((await sentences())[1], 'Aligned values and culture: Us 25, Partner Co 25, a gap of 0.');

      // The agenda: the gaps first, a shared priority too; topics left out and added back.
      await page.getByRole('button', { name: 'Prepare the meeting' }).click();
      await page.getByRole('heading', { name: 'Meeting agenda: Us and Partner Co' }).waitFor();
      const topics = async () => (await page.locator('.pr-agenda-items > li h3').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
      const suggested = await topics();
      assert.equal(suggested[0], 'Opening: what each side wants from the partnership 5 min');
      assert.match(suggested[1], /^Clear objectives \d+ min$/);
      assert.match(suggested.at(-1), /^Decisions and owners \d+ min$/);
      const minutes = suggested.reduce((sum, t) => sum + Number(t.match(/(\d+) min$/)[1]), 0);
      assert.equal(minutes, 60, 'the topics fill the hour');
      await page.getByText('Us: We disagree on the goals.').first().waitFor();
      await page.getByText('Partner Co: Our goals are written down.').first().waitFor();
      assert.deepEqual(await axeViolations(page), [], 'the agenda is accessible');
      assert.equal(await scrollsSideways(page), false, 'no sideways scrolling');
      await page.getByRole('button', { name: 'Leave out Clear objectives' }).click();
      await page.getByRole('status').filter({ hasText: 'Clear objectives left out; times recomputed.' }).waitFor();
      assert.ok(!(await topics()).some((t) => t.startsWith('Clear objectives')));
      await page.locator('.pr-more-topics summary').click();
      await page.getByRole('button', { name: 'Add Clear objectives' }).click();
      assert.deepEqual(await topics(), suggested, 'added back where it belongs');
      await page.getByLabel('Meeting date').fill('2026-12-14');
      await page.getByLabel('Attendees').fill('Ana (Us), Ben (Partner Co)');

      await page.getByRole('button', { name: 'Copy as Markdown' }).click();
      await page.getByText('The agenda was copied to the clipboard.').waitFor();
      const markdown = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(markdown.startsWith('# Meeting agenda: Us and Partner Co\n\n- Date: 14 December 2026\n- Attendees: Ana (Us), Ben (Partner Co)\n- Length: 60 minutes\n\n## 1. Opening: what each side wants from the partnership (5 min)\n'), markdown);
      assert.match(markdown, /\n## 2\. Clear objectives \(\d+ min\)\n\nSeen far apart: Us 25, Partner Co 100 \(a gap of 75\)\.\n/);
      assert.match(markdown, /\n> Note from Us: We disagree on the goals\.\n/);
      // Read as CommonMark, it is the same structure: one title, numbered sections, lists, quotes.
      const html = new HtmlRenderer().render(new Parser().parse(markdown));
      assert.equal((html.match(/<h1>/g) ?? []).length, 1);
      assert.equal((html.match(/<h2>/g) ?? []).length, suggested.length);
      assert.match(html, /<blockquote>\n<p>Note from Partner Co: Our goals are written down\.<\/p>/);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download .md' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^partnership-readiness-agenda-us-and-partner-co-\d{4}-\d{2}-\d{2}\.md$/);
      assert.equal(await readFile(await download.path(), 'utf8'), markdown, 'the file holds what was copied');

      // Printed, the agenda stands alone on one page (A4 and US Letter).
      for (const format of ['A4', 'Letter']) {
        assert.equal(pdfPages(await page.pdf({ format })), 1, `one ${format} page`);
      }
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.getByRole('button', { name: 'Copy as Markdown' }).isVisible(), false, 'no buttons on paper');
      assert.equal(await page.getByText('Partnership readiness check', { exact: true }).isVisible(), false, 'no page header');
      await page.emulateMedia({ media: 'screen' });

      await page.getByRole('button', { name: 'Back to the comparison' }).click();
      await page.getByRole('button', { name: 'Back to the result' }).click();
      await page.getByRole('heading', { name: 'Received: Partner Co (partner view)' }).waitFor();
      for (const { errors, context } of [partner, me]) {
        errors.check();
        await context.close();
      }
    });
  }
});

//                  1   2   3   4  5   6   7   8   9  10
const ACME =    [75, 25, 50, 75, 0, 75, 50, 75, 75, 50];
const INITECH = [25, 75, 50, 50, 0, 100, 25, 75, 75, 25];

/** Answers a check already started (each principle's three statements alike) and shows the result. */
async function answerAll(page, label, scores, notes = {}) {
  for (let p = 0; p < 10; p += 1) {
    for (let s = 0; s < 3; s += 1) await page.locator(`.pr-screen fieldset:nth-of-type(${s + 1}) input[value="${RATING[scores[p]]}"]`).check();
    if (notes[p] !== undefined) await page.locator('.pr-step textarea').fill(notes[p]);
    await page.locator('.pr-nav-buttons .pr-button-primary').click();
  }
  await page.locator('.pr-review input[type=text]').fill(label);
  await page.locator('.pr-review .pr-nav-buttons .pr-button-primary').click();
}

describe('the whole partner journey, one link each way', () => {
  for (const [device, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    test(`A shares; B opens, takes the check, compares and sends back; A compares and copies the agenda (${device})`, async () => {
      // A finishes and shares, with the notes.
      const a = await profile(viewport);
      await finish(a.page, 'Acme', ACME, 'Acme wants numbers.');
      assert.equal(await a.page.locator('.pr-next .pr-button-primary').innerText(), 'Send to your partner', 'the step forward is filled');
      const toB = await copyShareLink(a.page, a.page, { notes: true });

      // B opens it: someone else's result, with a way forward and no dead end.
      const b = await openProfile(browser, server, fragmentOf(toB), { viewport });
      await b.page.getByRole('heading', { name: 'Received: Acme (partner view)' }).waitFor();
      await b.page.getByText('Notes from Acme').waitFor();
      assert.equal(await b.page.locator('.pr-next .pr-button-primary').innerText(), 'Take the check yourself');
      assert.deepEqual(await axeViolations(b.page), [], 'the opened result is accessible');
      await b.page.getByRole('button', { name: 'Take the check yourself' }).click();
      await answerAll(b.page, 'Initech', INITECH, { 4: 'Initech needs legal.' });

      // Finishing leads straight to the comparison, B's own result first.
      await b.page.getByRole('heading', { name: 'Comparison: Initech and Acme' }).waitFor();
      assert.deepEqual(await b.page.locator('.pr-compare-overall .pr-overall-score').allInnerTexts(), ['50/100', '55/100']);
      assert.deepEqual(await b.page.locator('.pr-talk-first-list > li').allInnerTexts(), [
        'Clear objectives: a gap of 50', 'Aligned values and culture: a gap of 50', 'Open and transparent communication: a gap of 25',
      ]);
      assert.deepEqual(await axeViolations(b.page), [], 'the comparison is accessible');
      assert.equal(await scrollsSideways(b.page), false);

      // …and from there B sends their own result back.
      await b.page.getByRole('button', { name: 'Send my result to Acme' }).click();
      await b.page.getByRole('heading', { name: 'Share or export: Initech' }).waitFor();
      assert.equal(await b.page.getByTestId('seen-as').innerText(), 'Your partner sees it as “Received: Initech (partner view)”.');
      assert.deepEqual(await axeViolations(b.page), [], 'the share screen is accessible');
      const toA = await copyShareLink(b.page, b.page, { notes: true });
      // Both are kept in B's browser, the received one marked.
      await b.page.goto(server.url);
      // Saved results are listed after the start screen's first paint (a new build for this profile: the core one).
      await b.page.locator('.pr-history tbody th').nth(1).waitFor();
      assert.deepEqual((await b.page.locator('.pr-history tbody th').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ')), ['Initech', 'Acme Received']);

      // A opens B's link on the page already open and compares, A's own result first.
      await a.page.goto(server.url + fragmentOf(toA));
      await a.page.getByRole('heading', { name: 'Received: Initech (partner view)' }).waitFor();
      assert.equal(await a.page.locator('.pr-next .pr-button-primary').innerText(), 'Compare with Acme');
      await a.page.getByRole('button', { name: 'Compare with Acme' }).click();
      await a.page.getByRole('heading', { name: 'Comparison: Acme and Initech' }).waitFor();
      assert.deepEqual(await a.page.locator('.pr-compare-overall .pr-overall-score').allInnerTexts(), ['55/100', '50/100']);
      assert.equal(await a.page.locator('.pr-gap-rows > li .pr-visually-hidden').first().textContent(), 'Clear objectives: Acme 75, Initech 25, a gap of 50.');

      // The agenda carries both sides' notes and copies as CommonMark with one title and a heading per item.
      await a.page.getByRole('button', { name: 'Prepare the meeting' }).click();
      await a.page.getByRole('heading', { name: 'Meeting agenda: Acme and Initech' }).waitFor();
      assert.deepEqual(await axeViolations(a.page), [], 'the agenda is accessible');
      assert.equal(await scrollsSideways(a.page), false);
      await a.page.getByRole('button', { name: 'Copy as Markdown' }).click();
      await a.page.getByText('The agenda was copied to the clipboard.').waitFor();
      const markdown = await a.page.evaluate(() => navigator.clipboard.readText());
      const html = new HtmlRenderer().render(new Parser().parse(markdown));
      assert.equal((html.match(/<h1>/g) ?? []).length, 1, html);
      assert.equal((html.match(/<h2>/g) ?? []).length, await a.page.locator('.pr-agenda-items > li').count() + (markdown.includes('## Raised in notes') ? 1 : 0));
      assert.match(html, /<h2>2\. Clear objectives \(\d+ min\)<\/h2>\n<p>Seen far apart: Acme 75, Initech 25 \(a gap of 50\)\.<\/p>/);
      assert.match(html, /<blockquote>\n<p>Note from Acme: Acme wants numbers\.<\/p>/);
      assert.match(html, /<blockquote>\n<p>Note from Initech: Initech needs legal\.<\/p>/);
      for (const { errors, context } of [a, b]) {
        errors.check();
        await context.close();
      }
    });
  }
});
