// schemas/questionnaire.schema.json against the questionnaire files the widget
// ships and reads (data/, the example host's own one) and against broken ones
// the widget refuses. Pure node: no dist/, no browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';

const read = async (path) => JSON.parse(await readFile(new URL(`../../${path}`, import.meta.url), 'utf8'));
const schema = await read('schemas/questionnaire.schema.json');
// strict: an unknown keyword or a keyword that cannot apply is an error, not ignored
// (except an open-ended tuple, which the bands are meant to be: the first pinned to 0, any number after).
const validate = new Ajv2020({ allErrors: true, strict: true, strictTuples: false }).compile(schema);
const english = await read('data/questionnaire.en.json');
const errors = () => JSON.stringify(validate.errors, null, 1);

test('the shipped questionnaires and the example host\'s own one are valid', async () => {
  for (const path of ['data/questionnaire.en.json', 'data/questionnaire.de.json', 'examples/own-questionnaire/supplier-readiness.json']) {
    assert.ok(validate(await read(path)), `${path}: ${errors()}`);
  }
});

test('what the widget reads as absent or makes up is accepted: no band id, no short title, null for either', () => {
  const file = structuredClone(english);
  delete file.bands[0].id;
  delete file.principles[0].short;
  file.bands[1].id = null;
  file.principles[1].short = null;
  file.principles[2].weight = 1.5;
  file.principles[3].short = 'A short title longer than sixteen characters'; // cut on charts, not refused
  assert.ok(validate(file), errors());
});

/** Each edit of the English file breaks one rule; `where` is the path ajv must name. */
const BROKEN = [
  ['no title', (q) => { delete q.title; }, ''],
  ['a blank title', (q) => { q.title = ' \t\u00a0'; }, '/title'],
  ['a title that is not a string', (q) => { q.title = 42; }, '/title'],
  ['a statement without id', (q) => { delete q.principles[4].statements[1].id; }, '/principles/4/statements/1'],
  ['a statement id without its principle prefix and dot', (q) => { q.principles[0].statements[0].id = 'shared-goals'; }, '/principles/0/statements/0/id'],
  ['a negative weight', (q) => { q.principles[5].weight = -1; }, '/principles/5/weight'],
  ['a zero weight', (q) => { q.principles[5].weight = 0; }, '/principles/5/weight'],
  ['a weight as a string', (q) => { q.principles[0].weight = '1'; }, '/principles/0/weight'],
  ['nine principles', (q) => { q.principles.pop(); }, '/principles'],
  ['principles as an object', (q) => { q.principles = { first: q.principles[0] }; }, '/principles'],
  ['two statements', (q) => { q.principles[2].statements.pop(); }, '/principles/2/statements'],
  ['one recommendation', (q) => { q.principles[1].recommendations.length = 1; }, '/principles/1/recommendations'],
  ['four recommendations', (q) => { q.principles[1].recommendations.push('More.', 'And more.'); }, '/principles/1/recommendations'],
  ['two discussion questions', (q) => { q.principles[7].questions.pop(); }, '/principles/7/questions'],
  ['no discussion questions', (q) => { delete q.principles[7].questions; }, '/principles/7'],
  ['an empty recommendation', (q) => { q.principles[1].recommendations[0] = ''; }, '/principles/1/recommendations/0'],
  ['a statement text as a number', (q) => { q.principles[3].statements[2].text = 3; }, '/principles/3/statements/2/text'],
  ['an unknown member', (q) => { q.principles[0].hint = 'typo of summary?'; }, '/principles/0'],
  ['an unknown member at the top', (q) => { q.$schema = 'questionnaire.schema.json'; }, ''],
  ['a band above 100', (q) => { q.bands[4].max = 101; }, '/bands/4/max'],
  ['a band bound as a string', (q) => { q.bands[0].min = '0'; }, '/bands/0/min'],
  ['a band bound with a fraction', (q) => { q.bands[2].min = 60.5; }, '/bands/2/min'],
  ['bands not starting at 0', (q) => { q.bands[0].min = 1; }, '/bands/0/min'],
  ['bands not reaching 100', (q) => { q.bands.pop(); }, '/bands'],
  ['no bands', (q) => { q.bands = []; }, '/bands'],
  ['a band without label', (q) => { delete q.bands[3].label; }, '/bands/3'],
  ['an id over 100 characters', (q) => { q.id = 'x'.repeat(101); }, '/id'],
  ['a version that is a number', (q) => { q.version = 1; }, '/version'],
  ['a document that is an array', () => [], ''],
];

test('broken files are rejected, at the member that is wrong', () => {
  for (const [name, edit, where] of BROKEN) {
    const file = structuredClone(english);
    const replaced = edit(file);
    assert.equal(validate(replaced ?? file), false, `accepted: ${name}`);
    assert.ok(validate.errors.some((e) => e.instancePath === where), `${name}: no error at "${where}" in ${errors()}`);
  }
});

// The schema's description names these as rules only the widget checks; if a
// schema change ever catches one, move it to BROKEN and the description along.
test('the rules only the widget checks are beyond the schema, as its description says', () => {
  const beyond = [
    ['a statement id used twice', (q) => { q.principles[0].statements[1].id = q.principles[0].statements[0].id; }],
    ['a principle id equal to a statement id', (q) => { q.principles[1].id = q.principles[0].statements[0].id; }],
    ['a statement under another principle\'s prefix', (q) => { q.principles[1].statements[0].id = 'clear-objectives.moved'; }],
    ['a gap between bands', (q) => { q.bands[2].min = 61; }],
    ['a band whose min is above its max', (q) => { q.bands[1].min = 58; q.bands[1].max = 40; }],
  ];
  for (const [name, edit] of beyond) {
    const file = structuredClone(english);
    edit(file);
    assert.ok(validate(file), `${name} is now caught by the schema: ${errors()}`);
  }
  for (const rule of ['unique across the whole file', 'starts with its own principle', 'cover 0 to 100 in order']) {
    assert.ok(schema.description.includes(rule), `the description names: ${rule}`);
  }
});
