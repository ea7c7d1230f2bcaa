// Starts the partnership readiness widget on this page. scripts/post-build.mjs
// writes this file into dist/ as pr-boot.js with this build's file names filled
// in; a host page includes it with <script type="module" src=".../pr-boot.js">,
// and dist/index.html carries it inline (allowed by its hash in the page's
// policy), so the build's downloads start as soon as the page is parsed.
//
// For each mount point ([data-partnership-readiness]) it prepares a shadow root
// holding the widget's stylesheet (and, once the full build is asked for, the
// stylesheet of its screens), so host styles and widget styles cannot touch
// each other; applies data-accent (pr-accent.js, loaded only then); then
// loads the core build of the page's language (what a first visit downloads:
// English, or the German one with German compiled in), the one for a host's
// own questionnaire (English), the partner build for a plain share link in
// the address of an English page (the core build plus opening it), or the
// full build at once when the page needs it (another share link, widgets of
// different kinds, whole result documents for the host). It gives the core build the
// way to load the full one later. The page carries no preload hint for a build:
// only this script knows which one the page needs, so it starts that build's
// downloads itself, all at once.
// Each build's JS loader and wasm module, with their Subresource Integrity
// hashes: a file changed on the way (or on a CDN) is refused, not run.
const CORE = { js: '__CORE_JS__', jsIntegrity: '__CORE_JS_INTEGRITY__', wasmIntegrity: '__CORE_WASM_INTEGRITY__' };
const GERMAN = { js: '__GERMAN_JS__', jsIntegrity: '__GERMAN_JS_INTEGRITY__', wasmIntegrity: '__GERMAN_WASM_INTEGRITY__' };
/** The core build for a host's own questionnaire: no built-in one, the host's file read. */
const OWN = { js: '__OWN_JS__', jsIntegrity: '__OWN_JS_INTEGRITY__', wasmIntegrity: '__OWN_WASM_INTEGRITY__' };
/** The core build plus opening a plain result link: a partner's first visit. */
const PARTNER = { js: '__PARTNER_JS__', jsIntegrity: '__PARTNER_JS_INTEGRITY__', wasmIntegrity: '__PARTNER_WASM_INTEGRITY__' };
/** The first-load build of each kind of widget (`firstLoadBuild`). */
const CORE_BUILDS = { en: CORE, de: GERMAN, own: OWN };
const FULL = { js: '__FULL_JS__', jsIntegrity: '__FULL_JS_INTEGRITY__', wasmIntegrity: '__FULL_WASM_INTEGRITY__' };
const STYLES = { href: '__WIDGET_CSS__', integrity: '__WIDGET_CSS_INTEGRITY__' };
/** The styles of the screens only the full build has, added with it. */
const FULL_STYLES = { href: '__FULL_CSS__', integrity: '__FULL_CSS_INTEGRITY__' };
const ACCENT = '__ACCENT_JS__';
/**
 * Whether this is dist/index.html's copy, inline in the page: its files come
 * from the page's own origin, so it names and checks no hashes (post-build.mjs
 * says why), and it shows the page's first screen (`FIRST_SCREEN`). The
 * minifier drops from each copy the code only the other one runs.
 */
const PAGE_COPY = '__PAGE_COPY__' === 'yes';
const MOUNT = '[data-partnership-readiness]';
/** A share link in the address (codec/link.rs: `#pr<format>.`). */
const SHARE_LINK = /^#pr[0-9]+\./;
/** A plain result link (format 1), which the partner build opens; sealed and team links are the full build's. */
const PLAIN_LINK = /^#pr1\./;

const assetUrl = (path) => new URL(path, import.meta.url).href;

/** Which first-load build can run `element` (language-rule.js, put above this file). */
const kindOf = (element) => firstLoadBuild(element.getAttribute('data-lang'), element.getAttribute('data-questionnaire'),
  element.getAttribute('data-event-detail'), navigator.languages);

/** The widget's stylesheets: its own, and the full build's screens' once that build is asked for. */
const sheets = [STYLES];
/** Where each widget's stylesheets go: its shadow root (or, for one that cannot have one, the document). */
const homes = [];
/** Puts `sheet` into `home`, before what the widget renders; resolves once it loaded (or failed). */
function addSheet(home, { href, integrity }) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = assetUrl(href);
  if (integrity) link.integrity = integrity;
  // From another origin (a CDN), a stylesheet with an integrity hash must be
  // fetched with CORS: fetched without, its body is opaque, the hash cannot be
  // checked and the browser refuses the sheet. On the page's own origin the
  // request stays as it was, so it still takes dist/index.html's preload.
  if (new URL(link.href).origin !== location.origin) link.crossOrigin = 'anonymous';
  home.insertBefore(link, home.querySelector(':scope > [data-pr-root]'));
  return new Promise((resolve) => { link.onload = link.onerror = resolve; });
}

