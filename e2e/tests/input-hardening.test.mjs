// Input a person brings, as other programs save it, on both delivery forms:
// files in GBK, GB18030, UTF-16 (with and without a byte-order mark, both
// byte orders) import exactly like their UTF-8 text and say which encoding
// was read (zh and en); a teacher's tour file with a UTF-8 BOM loads; a
// large import (9,900 units) runs in slices: the page answers input and
// scrolls while it works, Cancel stops it and keeps what was loaded, and a
// second run completes with every unit.
import { it } from 'node:test';
import assert from 'node:assert/strict';

import { forEachTarget } from '../lib/suite.mjs';
import { assertHealthy, openRoute, readySelector, screenshot, SEL as APP } from '../lib/app.mjs';
import {
  gb18030,
  largePolicy,
  rawText,
  sentencesOf,
  utf16,
  utf8Bom,
} from '../lib/encodings.mjs';
import { tourFile } from '../lib/tours.mjs';

const SEL = {
  copyDetails: '#copy-details',
  copyText: '#copy-text',
  copyFile: '#copy-file',
  copyChosen: '[data-testid="copy-file-chosen"]',
  copyCompare: '#copy-compare',
  copyError: '[data-testid="copy-error"]',
  copyLoaded: '[data-testid="copy-loaded"]',
  copyEncoding: '[data-testid="copy-encoding"]',
  copyWorking: '[data-testid="copy-working"]',
  copyProgress: '[data-testid="copy-progress"]',
  copyCancel: '[data-testid="copy-cancel"]',
  copyCancelled: '[data-testid="copy-cancelled"]',
  rows: '#compare-view tr.compare-row',
};

const COMPARE_ROUTE = '/compare/central-2018/sichuan';

async function openCopyPanel(page) {
  const details = page.locator(SEL.copyDetails);
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

/** Waits for a copy import to end; returns `{ error }` or `{ units, encoding }`. */
async function importOutcome(page, timeout = 60_000) {
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="copy-error"]') ||
      (document.querySelector('[data-testid="copy-loaded"]') &&
        !document.querySelector('[data-testid="copy-working"]')),
    null,
    { timeout },
  );
  return page.evaluate(() => {
    const error = document.querySelector('[data-testid="copy-error"]');
    if (error) return { error: `${error.dataset.error}: ${error.textContent}` };
    return {
      units: Number(document.querySelector('[data-testid="copy-loaded"]').dataset.units),
      encoding: document.querySelector('[data-testid="copy-encoding"]')?.dataset.encoding ?? null,
      encodingText: document.querySelector('[data-testid="copy-encoding"]')?.textContent ?? null,
    };
  });
}

/** The aligned rows' text: what the reader sees of the imported copy. */
function rowsText(page) {
  return page.locator(SEL.rows).evaluateAll((rows) => rows.map((r) => r.innerText).join('\n'));
}

/** Imports `text` pasted as UTF-8: the reference for the encoded files. */
async function pasteReference(page, text) {
  await openCopyPanel(page);
  await page.locator(SEL.copyText).fill(text);
  await page.locator(SEL.copyCompare).click();
  const outcome = await importOutcome(page);
  assert.ok(outcome.units > 10, `the UTF-8 paste imports: ${JSON.stringify(outcome)}`);
  return { units: outcome.units, rows: await rowsText(page) };
}

async function chooseFileAndCompare(page, name, buffer) {
  await page.locator(SEL.copyFile).setInputFiles({ name, mimeType: 'text/plain', buffer });
  await page.waitForSelector(SEL.copyChosen);
  // The file chosen replaces the loaded copy only when Compare succeeds.
  await page.locator(SEL.copyCompare).click();
  // The loaded line must be the file's (its name), not the earlier paste's.
  await page.waitForFunction(
    (file) => document.querySelector('[data-testid="copy-error"]') ||
      document.querySelector('[data-testid="copy-loaded"]')?.textContent.includes(file),
    name,
    { timeout: 60_000 },
  );
  return importOutcome(page);
}

