// Routes from every source end in a view or the not-found page with a notice
// (src/hash_guard.rs, src/url/app_route.rs); long unbroken runs in the
// address stay quick to lay out (echoes clipped); a flood of navigate
// commands is one navigation; the share dialog keeps the reader's place and
// explains file:// embed codes; a hosted build that cannot load in a
// sandboxed frame says why (assets/boot-watch.js).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import { forEachTarget, inBrowser } from '../lib/suite.mjs';
import { distDir } from '../lib/targets.mjs';
import { SEL, assertHealthy, openRoute, readySelector, routeUrl, screenshot, watchPage } from '../lib/app.mjs';
import { tourFile } from '../lib/tours.mjs';

const UNREADABLE = ['//[', '///', '//x:99999/'];

/** The page's state: the hash, the rendered view and the notices shown. */
async function state(page) {
  return page.evaluate(() => ({
    hash: location.hash,
    view: document.body.getAttribute('data-ready'),
    notices: [...document.querySelectorAll('[data-notice]')].map((n) => n.dataset.notice),
    focus: document.activeElement?.id ?? '',
  }));
}

/** The app at `url` in a frame of a file:// parent page (the frame's parent posts the commands). */
async function openFramed(context, target, route) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pe-parent-'));
  const parent = path.join(dir, 'parent.html');
  const src = `${target.url.split('#')[0]}?embed=1#${route}`;
  await fs.writeFile(
    parent,
    `<!doctype html><meta charset="utf-8"><title>parent</title>
<iframe id="app" src="${src.replaceAll('"', '&quot;')}" width="900" height="700"></iframe>
<script>
window.routes = [];
addEventListener('message', (e) => { if (e.data && e.data.type === 'policy-explorer:route') window.routes.push(e.data.route); });
</script>`,
  );
  const page = await context.newPage();
  const watch = await watchPage(context, page);
  await page.goto(`file://${parent}`);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  return { page, watch, frame };
}

