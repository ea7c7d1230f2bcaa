// dist/ is meant to be copied as it is onto any static file host, whose web
// server usually runs as another user than the one who built it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { distDir } from './support.mjs';

test('every file and folder of dist/ is readable by any user', async () => {
  const unreadable = [];
  const visit = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const { mode } = await stat(path);
      const needed = entry.isDirectory() ? 0o005 : 0o004; // others may list and enter folders, read files
      if ((mode & needed) !== needed) unreadable.push(`${path.slice(distDir.length + 1)} (${(mode & 0o777).toString(8)})`);
      if (entry.isDirectory()) await visit(path);
    }
  };
  await visit(distDir);
  assert.deepEqual(unreadable, []);
});
