// End-to-end: the team view, without a server. Three colleagues each finish a
// check in their own browser profile and copy a share link; a fourth profile
// makes a team from the three links pasted at once (one of them twice, and a
// damaged one), reads the exact medians, lowest and highest, compares the team
// with a partner's result and reads the exact gaps, prepares the agenda (the
// team agrees inside first), and shares the team link, which a fresh profile
// opens with the same figures and saves. Teams are saved across reloads and
// follow other tabs. Desktop and phone; axe-core on every team screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  axeViolations, copyShareLink, finishCheck, fragmentOf, launchBrowser, openProfile, serveDist,
} from './support.mjs';

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

// Each colleague rates a principle's three statements alike (1–5 → 0–100).
const COLLEAGUES = {
  Ana: [5, 4, 3, 2, 1, 4, 3, 4, 4, 3],
  Ben: [2, 4, 3, 4, 1, 5, 2, 4, 4, 3],
  Cleo: [3, 4, 5, 3, 1, 4, 3, 4, 4, 3],
};
const PARTNER = [4, 2, 3, 4, 2, 3, 3, 4, 4, 3];
// Per principle: median, lowest, highest (all three rated everything).
const FIGURES = [
  [50, 25, 100], [75, 75, 75], [50, 50, 100], [50, 25, 75], [0, 0, 0],
  [75, 75, 100], [50, 25, 50], [75, 75, 75], [75, 75, 75], [50, 50, 50],
];
// Overall: 57.5 → 58, 55 and 60; median 58.
const OVERALL = [58, 55, 60];
// The team's medians against the partner's 75, 25, 50, 75, 25, 50, 50, 75, 75, 50.
const GAPS = [25, 50, 0, 25, 25, 25, 0, 0, 0, 0];
const TITLES = [
  'Clear objectives', 'Aligned values and culture', 'Complementary strengths', 'Open and transparent communication',
  'Mutually beneficial agreements', 'Personal relationships', 'Adaptability and flexibility', 'Clear governance structures',
  'Investing in relationship management', 'Celebrating successes together',
];
const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

async function linkOf(name, ratings, viewport) {
  const { context, page, errors } = await openProfile(browser, server, '', { viewport });
  await finishCheck(page, name, (p) => ratings[p], { notes: name === 'Ben' ? { 1: 'Contracts first.' } : {} });
  const link = await copyShareLink(page, page, { notes: name === 'Ben' });
  errors.check();
  await context.close();
  return link;
}

/** The team table's figures, row by row: [median, lowest, highest, rated by]. */
async function tableFigures(page) {
  return page.locator('.pr-team-table tbody tr').evaluateAll((rows) => rows.map((row) => (
    ['median', 'lowest', 'highest', 'count'].map((f) => Number(row.querySelector(`[data-figure=${f}]`).textContent))
  )));
}

async function noAxeViolations(page, screen) {
  assert.deepEqual(await axeViolations(page), [], `axe on ${screen}`);
}

