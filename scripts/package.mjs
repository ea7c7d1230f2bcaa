#!/usr/bin/env node
// Makes the built widget a versioned npm package: assembles package/ from a
// release build's dist/, then `npm pack ./package` makes the tarball.
//
//   node scripts/package.mjs [--dist <dir>] [--out <dir>]
//
// dist/ defaults to PR_DIST or ./dist, the output to ./package (emptied first).
// The package holds:
// - every file a host serves, as dist/ has it: the pages index.html (the check
//   on a page of its own, and where share links open by default) and embed.html
//   (the iframe page) with page-*.css (index.html carries it inline), pr-boot.js,
//   pr-accent.js, embed.js, every build (core JS + wasm, de-<hash>/,
//   partner-<hash>/, full-<hash>/), the
//   widget's stylesheets, data/ and i18n/;
// - not dist/examples/: demonstration host pages (hostile CSS, two widgets, …)
//   that a site serving this folder should not publish; they are in the source
//   repository;
// - the JSON Schemas (schemas/, at the package's root as in dist/), the
//   TypeScript declarations (types/partnership-readiness.d.ts, the `types`),
//   EMBEDDING.md as README.md, CHANGELOG.md, LICENSE;
// - package.json, its version read from Cargo.toml (the one place it is set).
// No source maps, no tests, no sources.
import { cp, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: options } = parseArgs({ options: { dist: { type: 'string' }, out: { type: 'string' } } });
const dist = resolve(options.dist ?? process.env.PR_DIST ?? join(root, 'dist'));
const out = resolve(options.out ?? join(root, 'package'));

/** What of dist/ stays out, by path relative to it. */
const LEFT_OUT = [/^examples(\/|$)/, /\.map$/];
/** The files the package adds to dist/'s: [source in the repository, name in the package]. */
const ADDED = [
  ['schemas/partnership-readiness.schema.json', 'partnership-readiness.schema.json'],
  ['schemas/questionnaire.schema.json', 'questionnaire.schema.json'],
  ['types/partnership-readiness.d.ts', 'partnership-readiness.d.ts'],
  ['CHANGELOG.md', 'CHANGELOG.md'],
  ['LICENSE', 'LICENSE'],
];

const fail = (message) => {
  console.error(`package: ${message}`);
  process.exit(1);
};

/** Cargo.toml's [package] version. */
async function cargoVersion() {
  const manifest = await readFile(join(root, 'Cargo.toml'), 'utf8');
  const section = manifest.split(/^\[/m).find((part) => part.startsWith('package]'));
  const version = section?.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
  if (!version) fail('Cargo.toml has no [package] version');
  return version;
}

// A release build of the whole widget, or nothing.
for (const file of ['index.html', 'embed.html', 'pr-boot.js']) {
  if (!existsSync(join(dist, file))) fail(`${join(dist, file)} is missing: build first (trunk build --release)`);
}
if (!(await readFile(join(dist, 'index.html'), 'utf8')).includes('http-equiv="Content-Security-Policy"')) {
  fail(`${dist} is not a release build (its index.html carries no Content-Security-Policy): trunk build --release`);
}
if (out === resolve(root) || out === dist || dist.startsWith(`${out}/`)) fail(`refusing to write the package into ${out}`);

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const served = [];
async function copyServed(dir) {
  for (const entry of await readdir(join(dist, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (LEFT_OUT.some((pattern) => pattern.test(path))) continue;
    if (entry.isDirectory()) {
      await copyServed(path);
    } else if (entry.isFile()) {
      await mkdir(join(out, dir), { recursive: true });
      await cp(join(dist, path), join(out, path));
      served.push(path);
    }
  }
}
await copyServed('');
for (const [source, target] of ADDED) await cp(join(root, source), join(out, target));

// EMBEDDING.md, the guide for hosts, as the package's README: links to files
// the package does not hold (examples, sources) become plain text.
const guide = await readFile(join(root, 'EMBEDDING.md'), 'utf8');
const linked = guide.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (link, text, target) => {
  if (/^[a-z]+:|^#/.test(target)) return link;
  const inPackage = { 'types/partnership-readiness.d.ts': 'partnership-readiness.d.ts', 'schemas/questionnaire.schema.json': 'questionnaire.schema.json' }[target] ?? target;
  return existsSync(join(out, inPackage.split('#')[0])) ? `[${text}](${inPackage})` : text;
});
const version = await cargoVersion();
await writeFile(join(out, 'README.md'), `${linked.replace(/^# .*\n/, (title) => `${title}
This package (version ${version}) is the built widget: serve its files from any folder of your site.
What the guide below calls \`dist/\` is this package's root; \`examples/\` and \`types/check.ts\` are in
the source repository. CHANGELOG.md says what changed; LICENSE is MIT.
`)}`);

const topLevel = [...new Set([...served, ...ADDED.map(([, target]) => target)].map((path) => path.split('/')[0]))].sort();
const manifest = {
  name: 'partnership-readiness-widget',
  version,
  description: 'An embeddable, privacy-first partnership readiness self-assessment: static files (Rust + WebAssembly) to serve from your site, with a boot script, an iframe page, JSON Schemas and TypeScript declarations.',
  keywords: ['partnership', 'readiness', 'assessment', 'questionnaire', 'widget', 'embeddable', 'webassembly', 'privacy', 'self-assessment'],
  license: 'MIT',
  type: 'module',
  types: './partnership-readiness.d.ts',
  exports: {
    '.': { types: './partnership-readiness.d.ts', default: './pr-boot.js' },
    './pr-boot.js': { types: './partnership-readiness.d.ts', default: './pr-boot.js' },
    './schemas/partnership-readiness.schema.json': './partnership-readiness.schema.json',
    './schemas/questionnaire.schema.json': './questionnaire.schema.json',
    './package.json': './package.json',
    // Every other file, so a build step can find them to copy (embed.html, the builds, data/, …).
    './*': './*',
  },
  files: [...topLevel, 'README.md'].sort(),
};
await writeFile(join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

let bytes = 0;
for (const path of [...served, ...ADDED.map(([, target]) => target), 'README.md', 'package.json']) bytes += (await stat(join(out, path))).size;
console.log(`package: ${relative(process.cwd(), out) || '.'} holds partnership-readiness-widget ${version}, `
  + `${served.length} files from ${relative(process.cwd(), dist) || '.'} and ${ADDED.length + 2} more (${(bytes / 1024).toFixed(1)} KiB); `
  + `next: npm pack ${relative(process.cwd(), out) || '.'}`);
