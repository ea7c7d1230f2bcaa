// The host snippet: sizes the widget's iframe to its content, gives it its
// texts, and hears when a check is completed. Messages from any other window or
// origin are ignored.
const frame = document.getElementById('readiness-frame');
const src = new URL(frame.dataset.src, location.href);
src.searchParams.set('origin', location.origin); // where the widget may send its messages
addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow || event.origin !== src.origin) return;
  const { type, height } = event.data ?? {};
  if (type === 'partnership-readiness:height') frame.style.height = `${height}px`;
  if (type === 'partnership-readiness:ready') {
    // Asked for with ?configure: the texts shown as this site's words.
    frame.contentWindow.postMessage({
      type: 'partnership-readiness:configure', heading: 'How ready is your team for this partnership?', labelPrompt: 'Partner name',
    }, src.origin);
  }
  if (type === 'partnership-readiness:completed') document.getElementById('thanks').hidden = false;
});
frame.src = src.href;