async function noSidewaysScroll(page, screen) {
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  assert.equal(sideways, false, `${screen} scrolls sideways`);
}

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  test(`a team of three from their links, against a partner, shared as one link (${device})`, async () => {
    const links = [];
    for (const [name, ratings] of Object.entries(COLLEAGUES)) links.push(await linkOf(name, ratings, viewport));
    const partnerLink = await linkOf('Initech', PARTNER, viewport);

    const { context, page, errors } = await openProfile(browser, server, '', { viewport });
    // A second tab of the same profile follows the teams made in the first.
    const other = await context.newPage();
    await other.goto(server.url);
    await other.getByRole('button', { name: 'Teams', exact: true }).click();
    await other.getByText('No team yet.').waitFor();

    await page.getByRole('button', { name: 'Teams', exact: true }).click();
    await page.locator('.pr-teams').waitFor();
    await noAxeViolations(page, 'the teams screen');
    await page.getByLabel('Team name').fill('Acme deal team');
    await page.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('heading', { name: 'Acme deal team' }).waitFor();
    await page.getByRole('button', { name: 'Add members' }).click();
    await noAxeViolations(page, 'adding members');
    // Pasted at once: words around links, one link twice, a damaged one.
    const damaged = fragmentOf(links[2]).slice(0, -6);
    await page.getByLabel(/^Paste share links/).fill(`Ana: ${links[0]}\n${links[1]} ${links[2]}\n${links[0]}\n${damaged}`);
    await page.getByRole('button', { name: 'Add from links' }).click();
    await page.locator('.pr-team').waitFor();
    await page.getByText('3 added to the team; 1 already in it.').waitFor();
    const refused = await page.locator('.pr-import-problem li').allInnerTexts();
    assert.equal(refused.length, 1);
    assert.match(refused[0], /incomplete or damaged/);

    // The exact figures, in words and in the table.
    assert.equal(await page.locator('[data-testid=team-overall] .pr-overall-score').innerText(), `${OVERALL[0]}/100`);
    await page.getByText(`Range ${OVERALL[1]}–${OVERALL[2]} across 3 members`).waitFor();
    await page.locator('.pr-team-table summary').click();
    assert.deepEqual(await tableFigures(page), [...FIGURES.map((f) => [...f, 3]), [OVERALL[0], OVERALL[1], OVERALL[2], 3]]);
    const sentence = await page.locator('.pr-strip-rows li').first().locator('.pr-visually-hidden').innerText();
    assert.equal(sentence, 'Clear objectives: median 50, lowest 25, highest 100, rated by 3 of 3.');
    assert.deepEqual(await page.locator('.pr-team-disagree ol li').allInnerTexts(), [
      'Clear objectives: from 25 to 100 (75 apart)',
      'Complementary strengths: from 50 to 100 (50 apart)',
      'Open and transparent communication: from 25 to 75 (50 apart)',
    ]);
    // Anonymous until names are turned on.
    assert.deepEqual(await page.locator('.pr-member-name').allInnerTexts(), ['Member 1', 'Member 2', 'Member 3']);
    await page.getByLabel('Show members’ names').check();
    assert.deepEqual(await page.locator('.pr-member-name').allInnerTexts(), ['Ana', 'Ben', 'Cleo']);
    await noAxeViolations(page, 'the team');
    await noSidewaysScroll(page, 'the team');
    // Printed, the team's picture fits one page (A4 and US Letter).
    if (device === 'desktop') {
      for (const format of ['A4', 'Letter']) assert.equal(pdfPages(await page.pdf({ format })), 1, `one ${format} page`);
    }

    // The other tab heard of the team, and a reload keeps it.
    await other.getByRole('button', { name: /^Acme deal team — 3 members/ }).waitFor();
    await other.reload();
    await other.getByRole('button', { name: 'Teams', exact: true }).click();
    await other.getByRole('button', { name: /^Acme deal team — 3 members/ }).waitFor();

    // Against the partner's result: the gaps from the team's medians, each range shown.
    await page.getByRole('button', { name: 'Compare with your partner' }).click();
    await noAxeViolations(page, 'choosing what to compare the team with');
    // A damaged link first: said in words, nothing saved.
    await page.getByLabel(/^Or paste your partner’s share link/).fill(fragmentOf(partnerLink).slice(0, -5));
    await page.getByRole('button', { name: 'Compare with this result' }).click();
    await page.getByRole('alert').filter({ hasText: /incomplete or damaged/ }).waitFor();
    await page.getByLabel(/^Or paste your partner’s share link/).fill(`Here is ours: ${partnerLink}`);
    await page.getByRole('button', { name: 'Compare with this result' }).click();
    await page.getByRole('heading', { name: 'Comparison: Acme deal team and Initech' }).waitFor();
    const gaps = await page.locator('.pr-gap-rows li').evaluateAll((rows) => rows.map((row) => [
      row.querySelector('.pr-gap-title').textContent, row.querySelector('.pr-gap-value').textContent,
    ]));
    assert.deepEqual(Object.fromEntries(gaps), Object.fromEntries(TITLES.map((title, i) => [title, `Δ ${GAPS[i]}`])));
    assert.deepEqual(gaps.map(([, gap]) => Number(gap.slice(2))), [...GAPS].sort((a, b) => b - a), 'largest gap first');
    const teamRow = await page.locator('.pr-gap-rows li').first().locator('.pr-visually-hidden').innerText();
    assert.equal(teamRow, 'Aligned values and culture: Acme deal team 75 (range 75–75), Initech 25, a gap of 50.');
    await page.getByText('Team median · range 55–60').waitFor();
    await noAxeViolations(page, 'the team comparison');
    await noSidewaysScroll(page, 'the team comparison');

    // The agenda: agree inside the team first, then the meeting.
    await page.getByRole('button', { name: 'Prepare the meeting' }).click();
    await page.locator('.pr-agenda').waitFor();
    const items = await page.locator('.pr-agenda-items > li h3').allInnerTexts();
    assert.match(items[0], /^Agree inside the team first/);
    assert.match(items[1], /^Opening/);
    await page.getByText('Clear objectives: Acme deal team scores from 25 to 100').waitFor();
    await noAxeViolations(page, 'the team agenda');

    // The team link: read-only with the same figures in a fresh profile, then saved.
    await page.getByRole('button', { name: 'Back to the comparison' }).click();
    await page.getByRole('button', { name: 'Back to the team' }).click();
    const teamLink = await page.locator('.pr-team-share input[type=text]').inputValue();
    assert.ok(fragmentOf(teamLink).length <= 300, `a three-member team link is ${fragmentOf(teamLink).length} characters`);
    assert.doesNotMatch(decodeURIComponent(teamLink), /Ana|Ben|Cleo|Contracts/, 'no names or notes unless chosen');
    await page.getByRole('button', { name: 'Copy team link' }).click();
    await page.getByText('The share link was copied to the clipboard.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), teamLink);
    // A clipboard that refuses: the person is pointed to the link in its field, not shown it twice.
    await page.evaluate(() => {
      const refuse = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      navigator.clipboard.write = refuse;
      navigator.clipboard.writeText = refuse;
    });
    await page.getByRole('button', { name: 'Copy team link' }).click();
    await page.getByText('The browser did not allow copying. Select the link above and copy it yourself.').waitFor();
    assert.equal(await page.getByLabel('Text to copy').count(), 0);
    const teamLinkField = page.locator('.pr-team-share input[type=text]');
    await teamLinkField.click();
    assert.equal(await teamLinkField.evaluate((field) => field.value.slice(field.selectionStart, field.selectionEnd)), teamLink,
      'a click on the field selects the whole link');
    errors.check();
    await context.close();

    const fresh = await openProfile(browser, server, fragmentOf(teamLink), { viewport });
    await fresh.page.getByRole('heading', { name: 'Acme deal team' }).waitFor();
    await fresh.page.getByText(/read-only until you save it/).waitFor();
    await fresh.page.locator('.pr-team-table summary').click();
    assert.deepEqual(await tableFigures(fresh.page), [...FIGURES.map((f) => [...f, 3]), [OVERALL[0], OVERALL[1], OVERALL[2], 3]]);
    await noAxeViolations(fresh.page, 'an opened team link');
    await fresh.page.getByRole('button', { name: 'Save team' }).click();
    await fresh.page.getByRole('button', { name: 'Delete team' }).waitFor();
    assert.equal(await fresh.page.evaluate(() => window.location.hash), '', 'the link is taken out of the address once saved');
    await fresh.page.reload();
    await fresh.page.getByRole('button', { name: 'Teams', exact: true }).click();
    await fresh.page.getByRole('button', { name: /^Acme deal team — 3 members/ }).waitFor();
    fresh.errors.check();
    await fresh.context.close();

    // A damaged team link says so, where the team would have been.
    const damagedTeam = await openProfile(browser, server, fragmentOf(teamLink).slice(0, -4), { viewport });
    await damagedTeam.page.getByRole('heading', { name: 'This team link cannot be opened' }).waitFor();
    await damagedTeam.page.getByRole('alert').filter({ hasText: /incomplete or damaged/ }).waitFor();
    await noAxeViolations(damagedTeam.page, 'a damaged team link');
    await damagedTeam.context.close();
  });
}

