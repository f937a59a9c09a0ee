// The single file must work with the network gone: it is opened from
// file:// in a context that is offline, walked through every main view, and
// must not make a single request (every URL except the file itself and
// inline data:/blob: URLs counts). The hosted build may fetch its own files,
// but nothing from any other origin.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, newContext } from '../lib/browser.mjs';
import { servedTarget, singleFileTarget } from '../lib/targets.mjs';
import {
  SEL,
  assertHealthy,
  externalRequests,
  openRoute,
  readySelector,
  routeUrl,
} from '../lib/app.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

describe('offline single file', () => {
  it('makes zero network requests while used, with the network off', async () => {
    const target = singleFileTarget();
    const context = await newContext(browser, { offline: true });
    try {
      const { page, watch } = await openRoute(context, target, '/', 'library');
      await page.locator(`${SEL.libraryRows}[data-doc-id="inner-mongolia"] a`).first().click();
      await page.waitForSelector(readySelector('reader'));
      await page.locator(SEL.langToggle).click();
      await page.waitForFunction(() => document.documentElement.lang.startsWith('en'));
      await page.goto(routeUrl(target, '/doc/sichuan/6.21'));
      await page.waitForSelector(`${SEL.targetUnit}[data-path="6.21"]`);
      await page.goto(routeUrl(target, '/nowhere'));
      await page.waitForSelector(SEL.notFound);
      assert.ok(watch.requests.length >= 1, 'the request monitor saw the page load');
      assert.deepEqual(externalRequests(watch, target), []);
      await assertHealthy(page, watch);
    } finally {
      await context.close();
    }
  });

  it('embeds everything: no external script, stylesheet or wasm reference', async () => {
    const target = singleFileTarget();
    const context = await newContext(browser, { offline: true });
    try {
      const { page } = await openRoute(context, target, '/', 'library');
      const refs = await page.evaluate(() =>
        [...document.querySelectorAll('script[src], link[href], img[src]')]
          .map((el) => el.getAttribute('src') ?? el.getAttribute('href'))
          .filter((url) => !url.startsWith('data:') && !url.startsWith('#')),
      );
      assert.deepEqual(refs, []);
    } finally {
      await context.close();
    }
  });
});

describe('hosted build', () => {
  it('fetches nothing from any other origin', async () => {
    const target = servedTarget();
    const context = await newContext(browser);
    try {
      const { page, watch } = await openRoute(context, target, '/doc/sichuan/6.21', 'reader');
      const origin = new URL(target.url).origin;
      const foreign = watch.requests.filter(
        (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
      );
      assert.deepEqual(foreign, []);
      await assertHealthy(page, watch);
    } finally {
      await context.close();
    }
  });
});
