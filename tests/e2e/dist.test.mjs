// dist/ is meant to be copied as it is onto any static file host, whose web
// server usually runs as another user than the one who built it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir, stat } from 'node:fs/promises';
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

test("index.html's icon is a 32×32 PNG in the page, not an SVG (scripts/icon.mjs)", async () => {
  // Chromium builds an SVG icon into a document of its own on the page's main
  // thread, just as the widget renders its first screen; a PNG this small costs ≈ 0.1 ms.
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const icons = [...html.matchAll(/<link\b[^>]*\brel="?icon"?[^>]*>/g)].map(([tag]) => tag.match(/\bhref="([^"]+)"/)?.[1]);
  assert.equal(icons.length, 1, 'one icon');
  const [, base64] = icons[0]?.match(/^data:image\/png;base64,(.+)$/) ?? [];
  assert.ok(base64, `a PNG data: URL, not ${icons[0]?.slice(0, 40)}…`);
  const png = Buffer.from(base64, 'base64');
  assert.ok(png.subarray(1, 4).toString('latin1') === 'PNG' && png.subarray(12, 16).toString('latin1') === 'IHDR', 'a PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [32, 32]);
  assert.ok(png.length <= 400, `${png.length} bytes`);
});

/** Makes a page see no Web Crypto, as one served over plain http does. */
const withoutWebCrypto = () => Object.defineProperty(window.crypto, 'subtle', { get: () => undefined });

/**
 * A host page with the English widget, started by pr-boot.js: the copy that
 * checks its files' hashes (dist/index.html's inline copy names none, its
 * files being on its own origin; scripts/post-build.mjs says why).
 */
const HOST_PAGE = '/host.html';
const hostPages = async () => {
  const { pageWithMounts } = await import('./support.mjs');
  return { [HOST_PAGE]: () => pageWithMounts(['<div data-partnership-readiness></div>']) };
};

test('a build file changed on its way is refused, not run (Subresource Integrity)', async () => {
  const { launchBrowser, serveDist } = await import('./support.mjs');
  const { readFile } = await import('node:fs/promises');
  const files = await readdir(distDir);
  const loader = files.find((name) => /^partnership-readiness-[0-9a-f]+\.js$/.test(name));
  const wasm = loader.replace(/\.js$/, '_bg.wasm');
  const browser = await launchBrowser();
  try {
    const changedWasm = Buffer.concat([await readFile(join(distDir, wasm)), Buffer.from([0])]);
    // The boot script hashes the wasm itself (with Web Crypto), else the browser does.
    for (const [name, tampered, crypto] of [
      [loader, `${await readFile(join(distDir, loader), 'utf8')}\n/* changed on the way */`, true],
      [wasm, changedWasm, true],
      [wasm, changedWasm, false],
    ]) {
      const server = await serveDist(undefined, {
        ...await hostPages(),
        [`/${name}`]: [name.endsWith('.js') ? 'text/javascript' : 'application/wasm', tampered],
      });
      const page = await (await browser.newContext()).newPage();
      if (!crypto) await page.addInitScript(withoutWebCrypto);
      const refused = [];
      page.on('console', (message) => { if (/integrity/i.test(message.text())) refused.push(message.text()); });
      page.on('pageerror', () => {});
      await page.goto(server.url + HOST_PAGE.slice(1));
      await page.waitForFunction(() => document.querySelector('[data-partnership-readiness]').hasAttribute('data-pr-prepared'));
      await page.waitForEvent('console', { predicate: (m) => /integrity/i.test(m.text()), timeout: 10_000 }).catch(() => {});
      assert.ok(refused.length > 0, `${name}${crypto ? '' : ' (no Web Crypto)'}: the console says the file was refused`);
      assert.equal(await page.locator('[data-partnership-readiness]').getAttribute('data-pr-mounted'), null, `${name}: no widget started`);
      await page.context().close();
      await server.close();
    }
  } finally {
    await browser.close();
  }
});

test('without Web Crypto (a page on plain http) the widget still starts, its wasm checked by the browser', async () => {
  const { launchBrowser, serveDist } = await import('./support.mjs');
  const browser = await launchBrowser();
  const server = await serveDist(undefined, await hostPages());
  try {
    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(withoutWebCrypto);
    const wasmRequests = [];
    page.on('request', (request) => { if (request.url().endsWith('.wasm')) wasmRequests.push(request); });
    await page.goto(server.url + HOST_PAGE.slice(1));
    await page.locator('[data-partnership-readiness][data-pr-mounted]').waitFor();
    await page.getByRole('button', { name: 'Start the check' }).waitFor();
    assert.equal(await page.evaluate(() => crypto.subtle), undefined, 'the page saw no Web Crypto');
    assert.equal(wasmRequests.length, 1, 'one wasm fetched');
  } finally {
    await browser.close();
    await server.close();
  }
});
