// The static-search peer, measured in the same run: Pagefind (npm `pagefind`,
// its own Rust indexer and wasm search) indexes the bundled corpus — one
// record per unit, language zh — once as it is and once replicated 100×
// (≈ a library of 500 documents), and headless Chromium then runs a first
// search the way a Pagefind site does: load pagefind.js, search, fetch the
// first ten results. Printed: every byte the page fetched until the first
// results (raw and gzip -9; Pagefind's index files are compressed already)
// and the time to them. These are the figures beside the app's hosted first
// load, which holds the reader, the library and (after the first paint) the
// whole search engine. Numbers only, no thresholds.
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { launchBrowser } from '../lib/browser.mjs';
import { recordFigure } from '../lib/figures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const QUERY = '区域协调发展';
const FACTORS = [1, 100];
const version = JSON.parse(readFileSync(join(here, '..', 'node_modules', 'pagefind', 'package.json'), 'utf8')).version;

const corpus = JSON.parse(readFileSync(join(repo, 'corpus', 'corpus.json'), 'utf8'));
const units = corpus.documents.flatMap((d) =>
  d.units.map((u) => ({ doc: d.id, title: d.title, path: u.path, text: u.reading ?? u.text })),
);

async function buildIndex(copies, outputPath) {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  for (let copy = 0; copy < copies; copy += 1) {
    await Promise.all(
      units.map((u) =>
        index.addCustomRecord({
          url: `/${copy}/${u.doc}/${u.path}`,
          content: u.text,
          language: 'zh',
          meta: { title: `${u.title} ${u.path}` },
        }),
      ),
    );
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
}

function serve(root) {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><title>pagefind peer</title>');
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    let body;
    try {
      body = await readFile(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    const type = path.endsWith('.js') ? 'text/javascript' : path.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

async function firstSearch(browser, base) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const fetched = [];
    page.on('response', async (response) => {
      try {
        fetched.push(await response.body());
      } catch {
        // a redirect or an aborted request has no body
      }
    });
    await page.goto(`${base}/`);
    const { ms, hits } = await page.evaluate(async (query) => {
      const t0 = performance.now();
      const pf = await import('/pagefind/pagefind.js');
      await pf.init();
      const search = await pf.search(query);
      await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
      return { ms: performance.now() - t0, hits: search.results.length };
    }, QUERY);
    await page.waitForTimeout(200);
    const raw = fetched.reduce((sum, b) => sum + b.length, 0);
    const gzip = fetched.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
    return { ms, hits, requests: fetched.length, raw, gzip };
  } finally {
    await context.close();
  }
}

const browser = await launchBrowser();
const rows = [];
try {
  for (const copies of FACTORS) {
    const dir = await mkdtemp(join(tmpdir(), 'pagefind-peer-'));
    try {
      const t0 = performance.now();
      await buildIndex(copies, join(dir, 'pagefind'));
      const indexMs = performance.now() - t0;
      const server = await serve(dir);
      try {
        const base = `http://127.0.0.1:${server.address().port}`;
        await firstSearch(browser, base); // warm-up, unrecorded
        rows.push({ copies, indexMs, ...(await firstSearch(browser, base)) });
      } finally {
        server.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
  await pagefind.close();
}

const kb = (n) => `${(n / 1000).toFixed(0)} KB`;
console.log(`\nPeer: Pagefind ${version} over the corpus (one record per unit), first search for “${QUERY}” in headless Chromium\n`);
console.log('| corpus | records | index build (Node) | hits | requests | fetched raw | fetched gzip -9 | load + search + 10 results |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.copies}× | ${r.copies * units.length} | ${(r.indexMs / 1000).toFixed(1)} s | ${r.hits} | ${r.requests - 1} | ${kb(r.raw)} | ${kb(r.gzip)} | ${r.ms.toFixed(0)} ms |`,
  );
  recordFigure({
    figure: `peer: Pagefind ${version}, bytes fetched until the first search results, corpus ×${r.copies}`,
    target: 'Chromium',
    value: r.gzip / 1000,
    unit: 'KB gzip',
    peer: `${r.hits} hits, ${r.ms.toFixed(0)} ms to the first results`,
    how: 'e2e/bench/pagefind-peer.mjs',
  });
}