forEachTarget('routes from every source', (target, session) => {
  for (const hash of UNREADABLE) {
    for (const query of ['', '?embed=1']) {
      it(`the address ${query}#${hash} shows the not-found page with a notice`, async () => {
        const page = await session.context.newPage();
        const watch = await watchPage(session.context, page);
        await page.goto(`${target.url.split('#')[0]}${query}#${hash}`);
        await page.waitForSelector(readySelector('not-found'), { timeout: 30_000 });
        const s = await state(page);
        assert.equal(s.hash, '#/404');
        assert.ok(s.notices.includes('address-unreadable'), JSON.stringify(s));
        assert.equal(await page.locator(SEL.notFound).count(), 1);
        assert.equal(await page.locator('.site-header').count(), query ? 0 : 1, 'embed mode is kept');
        await assertHealthy(page, watch);
        await page.close();
      });
    }
  }

  it('a hash set after load never breaks the router; #main stays the skip link’s anchor', async () => {
    const { page, watch } = await openRoute(session.context, target, '/doc/sichuan/6.21', 'reader');
    // An in-page anchor: the route stays, focus moves to <main>.
    await page.evaluate(() => {
      location.hash = '#main';
    });
    await page.waitForFunction(() => location.hash === '#/doc/sichuan/6.21');
    let s = await state(page);
    assert.equal(s.view, 'reader');
    assert.equal(s.focus, 'main');
    // Junk and unreadable fragments: not-found with the notice.
    for (const hash of ['#foo', ...UNREADABLE.map((h) => `#${h}`)]) {
      await page.evaluate(() => {
        location.hash = '#/doc/sichuan';
      });
      await page.waitForFunction(() => document.querySelector('#reader'));
      await page.evaluate((h) => {
        location.hash = h;
      }, hash);
      await page.waitForSelector(readySelector('not-found'));
      s = await state(page);
      assert.equal(s.hash, '#/404', hash);
      assert.ok(s.notices.includes('address-unreadable'), hash);
    }
    // An empty fragment: the library, as at load.
    await page.evaluate(() => {
      location.hash = '#';
    });
    await page.waitForSelector(readySelector('library'));
    assert.equal((await state(page)).hash, '#/');
    // The app still navigates normally.
    await page.evaluate(() => {
      location.hash = '#/doc/inner-mongolia';
    });
    await page.waitForSelector('#reader[data-doc-id="inner-mongolia"]');
    await screenshot(page, target, 'routes-hash-after-load');
    await assertHealthy(page, watch);
    await page.close();
  });

  it('the skip link moves focus to the content without changing the route', async () => {
    const { page, watch } = await openRoute(session.context, target, '/doc/sichuan', 'reader');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    assert.equal(await page.evaluate(() => location.hash), '#/doc/sichuan');
    await assertHealthy(page, watch);
    await page.close();
  });

  it('a tour step with a #// route is refused, naming the step', async () => {
    const { page, watch } = await openRoute(session.context, target, '/tours', 'tours');
    for (const route of ['#//[', '#///', '#//x:99999/', '#/doc//6.21']) {
      await page.locator('#tour-file').setInputFiles(tourFile('double-slash', [[route, 'x']]));
      const error = page.locator('#tour-load-error');
      await error.waitFor();
      const text = await error.innerText();
      assert.match(text, /第 1 步的地址|step 1 route/, text);
      assert.match(text, /\/\//, text);
    }
    assert.equal(await page.locator('#tour-list-user [data-tour-id="double-slash"]').count(), 0);
    await assertHealthy(page, watch);
    await page.close();
  });

  it('a navigate command to a #// route is refused with a notice; the view stays', async () => {
    const { page, watch, frame } = await openFramed(session.context, target, '/doc/sichuan/6.21');
    await frame.waitForSelector(readySelector('reader'), { timeout: 30_000 });
    for (const route of ['#//[', '#///', '#//x:99999/']) {
      await page.evaluate((route) => {
        document.getElementById('app').contentWindow.postMessage({ type: 'policy-explorer:navigate', route }, '*');
      }, route);
    }
    await frame.waitForSelector('[data-notice="embed-command-refused"]');
    await page.waitForTimeout(300);
    assert.equal(await frame.evaluate(() => location.hash), '#/doc/sichuan/6.21');
    assert.equal(await frame.locator(SEL.targetUnit).getAttribute('data-path'), '6.21');
    assert.deepEqual(watch.pageErrors, []);
    await page.close();
  });

  it('5,000 navigate commands in one loop are one navigation, to the last route', async () => {
    const { page, watch, frame } = await openFramed(session.context, target, '/');
    await frame.waitForSelector(readySelector('library'), { timeout: 30_000 });
    await page.waitForFunction(() => window.routes.length > 0);
    const before = await page.evaluate(() => window.routes.length);
    const posted = await page.evaluate(() => {
      const target = document.getElementById('app').contentWindow;
      const routes = ['#/doc/sichuan', '#/doc/inner-mongolia', '#/doc/central-2018/2.4'];
      const t0 = performance.now();
      for (let i = 0; i < 4_999; i += 1) {
        target.postMessage({ type: 'policy-explorer:navigate', route: routes[i % 3] }, '*');
      }
      target.postMessage({ type: 'policy-explorer:navigate', route: '#/doc/sichuan/6.21' }, '*');
      return performance.now() - t0;
    });
    assert.ok(posted >= 0);
    await frame.waitForFunction(() => location.hash === '#/doc/sichuan/6.21', null, { timeout: 30_000 });
    await frame.waitForSelector('.unit--target[data-path="6.21"]');
    await page.waitForTimeout(500);
    const reported = (await page.evaluate(() => window.routes.length)) - before;
    // Coalesced: a handful of navigations (a burst read over more than one
    // window), never thousands.
    assert.ok(reported >= 1 && reported <= 20, `${reported} route changes for 5,000 commands`);
    assert.ok((await frame.evaluate(() => history.length)) <= 25, 'history not flooded');
    assert.deepEqual(watch.pageErrors, []);
    await page.close();
  });
});

forEachTarget('long unbroken runs in the address', (target, session) => {
  const RUN = 'A'.repeat(100_000);
  for (const [name, route, view] of [
    ['document id', `/doc/${RUN}`, 'not-found'],
    ['unit path', `/doc/sichuan/${RUN}`, 'not-found'],
    ['witness id', `/witnesses/${RUN}`, 'not-found'],
    ['compared unit', `/compare/central-2018/sichuan/${RUN}`, 'compare'],
  ]) {
    it(`a ${name} of 100,000 letters is quoted clipped and lays out quickly`, async () => {
      const page = await session.context.newPage();
      const watch = await watchPage(session.context, page);
      await page.addInitScript(() => {
        window.__longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
        }).observe({ type: 'long-animation-frame', buffered: true });
      });
      await page.goto(routeUrl(target, route));
      await page.waitForSelector(readySelector(view), { timeout: 60_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 300))));
      const echoed = await page.evaluate(() => {
        const longest = [...document.querySelectorAll('#main *')]
          .filter((e) => e.children.length === 0)
          .map((e) => e.textContent.length);
        return Math.max(0, ...longest);
      });
      assert.ok(echoed < 400, `an element quotes ${echoed} characters`);
      const text = await page.locator('#main').innerText();
      assert.ok(text.includes('A'.repeat(80) + '…'), 'the value is quoted, clipped');
      // Before: one 7.8 s frame for the document id (layout of the echo).
      const longest = await page.evaluate(() => window.__longest);
      assert.ok(longest < 3_000, `longest animation frame ${longest} ms`);
      await assertHealthy(page, watch);
      await page.close();
    });
  }
});

