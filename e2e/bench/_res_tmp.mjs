import { launchBrowser, newContext } from '/work/main/e2e/lib/browser.mjs';
const browser = await launchBrowser();
for (let i = 0; i < 2; i++) {
const c = await newContext(browser); const p = await c.newPage();
await p.goto(process.argv[2] + '#/'); await p.waitForSelector('body[data-ready="library"]');
const r = await p.evaluate(() => performance.getEntriesByType('resource').map(e => [e.name.split('/').pop().slice(0, 40), e.initiatorType, Math.round(e.startTime), Math.round(e.requestStart), Math.round(e.responseStart), Math.round(e.responseEnd), e.renderBlockingStatus]));
if (i) console.table(r);
await c.close(); }
await browser.close();
