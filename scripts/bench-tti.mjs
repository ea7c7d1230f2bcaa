#!/usr/bin/env node
// The widget's start screen beside SurveyJS 2.5 showing the same questionnaire
// (issue 16 §2: interactive in ≤ 0.30× SurveyJS's time), and where the widget's
// time goes. Prints figures, asserts nothing. Needs a release build in dist/
// (or PR_DIST) and `npm install` (SurveyJS is a devDependency).
//
//   node scripts/bench-tti.mjs [loads]   default 15 of each page and way of timing; medians printed
//     --network=LATENCY_MS/KBIT_S        Chromium's network throttling, e.g. --network=40/8000, to see the
//                                        widget's waterfall off loopback (the server does not compress,
//                                        so SurveyJS's 2 MB go raw: not a fair ratio then)
//     --also=DIR                         another widget build (a dist/ directory) timed alongside, in the
//                                        same alternation (repeatable): to see whether a change helps
//     --trace=DIR                        also one traced in-page load of each page, written to
//                                        DIR/widget-A.json … and DIR/surveyjs.json (open in Perfetto or chrome://tracing)
//     --serve                            only serve both pages and print their addresses, to look at them
//
// The pages load in one run, in turn, each round's order rotated by one and
// reversed every other cycle (with two pages: AB BA BA AB…), so none is always
// first or always follows the same one; each in a fresh browser context (nothing
// cached; the server says no-store), served from loopback: network time is ≈ 0
// unless throttled, so what is measured is the chain of requests, parsing,
// compiling and rendering.
//
// "Interactive" is the same for both pages: the button "Start the check" (the
// widget's start button; SurveyJS's start-page button, given the same text) is
// in the DOM, visible and enabled, and a frame showing it has been produced. It
// is timed two ways, in separate loads:
// - in the page (the figure to go by): an init script notes when the button
//   enters the DOM, then in the next frame where it is visible and enabled, and
//   the first task after that frame (the main thread is free to take a click);
//   the page reports by console message, so the harness runs nothing in it;
// - as scripts/bench.mjs does: Playwright waits for the button to be visible,
//   then reads performance.now() in the page. Its waiting injects and runs
//   Playwright's selector engine in the page while the page boots: measured,
//   ≈ 100 ms more for the widget, whose main thread would otherwise be waiting
//   for its files, and less for SurveyJS, whose own scripts hold it then anyway.
// Each load then clicks the button and waits for the first statement: the
// button works, and (Playwright's loads) "→ first question" is timed.
// dist/index.html shows its start screen from the page itself before the wasm
// is in (js/boot.js, FIRST_SCREEN), and a click there is done once the widget
// is up; so the in-page report also waits for the widget's own screen (the
// mount point's data-pr-mounted), and the waterfall shows both times.
//
// The waterfall comes from the in-page loads: resource timing of each file,
// and marks the same init script takes on both pages (when WebAssembly compiles
// and instantiates, when the wasm fetch() is made and answered, when the boot
// script and the JS loader run). Times are ms since navigation start.
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { distDir, launchBrowser, median, repoRoot, serveDist } from '../tests/e2e/support.mjs';

const START = 'Start the check';
/** How the init script's report of "interactive" starts, in a console message. */
const REPORT = 'bench-tti ';

/** What --trace records: the main thread's tasks, script compiling, wasm, loading. */
const TRACE_CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.compile',
  'v8.wasm', 'blink', 'blink.user_timing', 'loading', 'navigation',
];

/**
 * Where the main thread's time went until "interactive" in a trace written by
 * --trace: ms in each kind of work (an event inside another of its kind counted
 * once), and how many wasm functions V8 compiled on their first call. V8
 * compiles a wasm module's functions lazily, so most of the wasm's compile time
 * falls inside the first render, not inside instantiate().
 */
