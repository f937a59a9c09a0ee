// The core's hot paths (search, compare) in headless Chromium, in ONE run
// next to their native twins and to the JS peer:
//   - segmentation throughput of the app's segmenter in wasm vs the same
//     segmenter natively and jieba-rs (stock dictionary) natively;
//   - character diff of the two complete witness texts of the 2018 opinion
//     with policy-core's `similar` diff in wasm vs Google's diff-match-patch
//     (npm) in JS on the same strings; the word-level diff; aligning Sichuan
//     (43 units) against the central opinion with the app's aligner
//     (structure-aware, relations and evidence), against its 50 ms goal.
// Prints a table with ratios. No thresholds: numbers only.
//
// Environment (set by `cargo xtask bench`):
//   PE_BENCH_WASM_DIR  wasm-bindgen `--target web` output of crates/bench-wasm
//   PE_NATIVE_BENCH    path of the release `compare_bench` binary (run with --json)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../lib/browser.mjs';
import { recordFigure } from '../lib/figures.mjs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const wasmDir = process.env.PE_BENCH_WASM_DIR;
const nativeBench = process.env.PE_NATIVE_BENCH;
if (!wasmDir || !nativeBench) {
  console.error('PE_BENCH_WASM_DIR and PE_NATIVE_BENCH must be set (run through `cargo xtask bench`)');
  process.exit(2);
}
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;

const native = JSON.parse(execFileSync(nativeBench, ['--json'], { cwd: repo, encoding: 'utf8' }));

const jiebaWasmDir = join(here, '..', 'node_modules', 'jieba-wasm', 'pkg', 'web');