/**
 * dist/index.html's own widget carries, in a `<template data-pr-first>`, the
 * widget's stylesheet inline and its start screen as the core build first
 * renders it on that page, less what only the running widget uses (ids, focus
 * marks, the empty live region): js/first-screen.html, put there by
 * scripts/post-build.mjs; first-screen.test.mjs holds the two equal, in markup
 * and on screen. Shown at once, styled, the start screen is up well before the
 * wasm is (ARCHITECTURE.md, "Builds"). Only where the wasm would render that
 * same screen: the English core build, no link in the address, nothing stored
 * under the page's (default) key.
 */
const FIRST_SCREEN = ':scope > template[data-pr-first]';
const DEFAULT_KEY = 'partnership-readiness';
/** The widgets showing the start screen from the page: their container and the button pressed or focused there. */
const earlyScreens = [];

/** Whether the wasm's first screen is the template's: nothing stored (a draft or results would change it). */
function firstScreenFits() {
  try {
    return build === CORE && localStorage.getItem(DEFAULT_KEY) === null && localStorage.getItem(`${DEFAULT_KEY}:results`) === null;
  } catch {
    // Storage refused: the widget says so on its first screen.
    return false;
  }
}

/**
 * Shows the template's start screen in `container` until the widget renders
 * its own there. A click there is kept, its button shown pressed and waiting
 * (disabled: dimmed, with a progress pointer; on a slow network the wasm may
 * be seconds away), as is the button that has the focus: once the widget is
 * up, the same button of its screen gets them (`replayEarlyScreens`).
 */
function showFirstScreen(container, screen) {
  const early = { container, screen };
  // Only the early screen's own buttons: once the widget has rendered into the
  // same container, its clicks are its own, even before the replay has run.
  const earlyButton = (event) => {
    const button = event.target.closest('button');
    return button && screen.contains(button) ? button : null;
  };
  container.addEventListener('click', (event) => {
    const button = earlyButton(event);
    if (button) {
      // The last click counts: one button waits at a time.
      if (early.pressed) early.pressed.disabled = false;
      early.pressed = button;
      button.disabled = true;
    }
  });
  container.addEventListener('focusin', (event) => { early.focused = earlyButton(event) ?? early.focused; });
  container.append(screen);
  earlyScreens.push(early);
}

/**
 * Once the widgets are up, their screens get what the early ones were given:
 * the button at the same place, with the same words (else the screen moved on
 * meanwhile, and nothing is done again); the focus only if rendering took it
 * away. A failed start brings the placeholder back.
 */
function replayEarlyScreens(started) {
  const replay = (failed) => {
    for (const early of earlyScreens) {
      const { container, screen, pressed, focused } = early;
      if (failed) {
        container.replaceChildren(document.createElement('slot'));
        continue;
      }
      const earlyButtons = [...screen.querySelectorAll('button')];
      const buttons = container.querySelectorAll('button');
      const counterpart = (button) => {
        const live = buttons[earlyButtons.indexOf(button)];
        return live?.textContent === button?.textContent ? live : null;
      };
      if (document.activeElement === document.body) counterpart(focused)?.focus();
      counterpart(pressed)?.click();
    }
  };
  // Yew renders in a microtask after the module starts: a task later, its screen is there.
  started.then(() => setTimeout(replay), () => replay(true));
}

/**
 * Gives `element` a shadow root with the widget's stylesheets and a place to
 * render (data-pr-root) that shows the host's placeholder until the widget
 * starts (or, on dist/index.html, its start screen); resolves when the styles
 * are in, so the widget never shows unstyled.
 */
function prepare(element) {
  if (element.shadowRoot || element.hasAttribute('data-pr-prepared')) return Promise.resolve();
  element.setAttribute('data-pr-prepared', '');
  // Few hosts set an accent: its colour arithmetic is a separate small file.
  const accented = element.hasAttribute('data-accent')
    ? import(assetUrl(ACCENT)).then((accent) => accent.apply(element), () => {})
    : null;
  const template = PAGE_COPY ? element.querySelector(FIRST_SCREEN) : null;
  // The template's styles are the widget's stylesheet: once in the shadow root, not linked again.
  let stylesInline = false;
  let home;
  try {
    home = element.attachShadow({ mode: 'open' });
    const container = document.createElement('div');
    container.setAttribute('data-pr-root', '');
    if (template) {
      const [styles, screen] = template.content.cloneNode(true).children;
      home.append(styles);
      stylesInline = true;
      if (firstScreenFits()) showFirstScreen(container, screen);
    }
    if (!container.hasChildNodes()) container.append(document.createElement('slot'));
    home.append(container);
  } catch {
    // An element that cannot host a shadow root (a <button>, say): the widget
    // renders into it directly, styled by the stylesheets in the document.
    console.warn('partnership readiness: this element cannot hold the widget in a shadow root, so host styles may reach it; use a <div>', element);
    if (homes.includes(document.head)) return accented;
    home = document.head;
  }
  homes.push(home);
  const needed = sheets.filter((sheet) => !(stylesInline && sheet === STYLES));
  return Promise.all([accented, ...needed.map((sheet) => addSheet(home, sheet))]);
}

