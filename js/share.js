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
