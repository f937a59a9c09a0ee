// The user's own library (#/library) against both delivery forms (IndexedDB
// works on file:// in Chromium too): 50 documents imported at once, checked,
// added, kept over a reload, listed with the "mine" mark, readable by
// permalink, searchable and filterable, in the matrix, alignable, exported,
// removed, imported back; hostile files refused or cleaned with a message and
// nothing already stored lost; off in embed mode unless the page opts in.
//
// The 50 documents are variations of real texts read at run time from the
// repository's corpus/raw/ and from ../shared/peer/web-copies/ (never copied
// into the repository): each gets one added sentence with its own number, so
// search can find every one of them and each only once.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { FAILING_IMPACTS, auditPage, describeViolations } from '../lib/axe.mjs';
import { forEachTarget } from '../lib/suite.mjs';
import { assertHealthy, openRoute, readySelector, routeUrl, screenshot } from '../lib/app.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const RAW_DIR = path.join(REPO, 'corpus', 'raw');
const WEB_COPIES = path.resolve(REPO, '..', 'shared', 'peer', 'web-copies');

const SEL = {
  page: '#my-library',
  ready: '#my-library[data-status="ready"]',
  files: '#library-files',
  paste: '#library-paste',
  pasteImport: '#library-paste-import',
  progress: '[data-testid="library-progress"] li',
  review: '[data-testid="library-review"]',
  addAll: '#library-add-all',
  outcome: '[data-testid="library-outcome"]',
  rows: '#my-library-table tbody tr[data-doc-id]',
  exportButton: '#library-export',
  importFile: '#library-import-file',
  removeAll: '#library-remove-all',
};

const MARK = '图书样本编号';

