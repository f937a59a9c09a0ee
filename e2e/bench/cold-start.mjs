// Cold-start benchmark: how long from navigation start until the library
// view has rendered, for the single file (file://) and the hosted build
// (HTTP on 127.0.0.1), each opened N times, taking turns, in a fresh browser
// context (empty cache and storage; the browser process itself stays up).
//
// How it is measured, without changing the app: lib/cold-start.mjs.
//
// Usage (normally via `cargo xtask bench`): node bench/cold-start.mjs --runs 7
import { launchBrowser } from '../lib/browser.mjs';
import { coldStart } from '../lib/cold-start.mjs';
import { targets } from '../lib/targets.mjs';
import { median } from '../lib/stats.mjs';
import { recordFigure } from '../lib/figures.mjs';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number.parseInt(process.argv[runsArg + 1], 10) : 7;

const mib = (n) => (n === null ? 'n/a' : `${(n / 1048576).toFixed(2)} MiB`);

const browser = await launchBrowser();
const order = [...targets()].reverse();
const samples = new Map(order.map((target) => [target.name, []]));
try {
  // One unrecorded warm-up load per target: the first launch of a
  // renderer process pays one-off costs that are not the app's. Then the
  // targets take turns, run by run, so that a change in the machine's load
  // (a build finishing, the browser's own start-up work) hits both alike.
  for (const target of order) await coldStart(browser, target.url);
  for (let i = 0; i < RUNS; i += 1) {
    for (const target of order) samples.get(target.name).push(await coldStart(browser, target.url));
  }
} finally {
  await browser.close();
}
const rows = order.map((target) => {
  const runs = samples.get(target.name);
  const times = runs.map((s) => s.readyMs);
  return {
    target: target.name,
    runs: runs.length,
    median: median(times),
    min: Math.min(...times),
    max: Math.max(...times),
    wasm: median(runs.map((s) => s.wasmBytes ?? 0)),
    wasmKnown: runs.every((s) => s.wasmBytes !== null),
    jsHeap: median(runs.map((s) => s.jsHeapBytes)),
  };
});

console.log('');
console.log('cold start: navigation start -> body[data-ready="library"] (headless Chromium, fresh context per run)');
console.log(
  `${'target'.padEnd(12)} ${'runs'.padStart(4)} ${'median ms'.padStart(10)} ${'min ms'.padStart(8)} ${'max ms'.padStart(8)} ${'wasm memory'.padStart(12)} ${'JS heap used'.padStart(13)}`,
);
for (const r of rows) {
  console.log(
    `${r.target.padEnd(12)} ${String(r.runs).padStart(4)} ${r.median.toFixed(1).padStart(10)} ${r.min.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${(r.wasmKnown ? mib(r.wasm) : 'n/a').padStart(12)} ${mib(r.jsHeap).padStart(13)}`,
  );
}
for (const r of rows) {
  recordFigure({
    figure: `cold start, navigation → library rendered (median of ${r.runs})`,
    target: r.target,
    value: r.median,
    unit: 'ms',
    goal: { atMost: 300 },
    how: 'e2e/bench/cold-start.mjs',
  });
  recordFigure({
    figure: 'JS heap used after start-up',
    target: r.target,
    value: r.jsHeap / 1048576,
    unit: 'MiB',
    how: 'e2e/bench/cold-start.mjs',
  });
}
