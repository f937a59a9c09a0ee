// One cold start of the app in a fresh browser context: milliseconds from
// navigation start until the library view has rendered, with the phases
// before it and the memory after it. Shared by the cold-start benches.
//
// How, without any hook in the app:
// * an init script (runs before any page script) watches <body> for
//   `data-ready="library"` (set by src/dom.rs after the first render) and
//   resolves a promise with `performance.now()`;
// * the bench waits for that promise through the DevTools protocol
//   (`Runtime.evaluate`), not through Playwright's selector or evaluate
//   calls: those inject Playwright's own script into the page, ≈ 30 ms of
//   compiling on the main thread that would land inside the measured start;
// * the app started: Trunk's loader dispatches `TrunkApplicationStarted`
//   with `detail.wasm` = the instance exports, and the single-file boot
//   script dispatches the same event; its time and `exports.memory` are kept;
// * JS heap: `Runtime.getHeapUsage` (used bytes), after the start.
import { readySelector } from './app.mjs';
import { newContext } from './browser.mjs';

function observeStartup() {
  addEventListener('TrunkApplicationStarted', (event) => {
    window.__peStartedMs = performance.now();
    window.__peWasmMemory = event.detail?.wasm?.memory ?? null;
  });
  window.__peLibraryReady = new Promise((resolve) => {
    new MutationObserver((_, observer) => {
      if (document.body?.getAttribute('data-ready') === 'library') {
        observer.disconnect();
        resolve(performance.now());
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
  });
}

export async function coldStart(browser, url) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(observeStartup);
    const cdp = await context.newCDPSession(page);
    await page.goto(url.split('#')[0] + '#/', { waitUntil: 'commit' });
    const ready = await cdp.send('Runtime.evaluate', {
      expression: 'window.__peLibraryReady',
      awaitPromise: true,
      returnByValue: true,
      timeout: 60_000,
    });
    const readyMs = ready.result?.value;
    if (typeof readyMs !== 'number') {
      throw new Error(`no library view at ${url}: ${JSON.stringify(ready.exceptionDetails ?? ready.result)}`);
    }
    // The view really shows (checked after the time was taken).
    await page.waitForSelector(readySelector('library'), { timeout: 10_000 });
    const phases = await page.evaluate(() => ({
      startedMs: window.__peStartedMs ?? NaN,
      interactiveMs: performance.getEntriesByType('navigation')[0]?.domInteractive ?? NaN,
      wasmBytes: window.__peWasmMemory?.buffer.byteLength ?? null,
    }));
    const heap = await cdp.send('Runtime.getHeapUsage');
    return { readyMs, ...phases, jsHeapBytes: heap.usedSize };
  } finally {
    await context.close();
  }
}
