// The hosted build's precomputed search index (docs/search.md, "Shards
// fetched on demand"): the served build names a shard set in its page, so
// the full app assembles the index from the fetched unit table and fetches,
// per search, only the gram shards the query needs. Its results must equal
// the offline single file's, which builds its index in memory and never
// fetches. A shard that cannot be fetched shows an error with a retry and
// the page keeps working. Served build only (the single file is the
// reference). Screenshots: e2e/artifacts/served/search-shards-*.png.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';

import { forEachTarget } from '../lib/suite.mjs';
import { assertHealthy, openRoute, readySelector, routeUrl, screenshot, watchPage } from '../lib/app.mjs';
import { distDir, servedTarget, singleFileTarget } from '../lib/targets.mjs';

const S = {
  view: '#search-view',
  screen: '.search-screen',
  total: '#search-total',
  hits: '#search-results [data-hit-doc][data-hit-path]',
  loading: '.search-shards-loading',
  failed: '.search-shards-error',
  retry: '.search-shards-retry',
  units: '#reader .unit[data-path]',
  notice: '[data-testid="search-notice"]',
};

/** Search routes compared between the two targets. */
const ROUTES = [
  '/search?q=' + encodeURIComponent('区域协调'),
  '/search?q=' + encodeURIComponent('生态 补偿'),
  '/search?q=' + encodeURIComponent('"横向生态补偿"'),
  '/search?q=' + encodeURIComponent('橫向生態補償'),
  '/search?q=' + encodeURIComponent('对口支援 -西藏'),
  '/search?q=' + encodeURIComponent('补偿') + '&region=sichuan&level=provincial',
  '/search?region=sichuan',
];

/** The manifest the hosted page names, and the set it describes. */
async function shardSet() {
  const html = await fs.readFile(path.join(distDir(), 'index.html'), 'utf8');
  const meta = html.match(/<meta name="policy-explorer-search-index" content="\/([^"]+)">/);
  assert.ok(meta, 'dist/index.html names a search index');
  const manifest = JSON.parse(await fs.readFile(path.join(distDir(), meta[1]), 'utf8'));
  return { path: meta[1], manifest };
}

