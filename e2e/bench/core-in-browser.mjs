// Compare benchmark, browser half (issue 5): in ONE headless Chromium page,
// time the character diff of the two complete witness texts of the 2018
// opinion with policy-core's `similar` diff compiled to wasm against
// Google's diff-match-patch (npm) in JS on the same strings, plus the
// word-level diff and the alignment of Sichuan against the central opinion.
// Prints a table with the wasm/JS ratio. No thresholds: numbers only.
//
// Needs PE_BENCH_WASM_DIR: the wasm-bindgen `--target web` output of
// crates/bench-wasm (cargo xtask bench builds it).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../lib/browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const wasmDir = process.env.PE_BENCH_WASM_DIR;
if (!wasmDir) {
  console.error('PE_BENCH_WASM_DIR is not set (run through `cargo xtask bench`)');
  process.exit(2);
}
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;

// Only these files are served; the page needs nothing else.
const files = {
  '/': { body: pageHtml(), type: 'text/html' },
  '/dmp.js': { path: join(here, '..', 'node_modules', 'diff-match-patch', 'index.js'), type: 'text/javascript' },
  '/pkg/policy_bench_wasm.js': { path: join(wasmDir, 'policy_bench_wasm.js'), type: 'text/javascript' },
  '/pkg/policy_bench_wasm_bg.wasm': { path: join(wasmDir, 'policy_bench_wasm_bg.wasm'), type: 'application/wasm' },
  '/002.txt': { path: join(repo, 'corpus', 'raw', '002_154208efee2d029c.txt'), type: 'text/plain; charset=utf-8' },
  '/000.txt': { path: join(repo, 'corpus', 'raw', '000_0d3174276c13488c.txt'), type: 'text/plain; charset=utf-8' },
};

function pageHtml() {
  // diff-match-patch's index.js is CommonJS: give it a `module` to fill.
  return `<!doctype html><meta charset="utf-8"><title>compare bench</title>
<script>var module = { exports: {} };</script>
<script src="/dmp.js"></script>
<script>window.DMP = module.exports;</script>`;
}

const server = createServer(async (req, res) => {
  const entry = files[new URL(req.url, 'http://x').pathname];
  if (!entry) {
    res.writeHead(404).end();
    return;
  }
  const body = entry.body ?? (await readFile(entry.path));
  res.writeHead(200, { 'content-type': entry.type }).end(body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  const result = await page.evaluate(async (runs) => {
    const wasm = await import('/pkg/policy_bench_wasm.js');
    const t0 = performance.now();
    await wasm.default();
    const instantiate = performance.now() - t0;
    const [a, b] = await Promise.all(['/002.txt', '/000.txt'].map((u) => fetch(u).then((r) => r.text())));
    const t1 = performance.now();
    wasm.warm_up();
    const segmenterLoad = performance.now() - t1;
    const time = (f) => {
      const samples = [];
      let out;
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        out = f();
        samples.push(performance.now() - s);
      }
      samples.sort((x, y) => x - y);
      return { median: samples[Math.floor(runs / 2)], min: samples[0], out };
    };
    const dmp = new window.DMP();
    dmp.Diff_Timeout = 0; // exact diff, like similar's (no time cut-off)
    return {
      chars: [...a].length + ' / ' + [...b].length,
      instantiate,
      segmenterLoad,
      wasmChars: time(() => wasm.diff_chars_chunks(a, b)),
      dmpChars: time(() => dmp.diff_main(a, b, false).length),
      dmpCharsDefault: (() => {
        const capped = new window.DMP(); // default Diff_Timeout = 1 s: may give up and return a coarser diff
        return time(() => capped.diff_main(a, b, false).length);
      })(),
      wasmWords: time(() => wasm.diff_words_chunks(a, b)),
      align: time(() => wasm.align_corpus_documents('sichuan', 'central-2018')),
    };
  }, runs);
  const fmt = (x) => `${x.toFixed(2)} ms`;
  console.log(`Compare benchmark in headless Chromium (${runs} runs each; witness texts 002/000: ${result.chars} chars)\n`);
  console.log('| operation | median | min | result size |');
  console.log('|---|---|---|---|');
  console.log(`| wasm instantiate (once) | ${fmt(result.instantiate)} | – | – |`);
  console.log(`| segmenter load (once) | ${fmt(result.segmenterLoad)} | – | – |`);
  const row = (name, r) => console.log(`| ${name} | ${fmt(r.median)} | ${fmt(r.min)} | ${r.out} |`);
  row('char diff, similar in wasm', result.wasmChars);
  row('char diff, diff-match-patch in JS (Diff_Timeout=0)', result.dmpChars);
  row('char diff, diff-match-patch in JS (default 1 s timeout, inexact)', result.dmpCharsDefault);
  row('word diff, segmenter + similar in wasm', result.wasmWords);
  row('align sichuan against central-2018 in wasm', result.align);
  const ratio = result.wasmChars.median / result.dmpChars.median;
  console.log(`\nchar diff time ratio wasm/diff-match-patch = ${ratio.toFixed(2)} (below 1 means wasm is faster)`);
} finally {
  await browser.close();
  server.close();
}
