// The hosted build's first load (docs/loading.md): the first visit boots the
// lite app only (library, reader, tours), within the 600 KB gzip budget; the
// full app (search, segmentation, T→S, comparison) arrives when a route
// needs it, with a "loading search…" state that never blocks reading, and a
// clear error when it cannot be fetched. Served build only: the single file
// is the full app and makes no requests. Screenshots:
// e2e/artifacts/served/first-load-*.png.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

import { forEachTarget } from '../lib/suite.mjs';
import { assertHealthy, openRoute, readySelector, routeUrl, screenshot, watchPage } from '../lib/app.mjs';
import { distDir, servedTarget, singleFileTarget } from '../lib/targets.mjs';

const BUDGET_GZIP_BYTES = 600_000;
const QUERY = '生态补偿';

const S = {
  status: '#full-app-status',
  loading: '#full-app-status[data-state="loading"]',
  failed: '#full-app-status[data-state="failed"]',
  retry: '.full-app-status__retry',
  hits: '#search-results [data-hit-doc][data-hit-path]',
  units: '#reader .unit[data-path]',
};

/** The full app's wasm and glue as the hosted page names them (dist paths). */
async function fullApp() {
  const html = await fs.readFile(path.join(distDir(), 'index.html'), 'utf8');
  const meta = html.match(/<meta name="policy-explorer-full-app" data-glue="\/([^"]+)" data-wasm="\/([^"]+)">/);
  assert.ok(meta, 'dist/index.html names the full app');
  return { glue: meta[1], wasm: meta[2] };
}

