// scripts/package.mjs against the built dist/ (or PR_DIST): the package it
// assembles, as `npm pack --dry-run` lists its tarball (no network). Skipped
// without a build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const distDir = process.env.PR_DIST ?? join(root, 'dist');
const built = existsSync(join(distDir, 'index.html'));

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir, prefix = '') {
  const files = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...await filesUnder(dir, path));
    else files.push(path);
  }
  return files;
}

test('the package holds what a host serves, the schemas, the types and the papers, and nothing else', {
  skip: built ? false : `no build at ${distDir} (trunk build --release, or PR_DIST=<a built dist/>)`,
}, async () => {
  const work = await mkdtemp(join(tmpdir(), 'pr-package-'));
  try {
    const out = join(work, 'package');
    const said = execFileSync(process.execPath, [join(root, 'scripts/package.mjs'), '--dist', distDir, '--out', out], { encoding: 'utf8' });
    assert.match(said, /partnership-readiness-widget \d+\.\d+\.\d+/);
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--offline', out], { cwd: work, encoding: 'utf8' }));
    const files = pack.files.map((file) => file.path).sort();

    const version = (await readFile(join(root, 'Cargo.toml'), 'utf8')).match(/^version = "([^"]+)"/m)[1];
    assert.equal(pack.name, 'partnership-readiness-widget');
    assert.equal(pack.version, version, 'the version is Cargo.toml\'s');
    const manifest = JSON.parse(await readFile(join(out, 'package.json'), 'utf8'));
    assert.equal(manifest.version, version);
    assert.equal(manifest.license, 'MIT');
    assert.equal(manifest.types, './partnership-readiness.d.ts');

    // What a host serves: everything in dist/ but the demonstration pages (and source maps, if a build made any).
    const served = (await filesUnder(distDir)).filter((path) => !path.startsWith('examples/') && !path.endsWith('.map'));
    const added = ['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json', 'partnership-readiness.d.ts',
      'partnership-readiness.schema.json', 'questionnaire.schema.json'];
    assert.deepEqual(files, [...new Set([...served, ...added])].sort(), 'dist/ without examples/, and the added files');
    for (const pattern of [/^pr-boot\.js$/, /^pr-accent\.js$/, /^embed\.(html|js)$/, /^index\.html$/,
      /^partnership-readiness-[0-9a-f]+\.js$/, /^partnership-readiness-[0-9a-f]+_bg\.wasm$/,
      /^full-[0-9a-f]+\/partnership-readiness-full\.js$/, /^full-[0-9a-f]+\/partnership-readiness-full_bg\.wasm$/,
      /^de-[0-9a-f]+\/partnership-readiness-de_bg\.wasm$/, /^partner-[0-9a-f]+\/partnership-readiness-partner_bg\.wasm$/,
      /^widget-[0-9a-f]+\.css$/, /^widget-full-[0-9a-f]+\.css$/, /^data\/questionnaire\.de\.json$/, /^i18n\/de\.json$/]) {
      assert.ok(files.some((path) => pattern.test(path)), `the tarball holds ${pattern}`);
    }
    for (const path of files) {
      assert.doesNotMatch(path, /\.map$|(^|\/)(tests?|examples|src|node_modules|target)\/|\.rs$|\.test\.mjs$/, `${path} does not belong in the package`);
    }

    // The added files are the repository's; the served ones dist/'s, unchanged.
    for (const [inPackage, source] of [['LICENSE', 'LICENSE'], ['CHANGELOG.md', 'CHANGELOG.md'],
      ['partnership-readiness.d.ts', 'types/partnership-readiness.d.ts'], ['questionnaire.schema.json', 'schemas/questionnaire.schema.json'],
      ['partnership-readiness.schema.json', 'schemas/partnership-readiness.schema.json']]) {
      assert.equal(await readFile(join(out, inPackage), 'utf8'), await readFile(join(root, source), 'utf8'), inPackage);
    }
    for (const path of served) {
      if (/\.schema\.json$/.test(path)) continue; // the repository's, checked above
      assert.ok((await readFile(join(out, path))).equals(await readFile(join(distDir, path))), `${path} as dist/ has it`);
    }
    assert.match(await readFile(join(out, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} Partnership Readiness contributors/);
    const readme = await readFile(join(out, 'README.md'), 'utf8');
    assert.match(readme, /^# Embedding the partnership readiness check\n/);
    assert.ok(readme.includes(`(version ${version})`));
    for (const [, target] of readme.matchAll(/\]\(([^)\s#]+)[^)]*\)/g)) {
      if (!/^[a-z]+:/.test(target)) assert.ok(files.includes(target), `the README links to ${target}, which the package holds`);
    }
    assert.match(await readFile(join(out, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\]`, 'm'), 'the changelog has this version');

    // Every path package.json names is in the tarball.
    const targets = [manifest.types, ...Object.values(manifest.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))]
      .filter((target) => !target.includes('*'));
    for (const target of targets) assert.ok(files.includes(target.replace(/^\.\//, '')), `package.json names ${target}, which is packed`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});

test('the package script refuses a folder that is not a release build', async () => {
  const work = await mkdtemp(join(tmpdir(), 'pr-package-'));
  try {
    assert.throws(
      () => execFileSync(process.execPath, [join(root, 'scripts/package.mjs'), '--dist', work, '--out', join(work, 'package')], { encoding: 'utf8', stdio: 'pipe' }),
      (error) => /index\.html is missing: build first/.test(error.stderr),
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