/** Same-origin requests under search/, as file names, in order. */
function searchFiles(watch, target) {
  const origin = new URL(target.url).origin;
  return watch.requests
    .filter((u) => u.startsWith(`${origin}/search/`))
    .map((u) => new URL(u).pathname.replace(/^\/search\//, ''));
}

/** What a result screen shows: the total line and every hit key. */
async function shown(page) {
  await page.waitForSelector(S.total, { timeout: 30_000 });
  const total = await page.locator(S.total).innerText();
  const hits = await page.locator(S.hits).evaluateAll((items) =>
    items.map((el) => `${el.getAttribute('data-hit-doc')}/${el.getAttribute('data-hit-path')}`),
  );
  return { total, hits };
}

async function openSearch(context, target, route) {
  const { page, watch } = await openRoute(context, target, route, 'search');
  return { page, watch, result: await shown(page) };
}

forEachTarget('search shards', { targets: [servedTarget()] }, (target, session) => {
  it('results equal the single file\'s, fetching only the shards each query needs', async () => {
    const { path: manifestPath, manifest } = await shardSet();
    const shardNames = new Set(manifest.shards.map((s) => s.name));
    assert.ok(manifest.shards.length > 1, 'the corpus is split into several shards');
    const reference = await session.newContext();
    for (const route of ROUTES) {
      const expected = (await openSearch(reference, singleFileTarget(), route)).result;
      const { page, watch, result } = await openSearch(session.context, target, route);
      assert.deepEqual(result, expected, `${route}: the same results as the single file`);
      assert.equal(await page.getAttribute(S.screen, 'data-shards-state'), 'ready', 'searched through shards');
      const files = searchFiles(watch, target);
      assert.equal(files[0], path.basename(manifestPath), 'the manifest first');
      assert.ok(files.includes(manifest.unit_table.name), 'then the unit table');
      const shards = files.filter((f) => shardNames.has(f));
      assert.equal(new Set(shards).size, shards.length, `${route}: no shard fetched twice (${shards})`);
      assert.deepEqual(files.filter((f) => f !== path.basename(manifestPath) && f !== manifest.unit_table.name && !shardNames.has(f)), [], 'nothing else under search/');
      assert.ok(shards.length < manifest.shards.length, `${route}: ${shards.length} of ${manifest.shards.length} shards`);
      assert.equal(await page.getAttribute(S.screen, 'data-index-shards'), String(shards.length));
      if (route === '/search?region=sichuan') {
        assert.equal(shards.length, 0, 'filter-only browsing needs no shard');
      }
      console.log(`# ${decodeURIComponent(route)}: ${shards.length} of ${manifest.shards.length} shards fetched`);
      await assertHealthy(page, watch);
      await page.close();
    }
    // One character reads one gram: one shard.
    const { page, watch } = await openSearch(session.context, target, '/search?q=' + encodeURIComponent('区'));
    assert.equal(searchFiles(watch, target).filter((f) => shardNames.has(f)).length, 1);
    await screenshot(page, target, 'search-shards-results');
    await page.close();
  });

  it('typing shows "loading" while a shard is fetched, then the results', async () => {
    const page = await session.context.newPage();
    const watch = await watchPage(session.context, page);
    await page.route('**/search/shard-*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(routeUrl(target, '/search?q=' + encodeURIComponent('生态补偿')));
    await page.waitForSelector(S.loading, { timeout: 30_000 });
    assert.equal(await page.getAttribute(S.loading, 'role'), 'status');
    assert.match(await page.locator(S.loading).innerText(), /正在加载检索索引/);
    assert.equal(await page.locator(S.hits).count(), 0, 'no stale or partial results meanwhile');
    assert.equal(await page.locator(S.notice).count(), 0, 'no notice about a search that has not run');
    await screenshot(page, target, 'search-shards-loading');
    await page.waitForSelector(readySelector('search'), { timeout: 30_000 });
    assert.ok((await shown(page)).hits.length > 0);
    assert.equal(await page.locator(S.loading).count(), 0);
    await assertHealthy(page, watch);
    await page.close();
  });

  it('a failed shard fetch says so, reading keeps working, and a retry recovers', async () => {
    const route = '/search?q=' + encodeURIComponent('区域协调');
    const reference = (await openSearch(await session.newContext(), singleFileTarget(), route)).result;
    const page = await session.context.newPage();
    const watch = await watchPage(session.context, page);
    await page.route('**/search/shard-*', (r) => r.abort('failed'));
    await page.goto(routeUrl(target, route));
    await page.waitForSelector(S.failed, { timeout: 30_000 });
    assert.equal(await page.getAttribute(S.failed, 'role'), 'alert');
    const text = await page.locator(S.failed).innerText();
    assert.match(text, /检索索引的一部分未能加载/);
    assert.match(text, /阅读和其他页面不受影响/);
    assert.match(text, /shard-/, 'the error names the file');
    assert.doesNotMatch(text, /wasm-function|at /, 'one line, no stack');
    assert.equal(await page.locator(S.hits).count(), 0);
    assert.equal(await page.locator(S.notice).count(), 0);
    await screenshot(page, target, 'search-shards-failed');
    // The query box still works, and reading does.
    await page.evaluate(() => { window.location.hash = '#/doc/sichuan/6.21'; });
    await page.waitForSelector(readySelector('reader'));
    assert.ok((await page.locator(S.units).count()) > 10);
    // Back on search with the server answering again: retry brings results.
    await page.unroute('**/search/shard-*');
    await page.evaluate((h) => { window.location.hash = h; }, `#${route}`);
    await page.waitForSelector(S.retry);
    await page.locator(S.retry).click();
    await page.waitForSelector(`${S.screen}[data-shards-state="ready"]`, { timeout: 30_000 });
    assert.deepEqual(await shown(page), reference, 'the same results as the single file');
    assert.deepEqual(watch.pageErrors, [], 'uncaught exceptions');
    await page.close();
  });
});
