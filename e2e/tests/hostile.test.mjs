// Hostile input: XSS vectors from the OWASP filter-evasion cheat
// sheet in the route, the search query, a loaded tour and a pasted text all
// render as inert text; a 10 MB paste, a binary "tour" and corrupted or
// unavailable storage each get a clear message. Nothing already loaded is
// lost in any case. Against the served build (the single file runs the
// same code; it is covered by the offline and view suites).
import { it } from 'node:test';
import assert from 'node:assert/strict';

import { forEachTarget } from '../lib/suite.mjs';
import { servedTarget } from '../lib/targets.mjs';
import { assertHealthy, openRoute, readySelector, routeUrl } from '../lib/app.mjs';
import { tourFile } from '../lib/tours.mjs';

const VECTORS = [
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  'javascript:alert(1)',
  '"><script>alert(1)</script>',
  '<iframe src=javascript:alert(1)>',
  '<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
  '&lt;img src=x onerror=alert(1)&gt;',
  '<body onload=alert(1)>',
];

/** Elements a successful injection would have created. */
const INJECTED = [
  'img[src="x"]',
  'img[onerror]',
  'svg[onload]',
  'iframe',
  'body[onload]',
  'script:not([src]):not([type="module"])',
  'a[href^="jav"]',
  'img[src^="javascript"]',
];

/** Fails the test if any dialog (alert/confirm/prompt) opens. */
function forbidDialogs(page) {
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}

async function assertInert(page, dialogs, where) {
  // Give any injected handler a moment to fire.
  await page.waitForTimeout(150);
  assert.deepEqual(dialogs, [], `${where}: a dialog opened`);
  for (const selector of INJECTED) {
    const count = await page.locator(selector).count();
    // Scripts: the served build has none inline except what Trunk writes in
    // <head>; injected ones would be inside #app.
    const inApp = selector.startsWith('script') ? await page.locator(`#app ${selector}`).count() : count;
    assert.equal(inApp, 0, `${where}: found ${selector}`);
  }
}