async function traceSummary(file, interactive) {
  const events = JSON.parse(await readFile(file, 'utf8')).traceEvents;
  const navigation = events.findLast((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith('http'));
  const end = navigation.ts + interactive * 1000;
  const main = events
    .filter((e) => e.ph === 'X' && e.pid === navigation.pid && e.tid === navigation.tid && e.ts >= navigation.ts && e.ts < end)
    .sort((a, b) => a.ts - b.ts);
  const outermost = (test) => {
    let until = 0;
    let total = 0;
    let count = 0;
    for (const e of main) {
      if (!test(e.name) || e.ts < until) continue;
      until = e.ts + e.dur;
      total += Math.min(e.dur, end - e.ts) / 1000;
      count += 1;
    }
    return { total, count };
  };
  const named = (...names) => (name) => names.includes(name);
  return {
    'main thread busy (tasks)': outermost(named('RunTask')).total,
    'running JS and wasm': outermost(named('EvaluateScript', 'v8.evaluateModule', 'v8.callFunction', 'FunctionCall', 'RunMicrotasks')).total,
    'JS parse + compile': outermost(named('V8.ParseProgram', 'V8.ParseFunction', 'V8.PreParse', 'V8.CompileCode', 'V8.CompileScript',
      'V8.CompileIgnition', 'v8.compile', 'V8.CollectSourcePositions')).total,
    'wasm compile, streamed (main thread part)': outermost((name) => /^(v8\.)?wasm\.(compileConsume|SyncCompile|AsyncCompile)/.test(name)).total,
    'wasm lazy compile, ms': outermost(named('wasm.CompileLazy')).total,
    'wasm lazy compile, functions': outermost(named('wasm.CompileLazy')).count,
    'style + layout': outermost(named('UpdateLayoutTree', 'Layout')).total,
    'garbage collection': outermost(named('MinorGC', 'MajorGC')).total,
  };
}

/** The SurveyJS page: bench/surveyjs/ and SurveyJS's bundles from node_modules, at /surveyjs/. */
async function surveyPages() {
  const js = 'text/javascript; charset=utf-8';
  const files = {
    '/surveyjs/': ['text/html; charset=utf-8', 'bench/surveyjs/index.html'],
    '/surveyjs/start.mjs': [js, 'bench/surveyjs/start.mjs'],
    '/surveyjs/survey.core.min.js': [js, 'node_modules/survey-core/survey.core.min.js'],
    '/surveyjs/survey-js-ui.min.js': [js, 'node_modules/survey-js-ui/survey-js-ui.min.js'],
    '/surveyjs/survey-core.fontless.min.css': ['text/css; charset=utf-8', 'node_modules/survey-core/survey-core.fontless.min.css'],
  };
  const pages = {};
  for (const [path, [type, file]] of Object.entries(files)) {
    const body = await readFile(join(repoRoot, file)).catch(() => {
      throw new Error(`${file} is missing: run \`npm install\` first`);
    });
    pages[path] = [type, body];
  }
  return pages;
}

/**
 * Runs in each page before its own scripts; keeps its marks in `window.ttiMarks`
 * and reports them by console message once the start button is interactive.
 * Both pages get the same wrappers and observers; SurveyJS's page just never
 * calls the WebAssembly ones.
 */
function instrument({ start, report }) {
  const now = () => performance.now();
  const marks = { wasm: [], longTasks: [] };
  window.ttiMarks = marks;

  for (const name of ['instantiateStreaming', 'instantiate', 'compileStreaming', 'compile']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function timed(...args) {
      const entry = { name, called: now() };
      marks.wasm.push(entry);
      const result = original.apply(this, args);
      result.then(() => { entry.done = now(); }, () => { entry.failed = now(); });
      return result;
    };
  }
  // The wasm fetch: when the boot script asks, and when the response is handed
  // over (with an integrity check, once the whole body is in and checked).
  const fetchOriginal = window.fetch;
  window.fetch = function timedFetch(input, init) {
    const result = fetchOriginal.call(this, input, init);
    if (String(input?.url ?? input).endsWith('.wasm')) {
      marks.wasmFetchCalled = now();
      marks.wasmFetchIntegrity = Boolean(init?.integrity);
      result.then(() => { marks.wasmFetchResolved = now(); }, () => {});
    }
    return result;
  };

  // Whether the boot script hashes the wasm itself (pr-boot.js does; index.html's copy names no hashes).
  const digest = crypto.subtle?.digest;
  if (digest) {
    crypto.subtle.digest = function timedDigest(...args) {
      marks.wasmHashed = true;
      return digest.apply(this, args);
    };
  }

  // The start button: in the document, or in the shadow root the widget's boot script attaches.
  const roots = [document];
  const observers = [];
  const findStart = () => roots
    .flatMap((root) => [...root.querySelectorAll('button, input[type=button]')])
    .find((b) => (b.value || b.textContent).trim() === start);
  const usable = (b) => b && !b.disabled && b.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  // Checked in a frame callback, so the frame that follows shows the button;
  // the first task after that frame is when a click could be handled.
  const onFrame = () => {
    if (!usable(findStart())) {
      requestAnimationFrame(onFrame);
      return;
    }
    marks.startFrame = now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      marks.interactive = now();
      sendReport();
    };
    channel.port2.postMessage(null);
  };
  // The widget's own screen, rendered by its wasm (the mount point gets
  // data-pr-mounted): dist/index.html shows its start screen before that, from
  // the page itself. The report waits for it, so it has both times.
  const widget = () => document.querySelector('[data-partnership-readiness]');
  let reported = false;
  const sendReport = () => {
    if (reported || marks.interactive === undefined || (widget() && marks.mounted === undefined)) return;
    reported = true;
    console.debug(report + JSON.stringify(marks));
  };
  const mountWatch = new MutationObserver(() => {
    if (!widget()?.hasAttribute('data-pr-mounted')) return;
    marks.mounted ??= now();
    mountWatch.disconnect();
    sendReport();
  });
  mountWatch.observe(document, { subtree: true, attributeFilter: ['data-pr-mounted'] });
  const onMutation = () => {
    if (marks.startInDom !== undefined || !findStart()) return;
    marks.startInDom = now();
    // Not watched any further: observers cost nothing after this.
    for (const observer of observers) observer.disconnect();
    requestAnimationFrame(onFrame);
  };
  const watch = (root) => {
    const observer = new MutationObserver(onMutation);
    observer.observe(root, { subtree: true, childList: true, attributes: true });
    observers.push(observer);
  };
  watch(document);

  // The widget's boot script attaches the shadow root as it starts, right
  // before it imports the JS loader; the loader's first statements make a
  // TextDecoder (wasm-bindgen's string decoding), which tells when it ran; the
  // widget's stylesheet, loaded into that root, is awaited before the wasm fetch.
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachAndWatch(options) {
    marks.bootRan ??= now();
    const root = attachShadow.call(this, options);
    roots.push(root);
    watch(root);
    root.addEventListener('load', () => { marks.sheetLoaded ??= now(); }, true);
    return root;
  };
  const Decoder = window.TextDecoder;
  window.TextDecoder = class TimedDecoder extends Decoder {
    constructor(...args) {
      if (marks.bootRan !== undefined) marks.loaderRan ??= now();
      super(...args);
    }
  };

  // Main-thread tasks over 50 ms: what a click would wait behind.
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) marks.longTasks.push({ start: task.startTime, duration: task.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * Loads `url` in a fresh context and times "interactive" in the page
 * (`playwright` false) or as scripts/bench.mjs does (true); returns the timings
 * (ms since navigation start), the page's marks and resource timing, and the
 * requests the server saw.
 */
async function load({ browser, server, url, playwright, firstStatement, network, trace }) {
  const context = await browser.newContext();
  await context.addInitScript(instrument, { start: START, report: REPORT });
  const page = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: network.latency, downloadThroughput: network.bytesPerSecond, uploadThroughput: network.bytesPerSecond,
    });
  }
  const warnings = [];
  let reported;
  const report = new Promise((resolve, reject) => {
    reported = resolve;
    setTimeout(() => reject(new Error(`${url}: no usable start button within 30 s`)), 30_000).unref();
  });
  report.catch(() => {}); // Playwright's loads do not wait for it.
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(REPORT)) reported(JSON.parse(text.slice(REPORT.length)));
    else if (/preload/i.test(text)) warnings.push(text);
  });
  const requestsBefore = server.requests.length;
  if (trace) await browser.startTracing(page, { path: trace, categories: TRACE_CATEGORIES });
  await page.goto(url, { waitUntil: 'commit' });
  const start = page.getByRole('button', { name: START });
  let interactive;
  let firstQuestion;
  if (playwright) {
    await start.waitFor();
    interactive = await page.evaluate(() => performance.now());
  } else {
    interactive = (await report).interactive;
  }
  if (trace) await browser.stopTracing();
  await start.click();
  await page.getByText(firstStatement).first().waitFor();
  if (playwright) firstQuestion = await page.evaluate(() => performance.now());
  const observed = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    return {
      marks: window.ttiMarks,
      htmlEnd: navigation.responseEnd,
      domContentLoaded: navigation.domContentLoadedEventEnd,
      resources: performance.getEntriesByType('resource').map((r) => ({
        name: new URL(r.name).pathname, initiator: r.initiatorType, start: r.startTime, end: r.responseEnd,
      })),
      userMarks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    };
  });
  await context.close();
  const requests = server.requests.slice(requestsBefore);
  return { interactive, firstQuestion, ...observed, requests, warnings };
}

