// Every notice and error the app shows about its input is worded in the
// interface language: the core and the URL codecs return kinds, i18n words
// them. This walks the routes and inputs that produce notices — a broken %
// escape, hostile and unknown search parameters, unknown filter values, the
// no-results diagnosis, bad compare options and an unknown unit, a refused
// tour file, a corrupted stored preference — first in Chinese, then after
// the language toggle in English, against both delivery forms.
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, newContext } from '../lib/browser.mjs';
import { targets } from '../lib/targets.mjs';
import { assertHealthy, openRoute, readySelector, routeUrl, SEL } from '../lib/app.mjs';
import { tourFile } from '../lib/tours.mjs';

const NOTICES = {
  search: '[data-testid="search-notice"]',
  noResults: '[data-testid="search-no-results"]',
  compare: '[data-testid="compare-notices"] li',
  tour: '#tour-load-error',
  app: '.notices .notice__text',
};

/** Three or more English words in a row: a sentence, not an echoed value. */
const ENGLISH_SENTENCE = /[A-Za-z]{2,}(?:[\s,;:'’"“”()]+[A-Za-z]{2,}){2,}/;
const CJK = /[\u3400-\u9fff]/;

/** The texts of every element matching `selector` (waiting for the first). */
async function texts(page, selector) {
  await page.locator(selector).first().waitFor({ timeout: 15_000 });
  return page.locator(selector).allInnerTexts();
}

/** Every line Chinese, none with an English sentence in it. */
function assertChinese(list, what) {
  assert.ok(list.length > 0, `${what}: nothing shown`);
  for (const text of list) {
    assert.match(text, CJK, `${what}: not Chinese: “${text}”`);
    assert.doesNotMatch(text, ENGLISH_SENTENCE, `${what}: English in the Chinese interface: “${text}”`);
  }
}

/**
 * Every line English (short lines such as "Level alone: 0" included), at
 * least one a whole sentence; `allowCjk` for notices that quote corpus text
 * (a document title).
 */
function assertEnglish(list, what, { allowCjk = false } = {}) {
  assert.ok(list.length > 0, `${what}: nothing shown`);
  assert.match(list.join('\n'), ENGLISH_SENTENCE, `${what}: no English sentence: “${list.join(' | ')}”`);
  for (const text of list) {
    assert.match(text, /[A-Za-z]{2,}/, `${what}: not English: “${text}”`);
    if (!allowCjk) assert.doesNotMatch(text, CJK, `${what}: Chinese in the English interface: “${text}”`);
  }
}

async function toEnglish(page) {
  await page.locator(SEL.langToggle).click();
  await page.waitForFunction(() => document.documentElement.lang.startsWith('en'));
}

/** A route with its notices: checked in Chinese, then in English. */
const ROUTES = [
  {
    name: 'a broken % escape in the search address',
    route: '/search?q=%E4%B',
    view: 'search',
    selector: NOTICES.search,
    count: 1,
  },
  {
    name: 'hostile, malformed and unknown search parameters',
    route: '/search?q=%3Cb%3Ex%3C%2Fb%3E&level=admin&year=20x8&mechanism=nope&evil=1&region=%FF&doc=',
    view: 'search',
    selector: NOTICES.search,
    count: 7,
  },
  {
    name: 'filter values the corpus does not know',
    route: '/search?region=atlantis&doc=no-such-doc',
    view: 'search',
    selector: NOTICES.search,
    count: 2,
  },
  {
    name: 'a query that matches nothing',
    route: '/search?q=zzzqqq',
    view: 'search',
    selector: `${NOTICES.noResults} p`,
    count: 1,
  },
  {
    name: 'a filter that empties the results',
    route: `/search?q=${encodeURIComponent('横向生态补偿')}&level=ministry`,
    view: 'search',
    selector: `${NOTICES.noResults} p`,
  },
  {
    name: 'bad compare options and an unknown unit',
    route: '/compare/central-2018/sichuan/99.99?mode=sentences&zoom=3&ip=yes',
    view: 'compare',
    selector: NOTICES.compare,
    count: 4,
    englishQuotesCorpus: true,
  },
];

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

for (const target of targets()) {
  describe(`${target.name}: notices in both languages`, () => {
    let context;
    beforeEach(async () => {
      context = await newContext(browser);
    });
    afterEach(async () => {
      await context?.close();
    });

    for (const spec of ROUTES) {
      it(spec.name, async () => {
        const { page, watch } = await openRoute(context, target, spec.route, spec.view);
        const zh = await texts(page, spec.selector);
        if (spec.count !== undefined) assert.equal(zh.length, spec.count, `zh: ${zh.join(' | ')}`);
        assertChinese(zh, `${spec.name} (zh)`);
        await toEnglish(page);
        await page.waitForFunction(
          ([selector, before]) => document.querySelector(selector)?.innerText !== before,
          [spec.selector, zh[0]],
        );
        const en = await texts(page, spec.selector);
        assert.equal(en.length, zh.length, 'the same notices in both languages');
        assertEnglish(en, `${spec.name} (en)`, { allowCjk: spec.englishQuotesCorpus });
        await assertHealthy(page, watch);
        await page.close();
      });
    }

    it('a refused tour file', async () => {
      const { page, watch } = await openRoute(context, target, '/tours', 'tours');
      const refused = [
        tourFile('bad-route', [['javascript:alert(1)', '说明']]),
        tourFile('unknown-page', [['#/evil', '说明']]),
        { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ') },
      ];
      let previous = '';
      for (const file of refused) {
        await page.locator('#tour-file').setInputFiles(file);
        await page.waitForFunction(
          ([s, before]) => {
            const text = document.querySelector(s)?.innerText ?? '';
            return text !== '' && text !== before;
          },
          [NOTICES.tour, previous],
        );
        const zh = await texts(page, NOTICES.tour);
        previous = zh[0];
        assertChinese(zh, `tour ${file.name} (zh)`);
        await toEnglish(page);
        await page.waitForFunction((s) => !/[\u3400-\u9fff]/.test(document.querySelector(s)?.innerText ?? '一'), NOTICES.tour);
        assertEnglish(await texts(page, NOTICES.tour), `tour ${file.name} (en)`);
        // Back to Chinese for the next file.
        await page.locator(SEL.langToggle).click();
        await page.waitForFunction(() => document.documentElement.lang.startsWith('zh'));
      }
      await assertHealthy(page, watch);
      await page.close();
    });

    it('a corrupted stored preference', async () => {
      // Junk where the language preference lives: reset with a notice.
      await context.addInitScript(() => {
        try {
          localStorage.setItem('policy-explorer.word-boundaries', '{"v": 1, "data": "not a bool"}');
        } catch {
          // No storage here: the app shows its "storage unavailable" notice instead.
        }
      });
      const page = await context.newPage();
      await page.goto(routeUrl(target, '/'));
      await page.waitForSelector(readySelector('library'));
      const zh = await texts(page, NOTICES.app);
      assertChinese(zh, 'stored preference (zh)');
      await toEnglish(page);
      await page.waitForFunction((s) => !/[\u3400-\u9fff]/.test(document.querySelector(s)?.innerText ?? '一'), NOTICES.app);
      assertEnglish(await texts(page, NOTICES.app), 'stored preference (en)');
      await page.close();
    });
  });
}
