// Sizes of what a first visit downloads from dist/: index.html and every file it
// loads (stylesheets, the boot script, and the core build it preloads), raw and
// gzip -9 as web servers compress. The full build (full-*/) is not part of the
// first load: it is fetched when a screen that needs it is opened.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const distDir = fileURLToPath(new URL('../dist', import.meta.url));

const FIRST_LOAD = /\.(html|js|wasm|css)$/;

async function measure(dir, names) {
  const files = [];
  for (const name of names) {
    const bytes = await readFile(join(dir, name));
    files.push({ name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return {
    files,
    totalRaw: files.reduce((sum, f) => sum + f.raw, 0),
    totalGzip: files.reduce((sum, f) => sum + f.gzip, 0),
  };
}

export async function firstLoadSizes(dir = distDir) {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/(?:href|src)="?\.\/([^"\s>]+)/g)].map((m) => m[1]);
  const names = ['index.html', ...new Set(referenced)].filter((name) => FIRST_LOAD.test(name));
  return measure(dir, names);
}

/** The full build: fetched only when someone opens a screen that needs it. */
export async function fullBuildSizes(dir = distDir) {
  const full = (await readdir(dir)).find((name) => name.startsWith('full-'));
  if (!full) throw new Error('dist/ has no full-*/ directory: build with `trunk build --release`');
  const names = (await readdir(join(dir, full))).filter((name) => FIRST_LOAD.test(name)).map((name) => `${full}/${name}`);
  // Its screens' stylesheet comes with it.
  names.push(...(await readdir(dir)).filter((name) => /^widget-full-[0-9a-f]+\.css$/.test(name)));
  return measure(dir, names);
}
