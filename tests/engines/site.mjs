// Serves the built site for the cross-engine suite, with tests/e2e/support.mjs's
// `serveDist`. Which build: `PR_DIST` (default: the repository's dist/).
// Every HTML page is served with tests/engines/watch.js put first into its <head>;
// `/strict.html` is index.html under its strict policy sent as a header.
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { policyOf, serveDist, repoRoot } from '../e2e/support.mjs';

export const DIST = resolve(process.env.PR_DIST ?? join(repoRoot, 'dist'));
export const WATCH_PATH = '/__engines__/watch.js';
const WATCH_FILE = fileURLToPath(new URL('./watch.js', import.meta.url));

/** HTML files of the build, relative paths with a leading slash. */
async function htmlFiles(dir = DIST) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...await htmlFiles(path));
    else if (entry.name.endsWith('.html')) found.push(`/${relative(DIST, path)}`);
  }
  return found;
}

/** A page of the build with the watcher first in its head (before the policy <meta> and every script). */
async function withWatcher(file) {
  const html = await readFile(join(DIST, file), 'utf8');
  const tag = `<script src="${WATCH_PATH}"></script>`;
  const match = html.match(/<meta charset=["']?utf-8["']?\s*\/?>/i);
  if (!match) throw new Error(`${file} has no <meta charset>`);
  return html.replace(match[0], `${match[0]}${tag}`);
}

/**
 * Serves PR_DIST on a free loopback port: { url, close, requests }. A second call
 * gives a second origin (another port) serving the same files.
 */
export async function serveSite() {
  const pages = { [WATCH_PATH]: ['text/javascript; charset=utf-8', await readFile(WATCH_FILE)] };
  for (const file of await htmlFiles()) {
    pages[file] = () => withWatcher(file);
    if (file.endsWith('/index.html')) pages[file.slice(0, -'index.html'.length)] = () => withWatcher(file);
  }
  pages['/strict.html'] = () => withWatcher('/index.html');
  // index.html's own policy: the strict one, naming its inline boot script and styles by their hashes.
  const strictPolicy = policyOf(await readFile(join(DIST, 'index.html'), 'utf8'));
  return serveDist(DIST, pages, {
    headers: (path) => (path === '/strict.html' ? { 'content-security-policy': strictPolicy } : {}),
  });
}

/** The build's German interface text for `key` in the start screen (either file layout). */
export async function germanText(key) {
  const de = JSON.parse(await readFile(join(DIST, 'i18n/de.json'), 'utf8'));
  const flat = de.texts?.[`start_${key}`];
  const nested = de.texts?.start?.[key];
  const text = flat ?? nested;
  if (typeof text !== 'string') throw new Error(`i18n/de.json has no start ${key}`);
  return text;
}
