// The search index's cache of the user's library (src/user_library/
// index_cache.rs), against both delivery forms: documents added through the
// library page are found after a reload opened on a search deep link (which
// must not stay on "preparing…"); that start merged their cached index
// parts instead of indexing them (`data-index-cached` / `data-index-built`
// on #search-view, set from what the build really did); a damaged cache
// entry is rebuilt with search still right; removing a document removes its
// hits and its cached part.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { forEachTarget } from '../lib/suite.mjs';
import { assertHealthy, openRoute, routeUrl, screenshot } from '../lib/app.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RAW_DIR = path.resolve(HERE, '..', '..', 'corpus', 'raw');
const MARK = '索引缓存样本编号';
const COUNT = 4;

const SEL = {
  ready: '#my-library[data-status="ready"]',
  files: '#library-files',
  progress: '[data-testid="library-progress"] li',
  addAll: '#library-add-all',
  outcome: '[data-testid="library-outcome"]',
  rows: '#my-library-table tbody tr[data-doc-id]',
  // Searched: on the served build, after the shards the query needs arrived.
  searchDone: '#search-view[data-engine-ms] .search-screen:not([data-shards-state="loading"])',
};

/** Real corpus texts, each with one numbered sentence of its own. */
async function documents() {
  const names = (await fs.readdir(RAW_DIR)).filter((n) => n.endsWith('.txt')).sort();
  const out = [];
  for (let n = 1; n <= COUNT; n += 1) {
    const text = await fs.readFile(path.join(RAW_DIR, names[(n - 1) % names.length]), 'utf8');
    const lines = text.split('\n');
    const from = Math.floor(lines.length / 2);
    let longest = from;
    for (let i = from; i < lines.length; i += 1) if (lines[i].length > lines[longest].length) longest = i;
    const line = lines[longest];
    const stop = line.indexOf('。');
    const sentence = `${MARK}${n}号，本句用于检验索引缓存。`;
    lines[longest] = stop >= 0 ? `${line.slice(0, stop + 1)}${sentence}${line.slice(stop + 1)}` : `${line}${sentence}`;
    out.push({ name: `cache-${n}.txt`, mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n'), 'utf8') });
  }
  return out;
}

/** Keys of the index cache's store whose value is a part written by the app (`PEIX` bytes). */
async function cachedKeys(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('policy-explorer-index', 1);
        request.onupgradeneeded = () => request.result.createObjectStore('parts');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const store = db.transaction('parts').objectStore('parts');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            db.close();
            const written = (v) =>
              v instanceof Uint8Array && String.fromCharCode(...v.subarray(0, 4)) === 'PEIX';
            resolve(keys.result.filter((_, i) => written(values.result[i])).sort());
          };
          values.onerror = () => reject(values.error);
        };
      }),
  );
}

async function waitCached(page, expected) {
  const until = Date.now() + 30_000;
  let keys = await cachedKeys(page);
  while (keys.length !== expected.length || keys.some((k, i) => k !== expected[i])) {
    assert.ok(Date.now() < until, `the cache holds ${expected.join(', ')}; it holds ${keys.join(', ')}`);
    await page.waitForTimeout(100);
    keys = await cachedKeys(page);
  }
}

/** Overwrites cache entries with the given values (damage). */
async function damage(page, entries) {
  await page.evaluate(
    (entries) =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('policy-explorer-index', 1);
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction('parts', 'readwrite');
          for (const [key, kind] of entries) {
            const value =
              kind === 'garbage'
                ? new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) % 256))
                : 'not bytes';
            tx.objectStore('parts').put(value, key);
          }
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    entries,
  );
}

/**
 * A cold start on the search deep link: which documents are hit, and how the
 * index was made. Waits for an engine that holds all `libraryDocs` library
 * documents (the link first shows the bundled corpus's results while the
 * library is read).
 */
