// Classroom features: presentation mode on a projector and a 4K
// screen, and guided tours (built-in and loaded from a file, persisted).
// Screenshots: e2e/artifacts/<target>/presentation-*.png, tour-*.png.
import { it } from 'node:test';
import assert from 'node:assert/strict';

import { forEachTarget } from '../lib/suite.mjs';
import { assertHealthy, openRoute, readySelector, screenshot } from '../lib/app.mjs';
import { tourFile } from '../lib/tours.mjs';

const PROJECTOR = { width: 1280, height: 720 };
const UHD = { width: 3840, height: 2160 };

const P = {
  toggle: '#presentation-toggle',
  position: '#presentation-position',
  current: '[data-present-current]',
};

/** "7 / 33" → [7, 33] */
async function position(page) {
  const text = (await page.locator(`${P.position} [aria-hidden="true"]`).innerText()).trim();
  const match = text.match(/^(\d+) \/ (\d+)$/);
  assert.ok(match, `position reads "${text}"`);
  return [Number(match[1]), Number(match[2])];
}

/** Items that take up space on screen (the others are display:none). */
async function visibleCount(page, selector) {
  return page.locator(selector).evaluateAll(
    (els) => els.filter((el) => el.getClientRects().length > 0).length,
  );
}

forEachTarget('classroom', { context: { viewport: PROJECTOR } }, (target, session) => {
  it('presentation mode shows one unit at a time on a 1280×720 projector', async () => {
    const { page, watch } = await openRoute(session.context, target, '/doc/sichuan/6.21', 'reader');
    const units = await page.locator('#reader .unit[data-path]').count();
    assert.ok(await page.locator('.site-header').isVisible());
    await page.keyboard.press('p');
    await page.waitForSelector(`html[data-presenting] ${P.position}`);
    const [at, total] = await position(page);
    assert.equal(total, units, 'the position counts the document’s units');
    assert.equal(await page.locator(P.current).getAttribute('data-path'), '6.21', 'starts at the permalinked unit');
    assert.equal(await visibleCount(page, '#reader .unit[data-path]'), 1, 'exactly one unit shows');
    assert.equal(await page.locator('.site-header').isVisible(), false, 'chrome hidden');
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    assert.ok(fontSize >= 24, `large type (${fontSize}px)`);
    await screenshot(page, target, 'presentation-1280x720');

    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((n) => document.querySelector('#presentation-position')?.dataset.index === String(n), at + 1);
    assert.notEqual(await page.locator(P.current).getAttribute('data-path'), '6.21');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((n) => document.querySelector('#presentation-position')?.dataset.index === String(n), at);
    await page.locator('#presentation-next').click();
    assert.deepEqual(await position(page), [at + 1, total]);
    await page.keyboard.press('Home');
    assert.deepEqual(await position(page), [1, total]);
    await page.keyboard.press('ArrowLeft');
    assert.deepEqual(await position(page), [1, total], 'no wrap-around before the first');

    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.documentElement.hasAttribute('data-presenting'));
    assert.ok(await page.locator('.site-header').isVisible(), 'chrome back after Esc');
    assert.equal(await page.locator(P.current).count(), 0, 'marks removed');
    assert.ok((await visibleCount(page, '#reader .unit[data-path]')) > 1);
    await assertHealthy(page, watch);
    await page.close();
  });

  it('presentation mode scales to a 4K screen', async () => {
    const uhd = await session.newContext({ viewport: UHD });
    const { page, watch } = await openRoute(uhd, target, '/doc/sichuan/6.21', 'reader');
    await page.locator(P.toggle).click();
    await page.waitForSelector(`html[data-presenting] ${P.position}`);
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    assert.ok(fontSize >= 70, `type scales with the screen (${fontSize}px)`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal scrolling (${overflow}px)`);
    const bar = await page.locator('#presentation-bar').boundingBox();
    assert.ok(bar && bar.y + bar.height <= UHD.height + 1, 'controls on screen');
    await screenshot(page, target, 'presentation-3840x2160');
    await assertHealthy(page, watch);
    await page.close();
  });

  it('presentation mode steps through search hits', async () => {
    const { page, watch } = await openRoute(session.context, target, `/search?q=${encodeURIComponent('生态补偿')}`, 'search');
    const hits = '#search-results [data-hit-doc][data-hit-path]';
    await page.waitForSelector(hits, { timeout: 30_000 });
    const count = await page.locator(hits).count();
    await page.keyboard.press('p');
    await page.waitForSelector(`html[data-presenting] ${P.position}`);
    assert.deepEqual(await position(page), [1, count]);
    assert.equal(await visibleCount(page, hits), 1, 'one hit at a time');
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await position(page), [2, count]);
    await screenshot(page, target, 'presentation-search');
    await page.locator('#presentation-exit').click();
    await page.waitForFunction(() => !document.documentElement.hasAttribute('data-presenting'));
    await assertHealthy(page, watch);
    await page.close();
  });

  it('presentation mode steps through aligned pairs, starting at the selected one', async () => {
    const { page, watch } = await openRoute(session.context, target, '/compare/sichuan/central-2018/6.21', 'compare');
    const rows = '#compare-view tr.compare-row';
    const count = await page.locator(rows).count();
    await page.keyboard.press('p');
    await page.waitForSelector(`html[data-presenting] ${P.position}`);
    const [at, total] = await position(page);
    assert.equal(total, count, 'every aligned pair is a step');
    assert.equal(await page.locator(P.current).getAttribute('data-a-path'), '6.21', 'starts at the selected pair');
    assert.equal(await visibleCount(page, rows), 1, 'one pair at a time');
    await screenshot(page, target, 'presentation-compare');
    await page.keyboard.press('ArrowRight');
    assert.deepEqual(await position(page), [at + 1, total]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.documentElement.hasAttribute('data-presenting'));
    await assertHealthy(page, watch);
    await page.close();
  });

  it('a built-in tour steps through its routes with an overlay', async () => {
    const { page, watch } = await openRoute(session.context, target, '/tours', 'tours');
    const ids = await page.locator('#tour-list-built-in [data-tour-id]').evaluateAll((els) =>
      els.map((el) => el.dataset.tourId),
    );
    assert.deepEqual([...ids].sort(), ['from-2016-to-2018', 'sichuan-localization', 'spot-the-rewording']);
    await page.locator('[data-tour-id="spot-the-rewording"] .tour-list__start').click();
    await page.waitForSelector('#tour-overlay');
    await page.waitForFunction(() => window.location.hash === '#/doc/central-2018/2.4');
    await page.waitForSelector(readySelector('reader'));
    assert.equal((await page.locator('#tour-position [aria-hidden="true"]').innerText()).trim(), '1 / 4');
    assert.match(await page.locator('#tour-overlay-title').innerText(), /忠实文本/);
    await screenshot(page, target, 'tour-overlay');
    await page.locator('#tour-next').click();
    await page.waitForFunction(() => window.location.hash === '#/doc/central-2018/6.17');
    assert.equal((await page.locator('#tour-position [aria-hidden="true"]').innerText()).trim(), '2 / 4');
    await page.locator('#tour-next').click();
    await page.waitForFunction(() => window.location.hash === '#/witnesses/central-2018');
    await page.waitForSelector(readySelector('witnesses'));
    assert.equal((await page.locator('#tour-position [aria-hidden="true"]').innerText()).trim(), '3 / 4');
    await page.locator('#tour-next').click();
    await page.waitForFunction(() => window.location.hash.startsWith('#/search?q='));
    assert.ok(await page.locator('#tour-next').isDisabled(), 'no step after the last');
    await page.locator('#tour-prev').click();
    await page.waitForFunction(() => window.location.hash === '#/witnesses/central-2018');
    await page.locator('#tour-close').click();
    assert.equal(await page.locator('#tour-overlay').count(), 0);
    await assertHealthy(page, watch);
    await page.close();
  });

  it('a teacher’s tour file loads, survives a reload and may lead to a missing page', async () => {
    const { page, watch } = await openRoute(session.context, target, '/tours', 'tours');
    await page.locator('#tour-file').setInputFiles(
      tourFile('class-7', [
        ['#/doc/sichuan/6.21', '第一步'],
        ['#/doc/no-such-document', '这一步的页面不存在'],
      ]),
    );
    await page.waitForSelector('#tour-load-status');
    await page.waitForSelector('#tour-list-user [data-tour-id="class-7"]');
    await page.reload();
    await page.waitForSelector(readySelector('tours'));
    await page.waitForSelector('#tour-list-user [data-tour-id="class-7"]');
    await page.locator('[data-tour-id="class-7"] .tour-list__start').click();
    await page.waitForSelector(readySelector('reader'));
    await page.locator('#tour-next').click();
    await page.waitForSelector(readySelector('not-found'));
    assert.ok(await page.locator('#tour-overlay').isVisible(), 'the overlay stays on a not-found page');
    assert.equal((await page.locator('#tour-position [aria-hidden="true"]').innerText()).trim(), '2 / 2');
    await page.locator('#tour-close').click();
    await page.goto(page.url().split('#')[0] + '#/tours');
    await page.waitForSelector(readySelector('tours'));
    await page.locator('[data-tour-id="class-7"] .tour-list__remove').click();
    await page.waitForSelector('#tour-list-user-empty');
    await page.reload();
    await page.waitForSelector(readySelector('tours'));
    assert.equal(await page.locator('#tour-list-user-empty').count(), 1, 'removal persisted');
    await assertHealthy(page, watch);
    await page.close();
  });

  it('the English interface names the classroom controls in English', async () => {
    const { page, watch } = await openRoute(session.context, target, '/tours', 'tours');
    await page.locator('#lang-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang.startsWith('en'));
    await page.locator('[data-tour-id="sichuan-localization"] .tour-list__start').click();
    await page.waitForSelector('#tour-overlay');
    await page.keyboard.press('p');
    await page.waitForSelector(`html[data-presenting] ${P.position}`);
    // Everything but corpus text (marked lang="zh-CN") must be free of Chinese.
    const chinese = await page.evaluate(() => {
      const found = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || el.closest('[lang^="zh"]') || el.closest('[hidden]')) continue;
        if (!el.checkVisibility({ visibilityProperty: true })) continue;
        if (/[\u4e00-\u9fff]/.test(node.textContent)) found.push(node.textContent.trim().slice(0, 40));
      }
      return found;
    });
    const overlayChinese = chinese.filter(Boolean);
    await screenshot(page, target, 'presentation-english');
    assert.deepEqual(overlayChinese, [], 'Chinese outside corpus text in the English UI');
    await assertHealthy(page, watch);
    await page.close();
  });
});