// Only these files are served; the page needs nothing else.
const files = {
  '/': { body: '<!doctype html><meta charset="utf-8"><title>bench</title>', type: 'text/html' },
  '/dmp.js': { path: join(here, '..', 'node_modules', 'diff-match-patch', 'index.js'), type: 'text/javascript' },
  '/pkg/policy_bench_wasm.js': { path: join(wasmDir, 'policy_bench_wasm.js'), type: 'text/javascript' },
  '/pkg/policy_bench_wasm_bg.wasm': { path: join(wasmDir, 'policy_bench_wasm_bg.wasm'), type: 'application/wasm' },
  '/002.txt': { path: join(repo, 'corpus', 'raw', '002_154208efee2d029c.txt'), type: 'text/plain; charset=utf-8' },
  '/000.txt': { path: join(repo, 'corpus', 'raw', '000_0d3174276c13488c.txt'), type: 'text/plain; charset=utf-8' },
  '/corpus.json': { path: join(repo, 'corpus', 'corpus.json'), type: 'application/json' },
  // The peer segmenter: jieba-rs compiled to wasm by the jieba-wasm package (npm).
  '/jieba/jieba_rs_wasm.js': { path: join(jiebaWasmDir, 'jieba_rs_wasm.js'), type: 'text/javascript' },
  '/jieba/jieba_rs_wasm_bg.wasm': { path: join(jiebaWasmDir, 'jieba_rs_wasm_bg.wasm'), type: 'application/wasm' },
};

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
  // diff-match-patch's index.js is CommonJS: give it a `module` to fill.
  await page.addScriptTag({ content: 'var module = { exports: {} };' });
  await page.addScriptTag({ url: '/dmp.js' });
  const result = await page.evaluate(async (runs) => {
    const DMP = module.exports;
    const wasm = await import('/pkg/policy_bench_wasm.js');
    const t0 = performance.now();
    await wasm.default();
    const instantiate = performance.now() - t0;
    const [a, b, corpus] = await Promise.all([
      fetch('/002.txt').then((r) => r.text()),
      fetch('/000.txt').then((r) => r.text()),
      fetch('/corpus.json').then((r) => r.json()),
    ]);
    const t1 = performance.now();
    wasm.warm_up();
    const segmenterLoad = performance.now() - t1;
    // The same text as the native benchmark: every unit's text, one per line, repeated to ≥ 2 MB.
    const baseText = corpus.documents.flatMap((d) => d.units.map((u) => u.text)).join('\n');
    let text = baseText;
    const bytes = (s) => new TextEncoder().encode(s).length;
    while (bytes(text) < 2_000_000) text += '\n' + baseText;
    // Kept for the alternating segmentation rounds below.
    window.segmentationText = text;
    window.segmentOnce = () => {
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const s = performance.now();
        wasm.segment_lines(text);
        best = Math.min(best, performance.now() - s);
      }
      return bytes(text) / 1e6 / (best / 1000);
    };
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
    const exact = new DMP();
    exact.Diff_Timeout = 0; // exact diff, like similar's (no time cut-off)
    const capped = new DMP(); // default 1 s timeout: may give up with a coarser diff
    return {
      chars: `${[...a].length} / ${[...b].length}`,
      textBytes: bytes(text),
      instantiate,
      segmenterLoad,
      wasmChars: time(() => wasm.diff_chars_chunks(a, b)),
      dmpChars: time(() => exact.diff_main(a, b, false).length),
      dmpCapped: time(() => capped.diff_main(a, b, false).length),
      wasmWords: time(() => wasm.diff_words_chunks(a, b)),
      align: time(() => wasm.align_corpus_documents('sichuan', 'central-2018')),
    };
  }, runs);

  // Segmentation throughput: the machine is shared and its load drifts, so
  // one native figure against one wasm figure is noisy. Rounds alternate
  // native (a fresh `compare_bench --segment-only`, best of 3 passes) and
  // wasm (best of 3 passes); the table shows the medians and the median of
  // the per-round ratios.
  const SEGMENT_ROUNDS = 9;
  const rounds = [];
  for (let i = 0; i < SEGMENT_ROUNDS; i++) {
    const nativeRound = JSON.parse(
      execFileSync(nativeBench, ['--json', '--segment-only'], { cwd: repo, encoding: 'utf8' }),
    );
    const wasmMbps = await page.evaluate(() => window.segmentOnce());
    rounds.push({ wasm: wasmMbps, app: nativeRound.segment_app_mbps, stock: nativeRound.segment_stock_jieba_mbps });
  }
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  result.segmentMbps = med(rounds.map((r) => r.wasm));
  native.segment_app_mbps = med(rounds.map((r) => r.app));
  native.segment_stock_jieba_mbps = med(rounds.map((r) => r.stock));
  const segmentRatio = med(rounds.map((r) => r.wasm / r.stock));
  const segmentRatios = rounds.map((r) => (r.wasm / r.stock).toFixed(2)).join(' ');
  // The peer, jieba-wasm, on the same text in the same page: its stock
  // dictionary and HMM, the way its README calls it.
  const corpusJson = JSON.parse(readFileSync(join(repo, 'corpus', 'corpus.json'), 'utf8'));
  const peerBase = corpusJson.documents.flatMap((d) => d.units.map((u) => u.text)).join('\n');
  let peerText = peerBase;
  while (Buffer.byteLength(peerText) < 2_000_000) peerText += '\n' + peerBase;
  const peer = await page.evaluate(async (text) => {
    const jieba = await import('/jieba/jieba_rs_wasm.js');
    const t0 = performance.now();
    await jieba.default();
    jieba.cut('预热', true);
    const load = performance.now() - t0;
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      jieba.cut(text, true);
      best = Math.min(best, performance.now() - s);
    }
    return { load, mbps: new TextEncoder().encode(text).length / 1e6 / (best / 1000) };
  }, peerText);
  const peerWasm = readFileSync(join(jiebaWasmDir, 'jieba_rs_wasm_bg.wasm'));
  const peerKb = { raw: peerWasm.length / 1024, gzip: gzipSync(peerWasm, { level: 9 }).length / 1024 };

  const f2 = (x) => x.toFixed(2);
  console.log(`Core in headless Chromium vs native and JS (${runs} runs per timing; witnesses 002/000: ${result.chars} chars)\n`);
  console.log('| operation | wasm in Chromium | native | JS peer | ratio |');
  console.log('|---|---|---|---|---|');
  console.log(`| wasm instantiate (once) | ${f2(result.instantiate)} ms | – | – | – |`);
  console.log(`| segmenter load (once) | ${f2(result.segmenterLoad)} ms | ${f2(native.segmenter_load_ms)} ms | – | – |`);
  console.log(
    `| segmentation, ${(result.textBytes / 1e6).toFixed(1)} MB (median of ${SEGMENT_ROUNDS} alternating native/wasm rounds, each best of 3) | ${f2(result.segmentMbps)} MB/s | app ${f2(native.segment_app_mbps)} MB/s; jieba-rs stock ${f2(native.segment_stock_jieba_mbps)} MB/s | – | wasm / native jieba-rs = ${segmentRatio.toFixed(2)} (rounds: ${segmentRatios}) |`,
  );
  console.log(
    `| char diff 002 vs 000, median | ${f2(result.wasmChars.median)} ms (${result.wasmChars.out} chunks) | ${f2(native.char_diff_ms)} ms | diff-match-patch exact ${f2(result.dmpChars.median)} ms (${result.dmpChars.out} ops) | wasm / diff-match-patch = ${(result.wasmChars.median / result.dmpChars.median).toFixed(3)} |`,
  );
  console.log(
    `| char diff, diff-match-patch default 1 s timeout | – | – | ${f2(result.dmpCapped.median)} ms (${result.dmpCapped.out} ops, inexact) | wasm / diff-match-patch = ${(result.wasmChars.median / result.dmpCapped.median).toFixed(3)} |`,
  );
  console.log(`| word diff 002 vs 000, median | ${f2(result.wasmWords.median)} ms | ${f2(native.word_diff_ms)} ms | – | wasm / native = ${(result.wasmWords.median / native.word_diff_ms).toFixed(2)} |`);
  console.log(`| align sichuan (${result.align.out} units) against central-2018, structure-aware with evidence, median | ${f2(result.align.median)} ms | ${f2(native.align_ms)} ms | – | wasm / native = ${(result.align.median / native.align_ms).toFixed(2)} |`);
  const ALIGN_GOAL_MS = 50;
  console.log(
    `\nAlignment of a ${result.align.out}-unit document against the central opinion in Chromium: ${f2(result.align.median)} ms (goal ≤ ${ALIGN_GOAL_MS} ms: ${result.align.median <= ALIGN_GOAL_MS ? 'OK' : 'OVER'})`,
  );
  console.log(
    `| segmentation peer: jieba-wasm 2.4.0 (jieba-rs in wasm, stock dictionary + HMM), same text | ${f2(peer.mbps)} MB/s (load ${f2(peer.load)} ms; wasm ${peerKb.raw.toFixed(0)} KB raw / ${peerKb.gzip.toFixed(0)} KB gzip) | – | – | app wasm / jieba-wasm = ${(result.segmentMbps / peer.mbps).toFixed(2)} |`,
  );
  const wasmOverNative = segmentRatio;
  recordFigure({
    figure: 'segmentation throughput in Chromium ÷ native jieba-rs',
    target: 'Chromium',
    value: wasmOverNative,
    unit: '×',
    goal: { atLeast: 0.7 },
    peer: `jieba-wasm ${f2(peer.mbps)} MB/s (${peerKb.gzip.toFixed(0)} KB gzip wasm); app ${f2(result.segmentMbps)} MB/s; native jieba-rs ${f2(native.segment_stock_jieba_mbps)} MB/s`,
    ratio: `app ÷ jieba-wasm = ${(result.segmentMbps / peer.mbps).toFixed(2)}×`,
    how: 'e2e/bench/core-in-browser.mjs',
  });
  recordFigure({
    figure: 'character diff of the two witnesses (median)',
    target: 'Chromium',
    value: result.wasmChars.median,
    unit: 'ms',
    peer: `diff-match-patch exact ${f2(result.dmpChars.median)} ms`,
    ratio: `app ÷ diff-match-patch = ${(result.wasmChars.median / result.dmpChars.median).toFixed(2)}×`,
    how: 'e2e/bench/core-in-browser.mjs',
  });
  recordFigure({
    figure: `aligning Sichuan (${result.align.out} units) against the central opinion (median)`,
    target: 'Chromium',
    value: result.align.median,
    unit: 'ms',
    goal: { atMost: ALIGN_GOAL_MS },
    ratio: `wasm ÷ native = ${(result.align.median / native.align_ms).toFixed(2)}×`,
    how: 'e2e/bench/core-in-browser.mjs',
  });
} finally {
  await browser.close();
  server.close();
}
