// Restored readings of the central opinion's reworded-only units, against
// both delivery forms: the published wording finds them in search (and the
// hit says "restored"), the reader marks each restored word with the
// reworded copy's word and switches to the witness text, and the central ↔
// Sichuan diff of a clause from (十六)–(三十) does not show the rewording
// tool's swaps (根本 → 基本) as Sichuan's changes unless asked to.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { forEachTarget } from '../lib/suite.mjs';
import { assertHealthy, openRoute, screenshot } from '../lib/app.mjs';

const S = {
  hits: '#search-results [data-hit-doc][data-hit-path]',
  centralHits: '#search-results [data-hit-doc="central-2018"]',
  unit: (path) => `#reader section[data-path="${path}"]`,
  restoredMark: 'mark.restored',
  witnessSwitch: '#toggle-witness-text',
  diffPanel: '[data-testid="diff-panel"]',
  textChoice: '#compare-text-witness',
  accuracy: '[data-testid="restoration-accuracy"]',
};

// The accuracy restoration_eval measured; the app shows it beside restored readings.
const ACCURACY_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'corpus',
  'eval',
  'restoration-accuracy.json',
);

/** Asserts that the page states the measured accuracy, as the app rounds it. */
async function assertAccuracyShown(page) {
  const a = JSON.parse(await fs.readFile(ACCURACY_FILE, 'utf8'));
  const undone = ((100 * a.undone) / a.substitutions).toFixed(1);
  const wrong = ((1000 * a.wrongly_changed) / a.chars).toFixed(2);
  const note = page.locator(S.accuracy);
  assert.equal(await note.count(), 1, 'one accuracy note');
  const text = await note.innerText();
  for (const figure of [`${a.clauses}`, `${undone}%`, wrong, `${a.confident_changes}`]) {
    assert.ok(text.includes(figure), `the note states ${figure}: ${text}`);
  }
}

async function searchFor(context, target, query) {
  const opened = await openRoute(context, target, `/search?q=${encodeURIComponent(query)}`, 'search');
  await opened.page.waitForSelector(S.hits, { timeout: 30_000 });
  return opened;
}

forEachTarget('restored readings', (target, session) => {
  it('the published wording of reworded-only clauses finds the central opinion', async () => {
    for (const [query, path] of [
      ['宏观调控', '8.25'],
      ['"差别化的区域政策"', '8.23'],
    ]) {
      const { page, watch } = await searchFor(session.context, target, query);
      const hit = page.locator(`${S.centralHits}[data-hit-path="${path}"]`);
      assert.equal(await hit.count(), 1, `${query} finds central-2018 ${path}`);
      assert.ok(
        ['restored', 'doubtful'].includes(await hit.getAttribute('data-restoration')),
        `${query}: the hit is flagged as restored`,
      );
      assert.equal(await hit.locator('.hit__restored').count(), 1);
      if (path === '8.25') await screenshot(page, target, 'search-restored');
      await assertHealthy(page, watch);
      await page.close();
    }
  });

  it('the reader marks restored words and switches to the witness text', async () => {
    const { page, watch } = await openRoute(session.context, target, '/doc/central-2018/7.21', 'reader');
    const unit = page.locator(S.unit('7.21'));
    const mark = unit.locator(`${S.restoredMark}[data-witness="根本"]`).first();
    assert.equal(await mark.count(), 1, 'a restored 基本 carries the witness word 根本');
    assert.match(await mark.innerText(), /^基本/);
    assert.match(await mark.getAttribute('title'), /根本/);
    // Focus shows the witness word (CSS ::after from data-witness).
    await mark.focus();
    const after = await mark.evaluate((el) => getComputedStyle(el, '::after').content);
    assert.match(after, /根本/);
    // The heading reads as restored (screen-reader-only notes left out).
    const heading = await unit.locator('.unit__heading').evaluate((el) => {
      const copy = el.cloneNode(true);
      copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
      return copy.textContent;
    });
    assert.ok(heading.includes('提高基本公共服务统筹层次'), heading);
    // Doubtful units say so in words.
    const doubtful = page.locator('#reader section.unit--restoration-doubtful .restoration-note__line--doubtful');
    assert.ok((await doubtful.count()) > 0, 'doubtful units are visibly marked');
    // How far to trust the reading: the measured accuracy, beside the note.
    await assertAccuracyShown(page);
    await screenshot(page, target, 'reader-restored');

    await page.locator(S.witnessSwitch).click();
    await page.waitForFunction(() => location.hash.includes('text=witness'));
    await page.waitForSelector(`${S.unit('7.21')}:not(.unit--restored)`);
    assert.equal(await unit.locator(S.restoredMark).count(), 0);
    assert.ok((await unit.innerText()).includes('根本公共效劳'), 'the witness text as it is');
    assert.equal(await page.locator(S.accuracy).count(), 0, 'no accuracy claim for the witness text');
    await screenshot(page, target, 'reader-witness-text');
    await assertHealthy(page, watch);
  });

  it('the central ↔ Sichuan diff does not show rewording swaps as changes', async () => {
    const route = '/compare/central-2018/sichuan/7.21';
    const { page, watch } = await openRoute(session.context, target, route, 'compare');
    await page.waitForSelector(S.diffPanel, { timeout: 30_000 });
    const panel = page.locator(S.diffPanel);
    const deleted = await panel.locator('del').allInnerTexts();
    assert.ok(deleted.length > 0, 'the two clauses do differ');
    assert.ok(!deleted.join('').includes('根'), `no 根本 → 基本 change: ${deleted}`);
    assert.ok(!(await panel.innerText()).includes('根本'));
    assert.equal(await page.locator(S.textChoice).isChecked(), false);
    await screenshot(page, target, 'compare-restored');

    // The switch compares the witness text: now the swap shows.
    await page.locator(S.textChoice).check();
    await page.waitForFunction(() => location.hash.includes('text=witness'));
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(`${sel} del`)].some((d) => d.textContent.includes('根')),
      S.diffPanel,
    );
    await assertHealthy(page, watch);
  });

  it('the witness view says how far the restored readings can be trusted', async () => {
    const { page, watch } = await openRoute(session.context, target, '/witnesses/central-2018', 'witnesses');
    await page.waitForSelector('[data-testid="witness-restoration-note"]');
    await assertAccuracyShown(page);
    await assertHealthy(page, watch);
    await page.close();
  });

  it('a bad text choice in a compare URL is a worded notice', async () => {
    const { page, watch } = await openRoute(
      session.context,
      target,
      '/compare/central-2018/sichuan?text=original',
      'compare',
    );
    const notices = page.locator('[data-testid="compare-notices"]');
    await notices.waitFor();
    assert.match(await notices.innerText(), /text.*original|original.*text/);
    await assertHealthy(page, watch);
  });
});
