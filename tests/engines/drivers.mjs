// One small driver interface, implemented for Firefox ESR (puppeteer-core over
// WebDriver BiDi) and for WebKitGTK (WebKitWebDriver + MiniBrowser under Xvfb,
// driven by webdriverio over classic WebDriver), so that every check is written
// once and runs in both engines.
//
//   const engine = await launchEngine('firefox' | 'webkit');
//   const profile = await engine.newProfile();   // fresh storage
//   const tab = profile.tab;                      // its first tab
//   const other = await profile.newTab();         // same storage
//   await tab.open(url); await tab.reload();
//   await tab.evaluate((pr, a, b) => …, a, b);    // runs in the page; `pr` = in-page helpers (page.mjs)
//   await tab.waitFor((pr, …) => truthy, …);      // polls in the page, one round trip
//   await tab.click((pr, …) => element, …);       // real mouse click at the element's centre
//   await tab.takeErrors();                       // console errors, page errors, failed loads since the last call
//   await tab.takeClipboard(); await tab.takeViolations(); // clipboard writes, CSP violations (watch.js)
//   await profile.close(); await engine.close();
//
// Scripts cross the wire as source text with their arguments inlined as JSON, so
// they cannot close over test variables and their arguments must be plain data;
// what they return must be plain data too (a DOM node comes back undefined over
// BiDi, and as an opaque reference over classic WebDriver).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import { prelude } from './page.mjs';

const FIREFOX = process.env.PR_FIREFOX ?? '/usr/bin/firefox-esr';
/** MiniBrowser of Debian's libwebkit2gtk-4.1-0, under /usr/lib/<architecture triplet>/. */
const MINIBROWSER = process.env.PR_MINIBROWSER
  ?? readdirSync('/usr/lib').map((dir) => `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`).find((path) => existsSync(path))
  ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const WEBKIT_DRIVER = process.env.PR_WEBKIT_DRIVER ?? 'WebKitWebDriver';
/** How long `waitFor` polls in the page (under WebDriver's script timeout, set to 60 s below). */
const WAIT_MS = 20000;

/** Source text that calls `fn(pr, ...args)` in the page and resolves to its result. */
function script(fn, args) {
  return `(async () => { const pr = (${prelude})(); return await (${fn})(pr, ...${JSON.stringify(args)}); })()`;
}

/** The page's own records (tests/engines/watch.js), taken and cleared. */
const HARVEST = script((pr) => pr.harvest(), []);

/** Source text that polls `fn(pr, ...args)` in the page until it is truthy, and resolves to it. */
function pollScript(fn, args, timeout) {
  const call = `(${fn})(pr, ...${JSON.stringify(args)})`;
  return `(async () => { const pr = (${prelude})(); return await pr.until(${JSON.stringify(String(fn))}, () => ${call}, ${timeout}); })()`;
}

/** Source text: the centre of the element `fn(pr, ...args)` returns, scrolled into view, in viewport CSS pixels. */
function centreScript(fn, args) {
  return `(async () => { const pr = (${prelude})();
    const el = await (${fn})(pr, ...${JSON.stringify(args)});
    if (!el || typeof el.getBoundingClientRect !== 'function') throw new Error('click: no element to click: ' + ${JSON.stringify(String(fn))});
    el.scrollIntoView({ block: 'center', inline: 'center' });
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) throw new Error('click: the element is not visible');
    return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) }; })()`;
}

class Tab {
  constructor(name) {
    this.engine = name;
    this.collected = [];
    this.clipboardLog = [];
    this.violationLog = [];
  }

  /** Runs `fn(pr, ...args)` in the page and returns its (plain) result. */
  evaluate(fn, ...args) {
    return this.run(script(fn, args));
  }

  /** Polls `fn(pr, ...args)` in the page until it is truthy (one round trip); returns it. */
  waitFor(fn, ...args) {
    return this.run(pollScript(fn, args, WAIT_MS));
  }

  /** A real mouse click (trusted input, user activation) at the centre of the element `fn` returns. */
  async click(fn, ...args) {
    const { x, y } = await this.run(centreScript(fn, args));
    await this.mouseClick(x, y);
  }

