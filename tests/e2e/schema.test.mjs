// The JSON Schema (schemas/partnership-readiness.schema.json) against documents
// this build writes without a browser: a team's document and a backup with
// teams (tests/fixtures/, held to the Rust writer by codec::team's test
// `the_schema_examples_are_what_this_build_writes`). Downloaded results and
// backups are checked against it in sharing.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import Ajv2020 from 'ajv/dist/2020.js';

const read = async (path) => JSON.parse(await readFile(new URL(path, import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(await read('../../schemas/partnership-readiness.schema.json'));

test('a team document and a backup with teams are valid by the schema', async () => {
  for (const name of ['team-document.json', 'backup-with-teams.json']) {
    const document = await read(`../fixtures/${name}`);
    assert.equal(validate(document), true, `${name}: ${JSON.stringify(validate.errors)}`);
  }
});

test('the schema holds a team to its limits and shape', async () => {
  const team = await read('../fixtures/team-document.json');
  const member = team.members[0];
  const invalid = {
    'too many members': { ...team, members: Array(31).fill(member) },
    'a long name': { ...team, name: 'x'.repeat(81) },
    'an unknown field': { ...team, colour: 'red' },
    'a member that is not a result': { ...team, members: [{ ...member, format: 'partnership-readiness/team' }] },
    'no members': (({ members, ...rest }) => rest)(team),
    'a newer version': { ...team, version: 2 },
  };
  for (const [what, document] of Object.entries(invalid)) {
    assert.equal(validate(document), false, what);
  }
  const backup = await read('../fixtures/backup-with-teams.json');
  assert.equal(validate({ ...backup, teams: Array(51).fill(team) }), false, 'too many teams');
  assert.equal(validate((({ teams, ...rest }) => rest)(backup)), true, 'a backup without teams');
});
