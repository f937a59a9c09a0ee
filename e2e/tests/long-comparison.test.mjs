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
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { forEachTarget } from '../lib/suite.mjs';
import { assertHealthy, readySelector, routeUrl, screenshot, watchPage } from '../lib/app.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CORPUS = path.join(HERE, '..', '..', 'corpus', 'corpus.json');

const SECTIONS = 40;
const CLAUSES = 99;
const LATIN_RUN = 30_000;
const LATIN_UNITS = 10;
/** The stored copy's key and size limit (src/stored_copy.rs). */
const COPY_KEY = 'policy-explorer.my-copy';
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

/** Letters a–z, deterministic, no spaces: one unbroken Latin run. */
function latinRun(seed, length) {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i += 1) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += String.fromCharCode(97 + (x % 26));
  }
  return out;
}

/**
 * The stored value of a 4,000-unit copy: the shape of an imported document
 * (taken from a corpus province), with sections and clauses made of that
 * province's headings and clause openings.
 */
async function longCopy() {
  const corpus = JSON.parse(await fs.readFile(CORPUS, 'utf8'));
  const province = corpus.documents.find((d) => d.id === 'sichuan');
  const central = corpus.documents.find((d) => d.id === 'central-2018');
  const sections = province.units.filter((u) => u.kind === 'section');
  const clauses = province.units.filter((u) => u.kind === 'clause');
  const provenance = { file: 'long-copy.txt', lines: [1, 1], reworded: false, also_in: [], repairs: [] };
  const units = [];
  let line = 1;
  let latin = 0;
  for (let s = 1; s <= SECTIONS; s += 1) {
    const heading = sections[s % sections.length].heading;
    units.push({ path: `${s}`, label: `${s}、`, kind: 'section', heading, text: heading,
      mechanisms: [], regions: [], provenance: { ...provenance, lines: [line, line] } });
    line += 1;
    for (let c = 1; c <= CLAUSES; c += 1) {
      let text = clauses[(s * CLAUSES + c) % clauses.length].text.slice(0, 70);
      if (latin < LATIN_UNITS && c === 50 && s % 4 === 0) {
        text += latinRun(s, LATIN_RUN);
        latin += 1;
      }
      units.push({ path: `${s}.${c}`, label: `（${c}）`, kind: 'clause', heading: null, text,
        mechanisms: [], regions: [], provenance: { ...provenance, lines: [line, line] } });
      line += 1;
    }
  }
  assert.equal(latin, LATIN_UNITS);
  const doc = { ...province, id: 'my-copy', title: '长副本', level: null, jurisdiction: null, units,
    removals: [], metadata_sources: [], witness_readings: [] };
  const value = JSON.stringify({ v: 1, data: { source_name: 'long-copy.txt', bytes: line * 200, doc } });
  assert.ok(Buffer.byteLength(value) < COPY_MAX_BYTES, `the copy fits the store (${Buffer.byteLength(value)} bytes)`);
  return { value, units: units.length, centralUnits: central.units.length };
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
