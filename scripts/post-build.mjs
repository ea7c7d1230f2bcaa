#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml). Trunk builds the core widget (what a
// first visit downloads); this adds what Trunk cannot:
// 1. the full build (cargo feature `full`: sharing, importing, opened links),
//    run through wasm-bindgen (and wasm-opt in release) into full-<hash>/;
// 2. pr-boot.js, the external loader that starts one build or the other (no
//    inline script, so pages with a strict Content-Security-Policy work);
// 3. preload hints for the core build in index.html (and Trunk's leftover
//    `rel=rust` tag out of it);
// 4. in release builds, terser over both JS loaders (Trunk's minifier leaves them).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { minify } from 'terser';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk hook');
const release = process.env.TRUNK_PROFILE === 'release';
const root = new URL('..', import.meta.url).pathname;
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

async function minifyFile(path) {
  const source = await readFile(path, 'utf8');
  const result = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (typeof result.code !== 'string') throw new Error(`terser produced nothing for ${path}`);
  await writeFile(path, result.code);
  console.log(`post-build: minified ${path.slice(staging.length + 1)} ${source.length} -> ${result.code.length} bytes`);
}

// The core build, as Trunk left it.
const core = (await readdir(staging)).find((name) => /^partnership-readiness-[0-9a-f]+\.js$/.test(name));
if (!core) throw new Error('no core JS loader in the staging directory');
if (release) await minifyFile(join(staging, core));

// The full build.
const profile = release ? 'release' : 'debug';
run('cargo', ['build', '--target', 'wasm32-unknown-unknown', '--bin', 'partnership-readiness', '--features', 'full',
  ...(release ? ['--release'] : [])]);
const built = await mkdtemp(join(tmpdir(), 'pr-full-'));
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-name', 'partnership-readiness-full', '--out-dir', built,
  join(root, `target/wasm32-unknown-unknown/${profile}/partnership-readiness.wasm`)]);
const wasm = join(built, 'partnership-readiness-full_bg.wasm');
if (release) {
  // The same optimisation as the core build's, read from index.html's Trunk link.
  const page = await readFile(join(root, 'index.html'), 'utf8');
  const level = page.match(/data-wasm-opt="(\w+)"/)?.[1];
  const params = page.match(/data-wasm-opt-params="([^"]*)"/)?.[1];
  if (!level || params === undefined) throw new Error('index.html has no data-wasm-opt and data-wasm-opt-params');
  run('wasm-opt', [`-O${level}`, ...params.split(/\s+/).filter(Boolean), wasm, '-o', wasm]);
}
const hash = createHash('sha256').update(await readFile(wasm)).digest('hex').slice(0, 16);
const fullDir = `full-${hash}`;
await cp(built, join(staging, fullDir), { recursive: true });
await rm(built, { recursive: true, force: true });
if (release) await minifyFile(join(staging, fullDir, 'partnership-readiness-full.js'));

// The boot script, with this build's file names.
const boot = (await readFile(join(root, 'js/boot.js'), 'utf8'))
  .replace('__CORE_JS__', `./${core}`)
  .replace('__FULL_JS__', `./${fullDir}/partnership-readiness-full.js`);
await writeFile(join(staging, 'pr-boot.js'), boot);
if (release) await minifyFile(join(staging, 'pr-boot.js'));

// Preload the core build while the boot script loads.
const htmlPath = join(staging, 'index.html');
const html = await readFile(htmlPath, 'utf8');
const bootTag = html.match(/<script[^>]*pr-boot\.js[^>]*><\/script>/);
if (!bootTag) throw new Error('index.html has no <script> for pr-boot.js');
const hints = `<link rel="modulepreload" href="./${core}">`
  + `<link rel="preload" href="./${core.replace(/\.js$/, '_bg.wasm')}" as="fetch" type="application/wasm" crossorigin>`;
// Trunk keeps its own `rel=rust` tag when it does not inject a loader: drop it.
const cleaned = html.replace(bootTag[0], hints + bootTag[0]).replace(/<link\b[^>]*\brel="?rust"?[^>]*>/, '');
await writeFile(htmlPath, cleaned);
console.log(`post-build: full build in ${fullDir}/, pr-boot.js written`);
