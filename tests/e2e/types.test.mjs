// types/partnership-readiness.d.ts against the code it describes: the names it
// declares are read off the Rust and JS sources (always, pure node), and
// types/check.ts, a host's script using it, is type-checked with tsc when
// TypeScript is installed (node_modules/.bin/tsc, or the tsc named by PR_TSC).
// TypeScript is not a dependency of this project: without it, that test is skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const source = (path) => readFile(`${root}/${path}`, 'utf8');
const declarations = await source('types/partnership-readiness.d.ts');
const quoted = (name) => declarations.includes(`'${name}'`);

test('the declarations name every event, detail member and share method the code has', async () => {
  const hostEvents = await source('src/codec/host_events.rs');
  const events = [...hostEvents.matchAll(/pub const \w+: &str = "([^"]+)";/g)].map((m) => m[1]);
  assert.deepEqual(events, ['started', 'step', 'completed', 'shared', 'error'].map((e) => `partnership-readiness:${e}`));
  for (const event of events) assert.ok(quoted(event), `${event} is declared`);

  // Every member name host_events.rs writes into a detail.
  const members = new Set([...hostEvents.split('#[cfg(test)]')[0].matchAll(/\("(\w+)", /g)].map((m) => m[1]));
  assert.deepEqual([...members].sort(), ['bandId', 'band', 'document', 'how', 'id', 'index', 'label', 'message', 'overall',
    'principle', 'principles', 'reason', 'resumed', 'score', 'summary', 'title', 'total'].sort());
  const reasons = [...(await source('src/content.rs')).matchAll(/Unusable::\w+ => "([\w-]+)"/g)].map((m) => m[1]);
  assert.equal(reasons.length, 6);
  for (const reason of reasons) assert.ok(quoted(reason), `error reason ${reason}`);
  for (const member of members) assert.match(declarations, new RegExp(`\\b${member}\\??: `), `detail member ${member}`);

  const methods = [...(await source('src/state/host_events.rs')).matchAll(/ShareMethod::\w+ => "([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(methods, ['link', 'protected-link', 'json', 'file']);
  assert.ok(declarations.includes(`export type ShareMethod = ${methods.map((m) => `'${m}'`).join(' | ')};`));

  const stored = (await source('src/storage.rs')).match(/const WRITTEN_EVENT: &str = "([^"]+)";/)[1];
  assert.ok(quoted(stored), `${stored} is declared`);

  const showScreen = (await source('src/host.rs')).split('pub fn show_screen')[1].split('\n}\n')[0];
  const screens = [...showScreen.matchAll(/Screen::\w+(?:\([^)]*\))? => "([\w-]+)"/g)].map((m) => m[1]);
  assert.equal(screens.length, 12);
  for (const screen of screens) assert.ok(quoted(screen), `screen ${screen}`);
});

test('the declarations name the boot script\'s global and the iframe page\'s messages', async () => {
  const boot = await source('js/boot.js');
  const api = boot.match(/globalThis\.partnershipReadiness = Object\.freeze\(\{([\s\S]*?)\n\}\);/)[1];
  const keys = [...api.matchAll(/^\s+(\w+)[,:]/gm)].map((m) => m[1]);
  assert.deepEqual(keys, ['loadFull', 'mount', 'assetUrl']);
  for (const key of keys) assert.match(declarations, new RegExp(`readonly ${key}: `), `partnershipReadiness.${key}`);

  const embed = await source('js/embed.js');
  const sent = [...embed.matchAll(/send\('(\w+)'/g)].map((m) => m[1]);
  const heard = [...embed.matchAll(/\$\{PREFIX\}(\w+)`/g)].map((m) => m[1]).filter((t) => t !== 'completed');
  assert.deepEqual(sent.sort(), ['completed', 'height', 'ready']);
  assert.deepEqual(heard.sort(), ['configure', 'measure']);
  for (const type of [...sent, ...heard]) assert.ok(quoted(`partnership-readiness:${type}`), `message ${type}`);
  for (const key of ['heading', 'labelPrompt', 'sharePage']) assert.match(declarations, new RegExp(`${key}\\?: string`));
});

test('a host script using the declarations type-checks (tsc -p types)', (t) => {
  const tsc = process.env.PR_TSC ?? `${root}/node_modules/.bin/tsc`;
  if (!existsSync(tsc)) {
    t.skip(`TypeScript is not installed (no ${tsc}): types/check.ts was not type-checked; `
      + 'run `npx -y -p typescript@5 tsc -p types`, or set PR_TSC to a tsc');
    return;
  }
  try {
    execFileSync(tsc, ['-p', `${root}/types`], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    assert.fail(`tsc -p types:\n${error.stdout}${error.stderr}`);
  }
});
