// Search over a large user library (src/components/search_term_chart.rs,
// search_facets.rs, the term counts in src/views/search.rs), against both
// delivery forms: 100 library documents are written to the library's store
// as the app stores them, then a search deep link is opened. The document
// facet lists 30 options until "show all"; the term chart shows 20 groups
// and grows on request; with more than a thousand hits the chart's counts
// are made after the results are shown (the chart is busy meanwhile) and
// then appear.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { forEachTarget } from '../lib/suite.mjs';
import { assertHealthy, openRoute, routeUrl, screenshot } from '../lib/app.mjs';
import { libraryRecords, seedLibrary } from '../lib/library-store.mjs';

const DOCUMENTS = 100;
const QUERY = '区域协调';

forEachTarget('search over a large library', (target, session) => {
  it('long facets and the term chart come in pages; a large result set is counted after it shows', async () => {
    const { page, watch } = await openRoute(session.context, target, '/', 'library');
    await seedLibrary(page, await libraryRecords(DOCUMENTS, 'large'));
    await page.goto('about:blank');
    await page.goto(routeUrl(target, `/search?q=${encodeURIComponent(QUERY)}`));
    await page.waitForFunction(
      (n) => {
        const view = document.querySelector('#search-view[data-index-cached][data-engine-ms]');
        return view && Number(view.dataset.indexCached) + Number(view.dataset.indexBuilt) === n
          && view.querySelector('.search-screen');
      },
      DOCUMENTS,
      { timeout: 120_000, polling: 100 },
    );
    const total = Number((await page.locator('#search-total').textContent()).match(/[\d,]+/)[0].replace(/,/g, ''));
    assert.ok(total > 1000, `enough hits to be counted later: ${total}`);

    // Such a result set is rendered in stages (first hits, the rest of the
    // page, the facets), each on its own task; they all complete.
    await page.waitForFunction(
      () => document.querySelectorAll('#search-results .hit').length === 100
        && document.querySelectorAll('[data-facet="doc"] [data-value]').length === 30
        && document.querySelectorAll('[data-facet="mechanism"] [data-value]').length > 0,
      null,
      { timeout: 30_000, polling: 100 },
    );
    assert.match(await page.locator('.search-results__more').textContent(), new RegExp(`100\\D[^]*${total}`));

    // The chart's counts arrive after the results, and the busy mark goes.
    await page.waitForSelector('#term-chart:not([aria-busy]) .term-chart__group-item', { timeout: 60_000 });
    assert.equal(await page.locator('.term-chart__group-item').count(), 20);
    await page.locator('#term-chart-more').click();
    await page.waitForFunction(() => document.querySelectorAll('.term-chart__group-item').length === 40);
    await page.locator('#term-chart-more').scrollIntoViewIfNeeded();
    await screenshot(page, target, 'search-large-library-chart');

    // The document facet: 30 options, then all of them.
    const docs = DOCUMENTS + 4;
    const options = page.locator('[data-facet="doc"] [data-value]');
    assert.equal(await options.count(), 30);
    const showAll = page.locator('[data-facet-more="doc"]');
    await showAll.scrollIntoViewIfNeeded();
    await screenshot(page, target, 'search-large-library-facet');
    // Beside long titles, every count stays on one line (18, not 1 over 8).
    const brokenCounts = await page.evaluate(() =>
      [...document.querySelectorAll('[data-facet="doc"] .facet-count')]
        .filter((count) => count.getClientRects().length !== 1
          || count.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(count).fontSize))
        .map((count) => count.textContent));
    assert.deepEqual(brokenCounts, [], 'facet counts broken over lines');
    assert.match(await showAll.textContent(), new RegExp(String(docs)));
    await showAll.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-facet="doc"] [data-value]').length === n, docs);
    await page.locator('[data-facet="doc"] [data-value="mine-large-99"]').click();
    await page.waitForSelector('[data-facet="doc"] [data-value="mine-large-99"][aria-pressed="true"]');
    await page.waitForSelector('#term-chart:not([aria-busy]) .term-chart__group-item');
    await assertHealthy(page, watch);
  });
});
