// The hosted search index split into shards (docs/search.md, "Shards
// fetched on demand") in headless Chromium, at the bundled corpus
// replicated 1×, 10×, 100× and 1000× (`policy-bench-workload`, as
// scale-in-browser.mjs). The shard sets are written natively first
// (`crates/bench`, `shard_sets`). For each size, on a fresh page:
//   - sharded: fetch the manifest and the unit table, assemble the engine
//     from them (no segmentation; the segmenter and T→S tables load), then
//     type the workload's requests keystroke by keystroke, fetching the
//     shards each one needs first. Reported: bytes fetched (gzip -9, as a
//     server would send them) and time until the first results — of the
//     first keystroke (区) and of the whole first query (区域协调发展, the
//     query pagefind-peer.mjs searches) — every shard fetched over all
//     keystrokes, per-keystroke p95 (fetches included) and wasm memory;
//   - in memory, as the single file and the app without a shard set do:
//     build the index (segmenting every unit), then the same first query.
// The corpus itself is replicated in wasm before the clock starts in both
// (the hosted app carries it). Pagefind's figures of the same run (if
// pagefind-peer.mjs ran first in this bench) are printed beside. Numbers only.
//
// Environment (set by `cargo xtask bench --only shards`):
//   PE_BENCH_WASM_DIR   wasm-bindgen `--target web` output of crates/bench-wasm
//   PE_SHARD_SETS_DIR   the shard sets, one folder x{N} per factor
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../lib/browser.mjs';
import { recordFigure } from '../lib/figures.mjs';
import { factorsArg } from '../lib/factors.mjs';

const wasmDir = process.env.PE_BENCH_WASM_DIR;
const setsDir = process.env.PE_SHARD_SETS_DIR;
if (!wasmDir || !setsDir) {
  console.error('PE_BENCH_WASM_DIR and PE_SHARD_SETS_DIR must be set (run through `cargo xtask bench --only shards`)');
  process.exit(2);
}
const factors = factorsArg();
/** Request 0 is 区, request 5 the whole 区域协调发展 (query_set's order). */
const FIRST_KEYSTROKE = 0;
const FIRST_QUERY = 5;

