// Ten documents added to the user's library at once (#/library, "choose
// files"), as a user does it: the longest main-thread task while they are
// read and cleaned (PerformanceObserver 'longtask', tasks over 50 ms) against
// the 200 ms goal, the longest animation frame (which also counts layout),
// and the wall time until all ten are ready for the check. The ten are the
// repository's own raw documents and the real web copies in
// ../shared/peer/web-copies/ when present, read at run time (never copied).
// Fresh browser context per run, per target. Prints a table; no thresholds.
//
// Usage (normally via `cargo xtask bench`): node bench/library-import.mjs --runs 3
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchBrowser, newContext } from '../lib/browser.mjs';
import { targets } from '../lib/targets.mjs';
import { routeUrl } from '../lib/app.mjs';
import { median } from '../lib/stats.mjs';
import { recordFigure } from '../lib/figures.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number.parseInt(process.argv[runsArg + 1], 10) : 3;
const LONG_TASK_GOAL_MS = 200;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');

async function tenDocuments() {
  const dirs = [path.join(REPO, 'corpus', 'raw'), path.resolve(REPO, '..', 'shared', 'peer', 'web-copies')];
  const files = [];
  for (const dir of dirs) {
    let names = [];
    try {
      names = (await fs.readdir(dir)).filter((n) => n.endsWith('.txt')).sort();
    } catch {
      continue;
    }
    for (const name of names) files.push({ name, buffer: await fs.readFile(path.join(dir, name)) });
  }
  if (files.length === 0) throw new Error('no source texts found');
  // Ten, repeating the sources if there are fewer; distinct names.
  return Array.from({ length: 10 }, (_, i) => {
    const source = files[i % files.length];
    return { name: `${String(i + 1).padStart(2, '0')}-${source.name}`, mimeType: 'text/plain', buffer: source.buffer };
  });
}

async function once(browser, target, documents) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(routeUrl(target, '/library'));
    await page.waitForSelector('#my-library[data-status="ready"]', { timeout: 60_000 });
    await page.evaluate(() => {
      window.__peLongTask = 0;
      window.__peLongFrame = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__peLongTask = Math.max(window.__peLongTask, e.duration);
      }).observe({ type: 'longtask' });
      try {
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__peLongFrame = Math.max(window.__peLongFrame, e.duration);
        }).observe({ type: 'long-animation-frame' });
      } catch {
        window.__peLongFrame = NaN;
      }
      window.__peStart = performance.now();
    });
    await page.locator('#library-files').setInputFiles(documents);
    await page.waitForFunction(
      () => {
        const items = [...document.querySelectorAll('[data-testid="library-progress"] li')];
        return items.length >= 10 && items.every((li) => ['ready', 'failed', 'cancelled'].includes(li.dataset.status));
      },
      null,
      { timeout: 300_000, polling: 100 },
    );
    return await page.evaluate(() => ({
      longTask: window.__peLongTask,
      longFrame: window.__peLongFrame,
      wallMs: performance.now() - window.__peStart,
      failed: document.querySelectorAll('[data-testid="library-progress"] li[data-status="failed"]').length,
    }));
  } finally {
    await context.close();
  }
}

const documents = await tenDocuments();
const browser = await launchBrowser();
const rows = [];
try {
  for (const target of targets()) {
    const samples = [];
    for (let i = 0; i < RUNS; i += 1) samples.push(await once(browser, target, documents));
    rows.push({
      target: target.name,
      longTask: median(samples.map((s) => s.longTask)),
      worstTask: Math.max(...samples.map((s) => s.longTask)),
      longFrame: median(samples.map((s) => s.longFrame)),
      wall: median(samples.map((s) => s.wallMs)),
      failed: Math.max(...samples.map((s) => s.failed)),
    });
  }
} finally {
  await browser.close();
}

// Observers only report tasks and frames of 50 ms or more.
const ms = (x) => (!Number.isFinite(x) ? 'n/a' : x > 0 ? `${x.toFixed(0)} ms` : 'none ≥ 50 ms');
console.log(`\nTen documents added to the user's library at once (median of ${RUNS} fresh contexts per target)\n`);
console.log('| target | longest task, median | longest task, worst run | longest animation frame, median | all ten ready | failed |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.target} | ${ms(r.longTask)} | ${ms(r.worstTask)} | ${ms(r.longFrame)} | ${ms(r.wall)} | ${r.failed} |`);
}
const worst = Math.max(...rows.map((r) => r.worstTask));
console.log(
  `\nLongest main-thread task while ten documents import: ${ms(worst)} (goal ≤ ${LONG_TASK_GOAL_MS} ms: ${worst <= LONG_TASK_GOAL_MS ? 'OK' : 'OVER'})`,
);
for (const r of rows) {
  recordFigure({
    figure: 'ten documents added to the library, longest main-thread task',
    target: r.target,
    value: r.longTask,
    unit: 'ms',
    goal: { atMost: LONG_TASK_GOAL_MS },
    detectsFrom: 50,
    how: 'e2e/bench/library-import.mjs',
  });
}