const CASES = [
  // name, file bytes from the text, detected id, shown name (en)
  ['gbk', (t) => gb18030(t), 'gbk', 'GBK'],
  ['gb18030', (t) => gb18030(`${t}\n扩展A区汉字㐀见于此。\n`), 'gb18030', 'GB18030'],
  ['utf16le-bom', (t) => utf16(t, { bigEndian: false, bom: true }), 'utf-16le', 'UTF-16LE (with byte-order mark)'],
  ['utf16le-nobom', (t) => utf16(t, { bigEndian: false, bom: false }), 'utf-16le-nobom', 'UTF-16LE (no byte-order mark'],
  ['utf16be-bom', (t) => utf16(t, { bigEndian: true, bom: true }), 'utf-16be', 'UTF-16BE (with byte-order mark)'],
  ['utf8-bom', (t) => utf8Bom(t), 'utf-8-bom', 'UTF-8 (with byte-order mark)'],
];

forEachTarget('files in Chinese encodings', (target, session) => {
  for (const [name, encode, id, shown] of CASES) {
    it(`a ${name} file imports like its UTF-8 text and names its encoding`, async () => {
      const { page, watch } = await openRoute(session.context, target, COMPARE_ROUTE, 'compare');
      // The Sichuan plan (Simplified) with a line in the extension-A block
      // for the four-byte GB18030 case.
      const base = await rawText('001');
      const text = name === 'gb18030' ? `${base}\n扩展A区汉字㐀见于此。\n` : base;
      const reference = await pasteReference(page, text);
      const outcome = await chooseFileAndCompare(page, `plan-${name}.txt`, encode(base));
      assert.equal(outcome.error, undefined, `the ${name} file imports`);
      assert.equal(outcome.units, reference.units, 'same units as the UTF-8 text');
      assert.equal(outcome.encoding, id);
      assert.equal(await rowsText(page), reference.rows, 'same text as the UTF-8 import');
      // The encoding is named in Chinese, then in English.
      assert.match(outcome.encodingText, /^文件编码：/);
      assert.ok(outcome.encodingText.includes(shown.split(' ')[0]), outcome.encodingText);
      await page.locator(APP.langToggle).click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="copy-encoding"]')?.textContent.startsWith('File encoding:'),
      );
      const english = await page.locator(SEL.copyEncoding).textContent();
      assert.ok(english.includes(shown), `${english} names ${shown}`);
      if (name === 'gbk') {
        await page.locator(SEL.copyEncoding).scrollIntoViewIfNeeded();
        await screenshot(page, target, 'import-gbk');
      }
      await assertHealthy(page, watch);
      await page.close();
    });
  }

  it('a big-endian UTF-16 file without a BOM, and bytes that are not text', async () => {
    const { page, watch } = await openRoute(session.context, target, COMPARE_ROUTE, 'compare');
    const base = await rawText('001');
    await openCopyPanel(page);
    const outcome = await chooseFileAndCompare(page, 'plan-be.txt', utf16(base, { bigEndian: true, bom: false }));
    assert.equal(outcome.error, undefined);
    assert.equal(outcome.encoding, 'utf-16be-nobom');
    const loaded = await page.locator(SEL.copyLoaded).textContent();
    // A PNG header is still refused as binary, and the copy stays.
    await page.locator(SEL.copyFile).setInputFiles({
      name: 'picture.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1]),
    });
    await page.waitForSelector(SEL.copyChosen);
    await page.locator(SEL.copyCompare).click();
    await page.waitForSelector(SEL.copyError);
    assert.equal(await page.locator(SEL.copyError).getAttribute('data-error'), 'binary');
    assert.equal(await page.locator(SEL.copyLoaded).textContent(), loaded, 'the loaded copy stays');
    await assertHealthy(page, watch);
    await page.close();
  });
});

