// Rough edges a teacher or a web editor hits as a new user: presentation
// mode at 1280×720 (nothing behind the bar or the table header, the diff
// one key away), a matrix cell opening on its own mechanism, witness
// counts that add up, queries with nothing to search for, typed text that
// is not an address, the English interface (names, plurals, notices), and
// term-chart labels readable on a projector. Printing is in print.test.mjs.
import { it } from 'node:test';
import assert from 'node:assert/strict';

import { forEachTarget } from '../lib/suite.mjs';
import { assertHealthy, openRoute, readySelector, screenshot } from '../lib/app.mjs';

const PROJECTOR = { width: 1280, height: 720 };
const CJK = /[\u3400-\u9fff]/;

/** Switches the interface to English and waits for it. */
async function toEnglish(page) {
  await page.locator('#lang-toggle').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

/** The search notices, each with where it comes from. */
async function searchNotices(page) {
  return page.locator('[data-testid="search-notice"]').evaluateAll((items) =>
    items.map((li) => ({ source: li.dataset.source, text: li.textContent })),
  );
}

forEachTarget('rough edges', (target, session) => {
  it('presentation at 1280×720: a long pair is not hidden behind the bar or the header, its diff is one key away', async () => {
    const context = await session.newContext({ viewport: PROJECTOR });
    const { page, watch } = await openRoute(context, target, '/compare/central-2018/sichuan/6.17', 'compare');
    await page.keyboard.press('p');
    await page.waitForSelector('html[data-presenting] #presentation-position');
    assert.equal(await page.locator('[data-present-current]').getAttribute('data-a-path'), '6.17');
    const layout = () =>
      page.evaluate(() => {
        const rect = (el) => {
          const r = el.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom };
        };
        return {
          main: rect(document.querySelector('#main')),
          bar: rect(document.querySelector('#presentation-bar')),
          row: rect(document.querySelector('[data-present-current]')),
          head: rect(document.querySelector('#compare-view thead')),
          diff: rect(document.querySelector('[data-present-current] + .compare-diff-row')),
        };
      });
    let at = await layout();
    assert.ok(at.row.bottom > at.bar.top, 'the pair is longer than one screen (the case under test)');
    // The scrolling box ends where the bar begins: no text runs behind it.
    assert.ok(at.main.bottom <= at.bar.top + 1, `#main ends at ${at.main.bottom}, the bar starts at ${at.bar.top}`);
    assert.ok(at.bar.bottom <= PROJECTOR.height + 1, 'the bar is on screen');
    await screenshot(page, target, 'rough-presentation-pair-1280x720');

    // Scrolled down the pair: the column headings do not cover its text.
    await page.locator('#main').evaluate((main) => main.scrollBy(0, 400));
    at = await layout();
    const visibleHead = Math.min(at.head.bottom, at.main.bottom) - Math.max(at.head.top, at.main.top);
    const overlap = visibleHead > 0 && at.head.bottom > at.row.top && at.head.top < at.row.bottom;
    assert.ok(!overlap, `the header (${at.head.top}–${at.head.bottom}) covers the pair's text`);
    await screenshot(page, target, 'rough-presentation-scrolled-1280x720');

    // The diff: one key (D) or the bar's button brings it to the screen.
    await page.locator('#main').evaluate((main) => main.scrollTo(0, 0));
    assert.ok((await layout()).diff.top >= PROJECTOR.height, 'the diff starts below the first screen');
    assert.ok(await page.locator('#presentation-diff').isVisible(), 'the bar offers the differences');
    await page.keyboard.press('d');
    await page.waitForFunction(() => {
      const diff = document.querySelector('[data-present-current] + .compare-diff-row');
      const bar = document.querySelector('#presentation-bar');
      return diff && diff.getBoundingClientRect().top < bar.getBoundingClientRect().top - 100;
    });
    at = await layout();
    assert.ok(at.diff.top >= at.main.top - 1, 'the diff starts on screen');
    await screenshot(page, target, 'rough-presentation-diff-1280x720');
    await assertHealthy(page, watch);
    await page.close();
  });

  it('a matrix cell opens on the first pair of its own mechanism', async () => {
    const { page, watch } = await openRoute(session.context, target, '/compare', 'compare-overview');
    const cell = page.locator('tr[data-mechanism="compensation"] a.matrix-cell__link').first();
    const href = await cell.getAttribute('href');
    assert.match(href, /\/6\.17(\?|$)/, href);
    await cell.click();
    await page.waitForSelector(readySelector('compare'));
    const selected = page.locator('#compare-view tr.compare-row[aria-current="true"]');
    await selected.waitFor();
    assert.equal(await selected.getAttribute('data-a-path'), '6.17');
    assert.match(await selected.innerText(), /补偿/);
    // No cell of any row opens on the preamble, which only names them all.
    await page.goto(page.url().split('#')[0] + '#/compare');
    await page.waitForSelector(readySelector('compare-overview'));
    const hrefs = await page.locator('a.matrix-cell__link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.length > 10);
    for (const h of hrefs) assert.doesNotMatch(h, /\/0(\?|$)/, h);
    await assertHealthy(page, watch);
    await page.close();
  });

  it('the witness view never counts more learned substitutions than changes', async () => {
    const { page, watch } = await openRoute(session.context, target, '/witnesses/central-2018', 'witnesses');
    await page.waitForSelector('#witness-view[data-engine="ready"] .witness-row__count', { timeout: 60_000 });
    const counts = await page.locator('.witness-row__count').evaluateAll((cells) =>
      cells.map((c) => [c.closest('tr').dataset.path, Number(c.dataset.changes), Number(c.dataset.learned)]),
    );
    assert.ok(counts.length > 20, `${counts.length} rows`);
    const wrong = counts.filter(([, changes, learned]) => learned > changes);
    assert.deepEqual(wrong, [], 'rows with more learned substitutions than changes');
    const learned = counts.reduce((n, [, , l]) => n + l, 0);
    assert.ok(learned > 100, `${learned} learned substitutions found at all`);
    await assertHealthy(page, watch);
    await page.close();
  });

  it('a query with nothing to search for says so instead of listing every unit as a match', async () => {
    for (const q of ['-', '""', '- ""']) {
      // A fresh context each time: the English switch below is remembered.
      const context = await session.newContext();
      const { page, watch } = await openRoute(context, target, `/search?q=${encodeURIComponent(q)}`, 'search');
      await page.waitForSelector('#search-total');
      const notices = await searchNotices(page);
      const query = notices.filter((n) => n.source === 'query');
      assert.equal(query.length, 1, `${q}: ${JSON.stringify(notices)}`);
      assert.ok(query[0].text.includes(q), query[0].text);
      assert.match(query[0].text, /没有可检索的词/);
      assert.ok(!notices.some((n) => n.source === 'address'), 'not an address problem');
      await toEnglish(page);
      const english = (await searchNotices(page)).find((n) => n.source === 'query');
      assert.match(english.text, /nothing was searched/);
      await assertHealthy(page, watch);
      await page.close();
    }
  });

  it('text typed in the search box is not reported as an address parameter', async () => {
    const { page, watch } = await openRoute(session.context, target, '/search', 'search');
    await page.waitForSelector('#search-total');
    await page.locator('#search-query').fill('<b>');
    await page.waitForFunction(() => document.querySelector('[data-testid="search-notice"]'));
    await page.waitForTimeout(400); // past the typing debounce: the URL is written
    const notices = await searchNotices(page);
    assert.deepEqual(
      notices.filter((n) => n.source === 'address'),
      [],
      'a typed query is not an address parameter',
    );
    assert.equal(notices.filter((n) => n.source === 'box').length, 1, JSON.stringify(notices));
    assert.doesNotMatch(notices.map((n) => n.text).join(' '), /地址/);
    assert.equal(await page.locator('#search-query').inputValue(), '<b>', 'the box keeps what was typed');
    assert.doesNotMatch(page.url(), /%3C|%3E|</i, 'the address carries no markup characters');
    // The same characters in a real address are still an address notice.
    await page.goto(page.url().split('#')[0] + '#/search?q=%3Cb%3E');
    await page.waitForFunction(() => document.querySelector('[data-testid="search-notice"][data-source="address"]'));
    await assertHealthy(page, watch);
    await page.close();
  });

  it('the English interface names every column, counts in English and words each notice once', async () => {
    const { page, watch } = await openRoute(session.context, target, '/compare', 'compare-overview');
    await toEnglish(page);
    const heads = await page.locator('.matrix thead th').allInnerTexts();
    assert.equal(heads.length, 4, JSON.stringify(heads));
    for (const head of heads) assert.doesNotMatch(head, CJK, `untranslated column “${head}”`);
    const mechanisms = await page.locator('.matrix tbody th').allInnerTexts();
    for (const name of mechanisms) assert.doesNotMatch(name, CJK, name);

    await page.goto(page.url().split('#')[0] + '#/witnesses/central-2018');
    await page.waitForSelector('#witness-view[data-engine="ready"] .witness-row__count', { timeout: 60_000 });
    const counts = await page.locator('.witness-row__count').allInnerTexts();
    assert.ok(counts.some((c) => /^1 change,/.test(c)), 'a single change is “1 change”');
    for (const text of counts) assert.doesNotMatch(text, /\b1 changes\b|\b1 of them substitutions\b/, text);

    await page.goto(page.url().split('#')[0] + '#/search?q=%3Cb%3E&zz=1');
    await page.waitForSelector('[data-testid="search-notice"]');
    const notices = await page.locator('[data-testid="search-notice"]').allInnerTexts();
    assert.equal(notices.length, 2, JSON.stringify(notices));
    for (const text of notices) {
      assert.equal(text.match(/ignored/gi)?.length, 1, `“${text}” says “ignored” once`);
      assert.doesNotMatch(text, CJK, text);
    }
    await assertHealthy(page, watch);
    await page.close();
  });

  it('term-chart labels are readable (≥ 14 px), larger when presenting, and stay inside the chart', async () => {
    const { page, watch } = await openRoute(session.context, target, `/search?q=${encodeURIComponent('生态补偿')}`, 'search');
    await page.waitForSelector('#term-chart svg rect', { timeout: 30_000 });
    const measure = () =>
      page.evaluate(() => {
        const chart = document.querySelector('#term-chart');
        const box = chart.getBoundingClientRect();
        const labels = [...chart.querySelectorAll('.term-chart__term, .term-chart__count, .term-chart__group')];
        return {
          sizes: labels.map((el) => parseFloat(getComputedStyle(el).fontSize)),
          // Rendered height of the glyphs: what a reader at the back sees.
          heights: [...chart.querySelectorAll('.term-chart__term')].map((el) => el.getBoundingClientRect().height),
          outside: labels.filter((el) => {
            const r = el.getBoundingClientRect();
            return r.left < box.left - 1 || r.right > box.right + 1;
          }).length,
          overflow: chart.scrollWidth - chart.clientWidth,
        };
      });
    const normal = await measure();
    assert.ok(normal.sizes.length > 5);
    assert.ok(Math.min(...normal.sizes) >= 14, `label sizes ${normal.sizes}`);
    assert.ok(Math.min(...normal.heights) >= 14, `label heights ${normal.heights}`);
    assert.equal(normal.outside, 0, 'labels outside the chart');
    assert.ok(normal.overflow <= 0, `chart overflows by ${normal.overflow}px`);
    await page.locator('#term-chart').scrollIntoViewIfNeeded();
    await screenshot(page, target, 'rough-term-chart');
    await page.keyboard.press('p');
    await page.waitForSelector('html[data-presenting] #presentation-position');
    const presenting = await measure();
    assert.ok(Math.min(...presenting.sizes) > Math.min(...normal.sizes), `presenting: ${presenting.sizes}`);
    await assertHealthy(page, watch);
    await page.close();
  });
});
