// The boot script decides which build to load before any Rust runs, so it
// holds its own copy of config.rs's language rule (js/language-rule.js). Both
// are held to the same cases (tests/fixtures/language-rule.json; config.rs's
// test `the_boot_script_s_cases_hold_here` reads them too).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { firstLoadBuild, needsFull, resolveLanguage } from '../../js/language-rule.js';

test('the boot script resolves languages as config.rs does', async () => {
  const { cases } = JSON.parse(await readFile(new URL('../fixtures/language-rule.json', import.meta.url), 'utf8'));
  assert.ok(cases.length >= 10);
  for (const c of cases) {
    assert.equal(resolveLanguage(c.lang, c.browser), c.shows, JSON.stringify(c));
    assert.equal(needsFull(c.lang, c.questionnaire, c.eventDetail, c.browser), c.full, JSON.stringify(c));
  }
});

test('a page picks the first-load build of its widgets: a language, its own questionnaire, or none', () => {
  for (const [lang, questionnaire, eventDetail, browser, build] of [
    [null, null, null, ['en-GB'], 'en'],
    ['auto', null, null, ['de-AT', 'en'], 'de'],
    ['de', ' ', null, ['en'], 'de'],
    [null, 'questions.json', null, ['en'], 'own'],
    ['de', 'questions.json', null, ['en'], null],
    [null, null, 'document', ['en'], null],
    [null, 'questions.json', ' Document ', ['en'], null],
  ]) {
    assert.equal(firstLoadBuild(lang, questionnaire, eventDetail, browser), build, JSON.stringify({ lang, questionnaire, eventDetail, browser }));
  }
});
