// The search engine's first build, as a user meets it: the library is open,
// the user goes to the search page with a query; the engine (segmenter,
// T→S tables, index of every unit) is built in slices between which the
// browser paints and handles input. Reported per target (served build and
// single file), median over N fresh contexts:
//   - the build's wall time (`data-engine-ms`, first slice to last);
//   - the longest main-thread task from the click until the results show
//     (PerformanceObserver 'longtask': tasks over 50 ms; "none" when no
//     task reached 50 ms), against the 100 ms goal for heavy work;
//   - the time from the click until the results show.
// Prints a table. No thresholds: numbers only.
//
// Usage (normally via `cargo xtask bench`): node bench/search-build.mjs --runs 5
import { launchBrowser, newContext } from '../lib/browser.mjs';
import { targets } from '../lib/targets.mjs';
import { readySelector, routeUrl } from '../lib/app.mjs';
import { median } from '../lib/stats.mjs';
import { recordFigure } from '../lib/figures.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number.parseInt(process.argv[runsArg + 1], 10) : 5;
const LONG_TASK_GOAL_MS = 100;

async function once(browser, target) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(routeUrl(target, '/'));
    await page.waitForSelector(readySelector('library'));
    await page.evaluate(() => {
      window.__peLongest = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.__peLongest = Math.max(window.__peLongest, entry.duration);
        }
      }).observe({ type: 'longtask' });
      window.__peClickAt = performance.now();
      location.hash = '#/search?q=%E6%9C%BA%E5%88%B6';
    });
    await page.waitForSelector('#search-view[data-engine-ms] .search-screen', { timeout: 60_000 });
    return await page.evaluate(() => ({
      buildMs: Number(document.querySelector('#search-view').getAttribute('data-engine-ms')),
      longestMs: window.__peLongest,
      resultsMs: performance.now() - window.__peClickAt,
    }));
  } finally {
    await context.close();
  }
}

const browser = await launchBrowser();
const rows = [];
try {
  for (const target of targets()) {
    await once(browser, target); // warm-up, unrecorded
    const samples = [];
    for (let i = 0; i < RUNS; i += 1) samples.push(await once(browser, target));
    rows.push({
      target: target.name,
      build: median(samples.map((s) => s.buildMs)),
      longest: median(samples.map((s) => s.longestMs)),
      worst: Math.max(...samples.map((s) => s.longestMs)),
      results: median(samples.map((s) => s.resultsMs)),
    });
  }
} finally {
  await browser.close();
}

const task = (ms) => (ms > 0 ? `${ms.toFixed(0)} ms` : 'none ≥ 50 ms');
console.log(`\nSearch engine's first build on the main thread, sliced (median of ${RUNS} fresh contexts per target)\n`);
console.log('| target | build (first slice to last) | longest task, median | longest task, worst run | click → results |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.target} | ${r.build.toFixed(1)} ms | ${task(r.longest)} | ${task(r.worst)} | ${r.results.toFixed(0)} ms |`,
  );
}
const worst = Math.max(...rows.map((r) => r.worst));
console.log(
  `\nLongest main-thread task while search is prepared: ${task(worst)} (goal ≤ ${LONG_TASK_GOAL_MS} ms: ${worst <= LONG_TASK_GOAL_MS ? 'OK' : 'OVER'})`,
);
for (const r of rows) {
  recordFigure({
    figure: "search engine's first build, longest main-thread task",
    target: r.target,
    value: r.longest,
    unit: 'ms',
    goal: { atMost: LONG_TASK_GOAL_MS },
    detectsFrom: 50,
    how: 'e2e/bench/search-build.mjs',
  });
}
