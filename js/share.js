// Browser I/O of the full widget that wasm-bindgen has no compact binding for:
// downloads, the clipboard, files that are chosen or dropped, sealing share links
// with a passphrase (WebCrypto; the link's format is codec/link.rs's), and the
// address fragment. Loaded only with the full build.

export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has started by then; the object URL only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function copyText(text) {
  await navigator.clipboard.writeText(text);
}

/** The file of a file input's change event or of a drop, or null. */
export function chosenFile(event) {
  const files = event.dataTransfer ? event.dataTransfer.files : event.target && event.target.files;
  return files && files.length > 0 ? files[0] : null;
}

export function fileSize(file) {
  return file.size;
}

export async function fileBytes(file) {
  return new Uint8Array(await file.arrayBuffer());
}

/**
 * Starts writing to the clipboard now, while the click that asked for it is
 * still being handled, the text that `fill` gives later (after sealing a link,
 * say). WebKit refuses a clipboard write that starts after an `await` outside
 * the click; a clipboard item whose content is a promise starts inside it.
 */
export class PendingCopy {
  constructor() {
    this.text = new Promise((resolve, reject) => { this.give = resolve; this.refuse = reject; });
    this.text.catch(() => {});
    const clipboard = navigator.clipboard;
    this.written = globalThis.ClipboardItem && clipboard?.write
      ? clipboard.write([new ClipboardItem({ 'text/plain': this.text.then((t) => new Blob([t], { type: 'text/plain' })) })])
      : this.text.then((t) => clipboard.writeText(t));
    // Reported through fill(), not as an unhandled rejection.
    this.written.catch(() => {});
  }

  /** Gives the text; resolves once it is on the clipboard, rejects if it could not be put there. */
  fill(text) {
    this.give(text);
    return this.written;
  }

  /** Nothing is copied after all. */
  cancel() {
    this.refuse(new Error('nothing to copy'));
  }
}

export function randomBytes(count) {
  return crypto.getRandomValues(new Uint8Array(count));
}

/**
 * The passphrase as links of format 2 use it: without leading and trailing
 * white space, in Unicode NFC, so the same passphrase typed on another device
 * (or pasted from a chat) opens the link. Format 1 links used it as typed.
 */
const prepared = (passphrase, asTyped) => (asTyped ? passphrase : passphrase.trim().normalize('NFC'));

async function deriveKey(passphrase, salt, iterations) {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt, iterations, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** The AES-GCM ciphertext of `plain`, bound to `bound` (additional data). */
export async function seal(plain, passphrase, salt, nonce, iterations, bound) {
  const key = await deriveKey(prepared(passphrase, false), salt, iterations);
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: bound }, key, plain));
}

/** The plain bytes; rejects when the passphrase is wrong (the link's damage is checked before). */
export async function unseal(ciphertext, passphrase, salt, nonce, iterations, bound, asTyped) {
  const key = await deriveKey(prepared(passphrase, asTyped), salt, iterations);
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: nonce, additionalData: bound }, key, ciphertext));
}

/**
 * The body of `url` as text, read up to `maxBytes` (a larger body is refused
 * while it arrives, not after). With `sameOrigin`, the request may not leave the
 * page's origin, redirects included. Rejects with a sentence for the host's console.
 */
export async function fetchText(url, maxBytes, sameOrigin) {
  // Each rejection names its reason as a code too (the widget's error event carries it).
  const failure = (code, message) => Object.assign(new Error(message), { code });
  let response;
  try {
    response = await fetch(url, sameOrigin ? { mode: 'same-origin', credentials: 'same-origin' } : {});
  } catch {
    throw failure('unreachable', sameOrigin
      ? `${url} could not be fetched from this page's origin (offline, blocked, or redirected to another origin, which is refused)`
      : `${url} could not be fetched (offline, blocked, or not allowed by the page's policy)`);
  }
  if (sameOrigin && new URL(response.url).origin !== location.origin) {
    throw failure('other-origin', `${url} led to another origin (${new URL(response.url).origin}), which is refused`);
  }
  if (!response.ok) throw failure('http-error', `${url} answered HTTP ${response.status}`);
  const tooLarge = () => failure('too-large', `${url} is larger than ${Math.floor(maxBytes / 1024)} KiB`);
  const declared = response.headers.get('content-length');
  if (Number(declared) > maxBytes) throw tooLarge();
  // A declared length bounds the body (HTTP frames it by that length); without
  // one, the body is read piece by piece and refused as soon as it is too large.
  const bytes = declared !== null ? new Uint8Array(await response.arrayBuffer()) : await readAtMost(response, maxBytes, tooLarge);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw failure('not-text', `${url} is not UTF-8 text`);
  }
}

async function readAtMost(response, maxBytes, tooLarge) {
  const reader = response.body.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > maxBytes) {
      reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * What a share link is built on: the page's address without its query and
 * fragment (a host's campaign or login parameters are not the link's to carry).
 */
export function pageAddress() {
  return location.origin + location.pathname;
}

const warnedPages = new Set();
/**
 * The address share links are built on: the host's share page (data-share-page,
 * resolved against this page; http or https only, its fragment dropped), or
 * this page's address.
 */
export function linkBase(configured) {
  if (configured) {
    try {
      const url = new URL(configured, location.href);
      if (url.protocol === 'https:' || url.protocol === 'http:') {
        url.hash = '';
        return url.href;
      }
    } catch {
      // warned below
    }
    if (!warnedPages.has(configured)) {
      warnedPages.add(configured);
      console.warn(`partnership readiness: data-share-page="${configured}" is not an http or https address; links open on this page`);
    }
  }
  return pageAddress();
}

/** Whether the browser has a system share sheet. */
export function canShare() {
  return typeof navigator.share === 'function';
}

/**
 * Opens the system share sheet with `url` (inside the click that asked, as
 * browsers require). Resolves true once shared, false when the person closed
 * the sheet; rejects when the browser refused.
 */
export async function shareSheet(title, url) {
  try {
    await navigator.share({ title, url });
    return true;
  } catch (error) {
    if (error?.name === 'AbortError') return false;
    throw error;
  }
}

/** Every file of a file input's change event or of a drop (team members come several at once). */
export function chosenFiles(event) {
  const files = event.dataTransfer ? event.dataTransfer.files : event.target && event.target.files;
  return files ? Array.from(files) : [];
}

export function fileName(file) {
  return file.name;
}
