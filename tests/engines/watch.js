// Served by the cross-engine suite's test server as /__engines__/watch.js and put
// first into every HTML page it serves (a same-origin classic script, so even the
// strict Content-Security-Policy allows it). It records, before any of the page's
// own scripts run, what neither WebDriver classic nor every engine reports:
// console errors, uncaught errors and rejections, resources that failed to load,
// Content-Security-Policy violations, and every clipboard write (its text and
// whether the browser allowed it — the real write still happens). The drivers
// read and clear the records with `pr.harvest()` (page.mjs).
(() => {
  if (window.__engines) return;
  const records = { errors: [], violations: [], clipboard: [] };
  window.__engines = records;

  const describe = (value) => {
    try {
      if (value instanceof Error) return `${value.name}: ${value.message}`;
      return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
    } catch {
      return String(value);
    }
  };

  const consoleError = console.error;
  console.error = function error(...args) {
    records.errors.push(`console.error: ${args.map(describe).join(' ')}`);
    return consoleError.apply(this, args);
  };
  addEventListener('error', (event) => {
    if (event instanceof ErrorEvent) {
      records.errors.push(`page error: ${event.message} (${event.filename || '?'}:${event.lineno || 0})`);
    } else if (event.target && event.target !== window) {
      const el = event.target;
      records.errors.push(`failed to load: <${el.localName}> ${el.src || el.href || ''}`);
    }
  }, true);
  addEventListener('unhandledrejection', (event) => {
    records.errors.push(`unhandled rejection: ${describe(event.reason)}`);
  });
  addEventListener('securitypolicyviolation', (event) => {
    records.violations.push(`${event.effectiveDirective || event.violatedDirective} blocked ${event.blockedURI || '(inline)'}`
      + ` at ${event.sourceFile || '?'}:${event.lineNumber || 0}`);
  }, true);

  const clipboard = navigator.clipboard;
  if (!clipboard) return;
  const record = (how, text, result) => {
    const entry = { how, text: null, ok: null, error: null };
    records.clipboard.push(entry);
    entry.done = Promise.all([
      Promise.resolve(text).then((t) => { entry.text = t ?? null; }, () => {}),
      Promise.resolve(result).then(() => { entry.ok = true; }, (e) => { entry.ok = false; entry.error = `${e?.name}: ${e?.message}`; }),
    ]);
    return result;
  };
  if (typeof clipboard.writeText === 'function') {
    const writeText = clipboard.writeText;
    clipboard.writeText = function (text) {
      return record('writeText', text, writeText.call(clipboard, text));
    };
  }
  if (typeof clipboard.write === 'function') {
    const write = clipboard.write;
    clipboard.write = function (items) {
      // Call the browser first: inside the click, as the page did.
      const result = write.call(clipboard, items);
      const text = (async () => {
        for (const item of items ?? []) {
          if (item.types.includes('text/plain')) return (await item.getType('text/plain')).text();
        }
        return null;
      })();
      return record('write', text, result);
    };
  }
})();
