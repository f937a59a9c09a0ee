// Alignment explained and honest, against both delivery forms: the
// side-by-side view marks the key terms a pair shares on both sides and
// names its score and relation; uncertain relations are told apart from
// confident ones and counted (summary and every matrix cell); a copy of
// one's own gets the same evidence and confidence.
import { it } from 'node:test';
import assert from 'node:assert/strict';

import { forEachTarget } from '../lib/suite.mjs';
import { assertHealthy, openRoute, screenshot } from '../lib/app.mjs';

const PAIR_ROWS = '#compare-view tr.compare-row[data-a-path]';

/** Pastes `text` into the copy panel and compares it with `targetId`. */
async function compareCopy(page, text, targetId) {
  const details = page.locator('#copy-details');
  if (!(await details.evaluate((d) => d.open))) {
    await details.locator('summary').click();
  }
  await page.locator('#copy-text').fill(text);
  await page.locator('#copy-target').selectOption(targetId);
  await page.locator('#copy-compare').click();
}

/** The shared terms of a row: listed under its badge, marked on each side. */
async function rowEvidence(row) {
  return row.evaluate((tr) => {
    const marks = (sel) => [...tr.querySelectorAll(`${sel} mark.evidence-term`)].map((m) => m.textContent);
    return {
      listed: tr.querySelector('[data-testid="pair-evidence"] .compare-row__evidence-terms')?.textContent ?? '',
      a: marks('th.compare-row__a'),
      b: marks('td.compare-row__b .compare-unit__text'),
      score: tr.querySelector('.relation__score')?.textContent.trim() ?? '',
    };
  });
}