async function searchColdStart(page, target, libraryDocs) {
  // A full load (not a route change inside the running app).
  await page.goto('about:blank');
  await page.goto(routeUrl(target, `/search?q=${encodeURIComponent(MARK)}`));
  await page.waitForFunction(
    ([sel, n]) => {
      const view = document.querySelector('#search-view');
      return (
        document.querySelector(sel) !== null &&
        Number(view.dataset.indexCached) + Number(view.dataset.indexBuilt) === n
      );
    },
    [SEL.searchDone, libraryDocs],
    { timeout: 60_000 },
  );
  return page.evaluate(() => {
    const view = document.querySelector('#search-view');
    const hits = [...document.querySelectorAll('#search-results [data-hit-doc]')].map((h) => h.dataset.hitDoc);
    return {
      docs: [...new Set(hits)].sort(),
      cached: Number(view.dataset.indexCached),
      built: Number(view.dataset.indexBuilt),
      preparing: document.querySelectorAll('.search-preparing').length,
    };
  });
}

forEachTarget('library index cache', (target, session) => {
  it('library documents are indexed once, then merged from the cache; damage is rebuilt; removal removes', async () => {
    const { page, watch } = await openRoute(session.context, target, '/library', 'my-library');
    page.on('dialog', (dialog) => dialog.accept());
    await page.waitForSelector(SEL.ready, { timeout: 30_000 });
    await page.locator(SEL.files).setInputFiles(await documents());
    await page.waitForFunction(
      ([sel, n]) => {
        const items = [...document.querySelectorAll(sel)];
        return items.length >= n && items.every((li) => ['ready', 'failed'].includes(li.dataset.status));
      },
      [SEL.progress, COUNT],
      { timeout: 120_000 },
    );
    await page.locator(SEL.addAll).click();
    await page.waitForSelector(`${SEL.outcome}[data-outcome="saved"]`, { timeout: 60_000 });
    const ids = (await page.locator(SEL.rows).evaluateAll((rows) => rows.map((r) => r.dataset.docId))).sort();
    assert.equal(ids.length, COUNT);

    // First start with this library: every document indexed afresh, each
    // part then cached. The deep link finishes (never stays "preparing…").
    const first = await searchColdStart(page, target, COUNT);
    assert.deepEqual(first.docs, ids, 'every library document is found');
    assert.equal(first.preparing, 0);
    assert.deepEqual([first.cached, first.built], [0, COUNT], 'nothing cached yet: all built');
    await waitCached(page, ids);

    // Second start: the parts come from the cache, search is the same.
    const second = await searchColdStart(page, target, COUNT);
    assert.deepEqual(second.docs, ids);
    assert.deepEqual([second.cached, second.built], [COUNT, 0], 'the second start used the cache');
    await screenshot(page, target, 'library-index-cache');

    // Damaged entries (bytes that are no part, a value that is no bytes)
    // are rebuilt, silently, and search stays right.
    await damage(page, [
      [ids[0], 'garbage'],
      [ids[1], 'string'],
    ]);
    const repaired = await searchColdStart(page, target, COUNT);
    assert.deepEqual(repaired.docs, ids, 'search still finds every document');
    assert.deepEqual([repaired.cached, repaired.built], [COUNT - 2, 2], 'the damaged two were rebuilt');
    await waitCached(page, ids);
    const healed = await searchColdStart(page, target, COUNT);
    assert.deepEqual([healed.cached, healed.built], [COUNT, 0], 'the rebuilt parts were cached again');
    assert.deepEqual(healed.docs, ids);

    // Removing a document removes its hits and its cached part.
    const [removed, ...kept] = ids;
    await page.goto('about:blank');
    await page.goto(routeUrl(target, '/library'));
    await page.waitForSelector(SEL.ready);
    await page.locator(`${SEL.rows}[data-doc-id="${removed}"] .library-list__remove`).click();
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 3, SEL.rows);
    await waitCached(page, kept);
    const after = await searchColdStart(page, target, COUNT - 1);
    assert.deepEqual(after.docs, kept, 'the removed document has no hits');
    assert.deepEqual([after.cached, after.built], [COUNT - 1, 0]);
    await assertHealthy(page, watch);
  });
});