test('members saved in this browser join from the list; a team file opens as a team; deleting asks first', async () => {
  const { context, page, errors } = await openProfile(browser, server);
  await finishCheck(page, 'Ana', (p) => COLLEAGUES.Ana[p]);
  await page.getByRole('button', { name: 'Back to start' }).click().catch(() => {});
  await page.goto(server.url);
  await finishCheck(page, 'Ben', (p) => COLLEAGUES.Ben[p]);
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Teams', exact: true }).click();
  await page.getByRole('button', { name: 'Create team' }).click();
  await page.getByRole('heading', { name: 'Our team' }).waitFor();
  await page.getByRole('button', { name: 'Add members' }).click();
  await page.getByLabel(/^Ana /).check();
  await page.getByLabel(/^Ben /).check();
  await page.getByRole('button', { name: 'Add the chosen results' }).click();
  await page.getByText('2 added to the team; 0 already in it.').waitFor();
  // Even count: the two middle scores' mean, rounded half up (25 and 100 → 63).
  await page.locator('.pr-team-table summary').click();
  assert.deepEqual((await tableFigures(page))[0], [63, 25, 100, 2]);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the team file' }).click();
  const file = await (await download).path();
  await page.getByRole('button', { name: 'Delete team' }).click();
  await page.getByText('Delete this team? The members’ saved results stay.').waitFor();
  await page.getByRole('button', { name: 'Delete team' }).last().click();
  await page.getByText('No team yet.').waitFor();
  await page.getByLabel('Open a team file').setInputFiles(file);
  await page.getByRole('heading', { name: 'Our team' }).waitFor();
  await page.locator('.pr-team-table summary').click();
  assert.deepEqual((await tableFigures(page))[0], [63, 25, 100, 2]);
  // A file that is not a team is refused in words.
  await page.getByRole('button', { name: 'Back to teams' }).click();
  await page.getByLabel('Open a team file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":') });
  await page.getByRole('alert').filter({ hasText: /not a file of this check|could not be read|not/ }).waitFor();
  errors.check();
  await context.close();
});