forEachTarget('alignment', (target, session) => {
  it('marks the shared key terms of a pair on both sides, with score and relation', async () => {
    const { page, watch } = await openRoute(
      session.context,
      target,
      '/compare/central-2018/sichuan/6.17',
      'compare',
    );
    const row = page.locator('#compare-view tr.compare-row--selected');
    await row.waitFor();
    assert.equal(await row.getAttribute('data-b-path'), '6.21', 'eco-compensation ↔ eco-compensation');
    assert.equal(await row.getAttribute('data-confidence'), 'confident');
    const evidence = await rowEvidence(row);
    assert.ok(evidence.a.length >= 2 && evidence.b.length >= 2, JSON.stringify(evidence));
    assert.match(evidence.score, /^\d\.\d\d$/, 'the score is shown');
    // Every marked term is a listed shared term, found on both sides.
    for (const term of [...evidence.a, ...evidence.b]) {
      assert.ok(evidence.listed.includes(term), `${term} is listed: ${evidence.listed}`);
    }
    assert.ok(evidence.a.some((t) => evidence.b.includes(t)), 'the same terms on both sides');
    assert.ok(evidence.listed.includes('横向生态补偿机制'), evidence.listed);
    await screenshot(page, target, 'alignment-evidence');
    await assertHealthy(page, watch);
    await page.close();
  });

  it('tells confident from uncertain relations and counts the uncertain ones', async () => {
    const { page, watch } = await openRoute(session.context, target, '/compare/central-2018/ndrc-2016', 'compare');
    const rows = await page
      .locator(PAIR_ROWS)
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-relation'), tr.getAttribute('data-confidence')]));
    const uncertain = rows.filter(([, c]) => c === 'uncertain');
    assert.ok(uncertain.length > 0 && uncertain.length < rows.length, `${uncertain.length}/${rows.length} uncertain`);
    for (const [relation, confidence] of rows) {
      const expected = ['possibly-related', 'probably-no-counterpart'].includes(relation) ? 'uncertain' : 'confident';
      assert.equal(confidence, expected, relation);
    }
    const counted = await page.locator('[data-testid="uncertain-count"]').getAttribute('data-uncertain');
    assert.equal(Number(counted), uncertain.length, 'the summary counts every uncertain row');
    // An uncertain badge says so in words, not only by its outline.
    const badge = page.locator(`${PAIR_ROWS}[data-confidence="uncertain"] .relation`).first();
    assert.match(await badge.innerText(), /可能/);
    await assertHealthy(page, watch);
    await page.close();
  });

  it('the matrix separates uncertain relations and says how many each cell has', async () => {
    const { page, watch } = await openRoute(session.context, target, '/compare', 'compare-overview');
    const cells = await page.locator('[data-testid="matrix"] td.matrix-cell').evaluateAll((tds) =>
      tds.map((td) => {
        const count = (id) => Number(td.querySelector(`[data-segment="${id}"]`)?.textContent ?? 0);
        return {
          uncertain: Number(td.getAttribute('data-uncertain')),
          shown: td.querySelector('.matrix-cell__uncertain')?.textContent ?? '',
          possibly: count('possibly-related'),
          probably: count('probably-no-counterpart'),
          label: td.querySelector('.visually-hidden')?.textContent ?? '',
        };
      }),
    );
    assert.equal(cells.length, 30, 'ten mechanisms × three documents');
    for (const cell of cells) {
      assert.equal(cell.uncertain, cell.possibly + cell.probably, JSON.stringify(cell));
      assert.ok(cell.shown.includes(String(cell.uncertain)), cell.shown);
    }
    assert.ok(cells.some((c) => c.uncertain > 0), 'some relations are uncertain');
    assert.ok(cells.some((c) => c.label.includes('不确定')), 'the cell names its uncertain count');
    assert.ok((await page.locator('rect.matrix-bar__segment--uncertain').count()) > 0);
    const legend = await page
      .locator('.matrix-legend__item[data-confidence="uncertain"]')
      .count();
    assert.equal(legend, 2, 'possibly related and probably dropped in the legend');
    await assertHealthy(page, watch);
    await page.close();
  });

  it('a copy of ones own gets evidence and confidence too', async () => {
    const { page, watch } = await openRoute(session.context, target, '/compare/central-2018/sichuan', 'compare');
    // A made-up provincial plan, not in the corpus.
    const copy = [
      '某省贯彻落实建立更加有效的区域协调发展新机制实施方案',
      '一、融入国家重大区域战略',
      '（一）积极参与“一带一路”建设。推进国际产能合作，建设国际陆海贸易新通道。',
      '（二）主动对接京津冀协同发展。加强与北京非首都功能疏解和雄安新区建设的产业对接。',
      '（三）推动长江经济带发展。坚持共抓大保护、不搞大开发，加强流域生态环境共建共治。',
      '二、深化对口支援',
      '（四）深入开展对口支援。加强对口支援资金和项目管理，推动对口支援向更深层次发展。',
    ].join('\n');
    await compareCopy(page, copy, 'central-2018');
    await page.waitForFunction(() => location.hash.startsWith('#/compare/central-2018/my-copy'), null, {
      timeout: 60_000,
    });
    await page.waitForSelector('#compare-view[data-b="my-copy"]');
    // The central clause naming 京津冀协同发展 finds the copy's clause, and
    // says why on both sides.
    const rows = page.locator(`${PAIR_ROWS}[data-b-path]`);
    const found = await rows.evaluateAll((trs) =>
      trs
        .map((tr) => ({
          a: tr.getAttribute('data-a-path'),
          b: tr.getAttribute('data-b-path'),
          confidence: tr.getAttribute('data-confidence'),
          terms: [...tr.querySelectorAll('td.compare-row__b mark.evidence-term')].map((m) => m.textContent),
          aTerms: [...tr.querySelectorAll('th.compare-row__a mark.evidence-term')].map((m) => m.textContent),
        }))
        .filter((r) => r.terms.some((t) => t.includes('京津冀协同发展'))),
    );
    assert.ok(found.length > 0, 'some central unit is matched through 京津冀协同发展');
    assert.ok(found.every((r) => r.aTerms.some((t) => t.includes('京津冀协同发展'))), JSON.stringify(found));
    assert.ok(found.every((r) => ['confident', 'uncertain'].includes(r.confidence)));
    const aid = await page.locator(`${PAIR_ROWS}[data-a-path="5.15"]`).getAttribute('data-b-path');
    assert.equal(aid, '2.4', 'the copy’s 对口支援 clause is the counterpart of central 5.15');
    assert.ok(
      Number(await page.locator('[data-testid="uncertain-count"]').getAttribute('data-uncertain')) >= 0,
      'the uncertain count is shown for a copy too',
    );
    await screenshot(page, target, 'alignment-my-copy');
    await assertHealthy(page, watch);
    await page.close();
  });
});
