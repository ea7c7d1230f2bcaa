// The widget's one way to read a file it is configured with (a host's
// questionnaire, a language's texts): bounded in size while it arrives, kept to
// the page's origin when asked, and each refusal named by a code. A module of
// its own, so the build for a host's questionnaire (which has none of share.js)
// carries only this.

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