const args = process.argv.slice(2);
const option = (name) => args.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));
const [networkArg] = option('network');
const network = networkArg
  ? { latency: Number(networkArg.split('/')[0]), bytesPerSecond: (Number(networkArg.split('/')[1]) * 1000) / 8 }
  : null;
const loads = Number(args.find((a) => /^\d+$/.test(a)) ?? 15);
const [traceDir] = option('trace');

// The widget builds (dist/ or PR_DIST first, then each --also), each on its own
// server, and SurveyJS's page on the first one's.
const surveyFiles = await surveyPages();
const builds = [];
for (const [i, dir] of [distDir, ...option('also')].entries()) {
  const server = await serveDist(resolve(dir), surveyFiles);
  builds.push({ column: String.fromCharCode(65 + i), dir: resolve(dir), server, url: server.url });
}
const surveyjs = { column: 'SurveyJS', server: builds[0].server, url: `${builds[0].url}surveyjs/` };
const targets = [...builds, surveyjs];
const closeAll = () => Promise.all(builds.map((b) => b.server.close()));
if (args.includes('--serve')) {
  for (const t of targets) console.log(`${t.column.padEnd(9)} ${t.url}${t.dir ? `   (${t.dir})` : ''}`);
  console.log('(Ctrl-C to stop)');
  await new Promise(() => {});
}

