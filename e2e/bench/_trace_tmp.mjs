import { launchBrowser, newContext } from '../lib/browser.mjs';
import { readySelector } from '../lib/app.mjs';
const url = process.argv[2]; const out = process.argv[3];
const browser = await launchBrowser();
{ const c = await newContext(browser); const p = await c.newPage(); await p.goto(url + '#/'); await p.waitForSelector(readySelector('library')); await c.close(); }
const c = await newContext(browser); const p = await c.newPage();
await p.addInitScript(() => { window.__r = new Promise((res) => new MutationObserver((_, o) => { if (document.body?.getAttribute('data-ready') === 'library') { performance.mark('pe-ready'); o.disconnect(); res(performance.now()); } }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] })); });
const cdp = await c.newCDPSession(p);
await browser.startTracing(p, { path: out, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'v8', 'disabled-by-default-v8.compile'] });
await p.goto(url + '#/', { waitUntil: 'commit' });
const r = await cdp.send('Runtime.evaluate', { expression: 'window.__r', awaitPromise: true, returnByValue: true });
console.log('ready', r.result.value);
await p.waitForTimeout(300);
await browser.stopTracing();
await browser.close();
