// Large-import benchmark: the longest main-thread task while "bring your
// own copy" imports a 9,900-unit text (99 sections × 99 clauses of corpus
// sentences, ≈ 1.3 MB), on both delivery forms. The app imports in slices
// (src/components/compare_copy_panel.rs); what the reader feels is the
// longest task, when the page can neither paint, scroll nor answer a click.
// The alignment and the new comparison table that follow the import are
// reported apart (they are the compare view's work, not the import's).
//
// How: a PerformanceObserver for 'longtask' (tasks over 50 ms) is installed
// before the click; the phases are split at the moment the progress UI
// disappears (import done) and the moment the comparison with the copy is
// rendered (alignment + every row of the table drawn). Prints a table; never
// fails on numbers.
//
// A second table: the compare view's own work on a long copy kept from an
// earlier visit (4,000 units, ten of them with 30,000-letter unbroken Latin
// runs, as e2e/tests/long-comparison.test.mjs stores it): the longest task
// from following the link to the comparison to its table drawn, the
// alignment running in slices (src/hooks/use_comparison.rs).
//
// Usage (normally via `cargo xtask bench`): node bench/large-import.mjs --runs 3

import { launchBrowser, newContext } from '../lib/browser.mjs';
import { targets } from '../lib/targets.mjs';
import { readySelector, routeUrl } from '../lib/app.mjs';
import { largePolicy, rawText, sentencesOf } from '../lib/encodings.mjs';
import { median } from '../lib/stats.mjs';
import { COPY_KEY, longStoredCopy } from '../lib/long-copy.mjs';
import { recordFigure } from '../lib/figures.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number.parseInt(process.argv[runsArg + 1], 10) : 3;
const SECTIONS = 99;
const CLAUSES = 99;

async function oneImport(browser, target, text) {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    page.on('crash', () => console.error(`# ${target.name}: the page crashed`));
    page.on('pageerror', (e) => console.error(`# ${target.name}: ${e}`));
    await page.goto(routeUrl(target, '/compare/central-2018/sichuan'));
    await page.waitForSelector(readySelector('compare'), { timeout: 60_000 });
    await page.locator('#copy-details summary').click();
    await page.evaluate((value) => {
      const area = document.querySelector('#copy-text');
      area.value = value;
      area.dispatchEvent(new InputEvent('input', { bubbles: true }));
      window.__peTasks = [];
      window.__peMarks = {};
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__peTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
      document.addEventListener('click', () => { window.__peMarks.click ??= performance.now(); }, true);
      new MutationObserver(() => {
        const m = window.__peMarks;
        if (m.click === undefined) return;
        const working = document.querySelector('[data-testid="copy-working"]');
        if (working) {
          m.workingSeen = true;
          // After each slice has rendered its progress: the import's work
          // ends with the last of these (plus one short slice).
          m.lastProgress = performance.now();
        }
        if (m.workingSeen && !working && m.imported === undefined) m.imported = performance.now();
        if (m.imported !== undefined && m.rendered === undefined &&
            document.querySelector('#compare-view[data-b="my-copy"]:not([data-comparison="pending"]) [data-testid="compare-table"]:not([data-drawn="partial"]) tr.compare-row')) {
          m.rendered = performance.now();
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    }, text);
    await page.locator('#copy-compare').click();
    await page.waitForFunction(() => window.__peMarks.rendered !== undefined ||
      document.querySelector('[data-testid="copy-error"]'), null, { timeout: 600_000 });
    // Let the observer deliver the last entries.
    await page.waitForTimeout(300);
    // Awaited here: the context closes in `finally`.
    return await page.evaluate(() => {
      const { click, imported, rendered, lastProgress } = window.__peMarks;
      const units = Number(document.querySelector('[data-testid="copy-loaded"]')?.dataset.units ?? 0);
      const during = (from, to) => window.__peTasks.filter((t) => t.start >= from - 1 && t.start < to);
      const longest = (tasks) => tasks.reduce((m, t) => Math.max(m, t.duration), 0);
      // Tasks starting after the last progress paint belong to handing the
      // copy over (alignment, the new table); before it, to the import.
      const split = lastProgress ?? imported;
      const importTasks = during(click, split);
      const renderTasks = during(split, rendered + 1);
      return {
        units,
        importMs: imported - click,
        totalMs: rendered - click,
        importLongest: longest(importTasks),
        importCount: importTasks.length,
        renderLongest: longest(renderTasks),
      };
    });
  } finally {
    await context.close();
  }
}

/** Follows the link to the comparison with the stored long copy: tasks until its table is drawn. */
async function oneStoredCompare(browser, target, value) {
  const context = await newContext(browser);
  try {
    await context.addInitScript(([v, key]) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, v);
    }, [value, COPY_KEY]);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`# ${target.name}: ${e}`));
    await page.goto(routeUrl(target, '/compare/central-2018/sichuan'));
    await page.waitForSelector(readySelector('compare'), { timeout: 60_000 });
    await page.evaluate(() => {
      window.__peTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__peTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
      window.__peFrom = performance.now();
      location.hash = '#/compare/central-2018/my-copy';
    });
    await page.waitForFunction(() => document.querySelector('#compare-view[data-b="my-copy"]:not([data-comparison="pending"]) [data-testid="compare-table"]:not([data-drawn="partial"]) tr.compare-row'),
      null, { timeout: 600_000 });
    const drawn = await page.evaluate(() => performance.now());
    await page.waitForTimeout(300);
    return await page.evaluate((to) => {
      const tasks = window.__peTasks.filter((t) => t.start >= window.__peFrom - 1 && t.start < to);
      return {
        totalMs: to - window.__peFrom,
        longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
        count: tasks.length,
      };
    }, drawn);
  } finally {
    await context.close();
  }
}

