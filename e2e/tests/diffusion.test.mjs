// How policy travels, against both delivery forms on real corpus pairs:
// a fidelity bar per aligned pair and the document's summary chart, the
// focused pair's figures with its binding-force change in words, the filter
// "only pairs where binding force or a target changed", the overview's
// fidelity by mechanism, citations linked in the reader, a copy of one's
// own measured the same way, and the timeline with unknown dates as unknown.
import { it } from 'node:test';
import assert from 'node:assert/strict';

import { forEachTarget } from '../lib/suite.mjs';
import { assertHealthy, openRoute, readySelector, screenshot } from '../lib/app.mjs';

const PAIR_ROWS = '#compare-view tr.compare-row[data-a-path]';

forEachTarget('diffusion', (target, session) => {
  it('shows a fidelity bar per pair, the summary chart and the focused pair’s figures and flags', async () => {
    const { page, watch } = await openRoute(
      session.context,
      target,
      '/compare/inner-mongolia/central-2018/3.7.1',
      'compare',
    );
    const selected = page.locator('#compare-view tr.compare-row--selected');
    await selected.waitFor();
    assert.equal(await selected.getAttribute('data-b-path'), '8.23');
    const bars = await page.locator(`${PAIR_ROWS} [data-testid="fidelity-bar"]`).count();
    const pairs = await page.locator(`${PAIR_ROWS}[data-b-path]`).count();
    assert.ok(bars > 20 && bars === pairs, `${bars} bars for ${pairs} pairs`);
    // The document chart: Inner Mongolia rewrites more than it copies.
    const chart = page.locator('#compare-view [data-testid="fidelity-chart"]');
    await chart.waitFor();
    const verbatim = Number(await chart.getAttribute('data-verbatim'));
    assert.ok(verbatim > 0.05 && verbatim < 0.5, `verbatim share ${verbatim}`);
    assert.ok(await chart.locator('svg rect').count() >= 8, 'stacked segments drawn');
    // The focused pair: its figures, and 严禁 → 争取 flagged as weakened.
    const figures = page.locator('[data-testid="fidelity-figures"]');
    await figures.waitFor();
    assert.match(await figures.innerText(), /照搬[\s\S]*\d+%/);
    const flag = selected.locator('.binding-flag[data-kind="weakened"]');
    assert.match(await flag.innerText(), /约束力减弱[\s\S]*严禁[\s\S]*争取/);
    await screenshot(page, target, 'diffusion-compare');
    await assertHealthy(page, watch);
    await page.close();
  });

  it('filters to the pairs whose binding force or targets changed', async () => {
    const { page, watch } = await openRoute(session.context, target, '/compare/central-2018/sichuan', 'compare');
    await page.locator(PAIR_ROWS).first().waitFor();
    const before = await page.locator(PAIR_ROWS).count();
    const flagged = await page.locator(`${PAIR_ROWS}[data-changes]`).count();
    assert.ok(flagged > 0 && flagged < before, `${flagged} of ${before} rows flagged`);
    await page.locator('[data-testid="binding-filter"]').check();
    await page.waitForFunction(
      ([sel, n]) => document.querySelectorAll(sel).length === n,
      [PAIR_ROWS, flagged],
    );
    const after = await page.locator(PAIR_ROWS).count();
    assert.equal(after, flagged);
    assert.equal(await page.locator(`${PAIR_ROWS}:not([data-changes])`).count(), 0);
    assert.equal(await page.locator('#compare-view tr.compare-row[data-relation="added"]').count(), 0);
    assert.match(await page.locator('.binding-filter__count').innerText(), new RegExp(`${flagged}`));
    await screenshot(page, target, 'diffusion-filter');
    await page.locator('[data-testid="binding-filter"]').uncheck();
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [PAIR_ROWS, before]);
    await assertHealthy(page, watch);
    await page.close();
  });

  it('puts fidelity by mechanism and a chart per document on the overview', async () => {
    const { page, watch } = await openRoute(session.context, target, '/compare', 'compare-overview');
    const table = page.locator('[data-testid="fidelity-table"]');
    await table.waitFor();
    assert.equal(await table.locator('tr[data-fidelity-mechanism]').count(), 12, 'whole + 10 mechanisms + other');
    assert.equal(await page.locator('[data-testid="fidelity-overview"] [data-testid="fidelity-chart"]').count(), 3);
    await page.locator('[data-testid="fidelity-overview"]').scrollIntoViewIfNeeded();
    await screenshot(page, target, 'diffusion-overview');
    await assertHealthy(page, watch);
    await page.close();
  });

  it('links a unit’s citation to the cited corpus document', async () => {
    const { page, watch } = await openRoute(session.context, target, '/doc/inner-mongolia', 'reader');
    const cites = page.locator('[data-testid="unit-citations"][data-unit="0"]');
    await cites.waitFor();
    assert.match(await cites.innerText(), /中发〔2018〕43号/);
    const link = cites.locator('a[data-target="central-2018"]');
    assert.equal(await link.getAttribute('href'), '#/doc/central-2018');
    await link.click();
    await page.waitForSelector('#reader[data-doc-id="central-2018"]');
    // Sichuan cites a plan the library does not have: shown, not linked.
    await page.goto(page.url().replace(/#.*$/, '#/doc/sichuan/3.11'));
    await page.waitForSelector('#reader[data-doc-id="sichuan"]');
    const open = page.locator('[data-testid="unit-citations"][data-unit="3.11"]');
    await open.waitFor();
    assert.equal(await open.locator('a').count(), 0);
    assert.match(await open.innerText(), /成渝城市群发展规划[\s\S]*不在文库中/);
    await assertHealthy(page, watch);
    await page.close();
  });

  it('measures a copy of one’s own the same way', async () => {
    const { page, watch } = await openRoute(session.context, target, '/compare/central-2018/sichuan', 'compare');
    const details = page.locator('#copy-details');
    if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
    const copy = [
      '某省贯彻落实建立更加有效的区域协调发展新机制实施方案',
      '一、深化对口支援',
      '（一）深入开展对口支援。必须加强对口支援资金和项目管理，到2022年推动对口支援向更深层次发展。',
      '（二）完善生态补偿。鼓励生态受益地区与生态保护地区通过资金补偿、对口协作等方式建立横向补偿关系。',
    ].join('\n');
    await page.locator('#copy-text').fill(copy);
    await page.locator('#copy-target').selectOption('central-2018');
    await page.locator('#copy-compare').click();
    await page.waitForFunction(() => location.hash.startsWith('#/compare/central-2018/my-copy'), null, {
      timeout: 60_000,
    });
    await page.waitForSelector('#compare-view[data-b="my-copy"] [data-testid="fidelity-chart"]');
    assert.ok((await page.locator(`${PAIR_ROWS} [data-testid="fidelity-bar"]`).count()) > 0);
    await assertHealthy(page, watch);
    await page.close();
  });

  it('draws the timeline with citation arrows and unknown dates as unknown', async () => {
    const { page, watch } = await openRoute(session.context, target, '/timeline', 'timeline');
    const chart = page.locator('[data-testid="timeline-chart"]');
    await chart.waitFor();
    const dates = await chart
      .locator('g.timeline-chart__doc')
      .evaluateAll((gs) => Object.fromEntries(gs.map((g) => [g.dataset.docId, g.dataset.date])));
    assert.deepEqual(dates, {
      'ndrc-2016': '2016-08-16',
      'central-2018': '2018-11-18',
      sichuan: 'unknown',
      'inner-mongolia': 'unknown',
    });
    const edges = await chart
      .locator('path.timeline-chart__edge')
      .evaluateAll((ps) => ps.map((p) => `${p.dataset.from}→${p.dataset.to}`).sort());
    assert.deepEqual(edges, ['inner-mongolia→central-2018', 'sichuan→central-2018']);
    const list = page.locator('[data-testid="timeline-list"]');
    assert.match(await list.locator('li[data-doc-id="sichuan"]').innerText(), /日期不详/);
    assert.match(await list.locator('li[data-doc-id="ndrc-2016"]').innerText(), /2016-08-16/);
    // The page is reachable from the main navigation and in English too.
    assert.equal(await page.locator('.site-nav a[href="#/timeline"]').count(), 1);
    await page.locator('#lang-toggle').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await list.locator('li[data-doc-id="sichuan"]').innerText(), /date unknown/);
    assert.equal(await page.locator(readySelector('timeline')).count(), 1);
    await screenshot(page, target, 'timeline');
    await assertHealthy(page, watch);
    await page.close();
  });
});
