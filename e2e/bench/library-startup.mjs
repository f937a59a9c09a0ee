// Start-up with a 500-document library, with and without the search index's
// cache (src/user_library/index_cache.rs). Per target (served build and
// single file), in N fresh contexts: 500 library documents are written to
// the library's IndexedDB store exactly as the app stores them (the
// bundled corpus's real documents, each with its own added sentence and
// id, without the corpus's restored readings, which an import never has;
// ≈ 20,000 units in all), then the page is opened on `#/search?q=…` twice:
//   - fresh: no cached index parts, every library document is indexed
//     (and its part cached);
//   - cached: after the parts were written, a reload merges them.
// For each: the time from navigation start until the results show
// ("search-ready"), the engine's build (`data-engine-ms`), the longest
// main-thread task from navigation start until then (PerformanceObserver
// 'longtask', registered before the app's scripts run), and the parts the
// app reports cached / built (`data-index-cached` / `data-index-built`).
// Prints a table. No thresholds: numbers only.
//
// Usage (normally via `cargo xtask bench --only library`):
//   node bench/library-startup.mjs --runs 3
// PE_BENCH_VERBOSE=1 also prints every long task before search-ready.
import { launchBrowser, newContext } from '../lib/browser.mjs';
import { targets } from '../lib/targets.mjs';
import { readySelector, routeUrl } from '../lib/app.mjs';
import { median } from '../lib/stats.mjs';
import { recordFigure } from '../lib/figures.mjs';
import { libraryRecords, seedLibrary } from '../lib/library-store.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number.parseInt(process.argv[runsArg + 1], 10) : 3;
const DOCUMENTS = 500;
const LONG_TASK_GOAL_MS = 100;
const QUERY = '区域协调';
// Results shown by an engine that holds every library document (a deep
// link first shows the bundled corpus's results while the library is read).
const READY = `#search-view[data-index-cached][data-engine-ms] .search-screen`;

/** How many index parts the app has cached. */
async function cachedParts(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const request = indexedDB.open('policy-explorer-index', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('parts');
        request.onerror = () => resolve(0);
        request.onsuccess = () => {
          const db = request.result;
          const count = db.transaction('parts').objectStore('parts').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => resolve(0);
        };
      }),
  );
}

/** Registered before any script of every page load. */
function observeStartup([ready, documents]) {
  window.__peLongest = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__peLongest = Math.max(window.__peLongest, entry.duration);
      (window.__peTasks ??= []).push([Math.round(entry.startTime), Math.round(entry.duration)]);
    }
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((_, observer) => {
    const view = document.querySelector('#search-view');
    const parts = view ? Number(view.dataset.indexCached) + Number(view.dataset.indexBuilt) : 0;
    if (window.__peReadyAt === undefined && document.querySelector(ready) && parts === documents) {
      window.__peReadyAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

/** Opens the search deep link and measures until the results show. */
async function start(page, target) {
  // A full load (not a route change inside the running app).
  await page.goto('about:blank');
  await page.goto(routeUrl(target, `/search?q=${encodeURIComponent(QUERY)}`));
  await page.waitForFunction(() => window.__peReadyAt !== undefined, null, { timeout: 180_000, polling: 100 });
  // The results are there; let the longest-task observer see the last task.
  await page.waitForTimeout(200);
  return page.evaluate(() => {
    const view = document.querySelector('#search-view');
    return {
      readyMs: window.__peReadyAt,
      buildMs: Number(view.getAttribute('data-engine-ms')),
      longestMs: window.__peLongest,
      tasks: (window.__peTasks ?? []).filter(([start]) => start < window.__peReadyAt),
      cached: Number(view.getAttribute('data-index-cached')),
      built: Number(view.getAttribute('data-index-built')),
    };
  });
}

async function once(browser, target, records) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(routeUrl(target, '/'));
    await page.waitForSelector(readySelector('library'));
    await seedLibrary(page, records);
    await page.addInitScript(observeStartup, [READY, DOCUMENTS]);
    const fresh = await start(page, target);
    const waitUntil = Date.now() + 60_000;
    while ((await cachedParts(page)) < DOCUMENTS && Date.now() < waitUntil) await page.waitForTimeout(250);
    const cached = await start(page, target);
    if (process.env.PE_BENCH_VERBOSE) {
      console.log(`# ${target.name}: long tasks [start, ms] fresh ${JSON.stringify(fresh.tasks)}; ready ${fresh.readyMs.toFixed(0)}`);
      console.log(`# ${target.name}: long tasks [start, ms] cached ${JSON.stringify(cached.tasks)}; ready ${cached.readyMs.toFixed(0)}`);
    }
    return { fresh, cached };
  } finally {
    await context.close();
  }
}

const records = await libraryRecords(DOCUMENTS, 'bench');
const browser = await launchBrowser();
const rows = [];
try {
  for (const target of targets()) {
    const samples = [];
    for (let i = 0; i < RUNS; i += 1) samples.push(await once(browser, target, records));
    for (const kind of ['fresh', 'cached']) {
      const runs = samples.map((s) => s[kind]);
      rows.push({
        target: target.name,
        kind,
        ready: median(runs.map((r) => r.readyMs)),
        build: median(runs.map((r) => r.buildMs)),
        longest: median(runs.map((r) => r.longestMs)),
        worst: Math.max(...runs.map((r) => r.longestMs)),
        parts: `${runs[0].cached} cached / ${runs[0].built} built`,
      });
    }
  }
} finally {
  await browser.close();
}

const task = (ms) => (ms > 0 ? `${ms.toFixed(0)} ms` : 'none ≥ 50 ms');
console.log(
  `\nStart-up on #/search?q=${QUERY} with a ${DOCUMENTS}-document library (median of ${RUNS} fresh contexts per target)\n`,
);
console.log('| target | index | search-ready (navigation → results) | engine build | longest task, median | longest task, worst | library parts |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.target} | ${r.kind} | ${r.ready.toFixed(0)} ms | ${r.build.toFixed(0)} ms | ${task(r.longest)} | ${task(r.worst)} | ${r.parts} |`,
  );
}
const worst = Math.max(...rows.map((r) => r.worst));
console.log(
  `\nLongest main-thread task at start-up: ${task(worst)} (goal ≤ ${LONG_TASK_GOAL_MS} ms: ${worst <= LONG_TASK_GOAL_MS ? 'OK' : 'OVER'})`,
);
for (const r of rows) {
  const how = 'e2e/bench/library-startup.mjs';
  recordFigure({
    figure: `${DOCUMENTS}-document library, start-up to search results (index ${r.kind})`,
    target: r.target,
    value: r.ready,
    unit: 'ms',
    how,
  });
  recordFigure({
    figure: `${DOCUMENTS}-document library, longest main-thread task at start-up (index ${r.kind})`,
    target: r.target,
    value: r.longest,
    unit: 'ms',
    goal: { atMost: LONG_TASK_GOAL_MS },
    detectsFrom: 50,
    how,
  });
}
