// Search against both delivery forms: typing a query, Traditional =
// Simplified, filters with live counts, a hostile URL, export downloads, the
// reader's keyword highlight and word-boundary toggle. Screenshots go to
// e2e/artifacts/<target>/search-*.png. The engine build time and query
// latency measured in the page are printed (they are not asserted: this is
// a shared 2-core machine).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';

import { PHONE } from '../lib/browser.mjs';
import { forEachTarget } from '../lib/suite.mjs';
import { assertHealthy, openRoute, readySelector, routeUrl, screenshot } from '../lib/app.mjs';

const SIMPLIFIED = '横向生态补偿';
const TRADITIONAL = '橫向生態補償';

const S = {
  query: '#search-query',
  total: '#search-total',
  hits: '#search-results [data-hit-doc][data-hit-path]',
  notice: '[data-testid="search-notice"]',
  facet: (facet, value) => `[data-facet="${facet}"] [data-value="${value}"]`,
};

/** The canonical query string `to_search_url` writes for a query. */
function searchHash(query) {
  return `#/search?q=${encodeURIComponent(query)}`;
}

async function openSearch(context, target, hash = '#/search') {
  return openRoute(context, target, hash.slice(1), 'search');
}

/** The number at the start of "#search-total" ("共 12 个条目…" / "12 units…"). */
async function total(page) {
  const text = await page.locator(S.total).innerText();
  const match = text.match(/\d+/);
  assert.ok(match, `no count in "${text}"`);
  return Number(match[0]);
}

async function hitKeys(page) {
  return page
    .locator(S.hits)
    .evaluateAll((items) =>
      items.map((el) => `${el.getAttribute('data-hit-doc')}/${el.getAttribute('data-hit-path')}`),
    );
}

/** Wait until the hash equals `hash` (the view writes it after a debounce). */
async function waitForHash(page, hash) {
  await page.waitForFunction((h) => window.location.hash === h, hash, { timeout: 10_000 });
}

async function timings(page) {
  return page.evaluate(() => ({
    engineMs: Number(document.querySelector('#search-view')?.getAttribute('data-engine-ms')),
    searchMs: Number(document.querySelector('.search-screen')?.getAttribute('data-search-ms')),
  }));
}