const pkg = {
  '/pkg/policy_bench_wasm.js': { path: join(wasmDir, 'policy_bench_wasm.js'), type: 'text/javascript' },
  '/pkg/policy_bench_wasm_bg.wasm': { path: join(wasmDir, 'policy_bench_wasm_bg.wasm'), type: 'application/wasm' },
};
const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><title>shards bench</title>');
    return;
  }
  const set = path.match(/^\/set\/(x\d+)\/([\w.-]+)$/);
  const file = pkg[path]?.path ?? (set ? join(setsDir, set[1], set[2]) : null);
  if (!file || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': pkg[path]?.type ?? 'application/octet-stream' }).end(await readFile(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

/** A shard set's manifest name and every file's gzip -9 size. */
async function setInfo(copies) {
  const dir = join(setsDir, `x${copies}`);
  const names = await readdir(dir);
  const manifest = names.find((n) => n.startsWith('manifest-'));
  const gzip = {};
  let raw = 0;
  for (const n of names) {
    const bytes = readFileSync(join(dir, n));
    raw += bytes.length;
    gzip[n] = gzipSync(bytes, { level: 9 }).length;
  }
  return { manifest, gzip, raw, files: names.length };
}

async function sharded(browser, copies, manifest) {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/`);
    return await page.evaluate(
      async ({ copies, manifest, firstKeystroke, firstQuery }) => {
        const wasm = await import('/pkg/policy_bench_wasm.js');
        const exports = await wasm.default();
        wasm.shards_prepare(copies);
        const dir = `/set/x${copies}/`;
        const bytesOf = async (name) => new Uint8Array(await (await fetch(dir + name)).arrayBuffer());
        const fetched = [];
        const t0 = performance.now();
        const manifestText = await (await fetch(dir + manifest)).text();
        const table = await bytesOf(JSON.parse(manifestText).unit_table.name);
        fetched.push(manifest, JSON.parse(manifestText).unit_table.name);
        wasm.shards_build(manifestText, table);
        const built = performance.now() - t0;
        const keystroke = async (i) => {
          const missing = JSON.parse(wasm.shards_missing(i));
          const bodies = await Promise.all(missing.map(([, name]) => bytesOf(name)));
          missing.forEach(([n, name], k) => {
            wasm.shards_accept(n, bodies[k]);
            fetched.push(name);
          });
          return wasm.shards_keystroke(i);
        };
        await keystroke(firstKeystroke);
        const firstKeystrokeMs = performance.now() - t0;
        const firstKeystrokeFiles = [...fetched];
        const hits = await keystroke(firstQuery);
        const firstQueryMs = performance.now() - t0;
        const firstQueryFiles = [...fetched];
        const samples = [];
        const n = wasm.scale_request_count();
        for (let i = 0; i < n; i++) {
          const s = performance.now();
          await keystroke(i);
          samples.push(performance.now() - s);
        }
        samples.sort((x, y) => x - y);
        const wasmMemory = exports.memory.buffer.byteLength;
        wasm.shards_drop();
        return {
          built,
          firstKeystrokeMs,
          firstKeystrokeFiles,
          firstQueryMs,
          firstQueryFiles,
          hits,
          allFiles: fetched,
          p95: samples[Math.round((samples.length - 1) * 0.95)],
          wasmMemory,
        };
      },
      { copies, manifest, firstKeystroke: FIRST_KEYSTROKE, firstQuery: FIRST_QUERY },
    );
  } finally {
    await page.close();
  }
}

async function inMemory(browser, copies) {
  const page = await browser.newPage();
  try {
    await page.goto(`${base}/`);
    return await page.evaluate(
      async ({ copies, firstQuery }) => {
        const wasm = await import('/pkg/policy_bench_wasm.js');
        const exports = await wasm.default();
        wasm.scale_prepare(copies);
        const t0 = performance.now();
        wasm.scale_build(copies);
        const built = performance.now() - t0;
        const hits = wasm.scale_keystroke(firstQuery);
        const firstQueryMs = performance.now() - t0;
        const wasmMemory = exports.memory.buffer.byteLength;
        wasm.scale_drop();
        return { built, firstQueryMs, hits, wasmMemory };
      },
      { copies, firstQuery: FIRST_QUERY },
    );
  } finally {
    await page.close();
  }
}

/** Pagefind's bytes to its first results recorded earlier in this run. */
function pagefindFigures() {
  const file = process.env.PE_BENCH_FIGURES;
  if (!file || !existsSync(file)) return {};
  const out = {};
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const f = JSON.parse(line);
    const m = f.figure.match(/^peer: Pagefind .*bytes fetched until the first search results, corpus ×(\d+)$/);
    if (m) out[m[1]] = f.value;
  }
  return out;
}

const kb = (bytes) => (bytes / 1000).toFixed(1);
const mib = (bytes) => (bytes / 1048576).toFixed(0);
const ms = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const rows = [];
const browser = await launchBrowser();
try {
  for (const copies of factors) {
    const info = await setInfo(copies);
    const sum = (names) => names.reduce((s, n) => s + (info.gzip[n] ?? 0), 0);
    const row = { copies, info };
    try {
      const s = await sharded(browser, copies, info.manifest);
      row.sharded = {
        ...s,
        firstKeystrokeGzip: sum(s.firstKeystrokeFiles),
        firstQueryGzip: sum(s.firstQueryFiles),
        allGzip: sum(s.allFiles),
        shardsFetched: s.allFiles.length - 2,
      };
    } catch (error) {
      row.failed = `sharded: ${String(error.message ?? error).split('\n')[0].slice(0, 80)}`;
    }
    try {
      row.memory = await inMemory(browser, copies);
    } catch (error) {
      row.memoryFailed = String(error.message ?? error).split('\n')[0].slice(0, 80);
    }
    rows.push(row);
  }
} finally {
  await browser.close();
  server.close();
}

const peer = pagefindFigures();
console.log('\nSearch index shards in headless Chromium (corpus replicated N×; bytes are gzip -9 of the files fetched)\n');
console.log('| corpus | shard set: files, raw | unit table gzip | fetched to first keystroke (区) | time | fetched to 区域协调发展 | time | in memory: build + 区域协调发展 | shards over 79 keystrokes | keystroke p95 (with fetches) | wasm memory sharded / in memory | Pagefind to 区域协调发展 |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const s = r.sharded;
  const table = Object.entries(r.info.gzip).find(([n]) => n.startsWith('units-'))?.[1] ?? NaN;
  const m = r.memory;
  console.log(
    `| ${r.copies}× | ${r.info.files}, ${kb(r.info.raw)} KB | ${kb(table)} KB | ${s ? `${kb(s.firstKeystrokeGzip)} KB` : r.failed} | ${s ? `${ms(s.firstKeystrokeMs)} ms` : ''} | ${s ? `${kb(s.firstQueryGzip)} KB` : ''} | ${s ? `${ms(s.firstQueryMs)} ms` : ''} | ${m ? `${ms(m.firstQueryMs)} ms` : `failed: ${r.memoryFailed}`} | ${s ? `${s.shardsFetched} of ${r.info.files - 2} (${kb(s.allGzip)} KB)` : ''} | ${s ? `${ms(s.p95)} ms` : ''} | ${s ? mib(s.wasmMemory) : '–'} / ${m ? mib(m.wasmMemory) : '–'} MiB | ${peer[r.copies] ? `${peer[r.copies].toFixed(0)} KB (with its JS and wasm)` : '–'} |`,
  );
  if (s && m && s.hits !== m.hits) console.log(`  !! ${r.copies}×: ${s.hits} hits sharded, ${m.hits} in memory`);
}
const how = 'e2e/bench/shards-in-browser.mjs';
for (const r of rows.filter((row) => row.sharded)) {
  const s = r.sharded;
  const at = `corpus ×${r.copies}`;
  const pf = peer[r.copies];
  recordFigure({
    figure: `search shards: index bytes fetched until the first results (区域协调发展), ${at}`,
    target: 'Chromium',
    value: s.firstQueryGzip / 1000,
    unit: 'KB gzip',
    peer: pf ? `Pagefind ${pf.toFixed(0)} KB gzip incl. its JS and wasm` : undefined,
    ratio: pf ? `${(s.firstQueryGzip / 1000 / pf).toFixed(2)}× Pagefind` : undefined,
    how,
  });
  recordFigure({
    figure: `search shards: time to the first results (区域协调发展), ${at}`,
    target: 'Chromium',
    value: s.firstQueryMs,
    unit: 'ms',
    peer: r.memory ? `in-memory build + search ${r.memory.firstQueryMs.toFixed(0)} ms` : undefined,
    ratio: r.memory ? `${(s.firstQueryMs / r.memory.firstQueryMs).toFixed(2)}× in memory` : undefined,
    how,
  });
  recordFigure({
    figure: `search shards: wasm memory after typing, ${at}`,
    target: 'Chromium',
    value: s.wasmMemory / 1048576,
    unit: 'MiB',
    peer: r.memory ? `in memory ${mib(r.memory.wasmMemory)} MiB` : undefined,
    how,
  });
}
