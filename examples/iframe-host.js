// The host snippet: sizes the widget's iframe to its content, gives it its
// texts, makes share links open on this page, and hears when a check is
// completed. Messages from any other window or origin are ignored.
const frame = document.getElementById('readiness-frame');
const src = new URL(frame.dataset.src, location.href);
src.searchParams.set('origin', location.origin); // where the widget may send its messages
// A share link opened on this page (…#pr1.…) is the widget's to read: pass it on.
if (/^#pr[0-9]+\./.test(location.hash)) src.hash = location.hash;
addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.origin !== src.origin) return;
  const { type, height } = event.data ?? {};
  if (type === 'partnership-readiness:height') frame.style.height = `${height}px`;
  if (type === 'partnership-readiness:ready') {
    // Asked for with ?configure: the texts shown as this site's words.
    frame.contentWindow.postMessage({
      type: 'partnership-readiness:configure', heading: 'How ready is your team for this partnership?', labelPrompt: 'Partner name',
      // Links the widget makes open here, around the iframe, rather than on its own page.
      sharePage: location.href.split('#')[0],
    }, src.origin);
  }
  if (type === 'partnership-readiness:completed') document.getElementById('thanks').hidden = false;
});
frame.src = src.href;
