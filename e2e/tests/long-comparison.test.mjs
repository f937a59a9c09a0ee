// A very long stored copy on the compare page, against both delivery forms:
// a user's copy of 4,000 units (40 sections × 99 clauses of a province's
// sentences, ten of them carrying 30,000-letter unbroken Latin runs), kept
// in local storage from an earlier visit, is aligned with the central
// opinion in slices. While it runs the page shows its progress and answers
// input (the language switch re-renders the progress mid-run); Cancel stops
// it without losing what is loaded; "Compare again" finishes it, and the
// table then has a row for every central unit, with long candidate lists
// cut short. Timings are the benchmark's business (e2e/bench/large-import.mjs).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { forEachTarget } from '../lib/suite.mjs';
import { assertHealthy, readySelector, routeUrl, screenshot, watchPage } from '../lib/app.mjs';
import { COPY_KEY, LATIN_UNITS, longStoredCopy } from '../lib/long-copy.mjs';

/** The stored copy's size limit (src/stored_copy.rs). */
const COPY_MAX_BYTES = 2 * 1024 * 1024;

const SEL = {
  view: '#compare-view',
  progress: '[data-testid="compare-progress"]',
  cancel: '[data-testid="compare-cancel"]',
  cancelled: '[data-testid="compare-cancelled"]',
  again: '[data-testid="compare-again"]',
  rows: '#compare-view tr.compare-row',
  pairRows: '#compare-view tr.compare-row[data-a-path]',
  othersMore: '#compare-view [data-testid="others-more"]',
  copyLoaded: '[data-testid="copy-loaded"]',
  langToggle: '#lang-toggle',
};

/** The long copy, checked to be what the test means: Latin runs in it, and small enough to be kept. */
async function longCopy() {
  const copy = await longStoredCopy();
  assert.equal(copy.latin, LATIN_UNITS);
  assert.ok(Buffer.byteLength(copy.value) < COPY_MAX_BYTES, `the copy fits the store (${Buffer.byteLength(copy.value)} bytes)`);
  return copy;
}

const copy = await longCopy();

forEachTarget('long comparison', (target, session) => {
  it('a 4,000-unit stored copy aligns in slices: progress, input answered, Cancel, Compare again, the full table', async () => {
    const { context } = session;
    await context.addInitScript(([key, value]) => {
      // Seed once per page load only if the app has not replaced it.
      if (!localStorage.getItem(key)) localStorage.setItem(key, value);
    }, [COPY_KEY, copy.value]);
    const page = await context.newPage();
    const watch = await watchPage(context, page);
    // A slower processor, so that the run lasts long enough on a fast
    // machine for the test to act while it is under way.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(routeUrl(target, '/compare/central-2018/my-copy'));
    await page.waitForSelector(readySelector('compare'), { timeout: 60_000 });

    // The copy came back from storage, whole.
    assert.equal(await page.locator(SEL.copyLoaded).getAttribute('data-units'), String(copy.units));

    // The alignment runs with its progress shown (before slicing there was
    // none: the page froze until the table was drawn).
    const progress = page.locator(SEL.progress);
    await progress.waitFor({ timeout: 30_000 });
    assert.equal(await page.locator(SEL.rows).count(), 0, 'no table while aligning');
    await screenshot(page, target, 'long-comparison-progress');

    // Input is answered mid-run: the language switch re-renders the
    // progress line in the other language while the work goes on.
    const before = await progress.locator('p').innerText();
    await page.locator(SEL.langToggle).click();
    await page.waitForFunction(([sel, text]) => {
      const p = document.querySelector(`${sel} p`);
      return p && p.innerText !== text;
    }, [SEL.progress, before], { timeout: 10_000 });
    assert.ok(await progress.isVisible(), 'still aligning after the click was handled');
    const after = await progress.locator('p').innerText();
    assert.match(before, /\d+\s*%/);
    assert.match(after, /\d+\s*%/);
    // And it moves on between frames.
    const percent = async () => Number(await progress.getAttribute('data-percent'));
    const first = await percent();
    await page.waitForFunction(([sel, p]) => Number(document.querySelector(sel)?.dataset.percent) > p,
      [SEL.progress, first], { timeout: 30_000 });

    // Cancel stops it; nothing loaded is lost.
    await page.locator(SEL.cancel).click();
    await page.locator(SEL.cancelled).waitFor();
    assert.equal(await progress.count(), 0, 'progress gone after Cancel');
    await page.waitForTimeout(500);
    assert.equal(await page.locator(SEL.rows).count(), 0, 'a cancelled alignment draws no table');
    assert.ok(await page.locator(SEL.cancelled).isVisible(), 'still cancelled');
    assert.equal(await page.locator(SEL.copyLoaded).getAttribute('data-units'), String(copy.units));
    await screenshot(page, target, 'long-comparison-cancelled');

    // Compare again runs to the end.
    await page.locator(SEL.again).click();
    await progress.waitFor({ timeout: 10_000 });
    await page.waitForSelector(`${SEL.view}[data-comparison="ready"]`, { timeout: 180_000 });
    // The rows are drawn a batch at a time; then all are there.
    await page.waitForSelector('[data-testid="compare-table"][data-drawn="all"]', { timeout: 60_000 });
    // A row for every central unit, in the central document's order.
    assert.equal(await page.locator(SEL.pairRows).count(), copy.centralUnits);
    const paths = await page.locator(SEL.pairRows).evaluateAll((rows) => rows.map((r) => r.dataset.aPath));
    assert.equal(paths[0], '0');
    // Their counterparts are units of the copy.
    const bPaths = await page.locator(SEL.pairRows).evaluateAll((rows) =>
      rows.map((r) => r.dataset.bPath).filter(Boolean));
    assert.ok(bPaths.length > copy.centralUnits / 2, `most central units have a counterpart (${bPaths.length})`);
    assert.ok(bPaths.every((p) => /^\d+(\.\d+)?$/.test(p)), 'counterparts are paths of the copy');
    // A central clause proposed by many units of the copy lists a few and
    // says how many more.
    const more = page.locator(SEL.othersMore);
    assert.ok(await more.count() > 0, 'long candidate lists are cut short');
    assert.ok(Number(await more.first().getAttribute('data-more')) > 0);
    assert.equal(await page.locator(SEL.progress).count(), 0);
    await screenshot(page, target, 'long-comparison-table');
    await assertHealthy(page, watch);
  });
});