forEachTarget('search', { context: { acceptDownloads: true } }, (target, session) => {
  it('a typed query finds hits, writes the canonical URL, and the permalink round-trips', async () => {
    const { page, watch } = await openSearch(session.context, target);
    const { engineMs } = await timings(page);
    await page.locator(S.query).fill(SIMPLIFIED);
    await waitForHash(page, searchHash(SIMPLIFIED));
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, S.hits);
    const count = await total(page);
    assert.ok(count > 0, 'the query has hits');
    assert.ok((await page.locator(`${S.hits} mark`).count()) > 0, 'keywords are marked');
    const marked = await page.locator(`${S.hits} mark`).first().innerText();
    assert.ok(SIMPLIFIED.includes(marked) || marked.includes('补偿'), `marked "${marked}"`);
    const keys = await hitKeys(page);
    const { searchMs } = await timings(page);
    console.log(`# ${target.name}: engine build ${engineMs} ms, query "${SIMPLIFIED}" ${searchMs} ms, ${count} hits`);
    await screenshot(page, target, 'search');

    // Reload the permalink: same screen.
    await page.reload();
    await page.waitForSelector(readySelector('search'));
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, S.hits);
    assert.equal(await page.locator(S.query).inputValue(), SIMPLIFIED);
    assert.equal(await total(page), count);
    assert.deepEqual(await hitKeys(page), keys);
    assert.equal(await page.evaluate(() => window.location.hash), searchHash(SIMPLIFIED));

    // Follow a hit into the reader: the unit is the target, the terms marked.
    const first = page.locator(S.hits).first();
    const path = await first.getAttribute('data-hit-path');
    await first.locator('a.hit__link').click();
    await page.waitForSelector(readySelector('reader'));
    await page.waitForSelector(`.unit--target[data-path="${path}"] mark.reader-match`);
    await screenshot(page, target, 'search-reader-highlight');
    // Back returns to the same search.
    await page.goBack();
    await page.waitForSelector(readySelector('search'));
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, S.hits);
    assert.equal(await total(page), count);
    await assertHealthy(page, watch);
    await page.close();
  });

  it('answers each query with the right units (timings printed, not asserted)', async () => {
    const { page, watch } = await openSearch(session.context, target);
    const { engineMs } = await timings(page);
    const queries = ['生态', '补偿', '区域协调发展', '协调发', '"一带一路"', '补偿 -生态', TRADITIONAL, SIMPLIFIED, '基本公共服务均等化'];
    const times = [];
    const results = {};
    for (const query of queries) {
      await page.evaluate((h) => { window.location.hash = h; }, searchHash(query));
      await page.waitForFunction(
        (q) => document.querySelector('#search-query')?.value === q,
        query,
      );
      await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 0, S.hits);
      const keys = await hitKeys(page);
      // Every match is listed (the corpus is small), so sets can be compared.
      assert.equal(keys.length, await total(page), `${query}: all hits listed`);
      const texts = await page.locator(S.hits).evaluateAll((items) => items.map((el) => el.innerText));
      const marks = await page
        .locator(S.hits)
        .evaluateAll((items) => items.map((el) => [...el.querySelectorAll('mark')].map((m) => m.textContent).join('')));
      results[query] = { keys: new Set(keys), texts, marks };
      times.push((await timings(page)).searchMs);
    }
    // Every hit shows a highlighted match; a one-word query and a quoted
    // phrase show that very word or phrase.
    for (const query of queries) {
      for (const text of results[query].marks) assert.ok(text.length > 0, `${query}: a hit without a match shown`);
    }
    for (const [query, needle] of [['生态', '生态'], ['"一带一路"', '一带一路']]) {
      for (const text of results[query].texts) assert.ok(text.includes(needle), `${query}: hit without ${needle}: ${text}`);
    }
    // An exclusion removes exactly the units with the excluded word.
    const withoutEcology = results['补偿 -生态'].keys;
    for (const key of withoutEcology) {
      assert.ok(results['补偿'].keys.has(key), `${key} matches 补偿`);
      assert.ok(!results['生态'].keys.has(key), `${key} must not contain 生态`);
    }
    for (const key of results['补偿'].keys) {
      if (!results['生态'].keys.has(key)) assert.ok(withoutEcology.has(key), `${key} kept by 补偿 -生态`);
    }
    // Traditional and Simplified spellings find the same units.
    assert.deepEqual([...results[TRADITIONAL].keys], [...results[SIMPLIFIED].keys]);
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(
      `# ${target.name}: engine build ${engineMs} ms; search per query (ms) ${times.join(', ')}; median ${median}, max ${sorted.at(-1)}`,
    );
    await assertHealthy(page, watch);
    await page.close();
  });

  it('Traditional and Simplified queries give identical results', async () => {
    const results = [];
    for (const query of [SIMPLIFIED, TRADITIONAL]) {
      const { page, watch } = await openSearch(session.context, target, searchHash(query));
      await page.waitForSelector(S.total);
      results.push({ total: await total(page), keys: await hitKeys(page) });
      await assertHealthy(page, watch);
      await page.close();
    }
    assert.ok(results[0].total > 0);
    assert.deepEqual(results[1], results[0]);
  });

  it('region and mechanism filters narrow the list and counts follow', async () => {
    const { page, watch } = await openSearch(session.context, target, searchHash('补偿'));
    const all = await total(page);
    const sichuan = page.locator(S.facet('region', 'sichuan'));
    const predicted = Number(await sichuan.locator('.facet-count').innerText());
    assert.ok(predicted > 0 && predicted <= all, `sichuan count ${predicted} of ${all}`);
    const mechanismCountsBefore = await page
      .locator('[data-facet="mechanism"] .facet-count')
      .allInnerTexts();

    await sichuan.click();
    await waitForHash(page, `${searchHash('补偿')}&region=sichuan`);
    await page.waitForFunction(
      ([sel, n]) => (document.querySelector(sel)?.innerText.match(/\d+/) ?? [])[0] === String(n),
      [S.total, predicted],
    );
    assert.equal(await sichuan.getAttribute('aria-pressed'), 'true');
    const mechanismCountsAfter = await page
      .locator('[data-facet="mechanism"] .facet-count')
      .allInnerTexts();
    assert.notDeepEqual(mechanismCountsAfter, mechanismCountsBefore, 'mechanism counts updated');
    // Every hit says how it met the region filter.
    const badges = await page.locator(`${S.hits} [data-region-match]`).count();
    assert.ok(badges >= Math.min(predicted, 100), 'issued by / mentions on each hit');

    // Then the mechanism with the most hits in Sichuan.
    const mechanisms = await page
      .locator('[data-facet="mechanism"] [data-value]')
      .evaluateAll((buttons) =>
        buttons.map((b) => ({
          value: b.getAttribute('data-value'),
          count: Number(b.querySelector('.facet-count').textContent),
        })),
      );
    const best = mechanisms.sort((a, b) => b.count - a.count)[0];
    assert.ok(best.count > 0 && best.count <= predicted);
    await page.locator(S.facet('mechanism', best.value)).click();
    await waitForHash(page, `${searchHash('补偿')}&region=sichuan&mechanism=${best.value}`);
    await page.waitForFunction(
      ([sel, n]) => (document.querySelector(sel)?.innerText.match(/\d+/) ?? [])[0] === String(n),
      [S.total, best.count],
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, target, 'search-filtered');

    // Back undoes one filter click at a time.
    await page.goBack();
    await waitForHash(page, `${searchHash('补偿')}&region=sichuan`);
    await page.waitForFunction(
      ([sel, n]) => (document.querySelector(sel)?.innerText.match(/\d+/) ?? [])[0] === String(n),
      [S.total, predicted],
    );
    await assertHealthy(page, watch);
    await page.close();
  });

  it('browses by mechanism with an empty query, and explains an empty list', async () => {
    const { page, watch } = await openSearch(session.context, target, '#/search?mechanism=compensation');
    assert.ok((await total(page)) > 0, 'filters work without a query');
    await assertHealthy(page, watch);
    await page.close();
    const empty = await openSearch(
      session.context,
      target,
      `${searchHash('补偿')}&doc=ndrc-2016&year=2018`,
    );
    const explanation = empty.page.locator('[data-testid="search-no-results"]');
    await explanation.waitFor();
    assert.match(await explanation.innerText(), /年份|Year|文件|Document/);
    assert.equal(await total(empty.page), 0);
    await assertHealthy(empty.page, empty.watch);
    await empty.page.close();
  });

  it('a hostile URL renders as inert text with a visible notice', async () => {
    const page = await session.context.newPage();
    const dialogs = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(routeUrl(target, '/search?q=<img src=x onerror=alert(1)>&region=<script>alert(2)</script>&evil=1'));
    await page.waitForSelector(readySelector('search'));
    const notices = page.locator(S.notice);
    await notices.first().waitFor();
    assert.ok((await notices.count()) >= 3, 'q, region and evil are each reported');
    const text = (await notices.allInnerTexts()).join('\n');
    assert.match(text, /q/);
    assert.match(text, /evil/);
    assert.equal(await page.locator('#search-view img, #search-view script').count(), 0);
    assert.equal(await page.locator(S.query).inputValue(), '', 'the hostile query was not accepted');
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, [], 'no script ran');
    assert.deepEqual(errors, []);
    await screenshot(page, target, 'search-hostile');
    await page.close();
  });

  it('exports the current results as CSV and JSON downloads', async () => {
    const { page, watch } = await openSearch(session.context, target, `${searchHash('补偿')}&region=sichuan`);
    const count = await total(page);
    assert.ok(count > 0);
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#export-csv').click(),
    ]);
    assert.match(csvDownload.suggestedFilename(), /\.csv$/);
    const csv = await fs.readFile(await csvDownload.path(), 'utf8');
    assert.ok(
      csv.replace(/^\uFEFF/, '').startsWith('doc,title,path,heading,score,region_match,mechanisms,snippet,text'),
      csv.slice(0, 120),
    );
    assert.match(csv, /【[^】]+】/, 'snippets mark the matches');
    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#export-json').click(),
    ]);
    assert.match(jsonDownload.suggestedFilename(), /\.json$/);
    const json = JSON.parse(await fs.readFile(await jsonDownload.path(), 'utf8'));
    assert.equal(json.total, count);
    assert.equal(json.hits.length, count);
    assert.ok(json.hits.every((h) => h.region_match.length > 0));
    await assertHealthy(page, watch);
    await page.close();
  });

  it('draws the term-frequency chart and re-groups it by mechanism', async () => {
    const { page, watch } = await openSearch(session.context, target, searchHash('生态'));
    await page.waitForSelector('#term-chart svg rect');
    const byDoc = await page.locator('#term-chart svg rect').count();
    await page.locator('#term-chart-by-mechanism').click();
    await page.waitForSelector('#term-chart-by-mechanism[aria-pressed="true"]');
    assert.ok((await page.locator('#term-chart svg rect').count()) > 0);
    assert.ok(byDoc > 0);
    assert.equal(await page.locator('#term-chart [style]').count(), 0, 'no inline styles');
    await assertHealthy(page, watch);
    await page.close();
  });

  it('the reader shows word boundaries on request and remembers it', async () => {
    const { page, watch } = await openRoute(session.context, target, '/doc/sichuan/6.21', 'reader');
    const toggle = page.locator('#toggle-word-boundaries');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.locator('.segmented .word').count(), 0);
    await toggle.click();
    await page.waitForSelector('.unit--target .segmented .word');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const words = await page.locator('.unit--target .unit__text .word').allInnerTexts();
    assert.ok(words.length > 5, `cut into ${words.length} words`);
    assert.ok(words.some((w) => [...w].length >= 2), 'multi-character words');
    await screenshot(page, target, 'reader-word-boundaries');
    await page.reload();
    await page.waitForSelector('.unit--target .segmented .word');
    await page.locator('#toggle-word-boundaries').click();
    await page.waitForFunction(() => document.querySelectorAll('.segmented').length === 0);
    await assertHealthy(page, watch);
    await page.close();
  });

  it('fits a phone with the filters above the results', async () => {
    const phone = await session.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const { page, watch } = await openSearch(phone, target, searchHash(SIMPLIFIED));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
    const facetsTop = await page.locator('.search-layout__facets').evaluate((e) => e.getBoundingClientRect().top);
    const resultsTop = await page.locator('#search-results').evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(facetsTop < resultsTop, 'filters come first');
    // Folded on a phone; a tap on the summary opens them.
    const facets = page.locator('details.search-facets');
    assert.equal(await facets.getAttribute('open'), null, 'filters start folded');
    await screenshot(page, target, 'phone-search');
    await facets.locator('summary').click();
    await page.locator(S.facet('region', 'sichuan')).waitFor();
    await screenshot(page, target, 'phone-search-filters');
    await assertHealthy(page, watch);
    await page.close();
  });
});
