// The host listening to the widget's events: its own analytics, a thank-you note.
const widget = document.getElementById('readiness');
const log = document.getElementById('event-log');
for (const name of ['started', 'step', 'completed', 'shared']) {
  widget.addEventListener(`partnership-readiness:${name}`, (event) => {
    const entry = document.createElement('li');
    entry.textContent = `${name}: ${JSON.stringify(name === 'completed' ? event.detail.summary.overall : event.detail)}`;
    log.append(entry);
    if (name === 'completed') document.getElementById('thanks').hidden = false;
  });
}
