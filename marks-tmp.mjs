import { launchBrowser, serveDist, median } from './tests/e2e/support.mjs';
const server = await serveDist(process.argv[2]);
const browser = await launchBrowser();
const rows = [];
for (let i = 0; i < 15; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Start the check' }).waitFor();
  rows.push(await page.evaluate(() => {
    const m = Object.fromEntries(performance.getEntriesByType('mark').map((x) => [x.name, x.startTime]));
    const r = performance.getEntriesByType('resource');
    const [nav] = performance.getEntriesByType('navigation');
    m.htmlEnd = nav.responseEnd;
    m.cssAsked = r.find((x) => x.name.endsWith('.css'))?.startTime;
    m.wasmAsked = r.find((x) => x.name.endsWith('.wasm'))?.startTime;
    return m;
  }));
  await context.close();
}
for (const k of Object.keys(rows[0])) console.log(k.padEnd(16), median(rows.map((r) => r[k])).toFixed(1));
await browser.close(); await server.close();