forEachTarget('a teacher’s tour file with a byte-order mark', (target, session) => {
  it('loads as if saved without it (UTF-8 BOM and UTF-16)', async () => {
    const { page, watch } = await openRoute(session.context, target, '/tours', 'tours');
    const withBom = tourFile('bom-tour', [['#/doc/sichuan/6.21', '第一步']]);
    await page.locator('#tour-file').setInputFiles({ ...withBom, buffer: utf8Bom(withBom.buffer.toString('utf8')) });
    await page.waitForSelector('#tour-list-user [data-tour-id="bom-tour"]', { timeout: 10_000 });
    const notepad = tourFile('unicode-tour', [['#/doc/sichuan/6.21', '第二步']]);
    await page.locator('#tour-file').setInputFiles({ ...notepad, buffer: utf16(notepad.buffer.toString('utf8')) });
    await page.waitForSelector('#tour-list-user [data-tour-id="unicode-tour"]', { timeout: 10_000 });
    await assertHealthy(page, watch);
    await page.close();
  });
});

forEachTarget('a large import', (target, session) => {
  it('keeps the page responsive, can be cancelled, then completes with every unit', async () => {
    const { page, watch } = await openRoute(session.context, target, COMPARE_ROUTE, 'compare');
    const sections = 99;
    const clauses = 99;
    const text = largePolicy(sentencesOf(await rawText('001')), sections, clauses);
    const expectedUnits = sections + sections * clauses;
    await openCopyPanel(page);
    await page.evaluate((value) => {
      const area = document.querySelector('#copy-text');
      area.value = value;
      area.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }, text);
    const hashBefore = await page.evaluate(() => location.hash);
    const rowsBefore = await page.locator(SEL.rows).count();

    await page.locator(SEL.copyCompare).click();
    // Progress is shown while the work runs in slices.
    await page.waitForSelector(SEL.copyProgress, { timeout: 30_000 });
    // The page answers while the import runs: script round trips and a
    // scroll are served between slices (a blocked page answers neither
    // until the whole import is done).
    const roundTrips = [];
    for (let i = 0; i < 5; i += 1) {
      const started = Date.now();
      const working = await page.evaluate(() => Boolean(document.querySelector('[data-testid="copy-working"]')));
      roundTrips.push(Date.now() - started);
      assert.ok(working, 'still importing while the page answers');
    }
    const scrolled = await page.evaluate(async () => {
      const before = window.scrollY;
      window.scrollBy(0, 200);
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      return { moved: window.scrollY !== before, working: Boolean(document.querySelector('[data-testid="copy-working"]')) };
    });
    assert.ok(scrolled.moved && scrolled.working, `the page scrolls while importing: ${JSON.stringify(scrolled)}`);
    assert.ok(Math.max(...roundTrips) < 1_000, `the page answered within a second each time: ${roundTrips}`);
    await screenshot(page, target, 'import-large-progress');

    // Cancel: the import stops and what was shown stays.
    await page.locator(SEL.copyCancel).click();
    await page.waitForSelector(SEL.copyCancelled);
    assert.equal(await page.locator(SEL.copyWorking).count(), 0);
    assert.equal(await page.locator(SEL.copyLoaded).count(), 0, 'no copy was loaded');
    assert.equal(await page.evaluate(() => location.hash), hashBefore, 'still the same comparison');
    assert.equal(await page.locator(SEL.rows).count(), rowsBefore, 'the comparison shown is intact');
    // Nothing of the cancelled job arrives later.
    await page.waitForTimeout(1_000);
    assert.equal(await page.locator(SEL.copyLoaded).count(), 0, 'the cancelled import never lands');

    // Run again to completion: every unit arrives.
    await page.locator(SEL.copyCompare).click();
    const outcome = await importOutcome(page, 300_000);
    assert.equal(outcome.error, undefined, 'a text under the size limit imports');
    assert.equal(outcome.units, expectedUnits);
    await page.waitForSelector(readySelector('compare'));
    assert.ok((await page.evaluate(() => location.hash)).includes('my-copy'));
    await assertHealthy(page, watch);
    await page.close();
  });
});