forEachTarget('hostile input', { targets: [servedTarget()] }, (target, session) => {
  it('XSS vectors in the route render as text on the not-found page', async () => {
    const { page, watch } = await openRoute(session.context, target, '/', 'library');
    const dialogs = forbidDialogs(page);
    for (const vector of VECTORS) {
      for (const route of [`/doc/${encodeURIComponent(vector)}`, `/doc/${vector}`, `/${vector}`]) {
        await page.goto(routeUrl(target, route));
        await page.waitForSelector('[data-testid="not-found"]', { timeout: 10_000 });
        await assertInert(page, dialogs, `route ${route}`);
      }
      // The document id is quoted back as the text it was.
      await page.goto(routeUrl(target, `/doc/${encodeURIComponent(vector)}`));
      await page.waitForSelector('[data-testid="not-found"]');
      const message = await page.locator('.not-found__message').innerText();
      assert.ok(message.includes(vector.slice(0, 12)), `"${message}" quotes the id`);
    }
    await assertHealthy(page, watch);
    await page.close();
  });

  it('XSS vectors in the search query render as text', async () => {
    const { page, watch } = await openRoute(session.context, target, '/search', 'search');
    const dialogs = forbidDialogs(page);
    for (const vector of VECTORS) {
      await page.locator('#search-query').fill(vector);
      await page.locator('#search-query').press('Enter');
      await page.waitForTimeout(300);
      await assertInert(page, dialogs, `query ${vector}`);
      assert.equal(await page.locator('#search-query').inputValue(), vector, 'the query is kept as typed');
    }
    // And straight from a URL.
    await page.goto(routeUrl(target, `/search?q=${encodeURIComponent(VECTORS[0])}`));
    await page.waitForSelector(readySelector('search'));
    await assertInert(page, dialogs, 'query from the URL');
    await assertHealthy(page, watch);
    await page.close();
  });

  it('a tour’s texts render as text and hostile routes or binary files are refused', async () => {
    const { page, watch } = await openRoute(session.context, target, '/tours', 'tours');
    const dialogs = forbidDialogs(page);
    const file = tourFile(
      'hostile-texts',
      VECTORS.slice(0, 5).map((v) => ['#/doc/sichuan', v]),
      VECTORS[0],
    );
    await page.locator('#tour-file').setInputFiles(file);
    await page.waitForSelector('#tour-list-user [data-tour-id="hostile-texts"]');
    assert.equal(await page.locator('[data-tour-id="hostile-texts"] .tour-list__title').innerText(), VECTORS[0]);
    await page.locator('[data-tour-id="hostile-texts"] .tour-list__start').click();
    await page.waitForSelector('#tour-overlay');
    assert.equal(await page.locator('#tour-step-text').innerText(), VECTORS[0]);
    for (let i = 1; i < 5; i++) {
      await page.locator('#tour-next').click();
      await page.waitForFunction((n) => document.querySelector('#tour-overlay')?.dataset.step === String(n), i + 1);
      assert.equal(await page.locator('#tour-step-text').innerText(), VECTORS[i]);
    }
    await assertInert(page, dialogs, 'tour texts');
    await page.locator('#tour-close').click();

    await page.goto(routeUrl(target, '/tours'));
    await page.waitForSelector(readySelector('tours'));
    // Hostile routes: refused with the field named; the loaded tour stays.
    for (const route of ['javascript:alert(1)', '#/doc/<img src=x onerror=alert(1)>', 'https://example.com/']) {
      await page.locator('#tour-file').setInputFiles(tourFile('hostile-route', [[route, 'x']]));
      const error = page.locator('#tour-load-error');
      await error.waitFor();
      assert.match(await error.innerText(), /第 1 步的地址|step 1 route/);
      assert.equal(await page.locator('[data-tour-id="hostile-route"]').count(), 0);
      assert.equal(await page.locator('#tour-list-user [data-tour-id="hostile-texts"]').count(), 1, 'nothing lost');
    }
    // Invalid UTF-8 / binary.
    await page.locator('#tour-file').setInputFiles({
      name: 'photo.json',
      mimeType: 'application/json',
      buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xc3, 0x28]),
    });
    await page.waitForFunction(() => /UTF-8/.test(document.querySelector('#tour-load-error')?.textContent ?? ''));
    // Too large: refused before it is read.
    await page.locator('#tour-file').setInputFiles({
      name: 'huge.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(300 * 1024, 0x20),
    });
    await page.waitForFunction(() => /KB/.test(document.querySelector('#tour-load-error')?.textContent ?? ''));
    assert.equal(await page.locator('#tour-list-user [data-tour-id="hostile-texts"]').count(), 1, 'nothing lost');
    await assertInert(page, dialogs, 'tour errors');
    await assertHealthy(page, watch);
    await page.close();
  });

  it('pasted XSS renders as text and a 10 MB paste is refused without freezing', async () => {
    const { page, watch } = await openRoute(session.context, target, '/compare/central-2018/sichuan', 'compare');
    const dialogs = forbidDialogs(page);
    await page.locator('#copy-details > summary').click();
    const paste = ['关于建立更加有效的区域协调发展新机制的意见', ...VECTORS.map((v) => `（一）${v}推进区域协调发展。`)].join('\n');
    await page.locator('#copy-text').fill(paste);
    await page.locator('#copy-compare').click();
    await page.waitForSelector('[data-testid="copy-loaded"], [data-testid="copy-error"]', { timeout: 60_000 });
    await assertInert(page, dialogs, 'paste');

    // A plain copy imports, and is kept across a reload (stored state).
    await page.locator('#copy-text').fill(
      ['区域协调发展实施方案', '一、总体要求', '（一）推进区域协调发展，完善生态补偿机制。', '（二）促进基本公共服务均等化。'].join('\n'),
    );
    await page.locator('#copy-compare').click();
    await page.waitForSelector('[data-testid="copy-loaded"]', { timeout: 60_000 });
    await page.reload();
    await page.waitForSelector(readySelector('compare'));
    assert.equal(await page.locator('[data-testid="copy-loaded"]').count(), 1, 'the imported copy survives a reload');
    const loadedBefore = 1;

    // 10 MB: set without typing it, then ask for the comparison.
    await page.goto(routeUrl(target, '/compare/central-2018/sichuan'));
    await page.waitForSelector(readySelector('compare'));
    if (!(await page.locator('#copy-text').isVisible())) await page.locator('#copy-details > summary').click();
    await page.locator('#copy-text').evaluate((el) => {
      el.value = '区域协调发展'.repeat(Math.ceil((10 * 1024 * 1024) / 18));
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const started = Date.now();
    await page.locator('#copy-compare').click();
    await page.waitForSelector('[data-testid="copy-error"][data-error="too-large"]', { timeout: 30_000 });
    const ms = Date.now() - started;
    console.log(`10 MB paste refused in ${ms} ms`);
    // The page is whole after the refusal: the comparison is still shown,
    // the refusal names the limit, and the 10 MB stays in the box (nothing
    // the user typed is lost).
    const state = await page.evaluate(() => ({
      ready: document.body.dataset.ready,
      rows: document.querySelectorAll('#compare-view tr.compare-row').length,
      error: document.querySelector('[data-testid="copy-error"]')?.textContent ?? '',
      kept: document.querySelector('#copy-text').value.length,
    }));
    assert.equal(state.ready, 'compare', 'the comparison view is still rendered');
    assert.ok(state.rows > 0, 'its rows are still there');
    assert.match(state.error, /8\.0 MB/, `the refusal names the limit: ${state.error}`);
    assert.equal(state.kept, 6 * Math.ceil((10 * 1024 * 1024) / 18), 'the pasted text is kept in the box');
    assert.equal(await page.locator('[data-testid="copy-loaded"]').count(), loadedBefore, 'the loaded copy is kept');
    await assertInert(page, dialogs, '10 MB paste');
    await assertHealthy(page, watch);
    await page.close();
  });

  it('corrupted stored values are reset with notices, not a crash', async () => {
    const huge = 'x'.repeat(2 * 1024 * 1024);
    await session.context.addInitScript((huge) => {
      if (sessionStorage.getItem('corrupted')) return;
      sessionStorage.setItem('corrupted', '1');
      localStorage.setItem('policy-explorer.lang', '<img src=x onerror=alert(1)>');
      localStorage.setItem('policy-explorer.word-boundaries', '{"v":1,"data":"yes please"}');
      localStorage.setItem('policy-explorer.my-copy', '{"v":1,"data":{"source_name":"x","bytes":1,"doc":"<svg/onload=alert(1)>"}}');
      localStorage.setItem(
        'policy-explorer.user-tours',
        `{"v":1,"data":[{"format":"policy-explorer-tour/1","id":"t","title":{"zh":"x"},"steps":[{"route":"javascript:alert(1)","title":{"zh":"x"},"text":{"zh":"x"}}]}],"pad":"${huge}"}`,
      );
    }, huge);
    const { page, watch } = await openRoute(session.context, target, '/tours', 'tours');
    const dialogs = forbidDialogs(page);
    for (const notice of ['stored-language-reset', 'stored-preference-reset', 'stored-tours-reset', 'stored-copy-reset']) {
      await page.waitForSelector(`[data-notice="${notice}"]`);
    }
    const left = await page.evaluate(() => [
      localStorage.getItem('policy-explorer.lang'),
      localStorage.getItem('policy-explorer.word-boundaries'),
      localStorage.getItem('policy-explorer.user-tours'),
      localStorage.getItem('policy-explorer.my-copy'),
    ]);
    assert.deepEqual(left, [null, null, null, null], 'corrupt values removed');
    assert.match(await page.locator('html').getAttribute('lang'), /^zh/);
    // Reported once: a reload is quiet.
    await page.reload();
    await page.waitForSelector(readySelector('tours'));
    assert.equal(await page.locator('[data-notice]').count(), 0);
    await assertInert(page, dialogs, 'stored values');
    await assertHealthy(page, watch);
    await page.close();
  });

  it('unavailable or full storage means defaults and a notice', async () => {
    const denied = await session.newContext();
    try {
      await denied.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The document is sandboxed', 'SecurityError');
          },
        });
      });
      const { page, watch } = await openRoute(denied, target, '/', 'library');
      await page.waitForSelector('[data-notice="storage-unavailable"]');
      await page.locator('#lang-toggle').click();
      await page.waitForFunction(() => document.documentElement.lang.startsWith('en'));
      await assertHealthy(page, watch);
      await page.close();
    } finally {
      await denied.close();
    }

    await session.context.addInitScript(() => {
      Storage.prototype.setItem = function setItem() {
        throw new DOMException('quota', 'QuotaExceededError');
      };
    });
    const { page, watch } = await openRoute(session.context, target, '/tours', 'tours');
    await page.locator('#tour-file').setInputFiles(tourFile('kept-in-session', [['#/', '说明']]));
    await page.waitForSelector('[data-notice="storage-save-failed"]');
    assert.equal(await page.locator('#tour-list-user [data-tour-id="kept-in-session"]').count(), 1, 'usable this visit');
    await assertHealthy(page, watch);
    await page.close();
  });
});
