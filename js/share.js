// Browser I/O of the full widget that wasm-bindgen has no compact binding for:
// downloads, the clipboard, files that are chosen or dropped, sealing share links
// with a passphrase, and the address fragment. Loaded only with the full build.

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

// OWASP's current guidance for PBKDF2-HMAC-SHA256: slow on purpose, so that
// guessing passphrases for a captured link is expensive.
const ITERATIONS = 600_000;

async function deriveKey(passphrase, salt) {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt, iterations: ITERATIONS, hash: 'SHA-256' },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Salt (16 bytes), nonce (12) and AES-GCM ciphertext of `plain`. */
export async function seal(plain, passphrase) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const nonce = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt);
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce }, key, plain));
  const sealed = new Uint8Array(28 + cipher.length);
  sealed.set(salt, 0);
  sealed.set(nonce, 16);
  sealed.set(cipher, 28);
  return sealed;
}

/** The plain bytes; rejects when the passphrase is wrong or the data altered. */
export async function unseal(sealed, passphrase) {
  const key = await deriveKey(passphrase, sealed.slice(0, 16));
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.slice(16, 28) }, key, sealed.slice(28)));
}

export function currentFragment() {
  return location.hash;
}

/** The page's address without its fragment: what a share link is built on. */
export function pageAddress() {
  return location.href.split('#')[0];
}

/** Removes a share link's fragment from the address (without reloading). */
export function clearFragment() {
  history.replaceState(history.state, '', location.pathname + location.search);
}