forEachTarget('share dialog', (target, session) => {
  it('keeps the reader’s place and says what a file:// embed code is', async () => {
    const { page, watch } = await openRoute(session.context, target, '/doc/sichuan', 'reader');
    await page.evaluate(() => window.scrollTo(0, 2500));
    await page.waitForTimeout(200);
    const y = await page.evaluate(() => scrollY);
    assert.ok(y > 1000, `scrolled to ${y}`);
    await page.evaluate(() => document.getElementById('share-button').click());
    await page.waitForSelector('#share-dialog[open]');
    assert.equal(await page.evaluate(() => scrollY), y, 'opening keeps the place');
    const snippet = await page.inputValue('#share-snippet');
    if (target.offlineFile) {
      assert.ok(snippet.includes('src="file://'), snippet);
      const note = await page.locator('#share-file-note').innerText();
      assert.match(note, /file:\/\//);
      assert.match(note, /policy-explorer-hosted-url/);
    } else {
      assert.equal(await page.locator('#share-file-note').count(), 0);
    }
    await screenshot(page, target, 'share-dialog-place');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('#share-dialog[open]'));
    assert.equal(await page.evaluate(() => scrollY), y, 'closing keeps the place');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'share-button', 'focus returns');
    await assertHealthy(page, watch);
    await page.close();
  });
});

/** A static server over dir with the given extra headers; resolves to its URL. */
function serve(dir, headers = {}) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const server = http.createServer(async (req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(dir, name === '/' ? 'index.html' : name);
    try {
      const body = await fs.readFile(file);
      res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

inBrowser('a hosted build that cannot start in a sandboxed frame', (session) => {
  it('says why, in Chinese and English, instead of loading forever', async () => {
    // The hosted build without Access-Control-Allow-Origin, embedded from
    // another origin in a frame sandboxed with allow-scripts only.
    const app = await serve(distDir());
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pe-cors-'));
    const host = await serve(dir);
    await fs.writeFile(
      path.join(dir, 'host.html'),
      `<!doctype html><meta charset="utf-8"><title>host</title><iframe sandbox="allow-scripts" src="${app.url}?embed=1#/doc/sichuan" width="800" height="400"></iframe>`,
    );
    try {
      const page = await session.context.newPage();
      await page.goto(`${host.url}host.html`);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      await frame.waitForSelector('#boot-error[role="alert"]', { timeout: 30_000 });
      const text = await frame.locator('#boot-error').innerText();
      assert.match(text, /Access-Control-Allow-Origin/);
      assert.match(text, /无法启动/);
      assert.match(text, /could not start/);
      assert.equal(await frame.locator('.boot-message').filter({ hasText: '正在加载' }).count(), 0);
      const dirName = path.join(process.env.PE_ARTIFACTS_DIR ?? '.', 'embed');
      await fs.mkdir(dirName, { recursive: true });
      await page.screenshot({ path: path.join(dirName, 'embed-without-cors.png') });
      // The same build with the header starts (the watchdog stays silent).
      const ok = await serve(distDir(), { 'Access-Control-Allow-Origin': '*' });
      try {
        await fs.writeFile(
          path.join(dir, 'host-ok.html'),
          `<!doctype html><meta charset="utf-8"><title>host</title><iframe sandbox="allow-scripts" src="${ok.url}?embed=1#/doc/sichuan" width="800" height="400"></iframe>`,
        );
        await page.goto(`${host.url}host-ok.html`);
        const good = page.frames().find((f) => f !== page.mainFrame());
        await good.waitForSelector(readySelector('reader'), { timeout: 30_000 });
        assert.equal(await good.locator('#boot-error').count(), 0);
      } finally {
        ok.server.close();
      }
      await page.close();
    } finally {
      app.server.close();
      host.server.close();
    }
  });
});