/** Same-origin request URLs → dist paths (without query or fragment). */
function distPaths(watch, target) {
  const origin = new URL(target.url).origin;
  return [...new Set(watch.requests.filter((u) => u.startsWith(origin)).map((u) => {
    const p = new URL(u).pathname.replace(/^\//, '');
    return p === '' ? 'index.html' : p;
  }))];
}

async function gzipTotal(paths) {
  let total = 0;
  for (const p of paths) {
    const bytes = await fs.readFile(path.join(distDir(), p));
    total += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return total;
}

function searchRoute(query) {
  return `/search?q=${encodeURIComponent(query)}`;
}

async function hitKeys(page) {
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, S.hits, { timeout: 30_000 });
  return page.locator(S.hits).evaluateAll((items) =>
    items.map((el) => `${el.getAttribute('data-hit-doc')}/${el.getAttribute('data-hit-path')}`),
  );
}

/** Delays every response for `url`'s path by `ms`, so a state can be seen. */
async function delay(page, file, ms) {
  await page.route(`**/${file}`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

forEachTarget('first load', { targets: [servedTarget()] }, (target, session) => {
  it('a first visit to the library and to a reader page loads the lite app only, within budget', async () => {
    const full = await fullApp();
    for (const [route, view] of [['/', 'library'], ['/doc/sichuan', 'reader']]) {
      const { page, watch } = await openRoute(session.context, target, route, view);
      const paths = distPaths(watch, target);
      assert.ok(!paths.includes(full.wasm), `${route}: the full wasm is not fetched (${paths.join(', ')})`);
      assert.ok(!paths.includes(full.glue), `${route}: the full glue is not fetched`);
      assert.ok(paths.some((p) => p.endsWith('_bg.wasm')), 'the lite wasm is fetched');
      const total = await gzipTotal(paths);
      console.log(`# first visit to #${route}: ${paths.length} files, ${total} B gzip (budget ${BUDGET_GZIP_BYTES})`);
      assert.ok(total <= BUDGET_GZIP_BYTES, `${total} B gzip is over the ${BUDGET_GZIP_BYTES} B budget`);
      assert.equal(await page.getAttribute('html', 'data-app'), 'lite');
      assert.match(
        await page.locator('.site-footer').innerText(),
        /从本站加载|load from this site/,
        'the hosted footer says that parts load from the site',
      );
      if (view === 'library') {
        assert.ok((await page.locator('#library tr[data-doc-id]').count()) >= 4, 'the library lists documents');
      } else {
        assert.ok((await page.locator(S.units).count()) > 10, 'the document reads');
        assert.match(await page.locator('#reader').innerText(), /四川/);
      }
      await screenshot(page, target, `first-load-${view}`);
      await assertHealthy(page, watch);
      await page.close();
    }
  });

  it('going to search shows the loading state, then the same hits as the full app', async () => {
    const full = await fullApp();
    // The offline single file is the full app: its hits are the reference.
    const reference = await (async () => {
      const context = await session.newContext();
      const { page } = await openRoute(context, singleFileTarget(), searchRoute(QUERY), 'search');
      return hitKeys(page);
    })();
    assert.ok(reference.length > 0);

    const page = await session.context.newPage();
    const watch = await watchPage(session.context, page);
    await delay(page, full.wasm, 1500);
    await page.goto(routeUrl(target, '/'));
    await page.waitForSelector(readySelector('library'));
    await page.evaluate((h) => { window.location.hash = h; }, `#${searchRoute(QUERY)}`);
    await page.waitForSelector(S.loading);
    assert.match(await page.locator(S.status).innerText(), /正在加载检索与比较功能/);
    assert.equal(await page.getAttribute(S.status, 'role'), 'status');
    await screenshot(page, target, 'first-load-loading');
    await page.waitForSelector(readySelector('search'), { timeout: 30_000 });
    assert.deepEqual(await hitKeys(page), reference, 'the same hits as the full app');
    assert.equal(await page.getAttribute('html', 'data-app'), 'full');
    assert.equal(await page.locator(S.status).count(), 0, 'the loading line is gone');
    assert.ok(distPaths(watch, target).includes(full.wasm));
    // The full app now serves every route, the library included.
    await page.evaluate(() => { window.location.hash = '#/'; });
    await page.waitForSelector(readySelector('library'));
    await assertHealthy(page, watch);
    await page.close();
  });

  it('deep links straight to search and to a comparison work', async () => {
    {
      const { page, watch } = await openRoute(session.context, target, searchRoute(QUERY), 'search');
      assert.ok((await hitKeys(page)).length > 0);
      await assertHealthy(page, watch);
      await page.close();
    }
    {
      const { page, watch } = await openRoute(session.context, target, '/compare/central-2018/sichuan', 'compare');
      assert.equal(await page.getAttribute('html', 'data-app'), 'full');
      await screenshot(page, target, 'first-load-compare');
      await assertHealthy(page, watch);
      await page.close();
    }
  });

  it('the reader keeps its scroll position when the full app takes over', async () => {
    const { page, watch } = await openRoute(session.context, target, '/doc/sichuan', 'reader');
    await page.evaluate(() => window.scrollTo(0, 1500));
    const before = await page.evaluate(() => window.scrollY);
    assert.ok(before > 1000, 'the document is long enough to scroll');
    await page.evaluate(() => window.dispatchEvent(new Event('policy-explorer:need-full-app')));
    await page.waitForSelector('html[data-app="full"]');
    await page.waitForSelector(readySelector('reader'));
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 2, before, { timeout: 5_000 });
    await assertHealthy(page, watch);
    await page.close();
  });

  it('a failed fetch of the full app says so while reading keeps working, and a retry recovers', async () => {
    const full = await fullApp();
    const page = await session.context.newPage();
    const watch = await watchPage(session.context, page);
    await page.route(`**/${full.wasm}`, (route) => route.abort('failed'));
    await page.goto(routeUrl(target, '/doc/sichuan'));
    await page.waitForSelector(readySelector('reader'));
    await page.evaluate((h) => { window.location.hash = h; }, `#${searchRoute(QUERY)}`);
    await page.waitForSelector(S.failed);
    assert.equal(await page.getAttribute(S.status, 'role'), 'alert');
    assert.match(await page.locator(S.status).innerText(), /未能加载/);
    assert.match(await page.locator(S.status).innerText(), /阅读不受影响/);
    await screenshot(page, target, 'first-load-failed');
    // Reading still works.
    await page.evaluate(() => { window.location.hash = '#/doc/sichuan/6.21'; });
    await page.waitForSelector(readySelector('reader'));
    assert.ok((await page.locator(S.units).count()) > 10);
    assert.equal(await page.locator('.unit--target').getAttribute('data-path'), '6.21');
    // Once the server answers again, "try again" brings search.
    await page.unroute(`**/${full.wasm}`);
    await page.evaluate((h) => { window.location.hash = h; }, `#${searchRoute(QUERY)}`);
    await page.locator(S.retry).click();
    await page.waitForSelector(readySelector('search'), { timeout: 30_000 });
    assert.ok((await hitKeys(page)).length > 0);
    assert.deepEqual(watch.pageErrors, [], 'uncaught exceptions');
    await page.close();
  });

  it('a full app that fails to start after the hand-over says so and offers a reload', async () => {
    const full = await fullApp();
    const page = await session.context.newPage();
    // The glue loads but its start throws, after the lite app has let go.
    await page.route(`**/${full.glue}`, (route) => route.fulfill({
      contentType: 'text/javascript',
      body: 'export default function () { return Promise.reject(new Error("simulated start failure")); }',
    }));
    await page.goto(routeUrl(target, '/doc/sichuan'));
    await page.waitForSelector(readySelector('reader'));
    await page.evaluate((h) => { window.location.hash = h; }, `#${searchRoute(QUERY)}`);
    await page.waitForSelector('#boot-error[data-reason="full-app-start"][role="alert"]', { timeout: 30_000 });
    const text = await page.locator('#boot-error').innerText();
    assert.match(text, /未能启动/);
    assert.match(text, /could not start/);
    assert.equal(await page.getAttribute('body', 'data-ready'), 'boot-error');
    await screenshot(page, target, 'first-load-start-failed');
    // With the real glue again, the reload brings the route back.
    await page.unroute(`**/${full.glue}`);
    await page.locator('.boot-error__reload').click();
    await page.waitForSelector(readySelector('search'), { timeout: 30_000 });
    assert.ok((await hitKeys(page)).length > 0);
    await page.close();
  });

  it('a tour started in the lite app keeps running through the hand-over', async () => {
    const { page, watch } = await openRoute(session.context, target, '/tours', 'tours');
    assert.equal(await page.getAttribute('html', 'data-app'), 'lite');
    await page.locator('[data-tour-id="spot-the-rewording"] .tour-list__start').click();
    await page.waitForFunction(() => window.location.hash === '#/doc/central-2018/2.4');
    await page.waitForSelector(readySelector('reader'));
    const position = async () => (await page.locator('#tour-position [aria-hidden="true"]').innerText()).trim();
    assert.equal(await position(), '1 / 4');
    await page.locator('#tour-next').click();
    await page.waitForFunction(() => window.location.hash === '#/doc/central-2018/6.17');
    await page.locator('#tour-next').click();
    await page.waitForFunction(() => window.location.hash === '#/witnesses/central-2018');
    await page.waitForSelector(readySelector('witnesses'), { timeout: 30_000 });
    assert.equal(await page.getAttribute('html', 'data-app'), 'full');
    assert.equal(await position(), '3 / 4', 'the tour survived the hand-over at its step');
    await page.locator('#tour-next').click();
    await page.waitForSelector(readySelector('search'));
    assert.equal(await position(), '4 / 4');
    await page.locator('#tour-close').click();
    assert.equal(await page.locator('#tour-overlay').count(), 0);
    await assertHealthy(page, watch);
    await page.close();
  });
});