const text = largePolicy(sentencesOf(await rawText('001')), SECTIONS, CLAUSES);
const stored = await longStoredCopy();
const storedRows = [];
const browser = await launchBrowser();
const rows = [];
try {
  for (const target of targets()) {
    const samples = [];
    for (let i = 0; i < RUNS; i += 1) samples.push(await oneImport(browser, target, text));
    const m = (key) => median(samples.map((s) => s[key]));
    rows.push({ target: target.name, runs: RUNS, units: m('units'), importMs: m('importMs'), importLongest: m('importLongest'),
      importCount: m('importCount'), totalMs: m('totalMs'), renderLongest: m('renderLongest') });
    const storedSamples = [];
    for (let i = 0; i < RUNS; i += 1) storedSamples.push(await oneStoredCompare(browser, target, stored.value));
    const sm = (key) => median(storedSamples.map((s) => s[key]));
    storedRows.push({ target: target.name, runs: RUNS, totalMs: sm('totalMs'), longest: sm('longest'), count: sm('count'),
      worst: Math.max(...storedSamples.map((s) => s.longest)) });
  }
} finally {
  await browser.close();
}

console.log('');
console.log(`large import: ${SECTIONS * CLAUSES + SECTIONS} units (${(Buffer.byteLength(text) / 1048576).toFixed(2)} MB) pasted, click -> imported -> comparison rendered; longest main-thread task (PerformanceObserver 'longtask', medians)`);
console.log(
  `${'target'.padEnd(12)} ${'runs'.padStart(4)} ${'units'.padStart(6)} ${'import ms'.padStart(10)} ${'longest task (import) ms'.padStart(25)} ${'tasks > 50 ms'.padStart(14)} ${'to rendered ms'.padStart(15)} ${'longest task (align+render) ms'.padStart(31)}`,
);
for (const r of rows) {
  console.log(
    `${r.target.padEnd(12)} ${String(r.runs).padStart(4)} ${String(r.units).padStart(6)} ${r.importMs.toFixed(0).padStart(10)} ${r.importLongest.toFixed(0).padStart(25)} ${String(r.importCount).padStart(14)} ${r.totalMs.toFixed(0).padStart(15)} ${r.renderLongest.toFixed(0).padStart(31)}`,
  );
}

console.log('');
console.log(`long stored copy: ${stored.units} units (10 with 30,000-letter Latin runs) kept from an earlier visit, link followed -> comparison table drawn; longest main-thread task (PerformanceObserver 'longtask', medians; worst of the runs)`);
console.log(`${'target'.padEnd(12)} ${'runs'.padStart(4)} ${'to table ms'.padStart(12)} ${'longest task ms'.padStart(16)} ${'worst run ms'.padStart(13)} ${'tasks > 50 ms'.padStart(14)}`);
for (const r of storedRows) {
  console.log(`${r.target.padEnd(12)} ${String(r.runs).padStart(4)} ${r.totalMs.toFixed(0).padStart(12)} ${r.longest.toFixed(0).padStart(16)} ${r.worst.toFixed(0).padStart(13)} ${String(r.count).padStart(14)}`);
}

const how = 'e2e/bench/large-import.mjs';
for (const r of rows) {
  recordFigure({ figure: `large import (${r.units} units pasted), longest main-thread task while importing`, target: r.target,
    value: r.importLongest, unit: 'ms', goal: { atMost: 100 }, detectsFrom: 50, how });
  recordFigure({ figure: 'large import, longest main-thread task while aligning and drawing the comparison', target: r.target,
    value: r.renderLongest, unit: 'ms', goal: { atMost: 100 }, detectsFrom: 50, how });
}
for (const r of storedRows) {
  recordFigure({ figure: `long stored copy (${stored.units} units, 30,000-letter runs), longest main-thread task until the table is drawn`,
    target: r.target, value: r.longest, unit: 'ms', goal: { atMost: 100 }, detectsFrom: 50, how });
}
