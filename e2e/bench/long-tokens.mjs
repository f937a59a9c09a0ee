// Long-token bench: the longest main-thread task while the app opens a route
// whose parameter is one unbroken run of 100,000 Latin letters (a document
// id, a unit path, a witness id, a compared unit), for the single file and
// the hosted build, each route N times in a fresh browser context.
//
// How: an init script (runs before any page script) starts buffered
// PerformanceObservers for 'long-animation-frame' entries (a frame's script
// AND its style, layout and paint: where a long run's line breaking costs)
// and for 'longtask' entries (script tasks only, for comparison), and
// records `performance.now()` when <body> gets `data-ready` (set by
// src/dom.rs once a view rendered). The bench waits for the view, lets the
// page settle, and reads the longest entries.
//
// Usage (normally via `cargo xtask bench`): node bench/long-tokens.mjs --runs 3
import { launchBrowser, newContext } from '../lib/browser.mjs';
import { targets } from '../lib/targets.mjs';
import { median } from '../lib/stats.mjs';
import { recordFigure } from '../lib/figures.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number.parseInt(process.argv[runsArg + 1], 10) : 3;
const RUN = 'A'.repeat(100_000);

export const LONG_TOKEN_ROUTES = [
  ['doc id', `/doc/${RUN}`],
  ['unit path', `/doc/sichuan/${RUN}`],
  ['witness id', `/witnesses/${RUN}`],
  ['compare unit', `/compare/central-2018/sichuan/${RUN}`],
];

function observeLongTasks() {
  window.__peLongest = 0;
  window.__peLongestTask = 0;
  for (const [type, key] of [
    ['long-animation-frame', '__peLongest'],
    ['longtask', '__peLongestTask'],
  ]) {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window[key] = Math.max(window[key], entry.duration);
      }).observe({ type, buffered: true });
    } catch {
      window[key] = null;
    }
  }
  new MutationObserver((_, observer) => {
    if (document.body?.getAttribute('data-ready')) {
      window.__peReadyMs = performance.now();
      observer.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
}

/** Opens `route` in a fresh context; milliseconds to the view and the longest task. */
export async function measureRoute(browser, target, route) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.addInitScript(observeLongTasks);
    const started = Date.now();
    await page.goto(`${target.url.split('#')[0]}#${route}`);
    try {
      await page.waitForFunction(() => window.__peReadyMs !== undefined, null, { timeout: 120_000 });
    } catch {
      // No view within two minutes: reported as such, with what was seen.
      const seen = await page.evaluate(() => ({ longest: window.__peLongest, longestTask: window.__peLongestTask }));
      return { readyMs: Number.NaN, ...seen, view: 'timeout', wallMs: Date.now() - started };
    }
    // Layout and paint of what rendered run after the marker.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
    const wallMs = Date.now() - started;
    const { readyMs, longest, longestTask, view } = await page.evaluate(() => ({
      readyMs: window.__peReadyMs,
      longest: window.__peLongest,
      longestTask: window.__peLongestTask,
      view: document.body.getAttribute('data-ready'),
    }));
    return { readyMs, longest, longestTask, view, wallMs };
  } finally {
    await context.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const browser = await launchBrowser();
  const rows = [];
  try {
    for (const target of targets()) {
      for (const [name, route] of LONG_TOKEN_ROUTES) {
        const samples = [];
        for (let i = 0; i < RUNS; i += 1) samples.push(await measureRoute(browser, target, route));
        rows.push({
          target: target.name,
          name,
          view: samples[0].view,
          ready: median(samples.map((s) => s.readyMs)),
          longest: median(samples.map((s) => s.longest ?? 0)),
          worst: Math.max(...samples.map((s) => s.longest ?? 0)),
          task: median(samples.map((s) => s.longestTask ?? 0)),
        });
      }
    }
  } finally {
    await browser.close();
  }
  console.log('');
  console.log(
    `long tokens: a route parameter of 100,000 letters; longest main-thread block = longest animation frame incl. layout (median of ${RUNS}, worst), and longest script task`,
  );
  console.log(
    `${'target'.padEnd(12)} ${'route'.padEnd(14)} ${'view'.padEnd(10)} ${'ready ms'.padStart(9)} ${'longest frame ms'.padStart(17)} ${'worst ms'.padStart(9)} ${'longest task ms'.padStart(16)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.target.padEnd(12)} ${r.name.padEnd(14)} ${String(r.view).padEnd(10)} ${r.ready.toFixed(0).padStart(9)} ${r.longest.toFixed(0).padStart(17)} ${r.worst.toFixed(0).padStart(9)} ${r.task.toFixed(0).padStart(16)}`,
    );
  }
  for (const r of rows) {
    recordFigure({
      figure: `long token in the address (${r.name}), longest main-thread block`,
      target: r.target,
      value: r.longest,
      unit: 'ms',
      how: 'e2e/bench/long-tokens.mjs',
    });
  }
}
