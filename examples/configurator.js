// The configurator: the site owner's choices as a live widget and as two
// snippets to copy (inline and iframe). Runs before the boot script, so the
// first preview already carries the choices (a browser may restore a form's
// values on reload); after that each change replaces the preview's mount point
// by a fresh one and calls partnershipReadiness.mount(): a widget reads its
// attributes once, when it starts.

const DEFAULT_FEATURES = ['history', 'share', 'compare', 'agenda'];
/** A share link in an address (the widget reads those itself). */
const SHARE_LINK = /^#pr[0-9]+\./;
/** Where pr-boot.js and embed.html are: the folder above examples/. */
const BASE = new URL('../', location.href).href;

const byId = (id) => document.getElementById(id);
const checked = (name) => document.querySelector(`input[name="${name}"]:checked`)?.value;

/**
 * Why `key` cannot be a storage key (EMBEDDING.md, `data-storage-key`: it
 * would reach another widget's data), or null when it can.
 */
function refusedKey(key) {
  if (/:(results|teams|set-aside)$/.test(key)) return `A key ending in “${key.slice(key.lastIndexOf(':'))}” is refused: it would reach another widget's data. The widget would use the default key.`;
  if (key.includes(':backup:')) return 'A key holding “:backup:” is refused: it would reach another widget\'s data. The widget would use the default key.';
  if (/[\n\r]/.test(key)) return 'A key cannot hold a line break.';
  return null;
}

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
/** The widget's lightest background in the light theme (js/accent.js). */
const LIGHT_BACKGROUND = '#eef2f6';
const contrast = (a, b) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