const questionnaire = JSON.parse(await readFile(join(distDir, 'data/questionnaire.en.json'), 'utf8'));
const browser = await launchBrowser();
const common = { browser, firstStatement: questionnaire.principles[0].statements[0].text, network };
for (const t of targets) t.results = { page: [], playwright: [] };
try {
  // One load of each first, not counted: the browser's own first-use costs.
  for (const t of targets) await load({ ...common, ...t, playwright: false });
  for (let i = 0; i < loads; i += 1) {
    const order = [...targets.slice(i % targets.length), ...targets.slice(0, i % targets.length)];
    if (Math.floor(i / targets.length) % 2) order.reverse();
    for (const playwright of [false, true]) {
      for (const t of order) t.results[playwright ? 'playwright' : 'page'].push(await load({ ...common, ...t, playwright }));
    }
  }
  if (traceDir) {
    await mkdir(traceDir, { recursive: true });
    for (const t of targets) {
      t.trace = join(traceDir, `${t === surveyjs ? 'surveyjs' : `widget-${t.column}`}.json`);
      t.traced = await load({ ...common, ...t, playwright: false, trace: t.trace });
    }
  }
} finally {
  await browser.close();
  await closeAll();
}

// Printing. `med(loads, pick)`: the median of pick(load) over the loads where it is a number.
const ms = (value) => (typeof value === 'number' && !Number.isNaN(value) ? `${value.toFixed(1)} ms` : '—');
const med = (list, pick) => {
  const values = list.map(pick).filter((v) => typeof v === 'number' && !Number.isNaN(v));
  return values.length ? median(values) : undefined;
};
const quartiles = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${ms(sorted[Math.floor((sorted.length - 1) / 4)])} – ${ms(sorted[Math.ceil(((sorted.length - 1) * 3) / 4)])}`;
};

console.log(`Start screen interactive: headless Chromium, ${loads} loads of each page and way, alternating, fresh context each, `
  + `${network ? `network throttled to ${networkArg} (ms/kbit/s)` : 'loopback'}`);
for (const b of builds) console.log(`  widget ${b.column}: ${b.dir}`);
for (const [way, title] of [['page', 'timed in the page (no harness in it)'], ['playwright', 'timed as scripts/bench.mjs (Playwright waits)']]) {
  const s = surveyjs.results[way].map((l) => l.interactive);
  console.log(`  ${title}`);
  console.log(`    SurveyJS  median ${ms(median(s)).padStart(9)}   (quartiles ${quartiles(s)})`);
  for (const b of builds) {
    const w = b.results[way].map((l) => l.interactive);
    console.log(`    widget ${b.column}  median ${ms(median(w)).padStart(9)}   (quartiles ${quartiles(w)}),   `
      + `widget / SurveyJS ${(median(w) / median(s)).toFixed(3)} (of medians), ${median(w.map((x, i) => x / s[i])).toFixed(3)} (median of pairs)`);
  }
}
console.log('    target: widget / SurveyJS ≤ 0.30');
if (builds.length > 1) {
  // What comes before the wasm request (the page's commit and parse) is none of the widget's code and
  // moves by 10–15 ms from run to run; after it, a change of a few ms shows.
  console.log(`    the widget's own part, wasm request → interactive (in the page): `
    + builds.map((b) => `widget ${b.column} ${ms(med(b.results.page, (l) => l.interactive - l.marks.wasmFetchCalled))}`).join(', '));
}
console.log(`  → first question visible (clicking Start, as scripts/bench.mjs): SurveyJS ${ms(med(surveyjs.results.playwright, (l) => l.firstQuestion))}, `
  + builds.map((b) => `widget ${b.column} ${ms(med(b.results.playwright, (l) => l.firstQuestion))}`).join(', '));

