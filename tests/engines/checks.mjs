// The cross-engine checks, written once: firefox.test.mjs and webkit.test.mjs
// each run them all in their engine, against the built site in PR_DIST (default
// dist/), served twice (two origins: two loopback ports, both secure contexts).
//
// One browser launch per engine serves every check. Checks of one group share
// profiles and go on from where the previous check left them (node:test runs
// them in order): the walkthrough's result is the one reloaded, shared, sealed
// and exported; the receiver of the plain link compares it and copies the agenda.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launchEngine } from './drivers.mjs';
import { DIST, germanText, serveSite } from './site.mjs';

const ENGLISH_TITLE = 'How ready are you for this partnership?';

/**
 * The walkthrough's answers: ratings 1–5 (Strongly disagree … Strongly agree =
 * 0, 25, 50, 75, 100 points), statement s (0–2) of principle p (0–9):
 *   principles 1–5: Agree throughout                     → 75 each
 *   principles 6–9: rating ((p + s) % 5) + 1
 *     p=5: 1,2,3 → (0+25+50)/3 = 25
 *     p=6: 2,3,4 → (25+50+75)/3 = 50
 *     p=7: 3,4,5 → (50+75+100)/3 = 75
 *     p=8: 4,5,1 → (75+100+0)/3 = 58.33 (shown 58)
 *   principle 10: Strongly agree throughout              → 100
 * Overall = (5 × 75 + 25 + 50 + 75 + 58.33 + 100) / 10 = 683.33 / 10 = 68.33 → 68,
 * band Developing (60–74).
 */
const RATINGS = Array.from({ length: 10 }, (_, p) => [0, 1, 2].map((s) => {
  if (p < 5) return 4;
  if (p === 9) return 5;
  return ((p + s) % 5) + 1;
}));
const EXPECTED = {
  overall: '68',
  band: 'Developing',
  principles: ['75', '75', '75', '75', '75', '25', '50', '75', '58', '100'],
};
/** The receiver's own result: Neutral throughout → every principle 50, overall 50, Emerging. */
const NEUTRAL = Array.from({ length: 10 }, () => [3, 3, 3]);

const PASSPHRASE = 'tell it by phone';

// In-page conditions used by several checks (they run in the page: no closures).
const startScreen = (pr) => pr.screen() === 'start' && pr.button('Start the check') && pr.text(pr.$('.pr-start h2'));

/** Asserts that the tab reported no console errors, page errors or failed loads since the last call. */
async function assertNoErrors(tab, what = 'the page') {
  const errors = await tab.takeErrors();
  assert.deepEqual(errors, [], `${what} reported errors`);
}

/** Opens the share screen from a results screen (its next step "Send to your partner"). */
async function openShare(tab) {
  await tab.evaluate((pr) => pr.button('Send to your partner').click());
  await tab.waitFor((pr) => pr.screen() === 'share' && pr.button('Copy link'));
}

/**
 * Clicks a copy button with a real mouse click (a user activation, as a person's
 * click) and returns what happened: the message the widget then shows, and the
 * clipboard write the page made (its text, and whether the browser allowed it;
 * recorded by watch.js while the real write happens). Waits until the write has
 * settled and the widget has said something that fits it.
 */
async function copyWith(tab, name) {
  await tab.takeClipboard(); // earlier writes are not this one's
  await tab.click((pr, n) => pr.button(n), name);
  const message = await tab.waitFor((pr) => {
    const said = pr.$$('.pr-screen [role=status], .pr-screen [role=alert]').map((el) => pr.text(el)).filter(Boolean).join(' ');
    const write = window.__engines.clipboard.at(-1);
    if (write?.ok === true && /copied/.test(said)) return said;
    // Without a write, or with a refused one: what the widget says instead (not a "…working" note).
    if ((!write || write.ok === false) && said && !said.endsWith('…') && !/copied to the clipboard/.test(said)) return said;
    return null;
  });
  const writes = await tab.takeClipboard();
  return { message, write: writes.at(-1) ?? null };
}

/** The link a failed copy leaves on screen for copying by hand (its read-only field). */
const manualCopyText = (pr) => pr.$$('.pr-share input, .pr-share textarea')
  .map((el) => el.value).find((v) => v.includes('#pr')) ?? null;

