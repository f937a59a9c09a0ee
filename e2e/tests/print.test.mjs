// Handouts for a class: a unit, search results and a comparison print on A4
// without the screen chrome, with the permalink and the source at the end.
// Each is rendered to PDF by Chromium (saved in e2e/artifacts/embed/) and
// screenshotted with print media emulated.
import { it } from 'node:test';
import assert from 'node:assert/strict';

import { forEachTarget } from '../lib/suite.mjs';
import { servedTarget } from '../lib/targets.mjs';
import { readySelector, routeUrl, watchPage } from '../lib/app.mjs';
import { saveArtifact, saveScreenshot } from '../lib/hardened.mjs';

const CASES = [
  { name: 'print-unit', route: '/doc/sichuan/6.21', view: 'reader', source: /四川/ },
  {
    name: 'print-search',
    route: '/search?q=%E6%A8%AA%E5%90%91%E7%94%9F%E6%80%81%E8%A1%A5%E5%81%BF',
    view: 'search',
    source: /内置语料/,
  },
  { name: 'print-compare', route: '/compare/central-2018/sichuan', view: 'compare', source: /内置语料/ },
];

forEachTarget('print', { targets: [servedTarget()] }, (target, session) => {
  for (const c of CASES) {
    it(`${c.name}: A4 without chrome, with permalink and source`, async () => {
      const page = await session.context.newPage();
      const watch = await watchPage(session.context, page);
      const url = routeUrl(target, c.route);
      await page.goto(url);
      await page.waitForSelector(readySelector(c.view), { timeout: 60_000 });
      assert.equal(await page.locator('#print-footer').isVisible(), false, 'footer hidden on screen');
      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['.site-header', '.site-footer', '#share-button', '.skip-link']) {
        assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} printed`);
      }
      const footer = page.locator('#print-footer');
      assert.ok(await footer.isVisible(), 'print footer shown');
      const footerText = await footer.innerText();
      assert.ok(footerText.includes(url), footerText);
      assert.match(footerText, c.source);
      const colors = await page.evaluate(() => {
        const body = getComputedStyle(document.body);
        return [body.color, body.backgroundColor];
      });
      assert.deepEqual(colors, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
      await saveScreenshot(page, c.name, { fullPage: true });
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.ok(pages >= 1, 'at least one page');
      await saveArtifact(`${c.name}.pdf`, pdf);
      assert.deepEqual(watch.pageErrors, []);
      await page.close();
    });
  }
});
