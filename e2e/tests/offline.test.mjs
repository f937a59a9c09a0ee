// The single file must work with the network gone: it is opened from
// file:// in a context that is offline, walked through every main view, and
// must not make a single request (every URL except the file itself and
// inline data:/blob: URLs counts). The hosted build may fetch its own files,
// but nothing from any other origin.
import { it } from 'node:test';
import assert from 'node:assert/strict';

import { forEachTarget } from '../lib/suite.mjs';
import { servedTarget, singleFileTarget } from '../lib/targets.mjs';
import {
  SEL,
  assertHealthy,
  externalRequests,
  openRoute,
  readySelector,
  routeUrl,
} from '../lib/app.mjs';

forEachTarget('offline', { targets: [singleFileTarget()], context: { offline: true } }, (target, session) => {
  it('makes zero network requests while used, with the network off', async () => {
    const { page, watch } = await openRoute(session.context, target, '/', 'library');
    const footer = await page.locator('.site-footer').innerText();
    assert.match(footer, /无需联网|without a network/, 'the footer says the file works offline');
    assert.doesNotMatch(footer, /从本站加载|load from this site/, 'nothing loads from a site');
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
  });

  it('embeds everything: no external script, stylesheet or wasm reference', async () => {
    const { page } = await openRoute(session.context, target, '/', 'library');
    const refs = await page.evaluate(() =>
      [...document.querySelectorAll('script[src], link[href], img[src]')]
        .map((el) => el.getAttribute('src') ?? el.getAttribute('href'))
        .filter((url) => !url.startsWith('data:') && !url.startsWith('#')),
    );
    assert.deepEqual(refs, []);
  });
});

forEachTarget('other origins', { targets: [servedTarget()] }, (target, session) => {
  it('fetches nothing from any other origin', async () => {
    const { page, watch } = await openRoute(session.context, target, '/doc/sichuan/6.21', 'reader');
    const origin = new URL(target.url).origin;
    const foreign = watch.requests.filter(
      (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
    );
    assert.deepEqual(foreign, []);
    await assertHealthy(page, watch);
  });
});
