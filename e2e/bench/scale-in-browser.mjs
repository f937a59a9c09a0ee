// Search at scale in headless Chromium: the bundled corpus replicated 1×,
// 10×, 100× (≈ a user library of 500 documents) and 1000×, each copy
// perturbed so that copies are not byte-identical (`policy-bench-workload`,
// the same workload as the native `search_bench`). For each size:
//   - corpus parse + replication (what start-up pays before the index);
//   - search index build (segmentation of every unit, postings);
//   - per keystroke: the first screen of 50 hits and their KWIC lines, for
//     every prefix of 14 typed queries plus filter-only browsing, p50 / p95 /
//     max over the rounds, against the 16 ms goal (one frame) at 100×;
//   - memory after the build: the wasm linear memory and the JS heap.
// The engine runs on the page's main thread, as in the app, so the build
// time is also the longest main-thread task a library of that size causes.
// Prints a table. No thresholds: numbers only.
//
// Environment (set by `cargo xtask bench`):
//   PE_BENCH_WASM_DIR  wasm-bindgen `--target web` output of crates/bench-wasm
//   PE_NATIVE_BENCH    unused here (shared with core-in-browser.mjs)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser } from '../lib/browser.mjs';
import { recordFigure } from '../lib/figures.mjs';
import { factorsArg } from '../lib/factors.mjs';

const wasmDir = process.env.PE_BENCH_WASM_DIR;
if (!wasmDir) {
  console.error('PE_BENCH_WASM_DIR must be set (run through `cargo xtask bench`)');
  process.exit(2);
}
const factors = factorsArg();
const KEYSTROKE_GOAL_MS = 16;

const files = {
  '/': { body: '<!doctype html><meta charset="utf-8"><title>scale bench</title>', type: 'text/html' },
  '/pkg/policy_bench_wasm.js': { path: join(wasmDir, 'policy_bench_wasm.js'), type: 'text/javascript' },
  '/pkg/policy_bench_wasm_bg.wasm': { path: join(wasmDir, 'policy_bench_wasm_bg.wasm'), type: 'application/wasm' },
};
const server = createServer(async (req, res) => {
  const entry = files[new URL(req.url, 'http://x').pathname];
  if (!entry) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': entry.type }).end(entry.body ?? (await readFile(entry.path)));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const mb = (bytes) => (Number.isFinite(bytes) ? (bytes / 1048576).toFixed(0) : '–');

const rows = [];
const browser = await launchBrowser();
try {
  for (const copies of factors) {
    // A fresh page per size: memory figures are not inherited.
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    const rounds = copies >= 1000 ? 1 : 3;
    try {
      const row = await page.evaluate(
        async ({ copies, rounds }) => {
          const wasm = await import('/pkg/policy_bench_wasm.js');
          const exports = await wasm.default();
          let t = performance.now();
          wasm.scale_prepare(copies);
          const prepare = performance.now() - t;
          t = performance.now();
          const units = wasm.scale_build(copies);
          const build = performance.now() - t;
          const wasmMemory = exports.memory.buffer.byteLength;
          const jsHeap = performance.memory ? performance.memory.usedJSHeapSize : NaN;
          const n = wasm.scale_request_count();
          const samples = [];
          for (let r = 0; r < rounds; r++) {
            for (let i = 0; i < n; i++) {
              const s = performance.now();
              wasm.scale_keystroke(i);
              samples.push(performance.now() - s);
            }
          }
          samples.sort((x, y) => x - y);
          const at = (p) => samples[Math.round((samples.length - 1) * p)];
          wasm.scale_drop();
          return {
            units,
            prepare,
            build,
            wasmMemory,
            jsHeap,
            keystrokes: samples.length,
            p50: at(0.5),
            p95: at(0.95),
            max: samples[samples.length - 1],
          };
        },
        { copies, rounds },
      );
      rows.push({ copies, ...row });
    } catch (error) {
      rows.push({ copies, failed: String(error.message ?? error).split('\n')[0].slice(0, 80) });
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}

console.log('Search at scale in headless Chromium (corpus replicated N×, main thread, wasm release build)\n');
console.log('| corpus | units | parse + replicate | index build (= longest task) | keystrokes | keystroke p50 | p95 | max | wasm memory | JS heap |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  if (r.failed) {
    console.log(`| ${r.copies}× | – | failed: ${r.failed} | | | | | | | |`);
    continue;
  }
  console.log(
    `| ${r.copies}× | ${r.units} | ${f1(r.prepare)} ms | ${f1(r.build)} ms | ${r.keystrokes} | ${f2(r.p50)} ms | ${f2(r.p95)} ms | ${f2(r.max)} ms | ${mb(r.wasmMemory)} MiB | ${mb(r.jsHeap)} MiB |`,
  );
}
const hundred = rows.find((r) => r.copies === 100 && !r.failed);
if (hundred) {
  console.log(
    `\nPer keystroke at 100× (${hundred.units} units, about a 500-document library): p95 ${f2(hundred.p95)} ms (goal ≤ ${KEYSTROKE_GOAL_MS} ms: ${hundred.p95 <= KEYSTROKE_GOAL_MS ? 'OK' : 'OVER'}); index build ${f1(hundred.build)} ms on the main thread.`,
  );
}
for (const r of rows.filter((row) => !row.failed)) {
  const how = 'e2e/bench/scale-in-browser.mjs';
  const at = `corpus ×${r.copies} (${r.units} units)`;
  recordFigure({ figure: `search index build, ${at}`, target: 'Chromium', value: r.build, unit: 'ms', how });
  recordFigure({
    figure: `per keystroke search + KWIC p95, ${at}`,
    target: 'Chromium',
    value: r.p95,
    unit: 'ms',
    goal: r.copies === 100 ? { atMost: KEYSTROKE_GOAL_MS } : undefined,
    how,
  });
  recordFigure({ figure: `wasm memory, ${at}`, target: 'Chromium', value: r.wasmMemory / 1048576, unit: 'MiB', how });
}
