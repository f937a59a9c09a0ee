// Accessibility audit: axe-core in Chromium on every view, in both
// interface languages, in presentation mode and with a tour overlay open.
// Serious and critical findings fail the suite; every finding's count by
// impact is printed, so moderate and minor ones stay visible too.
// Against the served build: the single file renders the same DOM.
import { it } from 'node:test';
import assert from 'node:assert/strict';

import { forEachTarget } from '../lib/suite.mjs';
import { servedTarget } from '../lib/targets.mjs';
import { assertHealthy, openRoute, readySelector, screenshot } from '../lib/app.mjs';
import { FAILING_IMPACTS, auditPage, countByImpact, describeViolations } from '../lib/axe.mjs';

/** [name, route, ready view, optional extra wait selector] */
const VIEWS = [
  ['library', '/', 'library'],
  ['reader', '/doc/sichuan/6.21', 'reader'],
  ['not-found', '/no/such/route', 'not-found'],
  ['search', `/search?q=${encodeURIComponent('生态补偿')}`, 'search', '#search-results [data-hit-doc]'],
  ['compare-overview', '/compare', 'compare-overview'],
  ['compare', '/compare/sichuan/central-2018/6.21', 'compare', '#compare-view[data-engine="ready"]'],
  ['witnesses', '/witnesses/central-2018', 'witnesses'],
  ['tours', '/tours', 'tours'],
  ['timeline', '/timeline', 'timeline'],
];

async function audit(page, name) {
  const violations = await auditPage(page);
  const failing = violations.filter((v) => FAILING_IMPACTS.includes(v.impact));
  console.log(`axe ${name}: ${JSON.stringify(countByImpact(violations))}`);
  assert.deepEqual(failing, [], `${name}: serious/critical axe findings\n${describeViolations(failing)}`);
}

forEachTarget('accessibility (axe-core)', { targets: [servedTarget()] }, (target, session) => {
  for (const lang of ['zh', 'en']) {
    for (const [name, route, view, extra] of VIEWS) {
      it(`${name} (${lang}) has no serious or critical findings`, async () => {
        if (lang === 'en') {
          await session.context.addInitScript(() =>
            localStorage.setItem('policy-explorer.lang', '{"v":1,"data":"en"}'),
          );
        }
        const { page, watch } = await openRoute(session.context, target, route, view);
        if (extra) await page.waitForSelector(extra, { timeout: 30_000 });
        assert.match(await page.locator('html').getAttribute('lang'), lang === 'en' ? /^en/ : /^zh/);
        await audit(page, `${name} (${lang})`);
        await screenshot(page, target, `a11y-${name}-${lang}`);
        await assertHealthy(page, watch);
        await page.close();
      });
    }
  }

  // Dark mode has its own palette (styles/base.css): audit its contrast too.
  for (const [name, route, view, extra] of VIEWS) {
    it(`${name} (dark colour scheme) has no serious or critical findings`, async () => {
      const dark = await session.newContext({ colorScheme: 'dark' });
      const { page, watch } = await openRoute(dark, target, route, view);
      if (extra) await page.waitForSelector(extra, { timeout: 30_000 });
      await audit(page, `${name} (dark)`);
      await assertHealthy(page, watch);
      await page.close();
    });
  }

  for (const [name, route, view, extra] of VIEWS.filter(([n]) => ['reader', 'search', 'compare'].includes(n))) {
    it(`presentation mode on ${name} has no serious or critical findings`, async () => {
      const { page, watch } = await openRoute(session.context, target, route, view);
      if (extra) await page.waitForSelector(extra, { timeout: 30_000 });
      await page.keyboard.press('p');
      await page.waitForSelector('html[data-presenting] #presentation-position');
      await audit(page, `presentation (${name})`);
      await assertHealthy(page, watch);
      await page.close();
    });
  }

  it('the tour overlay has no serious or critical findings', async () => {
    const { page, watch } = await openRoute(session.context, target, '/tours', 'tours');
    await page.locator('[data-tour-id="spot-the-rewording"] .tour-list__start').click();
    await page.waitForSelector('#tour-overlay');
    await page.waitForSelector(readySelector('reader'));
    await audit(page, 'tour overlay (reader)');
    await assertHealthy(page, watch);
    await page.close();
  });
});