/** 50 texts: real documents, each with one numbered sentence added. */
async function fiftyDocuments() {
  const sources = [];
  for (const name of (await fs.readdir(RAW_DIR)).sort()) {
    if (name.endsWith('.txt')) sources.push(await fs.readFile(path.join(RAW_DIR, name), 'utf8'));
  }
  try {
    for (const name of (await fs.readdir(WEB_COPIES)).sort()) {
      if (name.endsWith('.txt')) sources.push(await fs.readFile(path.join(WEB_COPIES, name), 'utf8'));
    }
  } catch {
    // The shared folder is optional: the corpus raw files are enough.
  }
  assert.ok(sources.length >= 3, 'source texts found');
  const documents = [];
  for (let n = 1; documents.length < 50; n += 1) {
    const text = sources[(n - 1) % sources.length];
    const lines = text.split('\n');
    // Inside the body: after the first full stop of the longest line of
    // the second half (a line of its own, or one early in the file, could
    // land in a table of contents or a header, which the cleaning rightly
    // removes).
    const from = Math.floor(lines.length / 2);
    let longest = from;
    for (let i = from; i < lines.length; i += 1) if (lines[i].length > lines[longest].length) longest = i;
    const sentence = `${MARK}${n}号，本句用于检验个人文件库。`;
    const line = lines[longest];
    const stop = line.indexOf('。');
    lines[longest] = stop >= 0 ? `${line.slice(0, stop + 1)}${sentence}${line.slice(stop + 1)}` : `${line}${sentence}`;
    documents.push({
      name: `sample-${String(n).padStart(2, '0')}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(lines.join('\n'), 'utf8'),
    });
  }
  return documents;
}

async function openLibrary(context, target, route = '/library') {
  const opened = await openRoute(context, target, route, 'my-library');
  await opened.page.waitForSelector(SEL.ready, { timeout: 30_000 });
  opened.page.on('dialog', (dialog) => dialog.accept());
  return opened;
}

async function rowCount(page) {
  return page.locator(SEL.rows).count();
}

/** Waits until no file is queued, being read or being cleaned. */
async function waitImports(page, expected, timeout = 240_000) {
  await page.waitForFunction(
    ([sel, n]) => {
      const items = [...document.querySelectorAll(sel)];
      return items.length >= n && items.every((li) => ['ready', 'failed', 'cancelled'].includes(li.dataset.status));
    },
    [SEL.progress, expected],
    { timeout, polling: 250 },
  );
}

forEachTarget('library', (target, session) => {
  it('a library of 50 documents: add, reload, read, search, filter, matrix, align, export, remove, import', async () => {
    const { page, watch } = await openLibrary(session.context, target);
    const documents = await fiftyDocuments();

    const started = Date.now();
    await page.locator(SEL.files).setInputFiles(documents);
    await waitImports(page, 50);
    const importMs = Date.now() - started;
    const failed = await page.locator(`${SEL.progress}[data-status="failed"]`).count();
    assert.equal(failed, 0, 'every sample imports');
    assert.equal(await page.locator(SEL.review).count(), 50, 'each is shown for a check');
    console.log(`# [${target.name}] 50 documents imported (read + cleaned) in ${importMs} ms`);

    // The check: what was removed, flags, structure; correct one date and level.
    const first = page.locator(SEL.review).first();
    assert.ok((await first.locator('[data-testid="review-structure"] li').count()) > 3, 'structure shown');
    await first.locator('[data-field="date"]').fill('2019-3-1');
    await page.locator(SEL.addAll).click();
    await first.locator('[data-testid="review-error"]').waitFor();
    assert.equal(await rowCount(page), 0, 'a bad date adds nothing');
    await first.locator('[data-field="date"]').fill('2019-03-01');
    await first.locator('[data-field="level"]').selectOption('provincial');
    await screenshot(page, target, 'library-review');
    await page.locator(SEL.addAll).click();
    await page.waitForSelector(`${SEL.outcome}[data-outcome="saved"]`, { timeout: 60_000 });
    assert.equal(await rowCount(page), 50);
    assert.equal(await page.locator(SEL.review).count(), 0, 'checked documents leave the review');

    // Survives a reload.
    await page.reload();
    await page.waitForSelector(SEL.ready);
    await page.waitForSelector(`${SEL.rows} >> nth=49`);
    assert.equal(await rowCount(page), 50);
    const ids = await page.locator(SEL.rows).evaluateAll((rows) => rows.map((r) => r.dataset.docId));
    assert.ok(ids.every((id) => id.startsWith('mine-')), 'user ids never look like corpus ids');
    assert.equal(new Set(ids).size, 50, 'ids are unique');
    const corrected = page.locator(`${SEL.rows}`).filter({ hasText: 'date' });
    assert.equal(await corrected.count(), 1, 'the correction is recorded in the provenance');
    await screenshot(page, target, 'library-mine');

    // Listed in the library with the "mine" mark.
    await page.goto(routeUrl(target, '/'));
    await page.waitForSelector(readySelector('library'));
    await page.waitForSelector('#library tr[data-doc-id^="mine-"] [data-testid="mine-mark"] >> nth=49');

    // A permalink to a unit of a user document, opened cold.
    const id = ids[0];
    await page.goto(routeUrl(target, `/doc/${id}`));
    await page.waitForSelector(`#reader[data-doc-id="${id}"]`, { timeout: 30_000 });
    const unitPath = await page.locator('#reader [data-path]').nth(1).getAttribute('data-path');
    const permalink = routeUrl(target, `/doc/${id}/${unitPath}`);
    const fresh = await session.context.newPage();
    await fresh.goto(permalink);
    await fresh.waitForSelector(`.unit--target[data-path="${unitPath}"]`, { timeout: 30_000 });
    await fresh.close();

    // Searchable: every sample's own sentence, one hit each; and filterable.
    await page.goto(routeUrl(target, `/search?q=${encodeURIComponent(MARK)}`));
    await page.waitForSelector(readySelector('search'));
    await page.waitForSelector('#search-total', { timeout: 60_000 });
    const totalText = await page.locator('#search-total').innerText();
    assert.match(totalText, /(^|\D)50(\D|$)/, `50 hits: ${totalText}`);
    await page.waitForSelector(`[data-facet="doc"] [data-value="${id}"]`);
    await page.locator(`[data-facet="doc"] [data-value="${id}"]`).click();
    await page.waitForFunction(
      (docId) => {
        const hits = [...document.querySelectorAll('#search-results [data-hit-doc]')];
        return hits.length > 0 && hits.every((h) => h.dataset.hitDoc === docId);
      },
      id,
      { timeout: 30_000 },
    );
    await screenshot(page, target, 'library-search');

    // In the matrix as extra columns.
    await page.goto(routeUrl(target, '/compare'));
    await page.waitForSelector(readySelector('compare-overview'), { timeout: 120_000 });
    const columns = await page.locator('[data-testid="matrix"] thead th[data-doc-id^="mine-"]').count();
    assert.equal(columns, 50, 'one column per user document');

    // On the timeline: all 54 documents, each user document at the date its
    // text states (or the one corrected above) or in the unknown column,
    // and every label still inside the chart.
    await page.goto(routeUrl(target, '/timeline'));
    await page.waitForSelector(readySelector('timeline'), { timeout: 60_000 });
    const marks = page.locator('[data-testid="timeline-chart"] g.timeline-chart__doc');
    assert.equal(await marks.count(), 54, 'every document on the timeline');
    const mine = await page
      .locator('[data-testid="timeline-chart"] g.timeline-chart__doc[data-doc-id^="mine-"]')
      .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-date') ?? ''));
    assert.equal(mine.length, 50);
    assert.ok(
      mine.every((d) => d === 'unknown' || /^\d{4}(-\d{2}){0,2}$/.test(d)),
      `a date as the text states it, else unknown: ${mine.join(' ')}`,
    );
    const overflow = await page.locator('[data-testid="timeline-chart"]').evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')].filter((t) => {
        const r = t.getBoundingClientRect();
        return r.right > box.right + 1 || r.left < box.left - 1;
      }).length;
    });
    assert.equal(overflow, 0, 'no label runs out of the chart');
    await screenshot(page, target, 'library-timeline');

    // Aligned against a corpus document, picked in the doc picker.
    await page.goto(routeUrl(target, `/compare/central-2018/${id}`));
    await page.waitForSelector(readySelector('compare'), { timeout: 60_000 });
    await page.waitForSelector('#compare-view tr.compare-row[data-a-path]', { timeout: 60_000 });
    const options = await page.locator(`#compare-b option[value="${ids[1]}"]`).count();
    assert.equal(options, 1, 'user documents are in the doc picker');
    await screenshot(page, target, 'library-align');

    // Export, remove all, import the file back.
    await page.goto(routeUrl(target, '/library'));
    await page.waitForSelector(SEL.ready);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(SEL.exportButton).click(),
    ]);
    const exported = JSON.parse(await fs.readFile(await download.path(), 'utf8'));
    assert.equal(exported.format, 'policy-explorer-library');
    assert.equal(exported.documents.length, 50);
    assert.ok(exported.documents[0].doc.removals !== undefined, 'provenance travels with the document');

    // A file that is not a library is refused and changes nothing.
    await page.locator(SEL.importFile).setInputFiles({
      name: 'not-a-library.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"something-else","version":1}'),
    });
    await page.waitForSelector(`${SEL.outcome}[data-outcome="refused"][data-error="not-a-library"]`);
    assert.equal(await rowCount(page), 50, 'nothing lost');

    await page.locator(SEL.removeAll).click();
    await page.waitForSelector(`${SEL.outcome}[data-outcome="removed"]`);
    assert.equal(await rowCount(page), 0);
    await page.locator(SEL.importFile).setInputFiles({
      name: 'library.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(exported)),
    });
    await page.waitForSelector(`${SEL.outcome}[data-outcome="imported"]`, { timeout: 60_000 });
    assert.equal(await rowCount(page), 50);
    const back = await page.locator(SEL.rows).evaluateAll((rows) => rows.map((r) => r.dataset.docId));
    assert.deepEqual(back.sort(), [...ids].sort(), 'the same ids (permalinks keep working)');

    // Remove one.
    await page.locator(`${SEL.rows}[data-doc-id="${id}"] .library-list__remove`).click();
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 49, SEL.rows);
    await page.reload();
    await page.waitForSelector(SEL.ready);
    await page.waitForSelector(`${SEL.rows} >> nth=48`);
    assert.equal(await rowCount(page), 49);
    assert.equal(await page.locator(`${SEL.rows}[data-doc-id="${id}"]`).count(), 0);
    await assertHealthy(page, watch);
  });

  it('hostile files are refused or cleaned, with a message, and nothing stored is lost', async () => {
    const { page, watch } = await openLibrary(session.context, target);
    const [good] = await fiftyDocuments();
    await page.locator(SEL.files).setInputFiles([good]);
    await waitImports(page, 1);
    await page.locator(`${SEL.review} .library-review__add`).click();
    await page.waitForSelector(`${SEL.outcome}[data-outcome="saved"]`);
    assert.equal(await rowCount(page), 1);

    const html = [
      '<!doctype html><html><head><title>x</title>',
      '<script>window.__pwned = 1; alert("pwned")</script></head><body>',
      '<h1>关于推进区域协调发展的实施意见</h1>',
      '<p>为贯彻落实区域协调发展战略，结合本地实际，提出如下意见。</p>',
      '<p>一、总体要求</p><p>坚持统筹协调，推动基本公共服务均等化。</p>',
      '<p>二、重点任务</p><p>健全区际利益补偿机制，完善对口支援。</p>',
      '<img src="x" onerror="window.__pwned = 2">',
      '</body></html>',
    ].join('\n');
    await page.locator(SEL.files).setInputFiles([
      { name: 'binary.bin', mimeType: 'application/octet-stream', buffer: Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]) },
      { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(10 * 1024 * 1024, '政') },
      { name: 'english.txt', mimeType: 'text/plain', buffer: Buffer.from('Just an English text, nothing Chinese here at all.') },
      { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(html) },
    ]);
    await waitImports(page, 5);
    const status = async (name) =>
      page.locator(SEL.progress).filter({ hasText: name }).first();
    assert.equal(await (await status('binary.bin')).locator('[data-error="binary"]').count(), 1, 'binary refused');
    assert.equal(await (await status('huge.txt')).locator('[data-error="too-large"]').count(), 1, '10 MB refused');
    assert.equal(await (await status('english.txt')).locator('[data-error="not-chinese"]').count(), 1);
    assert.equal(await (await status('page.html')).getAttribute('data-status'), 'ready', 'HTML reduced to its text');
    const review = page.locator(SEL.review).first();
    const reviewText = await review.innerText();
    assert.ok(!reviewText.includes('pwned') || reviewText.includes('non-text'), 'no script text in the document');
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing in the file ran');
    await screenshot(page, target, 'library-hostile');
    // The page with refusals, a document to check and the list: accessible.
    const failing = (await auditPage(page)).filter((v) => FAILING_IMPACTS.includes(v.impact));
    assert.deepEqual(failing, [], `serious/critical axe findings\n${describeViolations(failing)}`);
    await review.locator('.library-review__add').click();
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, SEL.rows);

    // A cancelled batch adds nothing and leaves the library as it was.
    const many = await fiftyDocuments();
    await page.locator(SEL.files).setInputFiles(many.slice(0, 20));
    await page.locator('#library-cancel').click();
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(sel)].some((li) => li.dataset.status === 'cancelled'),
      SEL.progress,
    );

    // Records this build cannot read (another layout, garbage) are
    // skipped with a notice, never a crash, and left in storage.
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('policy-explorer', 1);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('user-documents', 'readwrite');
            tx.objectStore('user-documents').put('{"v":1,"record":{"bogus":true}}', 'mine-bogus');
            tx.objectStore('user-documents').put(42, 'mine-number');
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );

    await page.reload();
    await page.waitForSelector(SEL.ready);
    await page.waitForSelector(`${SEL.rows} >> nth=1`);
    assert.equal(await rowCount(page), 2, 'what was stored is still there');
    const skipped = await page.locator('[data-library-notice="skipped"]').innerText();
    assert.match(skipped, /2/, `the skipped records are counted: ${skipped}`);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await assertHealthy(page, watch);
  });

  it('is off in embed mode unless the embedding page opts in', async () => {
    const base = target.url.split('#')[0].split('?')[0];
    const page = await session.context.newPage();
    await page.goto(`${base}?embed=1#/library`);
    await page.waitForSelector(readySelector('my-library'));
    await page.waitForSelector('#my-library[data-status="disabled"] [data-library-notice="disabled"]');
    assert.equal(await page.locator(`${SEL.files}:disabled`).count(), 1, 'adding is off');
    await page.goto(`${base}?embed=1&library=1#/library`);
    await page.reload();
    await page.waitForSelector(readySelector('my-library'));
    await page.waitForSelector(SEL.ready);
    assert.equal(await page.locator(`${SEL.files}:disabled`).count(), 0, 'opted in: on');
  });
});
