// Sizes of what a first visit downloads from dist/: every file the page loads
// (index.html, the JS loader, the wasm module, the stylesheets), raw and gzip -9.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const distDir = fileURLToPath(new URL('../dist', import.meta.url));

const FIRST_LOAD = /\.(html|js|wasm|css)$/;

export async function firstLoadSizes(dir = distDir) {
  const names = (await readdir(dir)).filter((n) => FIRST_LOAD.test(n)).sort();
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