/** The page's origin the iframe snippet names, or null when the field holds none. */
function originOf(value) {
  try {
    const origin = new URL(value.trim()).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * The attributes the choices give, in the order the snippets write them:
 * [name without `data-`, value], only those that differ from the defaults.
 */
function attributes() {
  const list = [];
  const key = byId('storage-key').value.trim();
  if (key && key !== 'partnership-readiness' && !refusedKey(key)) list.push(['storage-key', key]);
  const lang = checked('lang');
  if (lang !== 'auto') list.push(['lang', lang]);
  const theme = checked('theme');
  if (theme !== 'auto') list.push(['theme', theme]);
  if (checked('accent-choice') === 'colour') list.push(['accent', byId('accent').value]);
  const heading = byId('heading').value.trim();
  if (heading) list.push(['heading', heading]);
  const labelPrompt = byId('label-prompt').value.trim();
  if (labelPrompt) list.push(['label-prompt', labelPrompt]);
  const features = [...document.querySelectorAll('input[name="feature"]:checked')].map((box) => box.value);
  if (features.length !== DEFAULT_FEATURES.length) list.push(['features', features.join(' ')]);
  return list;
}

const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
/** A JS string literal that is safe inside a <script> element. */
const jsString = (text) => JSON.stringify(text).replace(/</g, '\\u003c');

function inlineSnippet(list) {
  const attrs = list.map(([name, value]) => `\n     data-${name}="${escapeHtml(value)}"`).join('');
  return `<script type="module" src="${escapeHtml(new URL('pr-boot.js', BASE).href)}"></script>

<div data-partnership-readiness${attrs}>
  <p>Loading the partnership readiness check…</p>
</div>`;
}

/** Settings the iframe page takes from its address (js/embed.js), and those only the host's message gives. */
const URL_PARAMETERS = ['lang', 'theme', 'accent', 'storage-key', 'features'];

function iframeSnippet(list, origin) {
  const values = Object.fromEntries(list);
  const params = new URLSearchParams({ origin: origin ?? 'https://www.example.com' });
  for (const name of URL_PARAMETERS) {
    if (values[name] !== undefined) params.set(name, values[name]);
  }
  const sharing = !('features' in values) || values.features.split(' ').includes('share');
  const configured = { heading: values.heading, labelPrompt: values['label-prompt'] };
  const configure = sharing || configured.heading || configured.labelPrompt;
  // URLSearchParams writes spaces as `+`; %20 reads the same and is what people expect.
  const query = params.toString().replace(/\+/g, '%20') + (configure ? '&configure' : '');
  const src = `${new URL('embed.html', BASE).href}?${query}`;
  const message = [
    "type: 'partnership-readiness:configure'",
    ...(configured.heading ? [`heading: ${jsString(configured.heading)}`] : []),
    ...(configured.labelPrompt ? [`labelPrompt: ${jsString(configured.labelPrompt)}`] : []),
    // Share links open on this page, around the iframe.
    ...(sharing ? ["sharePage: location.href.split('#')[0]"] : []),
  ];
  const lines = [
    '<!-- Style it in your CSS: .readiness-frame { width: 100%; border: 0 } -->',
    `<iframe id="readiness-frame" class="readiness-frame" title="Partnership readiness check" allow="clipboard-write"\n        src="${escapeHtml(src)}"></iframe>`,
    '<script type="module">',
    '  // Sizes the iframe to its content' + (configure ? ' and gives the widget its texts' : '') + '; ignores every other window.',
    "  const frame = document.getElementById('readiness-frame');",
    '  const widgetOrigin = new URL(frame.src).origin;',
    "  addEventListener('message', (event) => {",
    '    if (event.source !== frame.contentWindow || event.origin !== widgetOrigin) return;',
    '    const { type, height } = event.data ?? {};',
    "    if (type === 'partnership-readiness:height') frame.style.height = `${height}px`;",
    ...(configure ? [
      "    if (type === 'partnership-readiness:ready') {",
      `      frame.contentWindow.postMessage({ ${message.join(', ')} }, widgetOrigin);`,
      '    }',
    ] : []),
    '  });',
    ...(sharing ? [
      "  // A share link opened on this page (…#pr1.…) is the widget's to read: pass it on.",
      `  if (${SHARE_LINK}.test(location.hash)) frame.src = new URL(location.hash, frame.src).href;`,
    ] : []),
    '</script>',
  ];
  return lines.join('\n');
}

/**
 * The full build (other languages; what a preview restarted in German needs),
 * loaded while the first preview is still on the page: the boot script puts the
 * full build's stylesheet into every widget's shadow root it prepared and waits
 * for each to load, which one taken off the page never does.
 */
const fullBuild = () => globalThis.partnershipReadiness?.loadFull().catch(() => {}) ?? Promise.resolve();
addEventListener('load', fullBuild);

/** Replaces the preview by a fresh mount point carrying `list` and mounts it. */
async function remount(list) {
  await fullBuild();
  if (JSON.stringify(list) !== shown) return; // changed again meanwhile: the later call restarts it
  const old = byId('preview');
  const fresh = document.createElement('div');
  fresh.id = 'preview';
  fresh.setAttribute('data-partnership-readiness', '');
  for (const [name, value] of list) fresh.setAttribute(`data-${name}`, value);
  const loading = document.createElement('p');
  loading.textContent = 'Loading the partnership readiness check…';
  fresh.append(loading);
  old.replaceWith(fresh);
  globalThis.partnershipReadiness?.mount();
}

/** The notes next to the fields, and the snippets, as the choices are now. */
function describe() {
  const list = attributes();
  const key = byId('storage-key').value.trim();
  const refused = key ? refusedKey(key) : null;
  byId('storage-key-note').textContent = refused ?? '';
  if (refused) byId('storage-key').setAttribute('aria-invalid', 'true');
  else byId('storage-key').removeAttribute('aria-invalid');
  const accent = byId('accent').value;
  const ratio = contrast(accent, LIGHT_BACKGROUND);
  byId('accent-note').textContent = ratio < 4.5
    ? `${accent} is too light (${ratio.toFixed(1)}:1 on the widget's background, 4.5:1 is needed): the widget would keep its own blue.`
    : 'It must read on white (4.5:1); a lighter colour is ignored by the widget.';
  const origin = originOf(byId('origin').value);
  byId('origin-note').textContent = origin ? '' : 'Not an origin such as https://www.example.com: the snippet shows that example instead.';
  byId('inline-snippet').value = inlineSnippet(list);
  byId('iframe-snippet').value = iframeSnippet(list, origin);
  return list;
}

if (!byId('origin').value) byId('origin').value = location.origin;
// The first preview, before the boot script mounts it: the form as the browser restored it.
let shown = JSON.stringify(describe());
for (const [name, value] of JSON.parse(shown)) byId('preview').setAttribute(`data-${name}`, value);
let timer;
function changed() {
  const list = describe();
  clearTimeout(timer);
  timer = setTimeout(() => {
    // Only a change of the widget's attributes restarts it (not the iframe's origin, say).
    if (JSON.stringify(list) === shown) return;
    shown = JSON.stringify(list);
    remount(list);
  }, 400);
}
document.querySelector('.configurator-controls').addEventListener('input', changed);
document.querySelector('.configurator-controls').addEventListener('change', changed);
// Picking a colour means wanting it.
byId('accent').addEventListener('input', () => {
  document.querySelector('input[name="accent-choice"][value="colour"]').checked = true;
});

async function copy(button) {
  const area = byId(button.dataset.copy);
  const status = byId('copy-status');
  const what = button.dataset.copy === 'inline-snippet' ? 'inline' : 'iframe';
  status.textContent = '';
  try {
    await navigator.clipboard.writeText(area.value);
    status.textContent = `Copied the ${what} snippet.`;
  } catch {
    // The clipboard refused (an old browser, a denied permission): select it for the person to copy.
    area.focus();
    area.select();
    status.textContent = `The browser did not let this page copy: the ${what} snippet is selected, press Ctrl+C (⌘C on a Mac) to copy it.`;
  }
}
for (const button of document.querySelectorAll('button[data-copy]')) {
  button.addEventListener('click', () => copy(button));
}
