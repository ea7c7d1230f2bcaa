// The glue of embed.html, the page meant for iframes. It runs before the boot
// script: it copies URL parameters onto the mount point as the data attributes
// of the same names (?lang=de&theme=dark → data-lang, data-theme), then tells the
// parent window the page's height whenever it changes, so the host can size the
// iframe, and forwards `completed` with the result summary.
//
// Messages go to the one origin the host names in ?origin= — never to '*' — and
// only requests from the parent window at that origin are answered. Without
// ?origin= nothing is sent (and the console says why).
//
// Texts the widget shows as the site owner's words (its heading, the label
// prompt) are never taken from the URL: anyone can write a link to this page.
// With ?configure, the page waits for the parent at `origin` to send them in a
// `partnership-readiness:configure` message, then starts the widget. The same
// message may name `sharePage`, the host's page share links should open on (the
// one around the iframe, not this one): only an address at the parent's own
// origin is taken, so no one else's page can be put in a person's links.
const ATTRIBUTES = ['lang', 'theme', 'accent', 'storage-key', 'features', 'questionnaire'];
/** What the parent may configure by message, and the attribute each sets. */
const CONFIGURED = { heading: 'data-heading', labelPrompt: 'data-label-prompt' };
/** Marks a mount point the widget must not start in yet (src/mount). */
const WAIT = 'data-pr-wait';
const PREFIX = 'partnership-readiness:';

const params = new URLSearchParams(location.search);
const mount = document.querySelector('[data-partnership-readiness]');
for (const name of ATTRIBUTES) {
  const value = params.get(name);
  if (value !== null && mount) mount.setAttribute(`data-${name}`, value);
}
for (const name of ['heading', 'label-prompt']) {
  if (params.has(name)) {
    console.warn(`partnership readiness: ${name} is not taken from the address (anyone can write one); the host page sends it, see EMBEDDING.md`);
  }
}

/** The parent's origin the host configured, or null. */
function configuredOrigin() {
  if (window.parent === window) return null;
  const origin = params.get('origin');
  if (!origin) {
    console.warn("partnership readiness: embed.html needs ?origin=<the host page's origin> to report its height and results; nothing is sent");
    return null;
  }
  try {
    const parsed = new URL(origin).origin;
    if (parsed !== 'null') return parsed;
  } catch {
    // reported below
  }
  console.warn(`partnership readiness: origin="${origin}" is not an origin such as https://www.example.com; nothing is sent`);
  return null;
}

const target = configuredOrigin();
const send = (type, data) => {
  if (target) window.parent.postMessage({ type: PREFIX + type, ...data }, target);
};

// With ?configure, the widget starts once the parent sent its texts.
const waiting = Boolean(target && mount && params.has('configure'));
if (waiting) mount.setAttribute(WAIT, '');
function configure(data) {
  for (const [key, attribute] of Object.entries(CONFIGURED)) {
    if (typeof data[key] === 'string') mount.setAttribute(attribute, data[key]);
  }
  if (typeof data.sharePage === 'string') {
    const page = sharePage(data.sharePage);
    if (page) mount.setAttribute('data-share-page', page);
  }
  mount.removeAttribute(WAIT);
  globalThis.partnershipReadiness?.mount();
}

/** `address` without its fragment when it is a page at the parent's origin, else null (and why, in the console). */
function sharePage(address) {
  try {
    const url = new URL(address);
    if (url.origin === target) {
      url.hash = '';
      return url.href;
    }
  } catch {
    // reported below
  }
  console.warn(`partnership readiness: sharePage "${address}" is not a page at ${target}; share links open on this page`);
  return null;
}

let reported = 0;
function reportHeight(force) {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (force || height !== reported) {
    reported = height;
    send('height', { height });
  }
}
new ResizeObserver(() => reportHeight(false)).observe(document.documentElement);

mount?.addEventListener(`${PREFIX}completed`, (event) => send('completed', { summary: event.detail?.summary ?? null }));

// The host may ask for the height again (say, once its listener is attached),
// and, with ?configure, sends the widget's texts once.
addEventListener('message', (event) => {
  if (event.source !== window.parent || event.origin !== target) return;
  if (event.data?.type === `${PREFIX}measure`) reportHeight(true);
  if (event.data?.type === `${PREFIX}configure` && mount?.hasAttribute(WAIT)) configure(event.data);
});
if (waiting) {
  send('ready', {});
  // A parent that never answers (not at `origin`, or an older host snippet):
  // the widget starts after all, with its own texts.
  setTimeout(() => {
    if (!mount.hasAttribute(WAIT)) return;
    console.warn(`partnership readiness: no configure message came from ${target}; starting with the widget's own texts`);
    configure({});
  }, 3000);
}