  /** Console errors, uncaught errors and failed loads seen in this tab since the last call. */
  async takeErrors() {
    await this.harvest();
    return this.collected.splice(0);
  }

  /** Clipboard writes made in this tab since the last call: { how, text, ok, error } (watch.js). */
  async takeClipboard() {
    await this.harvest();
    return this.clipboardLog.splice(0);
  }

  /** Content-Security-Policy violations reported in this tab since the last call (watch.js). */
  async takeViolations() {
    await this.harvest();
    return this.violationLog.splice(0);
  }

  async harvest() {
    let records;
    try {
      records = await this.run(HARVEST);
    } catch {
      return; // no page yet (about:blank) or it is navigating
    }
    if (!records) return;
    this.collected.push(...records.errors);
    this.clipboardLog.push(...records.clipboard);
    this.violationLog.push(...records.violations);
  }

  async open(url) {
    await this.harvest();
    // A URL that differs only in its fragment would not load the page again.
    const current = await this.currentUrl().catch(() => 'about:blank');
    if (current !== 'about:blank' && current.split('#')[0] === url.split('#')[0]) await this.navigate('about:blank');
    await this.newDocument(() => this.navigate(url));
  }

  async reload() {
    await this.harvest();
    await this.newDocument(() => this.refresh());
  }

