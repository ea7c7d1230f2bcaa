// Starts the partnership readiness widget on this page. It loads the core build
// (what a first visit downloads), or the full build at once when the page needs
// it (a share link in the address), and gives the core build the way to load the
// full one later (sharing, importing). scripts/post-build.mjs writes this file
// into dist/ as pr-boot.js with this build's file names filled in; a host page
// includes it with <script type="module" src=".../pr-boot.js"></script>.
const CORE = '__CORE_JS__';
const FULL = '__FULL_JS__';

async function start(path) {
  const module = await import(new URL(path, import.meta.url).href);
  // Instantiates the module (named after its loader: the build renames both);
  // its start function mounts every widget on the page.
  await module.default({ module_or_path: new URL(path.replace(/\.js$/, '_bg.wasm'), import.meta.url) });
  return module;
}

let full;
function loadFull() {
  full ??= start(FULL);
  return full;
}

const first = /^#pr[0-9]+\./.test(location.hash) ? loadFull() : start(CORE);

globalThis.partnershipReadiness = Object.freeze({
  /** Loads the full build (once) and resolves to its module. */
  loadFull,
  /** Mounts widgets into marked elements added after the page loaded. */
  mount: () => first.then((module) => module.mount_all()),
});

// A share link pasted into the address bar of a page already open changes only
// the fragment: start afresh so the link opens (everything answered is saved).
addEventListener('hashchange', () => {
  if (/^#pr[0-9]+\./.test(location.hash)) location.reload();
});
