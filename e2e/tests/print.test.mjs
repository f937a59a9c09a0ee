// Handouts for a class: a unit, search results and a comparison print on A4
// without the screen chrome, with the permalink and the source at the end.
// Each is rendered to PDF by Chromium (saved in e2e/artifacts/embed/) and
// screenshotted with print media emulated.
import { it } from 'node:test';
import assert from 'node:assert/strict';

import { forEachTarget } from '../lib/suite.mjs';
import { servedTarget } from '../lib/targets.mjs';
import { readySelector, routeUrl, watchPage } from '../lib/app.mjs';

/** Pages in a PDF from page.pdf(). */
function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/** Paths of the reader's units that print media shows, and whether each shows its text. */
function printedUnits(page) {
  return page.locator('#reader .unit[data-path]').evaluateAll((units) =>
    units
      .filter((u) => u.getClientRects().length > 0)
      .map((u) => [u.dataset.path, [...u.querySelectorAll('.unit__text')].some((p) => p.getClientRects().length > 0)]),
  );
}
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
      const pages = pdfPages(pdf);
      assert.ok(pages >= 1, 'at least one page');
      await saveArtifact(`${c.name}.pdf`, pdf);
      assert.deepEqual(watch.pageErrors, []);
      await page.close();
    });
  }

  it('a unit permalink prints that unit with its heading, permalink and known source; the whole document is one choice away', async () => {
    const page = await session.context.newPage();
    const watch = await watchPage(session.context, page);
    // The print dialog itself is the browser's: count the requests instead.
    await page.addInitScript(() => {
      window.__printed = [];
      window.print = () => window.__printed.push(document.querySelector('#reader')?.dataset.print);
    });
    const url = routeUrl(target, '/doc/sichuan/6.21');
    await page.goto(url);
    await page.waitForSelector(readySelector('reader'), { timeout: 60_000 });
    assert.equal(await page.locator('#print-unit').getAttribute('aria-pressed'), 'true', 'the unit is the default');
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual(await printedUnits(page), [['6', false], ['6.21', true]], 'the unit under its section heading');
    const footer = await page.locator('#print-footer').innerText();
    assert.ok(footer.includes(url), footer);
    assert.doesNotMatch(footer, /未知/, 'unknown fields are left out');
    assert.match(footer, /《四川省建立更加有效的区域协调发展新机制实施方案》，中共四川省委、四川省人民政府/);
    const unitPdf = await page.pdf({ format: 'A4', printBackground: false });
    await saveArtifact('print-unit-only.pdf', unitPdf);
    assert.equal(pdfPages(unitPdf), 1, 'one clause, one page');
    await saveScreenshot(page, 'print-unit-only', { fullPage: true });

    await page.emulateMedia({ media: 'screen' });
    await page.locator('#print-document').click();
    await page.waitForFunction(() => window.__printed.length === 1);
    assert.deepEqual(await page.evaluate(() => window.__printed), ['document'], 'printing the document asked for');
    assert.equal(await page.locator('#print-document').getAttribute('aria-pressed'), 'true');
    await page.emulateMedia({ media: 'print' });
    const all = await printedUnits(page);
    assert.equal(all.length, await page.locator('#reader .unit[data-path]').count(), 'every unit printed');
    const documentFooter = await page.locator('#print-footer').innerText();
    assert.ok(documentFooter.includes(routeUrl(target, '/doc/sichuan')), documentFooter);
    assert.ok(!documentFooter.includes(url), 'the document’s permalink, not the unit’s');
    const documentPdf = await page.pdf({ format: 'A4', printBackground: false });
    assert.ok(pdfPages(documentPdf) > 3, `${pdfPages(documentPdf)} pages for the whole document`);

    await page.emulateMedia({ media: 'screen' });
    await page.locator('#print-unit').click();
    await page.waitForFunction(() => window.__printed.length === 2);
    await page.emulateMedia({ media: 'print' });
    assert.equal((await printedUnits(page)).length, 2, 'back to the unit');
    assert.deepEqual(watch.pageErrors, []);
    await page.close();
  });

  it('a document address prints the whole document with no choice to make', async () => {
    const page = await session.context.newPage();
    await page.goto(routeUrl(target, '/doc/ndrc-2016'));
    await page.waitForSelector(readySelector('reader'), { timeout: 60_000 });
    assert.equal(await page.locator('#print-unit').count(), 0);
    await page.emulateMedia({ media: 'print' });
    assert.equal((await printedUnits(page)).length, await page.locator('#reader .unit[data-path]').count());
    const footer = await page.locator('#print-footer').innerText();
    assert.match(footer, /国家发展改革委，2016-08-16，发改地区〔2016〕1771号/);
    await page.close();
  });
});
