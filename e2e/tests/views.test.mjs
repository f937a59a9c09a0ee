// The main views, against both delivery forms: the hosted build over HTTP and
// the single file over file://. Screenshots of each view go to
// e2e/artifacts/<target>/ (looked at by people, copied to docs/screenshots/
// by `cargo xtask e2e --update-screenshots`).
import { it } from 'node:test';
import assert from 'node:assert/strict';

import { PHONE } from '../lib/browser.mjs';
import { forEachTarget } from '../lib/suite.mjs';
import {
  DOCUMENT_IDS,
  SEL,
  assertHealthy,
  openRoute,
  readySelector,
  screenshot,
} from '../lib/app.mjs';

forEachTarget('views', (target, session) => {
  it('library lists the four documents', async () => {
    const { page, watch } = await openRoute(session.context, target, '/', 'library');
    const ids = await page.locator(SEL.libraryRows).evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('data-doc-id')),
    );
    assert.deepEqual([...ids].sort(), [...DOCUMENT_IDS].sort());
    assert.match(await page.locator('html').getAttribute('lang'), /^zh/);
    await screenshot(page, target, 'library');
    await assertHealthy(page, watch);
    await page.close();
  });

  it('opens a document from the library', async () => {
    const { page, watch } = await openRoute(session.context, target, '/', 'library');
    await page.locator(`${SEL.libraryRows}[data-doc-id="sichuan"] a`).first().click();
    await page.waitForSelector(readySelector('reader'));
    assert.equal(await page.locator(SEL.reader).getAttribute('data-doc-id'), 'sichuan');
    assert.ok((await page.locator('[data-path]').count()) > 0, 'the reader shows the units');
    await screenshot(page, target, 'reader');
    await assertHealthy(page, watch);
    await page.close();
  });

  it('a unit permalink shows, highlights and scrolls to that unit', async () => {
    const { page, watch } = await openRoute(session.context, target, '/doc/sichuan/6.21', 'reader');
    assert.equal(await page.locator(SEL.reader).getAttribute('data-doc-id'), 'sichuan');
    const highlighted = page.locator(SEL.targetUnit);
    assert.equal(await highlighted.count(), 1, 'exactly one highlighted unit');
    assert.equal(await highlighted.getAttribute('data-path'), '6.21');
    assert.ok(await highlighted.getAttribute('aria-current'), 'aria-current on the target');
    await page.waitForFunction(
      (selector) => {
        const box = document.querySelector(selector)?.getBoundingClientRect();
        return box && box.top >= 0 && box.top < window.innerHeight && box.height > 0;
      },
      SEL.targetUnit,
      { timeout: 5_000 },
    );
    await screenshot(page, target, 'reader-highlight');
    await assertHealthy(page, watch);
    await page.close();
  });

  it('the English toggle switches the interface and <html lang>', async () => {
    const { page, watch } = await openRoute(session.context, target, '/', 'library');
    const heading = await page.locator('h1').first().innerText();
    await page.locator(SEL.langToggle).click();
    await page.waitForFunction(() => document.documentElement.lang.startsWith('en'));
    const englishHeading = await page.locator('h1').first().innerText();
    assert.notEqual(englishHeading, heading, 'the heading is translated');
    assert.match(englishHeading, /[A-Za-z]/);
    assert.equal(await page.locator(SEL.libraryRows).count(), DOCUMENT_IDS.length);
    await screenshot(page, target, 'english');
    // The choice is a stored preference: a reload keeps English.
    await page.reload();
    await page.waitForSelector(readySelector('library'));
    assert.match(await page.locator('html').getAttribute('lang'), /^en/);
    await page.locator(SEL.langToggle).click();
    await page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
    await assertHealthy(page, watch);
    await page.close();
  });

  for (const bogus of ['/no/such/route', '/doc/no-such-document', '/doc/sichuan/99.99']) {
    it(`a bogus route (${bogus}) shows not-found with a way back`, async () => {
      const { page, watch } = await openRoute(session.context, target, bogus, 'not-found');
      await page.locator(SEL.notFound).waitFor();
      const back = page.locator(`${SEL.notFound} a[href="#/"]`);
      assert.ok((await back.count()) >= 1, 'a link back to #/');
      if (bogus === '/no/such/route') await screenshot(page, target, 'not-found');
      await back.first().click();
      await page.waitForSelector(readySelector('library'));
      await assertHealthy(page, watch);
      await page.close();
    });
  }

  it('fits a phone screen (390 px) without horizontal scrolling', async () => {
    const phone = await session.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    for (const [route, view, shot] of [
      ['/', 'library', 'phone-library'],
      ['/doc/sichuan/6.21', 'reader', 'phone-reader'],
    ]) {
      const { page, watch } = await openRoute(phone, target, route, view);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      assert.ok(overflow <= 1, `${route}: page is ${overflow}px wider than the phone`);
      await screenshot(page, target, shot);
      await assertHealthy(page, watch);
      await page.close();
    }
  });
});
