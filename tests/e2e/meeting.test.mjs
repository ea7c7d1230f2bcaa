// End-to-end: the partner meeting. Each side answers in its own browser profile;
// the partner's result arrives as a share link, is compared with mine (exact gaps
// and groups), and becomes an agenda that copies, downloads and prints on one
// page. axe-core on every screen; no horizontal scrolling on a phone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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
      const link = await copyShareLink(partner.page, partner.page, { texts: true });

      const me = await profile(viewport);
      const { page } = me;
      await finish(page, 'Us', MINE, 'We disagree on the goals.');
      // Pasted into the address bar of the page already open: only the fragment changes.
      await page.goto(server.url + fragmentOf(link));
      await page.getByRole('heading', { name: 'Shared result: Partner Co' }).waitFor();
      await page.getByRole('button', { name: 'Compare with my result' }).click();
      await page.getByRole('heading', { name: 'Compare Partner Co with…' }).waitFor();
      assert.deepEqual(await axeViolations(page), [], 'choosing is accessible');
      await compareWith(page, 'Us');
      await page.getByRole('heading', { name: 'Comparison: Us and Partner Co' }).waitFor();

      // Largest gap first; a principle scored on one side only is last and says so.
      const rows = await page.locator('.pr-compare-table tbody tr').evaluateAll((trs) => trs.map((tr) =>
        [...tr.children].map((cell) => cell.textContent.trim())));
      assert.deepEqual(rows, [
        ['1.Clear objectives', '25', '100', '75'],
        ['6.Personal relationships', '75', '100', '25'],
        ['7.Adaptability and flexibility', '75', '50', '25'],
        ['10.Celebrating successes together', '50', '25', '25'],
        ['2.Aligned values and culture', '25', '25', '0'],
        ['3.Complementary strengths', '50', '50', '0'],
        ['4.Open and transparent communication', '75', '75', '0'],
        ['5.Mutually beneficial agreements', '0', '0', '0'],
        ['8.Clear governance structures', '75', 'No score', '–'],
        ['9.Investing in relationship management', 'No score', '75', '–'],
      ]);
      const groups = await page.locator('.pr-group').evaluateAll((sections) => sections.map((s) =>
        [...s.querySelectorAll('li')].map((li) => li.textContent.split(' – ')[0])));
      assert.deepEqual(groups, [
        ['Clear objectives', 'Personal relationships', 'Adaptability and flexibility', 'Celebrating successes together'],
        ['Aligned values and culture', 'Complementary strengths', 'Mutually beneficial agreements', 'Celebrating successes together'],
        ['Open and transparent communication', 'Personal relationships'],
      ]);
      await page.getByText('Scored on one side only, and so left out of the ranking: Clear governance structures, Investing in relationship management.').waitFor();
      await page.getByText('Us: Disagree — Partner Co: Strongly agree').first().waitFor();
      assert.equal(await page.locator('.pr-legend').innerText(), 'Us\nPartner Co');
      assert.deepEqual(await axeViolations(page), [], 'the comparison is accessible');
      assert.equal(await scrollsSideways(page), false, 'no sideways scrolling');

      // Re-sorted by principle order with the keyboard, and announced.
      await page.getByRole('button', { name: 'Sort by principle order' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Sorted by principle order.' }).waitFor();
      assert.equal(await page.locator('.pr-compare-table tbody tr th').first().innerText(), '1.Clear objectives');
      assert.equal(await page.locator('.pr-compare-table th[aria-sort]').innerText(), 'Principle');

      // The agenda: the four gaps in an hour; in 90 minutes the lowest shared priority joins.
      await page.getByRole('button', { name: 'Meeting agenda' }).click();
      await page.getByRole('heading', { name: 'Meeting agenda: Us and Partner Co' }).waitFor();
      const topics = () => page.locator('.pr-agenda-items > li > h3').allInnerTexts();
      assert.deepEqual((await topics()).map((t) => t.replace(/\s+/g, ' ')), [
        'Opening: what each side wants from the partnership 5 min',
        'Clear objectives 15 min',
        'Personal relationships 15 min',
        'Adaptability and flexibility 10 min',
        'Celebrating successes together 10 min',
        'Next steps: owners and dates 5 min',
      ]);
      await page.getByText('Us: We disagree on the goals.').waitFor();
      await page.getByText('Partner Co: Our goals are written down.').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'the agenda is accessible');
      assert.equal(await scrollsSideways(page), false, 'no sideways scrolling');
      await page.getByLabel('90 minutes').check();
      assert.equal((await topics()).length, 7);
      assert.match((await topics())[5], /^Mutually beneficial agreements/);

      await page.getByRole('button', { name: 'Copy as Markdown' }).click();
      await page.getByText('The agenda was copied to the clipboard.').waitFor();
      const markdown = await page.evaluate(() => navigator.clipboard.readText());
      assert.match(markdown, /^# Meeting agenda: Us and Partner Co\n\n90 minutes\n\n1\. Opening: what each side wants from the partnership \(5 min\)\n2\. Clear objectives \(20 min\)\n   Seen far apart: Us 25, Partner Co 100 \(a gap of 75\)\.\n/);
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
      await page.getByRole('heading', { name: 'Shared result: Partner Co' }).waitFor();
      for (const { errors, context } of [partner, me]) {
        errors.check();
        await context.close();
      }
    });
  }
});