/** Prints rows of medians, one column per target: a row is [label, pick] or [label, pickStart, pickEnd]. */
function table(title, columns, rows) {
  console.log(`\n${title}`);
  console.log(`  ${''.padEnd(44)}${columns.map((c) => c.column.padStart(22)).join('')}`);
  for (const [label, pick, pickEnd] of rows) {
    const cells = columns.map((c) => {
      const list = c.results.page;
      return pickEnd ? `${ms(med(list, pick))} → ${ms(med(list, pickEnd))}` : ms(med(list, pick));
    });
    console.log(`  ${label.padEnd(44)}${cells.map((cell) => cell.padStart(22)).join('')}`);
  }
}
const file = (pattern, field) => (l) => l.resources.find((r) => pattern.test(r.name))?.[field];
const wasmCall = (prefix) => (l) => l.marks.wasm.find((c) => c.name.startsWith(prefix));
const instantiate = wasmCall('instantiate');
const compile = wasmCall('compile');
const files = (label, pattern) => [label, file(pattern, 'start'), file(pattern, 'end')];
/**
 * From the page's HTML being in to the first file it asks for: the preload
 * scanner asks as the HTML arrives, unless something makes it wait for the parser.
 */
const firstAsked = (l) => Math.min(...l.resources.map((r) => r.start));
/** Long tasks (> 50 ms) begun before the page was interactive. */
const longTasks = (l) => l.marks.longTasks.filter((t) => t.start < l.interactive);