export function defineChecks(engineName) {
  describe(`${engineName}: partnership readiness check, built site (${DIST})`, () => {
    let engine;
    let origin1;
    let origin2;
    const profiles = [];
    const started = Date.now();

    /** A fresh profile (own storage), closed after the suite. */
    async function newProfile() {
      const profile = await engine.newProfile();
      profiles.push(profile);
      return profile;
    }

    before(async () => {
      [origin1, origin2] = await Promise.all([serveSite(), serveSite()]);
      engine = await launchEngine(engineName);
    });
    after(async () => {
      for (const profile of profiles) await profile.close().catch(() => {});
      await engine?.close();
      await Promise.all([origin1?.close(), origin2?.close()]);
      console.log(`${engineName} (${engine?.version ?? '?'}): ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });

    describe('one person: load, walkthrough, reload, share, import', () => {
      let sender; // profile A on origin 1
      let receiver; // profile B on origin 2
      let sealedLink;

      test('1. load: the start screen appears, without console errors', async () => {
        sender = await newProfile();
        await sender.tab.open(origin1.url);
        assert.equal(await sender.tab.waitFor(startScreen), ENGLISH_TITLE);
        await assertNoErrors(sender.tab);
      });

      test('2. walkthrough: 30 answers give exactly 68, Developing', async () => {
        const shown = await sender.tab.evaluate((pr, ratings) => pr.walkthrough(ratings, 'Northwind'), RATINGS);
        assert.deepEqual(shown, EXPECTED);
        await assertNoErrors(sender.tab);
      });

      test('3. reload and history: after a reload the start screen lists the saved result', async () => {
        await sender.tab.reload();
        await sender.tab.waitFor(startScreen);
        const row = await sender.tab.waitFor((pr) => pr.$$('.pr-history tr, .pr-history li')
          .map((el) => pr.text(el)).find((t) => t.includes('Northwind')));
        assert.match(row, /68/);
        assert.match(row, /Developing/);
        await assertNoErrors(sender.tab);
      });

      test('4. plain share link: copied on one origin, opened in a fresh profile on another, same score', async () => {
        await sender.tab.evaluate((pr) => pr.button('Open Northwind').click());
        assert.deepEqual(await sender.tab.waitFor((pr) => pr.$('[data-testid=overall-score]') && pr.scores()), EXPECTED);
        await openShare(sender.tab);
        const { message, write } = await copyWith(sender.tab, 'Copy link');
        assert.equal(write?.ok, true, `the clipboard write failed: ${write?.error}; the widget says: "${message}"`);
        assert.equal(message, 'The share link was copied to the clipboard.');
        const link = write.text;
        assert.ok(link.startsWith(origin1.url), link);
        const fragment = link.slice(link.indexOf('#'));
        assert.match(fragment, /^#pr1\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]+$/);

        receiver = await newProfile();
        await receiver.tab.open(origin2.url);
        await receiver.tab.waitFor(startScreen);
        // The receiver has a result of its own, for the comparison (check 7).
        const own = await receiver.tab.evaluate((pr, ratings) => pr.walkthrough(ratings, 'Us'), NEUTRAL);
        assert.deepEqual([own.overall, own.band], ['50', 'Emerging']);
        await receiver.tab.open(origin2.url + fragment);
        assert.equal(await receiver.tab.waitFor((pr) => pr.screen() === 'shared' && pr.$('[data-testid=overall-score]')
          && pr.text(pr.$('h2'))), 'Received: Northwind (partner view)');
        assert.deepEqual(await receiver.tab.evaluate((pr) => pr.scores()), EXPECTED);
        await assertNoErrors(sender.tab, 'the sender');
        await assertNoErrors(receiver.tab, 'the receiver');
      });

      test('5. passphrase link: the sealed link is copied to the clipboard', async () => {
        await sender.tab.evaluate((pr) => pr.check(pr.field('Protect with a passphrase')));
        await sender.tab.waitFor((pr) => pr.field('Passphrase'));
        await sender.tab.evaluate((pr, p) => pr.setValue(pr.field('Passphrase'), p), PASSPHRASE);
        const { message, write } = await copyWith(sender.tab, 'Create and copy protected link');
        sealedLink = write?.ok ? write.text : await sender.tab.evaluate(manualCopyText);
        assert.ok(sealedLink && !sealedLink.includes('Northwind'), `a sealed link, nothing readable in it: ${sealedLink}`);
        assert.equal(write?.ok, true, `the clipboard write failed: ${write ? `${write.how}: ${write.error}` : 'none was made'}; the widget says: "${message}"`);
        assert.equal(message, 'The share link was copied to the clipboard.');
        await assertNoErrors(sender.tab, 'the sender');
      });

      test('5. passphrase link: opens on another origin with the passphrase, same score', async () => {
        assert.ok(sealedLink, 'no sealed link was made (previous check)');
        const other = await newProfile();
        await other.tab.open(origin2.url + sealedLink.slice(sealedLink.indexOf('#')));
        await other.tab.waitFor((pr) => pr.field('Passphrase') && pr.button('Open'));
        await other.tab.evaluate((pr, p) => { pr.setValue(pr.field('Passphrase'), p); pr.button('Open').click(); }, PASSPHRASE);
        assert.equal(await other.tab.waitFor((pr) => pr.screen() === 'shared' && pr.$('[data-testid=overall-score]')
          && pr.text(pr.$('h2'))), 'Received: Northwind (partner view)');
        assert.deepEqual(await other.tab.evaluate((pr) => pr.scores()), EXPECTED);
        await assertNoErrors(other.tab);
        await other.close();
      });

      test('6. import: a copied JSON export pasted into a fresh profile gives the same score', async () => {
        const { message, write } = await copyWith(sender.tab, 'Copy JSON');
        assert.equal(write?.ok, true, `the clipboard write failed: ${write?.error}; the widget says: "${message}"`);
        const json = write.text;
        const document = JSON.parse(json);
        assert.equal(document.scores?.overall, 68);

        const fresh = await newProfile();
        await fresh.tab.open(origin1.url);
        await fresh.tab.waitFor(startScreen);
        await fresh.tab.evaluate((pr) => pr.button('Import results').click());
        await fresh.tab.waitFor((pr) => pr.screen() === 'import' && pr.field('Or paste a share link or the JSON'));
        await fresh.tab.evaluate((pr, text) => {
          pr.setValue(pr.field('Or paste a share link or the JSON'), text);
          pr.button('Import').click();
        }, json);
        await fresh.tab.waitFor((pr) => pr.text(pr.root()).includes('Imported: 1 new, 0 already saved.'));
        await fresh.tab.evaluate((pr) => pr.button('Back to start').click());
        await fresh.tab.waitFor((pr) => pr.button('Open Northwind'));
        await fresh.tab.evaluate((pr) => pr.button('Open Northwind').click());
        assert.deepEqual(await fresh.tab.waitFor((pr) => pr.$('[data-testid=overall-score]') && pr.scores()), EXPECTED);
        await assertNoErrors(sender.tab, 'the sender');
        await assertNoErrors(fresh.tab, 'the importer');
        await fresh.close();
      });

      test('7. comparison and agenda: the receiver compares the link with its own result; the agenda copies as Markdown', async () => {
        assert.ok(receiver, 'the receiver of check 4 is there');
        const { tab } = receiver;
        // The shared result's next step names the receiver's own result.
        await tab.evaluate((pr) => pr.button('Compare with Us').click());
        assert.equal(await tab.waitFor((pr) => pr.screen() === 'compare' && pr.$('.pr-gap-rows') && pr.text(pr.$('h2'))),
          'Comparison: Us and Northwind');
        // Largest gap first: principle 10 (50 and 100).
        const rows = await tab.evaluate((pr) => pr.$$('.pr-gap-rows > li .pr-visually-hidden').map((row) => pr.text(row)));
        assert.equal(rows.length, 10);
        assert.equal(rows[0], 'Celebrating successes together: Us 50, Northwind 100, a gap of 50.');
        await tab.evaluate((pr) => pr.button('Prepare the meeting').click());
        await tab.waitFor((pr) => pr.screen() === 'agenda' && pr.button('Copy as Markdown'));
        const { message, write } = await copyWith(tab, 'Copy as Markdown');
        assert.equal(write?.ok, true, `the clipboard write failed: ${write?.error}; the widget says: "${message}"`);
        assert.equal(message, 'The agenda was copied to the clipboard.');
        assert.match(write.text, /^# Meeting agenda: Us and Northwind\n/);
        await assertNoErrors(tab, 'the receiver');
      });
    });

    describe('host pages: German, dark, hostile CSS, iframe, strict policy', () => {
      let tab;
      before(async () => {
        ({ tab } = await newProfile());
      });

      test('8. German: examples/german.html speaks German, no English start screen', async () => {
        const [button, title] = await Promise.all([germanText('button'), germanText('title')]);
        await tab.open(`${origin1.url}examples/german.html`);
        const shown = await tab.waitFor((pr) => pr.screen() === 'start' && pr.$('.pr-start .pr-button-primary')
          && { button: pr.text(pr.$('.pr-start .pr-button-primary')), title: pr.text(pr.$('.pr-start h2')), lang: pr.$('.pr-widget')?.lang, all: pr.text(pr.root()) });
        assert.equal(shown.button, button);
        assert.equal(shown.title, title);
        assert.equal(shown.lang, 'de');
        assert.ok(!shown.all.includes(ENGLISH_TITLE), 'no English start title');
        assert.ok(!shown.all.includes('Start the check'), 'no English start button');
        await assertNoErrors(tab);
      });

      test('9. dark: examples/dark.html gives the widget a dark background', async () => {
        await tab.open(`${origin1.url}examples/dark.html`);
        const colour = await tab.waitFor((pr) => {
          if (pr.screen() !== 'start') return null;
          // The first opaque background from the widget's content up to the host.
          for (let el = pr.$('.pr-widget'); el; el = el.parentElement ?? el.getRootNode().host) {
            const bg = getComputedStyle(el).backgroundColor;
            const [r, g, b, a = 1] = bg.match(/[\d.]+/g).map(Number);
            if (a > 0) return { bg, r, g, b };
          }
          return null;
        });
        const channel = (c) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
        const luminance = 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b);
        assert.ok(luminance < 0.2, `background ${colour.bg} has luminance ${luminance.toFixed(3)}`);
        await assertNoErrors(tab);
      });

      test('10. hostile host CSS: examples/hostile-css.html leaves the widget as designed', async () => {
        await tab.open(`${origin1.url}examples/hostile-css.html`);
        const seen = await tab.waitFor((pr) => pr.screen() === 'start' && pr.button('Start the check') && {
          widgetFont: getComputedStyle(pr.$('.pr-widget')).fontSize,
          buttonFont: getComputedStyle(pr.button('Start the check')).fontSize,
          buttons: pr.$$('button').map((b) => {
            const r = b.getBoundingClientRect();
            const s = getComputedStyle(b);
            return { name: pr.text(b), visible: r.width > 0 && r.height > 0 && s.display !== 'none' && s.visibility === 'visible' && Number(s.opacity) > 0 };
          }),
          // The hostile CSS is at work on the host page itself.
          hostButtonHidden: getComputedStyle(document.querySelector('main > p > button')).display === 'none',
        });
        assert.equal(seen.hostButtonHidden, true, 'the host page hides its own buttons (the hostile CSS applies)');
        assert.ok(seen.buttons.length >= 2, JSON.stringify(seen.buttons));
        assert.deepEqual(seen.buttons.filter((b) => !b.visible), [], 'every widget button is visible');
        assert.notEqual(seen.widgetFont, '30px');
        assert.notEqual(seen.buttonFont, '30px');
        await assertNoErrors(tab);
      });

      test('11. iframe: examples/iframe-host.html sizes its iframe to the widget, and it grows to fit a step (> 600 px)', async (t) => {
        await tab.open(`${origin1.url}examples/iframe-host.html`);
        const fits = (m) => m.styled !== '' && Math.abs(m.outer - m.inner) <= 1;
        const atLoad = await tab.waitFor((pr) => {
          const m = pr.frame('readiness-frame');
          return m.screen === 'start' && m.inner > 0 && m.styled !== '' && Math.abs(m.outer - m.inner) <= 1 && m;
        });
        assert.ok(fits(atLoad), `after load the iframe fits its content: ${JSON.stringify(atLoad)}`);
        // Start the check inside the iframe: the first step is taller, and the iframe follows.
        await tab.evaluate(() => {
          const widget = document.getElementById('readiness-frame').contentDocument.querySelector('[data-partnership-readiness]');
          widget.shadowRoot.querySelector('.pr-start .pr-button-primary').click();
        });
        const atStep = await tab.waitFor((pr) => {
          const m = pr.frame('readiness-frame');
          return m.screen === 'step' && m.outer > 600 && Math.abs(m.outer - m.inner) <= 1 && m;
        });
        assert.ok(atStep.outer > 600, `${JSON.stringify(atStep)} (at load: ${JSON.stringify(atLoad)})`);
        t.diagnostic(`iframe height: ${atLoad.outer}px on the start screen, ${atStep.outer}px on the first step`);
        const frameErrors = await tab.evaluate(() => {
          const records = document.getElementById('readiness-frame').contentWindow.__engines;
          return records ? records.errors.splice(0) : ['the iframe page has no watcher'];
        });
        assert.deepEqual(frameErrors, [], 'the iframe page reported errors');
        await assertNoErrors(tab, 'the host page');
      });

      test('12. strict CSP: index.html under the policy header, zero violations through load, walkthrough and share', async () => {
        await tab.takeViolations(); // the earlier pages' are not this one's
        await tab.open(`${origin1.url}strict.html`);
        await tab.waitFor(startScreen);
        const scores = await tab.evaluate((pr, ratings) => pr.walkthrough(ratings), RATINGS);
        assert.deepEqual(scores, EXPECTED);
        await openShare(tab); // the full build, fetched on demand
        assert.deepEqual(await tab.takeViolations(), [], 'Content-Security-Policy violations');
        await assertNoErrors(tab);
        // The listener works: an inline style is refused and counted.
        await tab.evaluate((pr) => {
          const style = document.createElement('style');
          style.textContent = 'body { outline: 0 }';
          document.head.append(style);
          return pr.until('the violation', () => window.__engines.violations.length, 5000);
        });
        assert.ok((await tab.takeViolations()).length >= 1, 'a deliberate inline style is reported');
        await tab.takeErrors(); // Firefox also logs it as an error
      });
    });

    test('13. a team link opens read-only with the same medians, lowest and highest, and is saved', async () => {
      // Written by a Rust test (codec/team.rs) from three members whose figures are known.
      const fragment = (await readFile(new URL('../fixtures/team-link.txt', import.meta.url), 'utf8')).trim();
      const { tab } = await newProfile();
      await tab.open(origin2.url + fragment);
      const shown = await tab.waitFor((pr) => pr.screen() === 'shared-team' && pr.$('.pr-team-table') && {
        title: pr.text(pr.$('.pr-team h2')),
        overall: pr.text(pr.$('[data-testid=team-overall] .pr-overall-score')),
        rows: pr.$$('.pr-team-table tbody tr').map((row) => ['median', 'lowest', 'highest', 'count']
          .map((f) => row.querySelector(`[data-figure=${f}]`).textContent).join(' ')),
      });
      assert.deepEqual(shown, {
        title: 'Acme deal team',
        overall: '58/100',
        rows: ['50 25 100 3', '75 75 75 3', '50 50 100 3', '50 25 75 3', '0 0 0 3', '75 75 100 3', '50 25 50 3',
          '75 75 75 3', '75 75 75 3', '50 50 50 3', '58 55 60 3'],
      });
      await tab.waitFor((pr) => pr.button('Save team'));
      await tab.evaluate((pr) => pr.button('Save team').click());
      await tab.waitFor((pr) => pr.screen() === 'team' && pr.button('Delete team'));
      await tab.reload();
      await tab.waitFor(startScreen);
      await tab.evaluate((pr) => pr.button('Teams').click());
      assert.match(await tab.waitFor((pr) => pr.screen() === 'teams'
        && pr.$$('.pr-choices button').map((b) => pr.text(b)).find((t) => t.startsWith('Acme deal team'))), /3 members/);
      await assertNoErrors(tab);
    });

    test('14. two tabs of one profile: a result finished in one is listed in the other without a reload', async () => {
      const profile = await newProfile();
      const first = profile.tab;
      await first.open(origin1.url);
      await first.waitFor(startScreen);
      const second = await profile.newTab();
      await second.open(origin1.url);
      await second.waitFor(startScreen);
      await first.evaluate((pr, ratings) => pr.walkthrough(ratings, 'Fabrikam'), RATINGS);
      const row = await second.waitFor((pr) => pr.screen() === 'start'
        && pr.$$('.pr-history tr, .pr-history li').map((el) => pr.text(el)).find((t) => t.includes('Fabrikam')));
      assert.match(row, /68/);
      await assertNoErrors(first, 'the first tab');
      await assertNoErrors(second, 'the second tab');
    });
  });
}
