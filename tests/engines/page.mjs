// The in-page helpers of the cross-engine suite. `prelude` is never called in
// Node: its source text is sent with every script the drivers run (drivers.mjs),
// so it must not use anything from this module's scope. Scripts get its result
// as their first argument, `pr`.
//
// The widget renders inside the open shadow root of each `[data-partnership-readiness]`
// element; every query goes through `host.shadowRoot`. Clicks made here are
// synthetic (element.click()): fine for everything but what needs a user
// activation (the clipboard), for which the drivers' `tab.click` is real input.
export function prelude() {
  const HOST = '[data-partnership-readiness]';
  const host = (sel = HOST) => (typeof sel === 'string' ? document.querySelector(sel) : sel);
  const root = (sel) => host(sel)?.shadowRoot ?? null;
  const $ = (css, sel) => root(sel)?.querySelector(css) ?? null;
  const $$ = (css, sel) => [...(root(sel)?.querySelectorAll(css) ?? [])];
  const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
  const text = (el) => norm(el?.textContent);
  /** The first element matching `css` whose text is `name` (or starts with it, given `{ prefix: true }`). */
  const byText = (css, name, sel, { prefix = false } = {}) => $$(css, sel)
    .find((el) => [norm(el.getAttribute('aria-label')), text(el)]
      .some((t) => (prefix ? t.startsWith(name) : t === name))) ?? null;
  /** The button named `name` (its aria-label or its text). */
  const button = (name, sel, options) => byText('button', name, sel, options);
  /** The form control labelled `name` (its <label> text), inside the widget. */
  const field = (name, sel) => {
    const label = $$('label', sel).find((l) => text(l) === name || text(l).startsWith(`${name} `));
    if (!label) return null;
    return label.control ?? label.querySelector('input, textarea, select')
      ?? (label.htmlFor ? root(sel).getElementById(label.htmlFor) : null);
  };
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  /**
   * Polls `fn` until it is truthy and returns its value; fails naming `what` after
   * `timeout` ms. It looks again at every DOM change (the page and the widgets'
   * shadow roots) and every 25 ms: a background tab's timers may be throttled to
   * once a second, its DOM changes are not.
   */
  const until = async (what, fn, timeout = 20000) => {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const value = await fn();
        if (value) return value;
      } catch (error) {
        last = error;
      }
      if (Date.now() > end) {
        throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
      }
      await new Promise((resolve) => {
        const observer = new MutationObserver(() => done());
        const timer = setTimeout(() => done(), 25);
        function done() {
          observer.disconnect();
          clearTimeout(timer);
          resolve();
        }
        const options = { subtree: true, childList: true, attributes: true, characterData: true };
        observer.observe(document, options);
        for (const h of document.querySelectorAll(HOST)) if (h.shadowRoot) observer.observe(h.shadowRoot, options);
      });
    }
  };
  /** Sets a text field as typing would, for the widget's input/change handlers. */
  const setValue = (el, value) => {
    if (!el) throw new Error('setValue: no such field');
    el.focus();
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  };
  const check = (el) => {
    if (!el) throw new Error('check: no such input');
    if (!el.checked) el.click();
  };
  const screen = (sel) => host(sel)?.getAttribute('data-pr-screen') ?? null;
  /** Scores as shown on a results page. */
  const scores = (sel) => ({
    overall: text($('[data-testid=overall-score]', sel)),
    band: text($('[data-testid=band]', sel)),
    principles: $$('.pr-score-table .pr-score', sel).map(text),
  });
  /**
   * The whole walkthrough in one script: Start, then for each principle p the
   * ratings `ratings[p][s]` (1–5, "not-sure", or null to leave it), Next; on the
   * review the label; then the results. Language-neutral: it goes by the step
   * progress bar, the inputs' values and the primary buttons. Returns the scores.
   */
  const walkthrough = async (ratings, label = '', sel = HOST) => {
    const start = await until('the start button', () => $('.pr-start .pr-button-primary', sel));
    start.click();
    for (const [p, row] of ratings.entries()) {
      await until(`principle ${p + 1}`, () => $('progress.pr-progress-bar', sel)?.value === p + 1
        && $$('fieldset.pr-statement', sel).length === row.length);
      const input = (s, r) => $$('fieldset.pr-statement', sel)[s].querySelector(`input[value="${r}"]`);
      row.forEach((r, s) => { if (r !== null) check(input(s, r)); });
      await until(`the answers of principle ${p + 1}`, () => row.every((r, s) => r === null || input(s, r).checked));
      $('.pr-nav-buttons .pr-button-primary', sel).click();
    }
    await until('the review', () => $('.pr-review', sel));
    if (label) setValue($('.pr-review input[type=text]', sel), label);
    await until('the label', () => !label || $('.pr-review input[type=text]', sel).value === label);
    $('.pr-review .pr-nav-buttons .pr-button-primary', sel).click();
    await until('the results', () => $('[data-testid=overall-score], [data-testid=no-score]', sel));
    return scores(sel);
  };
  /**
   * The iframe `id` and the page in it (same origin): the widget's screen there,
   * the iframe's inner height, the height of its page's content, and the height
   * the host's script set on it.
   */
  const frame = (id) => {
    const el = document.getElementById(id);
    const doc = el?.contentDocument;
    return {
      screen: doc?.querySelector(HOST)?.getAttribute('data-pr-screen') ?? null,
      outer: el ? el.clientHeight : 0,
      inner: doc ? Math.ceil(doc.documentElement.getBoundingClientRect().height) : 0,
      styled: el?.style.height ?? '',
    };
  };
  /** Takes and clears what tests/engines/watch.js recorded (null on a page without it). */
  const harvest = async () => {
    const records = window.__engines;
    if (!records) return null;
    const pending = records.clipboard.map((entry) => entry.done);
    await Promise.race([Promise.all(pending), sleep(3000)]);
    const clipboard = records.clipboard.splice(0).map(({ how, text: t, ok, error }) => ({ how, text: t, ok, error }));
    return { errors: records.errors.splice(0), violations: records.violations.splice(0), clipboard };
  };
  return {
    HOST, host, root, $, $$, text, byText, button, field, sleep, until, setValue, check, screen, scores, walkthrough, frame, harvest,
  };
}