  /**
   * Runs a navigation and returns once a script runs in the new document: a
   * driver may answer while the old one is still there (seen in WebKit after a
   * refresh), and a script sent then would wait in the old page.
   */
  async newDocument(navigation) {
    await this.run('(() => { window.__enginesLeft = true; })()').catch(() => {});
    await navigation();
    const end = Date.now() + 20000;
    for (;;) {
      const fresh = await this.run('window.__enginesLeft !== true && document.readyState !== "loading"').catch(() => false);
      if (fresh) return;
      if (Date.now() > end) throw new Error(`${this.engine}: the new page did not load`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

// ---------------------------------------------------------------- Firefox ESR

class FirefoxTab extends Tab {
  constructor(profile, page) {
    super('firefox');
    this.profile = profile;
    this.page = page;
    // The page's own records (watch.js) see console errors; these catch what it cannot.
    page.on('pageerror', (error) => this.collected.push(`page error (browser): ${error.message}`));
  }

  /**
   * Every command goes to this tab, brought to the front first when another one
   * was used last: a background tab's timers (and so its rendering) are throttled.
   */
  async on() {
    if (this.profile.current !== this) {
      await this.page.bringToFront();
      this.profile.current = this;
    }
    return this.page;
  }

  async run(source) { return (await this.on()).evaluate(source); }
  async mouseClick(x, y) { await (await this.on()).mouse.click(x, y); }
  currentUrl() { return Promise.resolve(this.page.url()); }
  async navigate(url) { await (await this.on()).goto(url, { waitUntil: 'load' }); }
  async refresh() { await (await this.on()).reload({ waitUntil: 'load' }); }
  async close() {
    await this.harvest();
    await this.page.close();
    if (this.profile.current === this) this.profile.current = null;
  }
}

async function launchFirefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: run scripts/setup-engines.sh`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // Quiet and local: no updates, telemetry or remote settings from outside.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
    },
  });
  return {
    name: 'firefox',
    version: await browser.version(),
    async newProfile() {
      const context = await browser.createBrowserContext();
      const profile = {
        tabs: [],
        current: null,
        async newTab() {
          const tab = new FirefoxTab(this, await context.newPage());
          this.current = tab; // a new tab opens in front
          await tab.page.setViewport({ width: 1280, height: 900 });
          this.tabs.push(tab);
          return tab;
        },
        async close() {
          for (const tab of this.tabs) await tab.harvest();
          await context.close();
        },
      };
      profile.tab = await profile.newTab();
      return profile;
    },
    close: () => browser.close(),
  };
}

// ------------------------------------------------------------------- WebKitGTK

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `xvfb-run -a WebKitWebDriver --port=P` in its own process group; resolves when it answers. */
async function startWebKitDriver() {
  const port = await freePort();
  const child = spawn('xvfb-run', ['-a', WEBKIT_DRIVER, `--port=${port}`], {
    detached: true, // its own process group: Xvfb, the driver and MiniBrowser go with it
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr = (stderr + chunk).slice(-2000); });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 20000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false);
    if (ok) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      throw new Error(`WebKitWebDriver did not start on port ${port}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    async stop() {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
      const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** webdriverio's errors carry the whole request (the script, some kilobytes): keep the message. */
function plain(error) {
  const message = String(error?.message ?? error)
    .replace(/^javascript error: (WebDriverError: )?/, '')
    .replace(/ when running "[^"]+" with method "[A-Z]+"$/, '');
  return new Error(message);
}

class WebKitTab extends Tab {
  constructor(profile, handle) {
    super('webkit');
    this.profile = profile;
    this.handle = handle;
  }

  /** Every command goes to this tab: switch to it first when another one was used last. */
  async on() {
    if (this.profile.current !== this.handle) {
      await this.profile.browser.switchToWindow(this.handle);
      this.profile.current = this.handle;
    }
    return this.profile.browser;
  }

  async run(source) {
    const browser = await this.on();
    try {
      return await browser.execute(`return ${source};`);
    } catch (error) {
      throw plain(error);
    }
  }
  async mouseClick(x, y) {
    const browser = await this.on();
    await browser.performActions([{
      type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
      actions: [
        { type: 'pointerMove', duration: 0, origin: 'viewport', x, y },
        { type: 'pointerDown', button: 0 },
        { type: 'pointerUp', button: 0 },
      ],
    }]);
    await browser.releaseActions();
  }
  async currentUrl() { return (await this.on()).getUrl(); }
  async navigate(url) { await (await this.on()).navigateTo(url); }
  async refresh() { await (await this.on()).refresh(); }
  async close() {
    await this.harvest();
    await (await this.on()).closeWindow();
    this.profile.current = null;
  }
}

async function launchWebKit() {
  const { remote } = await import('webdriverio');
  if (!existsSync(MINIBROWSER)) throw new Error(`${MINIBROWSER} is missing: run scripts/setup-engines.sh`);
  // WebKitWebDriver holds one session at a time, and each session is a fresh
  // MiniBrowser with its own ephemeral storage: one driver per open profile,
  // kept for the next profile when one closes.
  const idle = [];
  const all = [];
  let version = null;
  return {
    name: 'webkit',
    get version() { return version; },
    async newProfile() {
      let driver = idle.pop();
      if (!driver) {
        driver = await startWebKitDriver();
        all.push(driver);
      }
      const browser = await remote({
        hostname: '127.0.0.1',
        port: driver.port,
        logLevel: 'silent',
        connectionRetryCount: 0,
        capabilities: {
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
          timeouts: { script: 60000, pageLoad: 60000, implicit: 0 },
        },
      });
      version ??= `MiniBrowser (WebKitGTK) ${browser.capabilities.browserVersion}`;
      const profile = {
        browser,
        tabs: [],
        current: await browser.getWindowHandle(),
        async newTab() {
          // newWindow() answers with the old handle here: create the tab, then switch to it.
          const { handle } = await browser.createWindow('tab');
          await browser.switchToWindow(handle);
          this.current = handle;
          const tab = new WebKitTab(this, handle);
          this.tabs.push(tab);
          return tab;
        },
        async close() {
          for (const tab of this.tabs) await tab.harvest();
          await browser.deleteSession().catch(() => {});
          idle.push(driver);
        },
      };
      profile.tab = new WebKitTab(profile, profile.current);
      profile.tabs.push(profile.tab);
      await browser.setWindowSize(1280, 900).catch(() => {});
      return profile;
    },
    async close() {
      await Promise.all(all.map((d) => d.stop()));
    },
  };
}

/** Launches an engine by name: 'firefox' or 'webkit'. */
export function launchEngine(name) {
  if (name === 'firefox') return launchFirefox();
  if (name === 'webkit') return launchWebKit();
  throw new Error(`unknown engine ${name}`);
}