const prepareAll = () => Promise.all([...document.querySelectorAll(MOUNT)].map(prepare));

/**
 * The build's wasm, compiled as it arrives and handed over only once its bytes
 * match the build's integrity hash (a module that does not match is never
 * instantiated, so it never runs). Checked here rather than by `fetch`'s
 * `integrity`, which holds the response back until the whole body is in and
 * checked, so the compiling could only start then: measured ≈ 15 ms later to
 * interactive on loopback. Without Web Crypto (a page on plain http, not
 * localhost) the browser checks the hash as before. dist/index.html names
 * no hashes: its files come from its own origin (post-build.mjs says why).
 */
async function fetchWasm(url, integrity) {
  if (PAGE_COPY || !globalThis.crypto?.subtle) {
    const response = await fetch(url, { integrity });
    return WebAssembly.compileStreaming(response.clone()).catch(() => response);
  }
  const response = await fetch(url);
  // A server that does not say application/wasm: the bytes, which the loader compiles the slow way.
  const compiled = WebAssembly.compileStreaming(response.clone()).catch(() => null);
  const bytes = response.arrayBuffer();
  // Hashed as soon as the bytes are in, while the compiling finishes, not after it.
  const [module, hash] = await Promise.all([compiled, bytes.then((body) => crypto.subtle.digest('SHA-256', body))]);
  const digest = new Uint8Array(hash);
  if (`sha256-${btoa(String.fromCharCode(...digest))}` !== integrity) {
    // Said in the console as the browser says a refused file (the rejection only stops the start).
    const refused = `partnership readiness: ${url} does not match its integrity hash ${integrity}, so it was refused`;
    console.error(refused);
    throw new Error(refused);
  }
  return module ?? (await bytes);
}

/**
 * Starts a build's downloads, all at once: its wasm (`fetchWasm`) and its JS
 * loader through a module preload carrying the loader's integrity (the import
 * then takes the checked module, or fails).
 */
function download(build) {
  // The wasm first: it is the larger file, and the longer wait.
  const wasm = fetchWasm(assetUrl(build.js.replace(/\.js$/, '_bg.wasm')), build.wasmIntegrity);
  const url = assetUrl(build.js);
  const preload = document.createElement('link');
  preload.rel = 'modulepreload';
  preload.href = url;
  if (build.jsIntegrity) preload.integrity = build.jsIntegrity;
  document.head.append(preload);
  return { loader: import(url), wasm };
}

/** Runs a build once it and the widget's styles are in; resolves to its JS loader module. */
async function run({ loader, wasm }, styled) {
  const module = await loader;
  await styled;
  // Instantiates the module (named after its loader: the build renames both);
  // its start function mounts every widget on the page.
  await module.default({ module_or_path: await wasm });
  return module;
}

// One first-load build serves the page when every widget on it can start in
// it; a partner's plain link on an English page, the partner build.
const kinds = new Set([...document.querySelectorAll(MOUNT)].map(kindOf));
const kind = kinds.has(null) || kinds.size > 1 ? null : ([...kinds][0] ?? 'en');
// With a share link in the address: the partner build for a plain one on an English page, else the full build.
const linked = SHARE_LINK.test(location.hash);
const partnerLink = PLAIN_LINK.test(location.hash) && kind === 'en';
const build = !kind ? null : !linked ? CORE_BUILDS[kind] : partnerLink ? PARTNER : null;
// The downloads first: they are the longest wait, and preparing the widgets can happen meanwhile.
const downloads = build ? download(build) : null;
const styled = prepareAll();
let full;
function loadFull() {
  if (!full) {
    sheets.push(FULL_STYLES);
    // A home whose element left the page never loads a sheet: not waited for.
    const present = homes.filter((home) => home.isConnected);
    full = run(download(FULL), Promise.all([styled, ...present.map((home) => addSheet(home, FULL_STYLES))]));
  }
  return full;
}
const first = downloads ? run(downloads, styled) : loadFull();
if (PAGE_COPY && earlyScreens.length) replayEarlyScreens(first);

globalThis.partnershipReadiness = Object.freeze({
  /** Loads the full build (once) and resolves to its module. */
  loadFull,
  /** Mounts widgets into marked elements added after the page loaded. */
  mount: async () => {
    await prepareAll();
    return (await first).mount_all();
  },
  /** The URL of one of the widget's files (languages, questionnaires). */
  assetUrl,
});

// A share link pasted into the address bar of a page already open changes only
// the fragment: start afresh so the link opens (everything answered is saved).
addEventListener('hashchange', () => {
  if (SHARE_LINK.test(location.hash)) location.reload();
});
