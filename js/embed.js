// The glue of embed.html, the page meant for iframes. It runs before the boot
// script: it copies URL parameters onto the mount point as the data attributes
// of the same names (?lang=de&theme=dark → data-lang, data-theme), then tells the
// parent window the page's height whenever it changes, so the host can size the
// iframe, and forwards `completed` with the result summary.
//
// Messages go to the one origin the host names in ?origin= — never to '*' — and
// only requests from the parent window at that origin are answered. Without
// ?origin= nothing is sent (and the console says why).
const ATTRIBUTES = ['lang', 'theme', 'accent', 'storage-key', 'heading', 'label-prompt', 'features', 'questionnaire'];
const PREFIX = 'partnership-readiness:';

const params = new URLSearchParams(location.search);
const mount = document.querySelector('[data-partnership-readiness]');
for (const name of ATTRIBUTES) {
  const value = params.get(name);
  if (value !== null && mount) mount.setAttribute(`data-${name}`, value);
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

// The host may ask for the height again (say, once its listener is attached).
addEventListener('message', (event) => {
  if (event.source !== window.parent || event.origin !== target) return;
  if (event.data?.type === `${PREFIX}measure`) reportHeight(true);
});