table('Widget waterfall (in-page loads; medians, ms since navigation start)', builds, [
  ['index.html received', (l) => l.htmlEnd],
  // Files in builds before index.html carried the boot script and its styles inline (--also=an older dist/).
  files('page stylesheet (inline now)', /\/page-[0-9a-f]+\.css$/),
  files('pr-boot.js (inline now)', /\/pr-boot\.js$/),
  files('core JS loader (modulepreload)', /\/partnership-readiness-[0-9a-f]+\.js$/),
  files('widget stylesheet (preload)', /\/widget-[0-9a-f]+\.css$/),
  files('wasm', /_bg\.wasm$/),
  ['DOMContentLoaded', (l) => l.domContentLoaded],
  ['boot script attaches the shadow root', (l) => l.marks.bootRan],
  ['widget stylesheet loaded in the shadow root', (l) => l.marks.sheetLoaded],
  ['JS loader module runs', (l) => l.marks.loaderRan],
  ['wasm fetch() made → answered', (l) => l.marks.wasmFetchCalled, (l) => l.marks.wasmFetchResolved],
  ['WebAssembly.compile* called → done', (l) => compile(l)?.called, (l) => compile(l)?.done],
  ['WebAssembly.instantiate* called → done', (l) => instantiate(l)?.called, (l) => instantiate(l)?.done],
  ['start button in the DOM', (l) => l.marks.startInDom],
  ['frame showing it', (l) => l.marks.startFrame],
  ['interactive (first task after that frame)', (l) => l.interactive],
  ['  of which: index.html in → first file asked', (l) => firstAsked(l) - l.htmlEnd],
  ['  first file asked → wasm fetch made', (l) => l.marks.wasmFetchCalled - firstAsked(l)],
  ['  wasm fetch made → wasm instantiated', (l) => instantiate(l)?.done - l.marks.wasmFetchCalled],
  ['  instantiate* call → done', (l) => instantiate(l)?.done - instantiate(l)?.called],
  // When the start screen came from the page itself (dist/index.html), before the wasm: —.
  ['  Rust start + first render', (l) => (l.marks.startInDom > instantiate(l)?.done ? l.marks.startInDom - instantiate(l).done : undefined)],
  ['  in the DOM → interactive', (l) => l.interactive - l.marks.startInDom],
  ['  wasm fetch made → interactive', (l) => l.interactive - l.marks.wasmFetchCalled],
  ['long tasks before interactive, total', (l) => longTasks(l).reduce((sum, t) => sum + t.duration, 0)],
  ['the widget\'s own screen up (wasm mounted it)', (l) => l.marks.mounted],
]);
for (const b of builds) {
  const w = b.results.page;
  const wasmRequests = [...new Set(w.map((l) => l.requests.filter((r) => r.endsWith('.wasm')).length))].join(' or ');
  const calls = [...new Set(w.flatMap((l) => l.marks.wasm.map((c) => c.name)))].join(', ');
  const integrity = w.some((l) => l.marks.wasmFetchIntegrity) ? 'with integrity'
    : w.some((l) => l.marks.wasmHashed) ? 'without integrity (the boot script hashes the bytes itself)' : 'without integrity (same origin: nothing checked)';
  console.log(`  ${b.column}: wasm requests per load ${wasmRequests} (1: none fetched twice); fetch ${integrity}; WebAssembly.${calls}`);
  const early = w.filter((l) => l.marks.startInDom < instantiate(l)?.done).length;
  console.log(`     start screen shown from the page itself, before the wasm was instantiated: ${early} of ${w.length} loads`);
  const warnings = [...new Set(w.flatMap((l) => l.warnings))];
  if (warnings.length) console.log(`     console: ${warnings.join(' | ')}`);
}

table('SurveyJS waterfall (in-page loads; medians, ms since navigation start)', [surveyjs], [
  ['index.html received', (l) => l.htmlEnd],
  files('stylesheet (default theme, fontless)', /survey-core\.fontless\.min\.css$/),
  files('survey.core.min.js', /survey\.core\.min\.js$/),
  files('survey-js-ui.min.js', /survey-js-ui\.min\.js$/),
  files('start.mjs', /start\.mjs$/),
  ['  index.html in → first file asked', (l) => firstAsked(l) - l.htmlEnd],
  ['bundles run, page script starts', (l) => l.userMarks['surveyjs:scripts-run']],
  ['model built', (l) => l.userMarks['surveyjs:model-built']],
  ['render() returned', (l) => l.userMarks['surveyjs:rendered']],
  ['start button in the DOM', (l) => l.marks.startInDom],
  ['frame showing it', (l) => l.marks.startFrame],
  ['interactive (first task after that frame)', (l) => l.interactive],
  ['long tasks before interactive, total', (l) => longTasks(l).reduce((sum, t) => sum + t.duration, 0)],
]);

if (traceDir) {
  const traced = targets.filter((t) => t.traced);
  console.log(`\nMain thread until interactive, one traced load of each (${traceDir}; tracing slows pages down)`);
  console.log(`  ${''.padEnd(44)}${traced.map((t) => t.column.padStart(12)).join('')}`);
  const summaries = await Promise.all(traced.map((t) => traceSummary(t.trace, t.traced.interactive)));
  console.log(`  ${'interactive (traced)'.padEnd(44)}${traced.map((t) => ms(t.traced.interactive).padStart(12)).join('')}`);
  for (const key of Object.keys(summaries[0])) {
    const cell = (value) => (key.endsWith('functions') ? String(value) : ms(value)).padStart(12);
    console.log(`  ${key.padEnd(44)}${summaries.map((summary) => cell(summary[key])).join('')}`);
  }
}
