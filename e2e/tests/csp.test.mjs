// The hosted build under the strict Content-Security-Policy documented for
// hosts (docs/embedding.md), and inside <iframe sandbox="allow-scripts">
// (opaque origin: no storage).
import { beforeEach, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';

import { inBrowser } from '../lib/suite.mjs';
import { distDir } from '../lib/targets.mjs';
import { DOCUMENT_IDS, SEL, readySelector, watchPage, assertHealthy } from '../lib/app.mjs';
import {
  STRICT_CSP,
  cspUrl,
  cspViolations,
  demoUrl,
  frameAt,
  recordCspViolations,
  saveScreenshot,
} from '../lib/hardened.mjs';

inBrowser('strict CSP', (session) => {
  beforeEach(() => recordCspViolations(session.context));

  it('dist/index.html has no inline script, style block or style attribute', async () => {
    const html = await fs.readFile(path.join(distDir(), 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
    assert.ok(scripts.length >= 1, 'a loader script');
    for (const tag of scripts) assert.match(tag, /\bsrc=/, `inline script: ${tag}`);
    assert.doesNotMatch(html, /<style\b/i);
    assert.doesNotMatch(html.replace(/<!--[\s\S]*?-->/g, ''), /\sstyle=/i);
  });

  it('the server sends the policy and the library renders with zero violations', async () => {
    const page = await session.context.newPage();
    const watch = await watchPage(session.context, page);
    const response = await page.goto(`${cspUrl()}#/`);
    assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
    await page.waitForSelector(readySelector('library'), { timeout: 30_000 });
    const ids = await page.locator(SEL.libraryRows).evaluateAll((rows) => rows.map((r) => r.dataset.docId));
    assert.deepEqual([...ids].sort(), [...DOCUMENT_IDS].sort());
    // Styles applied (a blocked stylesheet would leave the default serif font / no header colour).
    const headerBg = await page.locator('.site-header').evaluate((el) => getComputedStyle(el).borderBottomStyle);
    assert.equal(headerBg, 'solid', 'stylesheets are applied');
    assert.deepEqual(await cspViolations(page), []);
    await assertHealthy(page, watch);
    await page.close();
  });

  it('reader, search and the share dialog work under the policy', async () => {
    const page = await session.context.newPage();
    const watch = await watchPage(session.context, page);
    await page.goto(`${cspUrl()}#/doc/sichuan/6.21`);
    await page.waitForSelector(readySelector('reader'), { timeout: 30_000 });
    assert.equal(await page.locator(SEL.targetUnit).getAttribute('data-path'), '6.21');
    await page.click('#share-button');
    await page.waitForSelector('#share-dialog[open]');
    await page.keyboard.press('Escape');
    await page.goto(`${cspUrl()}#/search?q=%E7%94%9F%E6%80%81%E8%A1%A5%E5%81%BF`);
    await page.waitForSelector(readySelector('search'), { timeout: 60_000 });
    assert.deepEqual(await cspViolations(page), []);
    await assertHealthy(page, watch);
    await page.close();
  });
});

inBrowser('sandboxed iframe', (session) => {
  beforeEach(() => recordCspViolations(session.context));

  it('the full app runs in <iframe sandbox="allow-scripts"> on defaults, with a storage notice', async () => {
    const page = await session.context.newPage();
    const watch = await watchPage(session.context, page);
    // Any page of another origin will do as the host: the demo server's.
    await page.goto(demoUrl());
    const src = `${cspUrl()}#/doc/sichuan/6.21`;
    await page.evaluate((src) => {
      document.body.replaceChildren();
      const frame = document.createElement('iframe');
      frame.setAttribute('sandbox', 'allow-scripts');
      frame.title = 'policy-explorer in a sandbox';
      frame.width = '1200';
      frame.height = '700';
      frame.src = src;
      document.body.append(frame);
    }, src);
    const frame = await frameAt(page, src);
    await frame.waitForSelector(readySelector('reader'), { timeout: 30_000 });
    assert.equal(await frame.evaluate(() => window.origin), 'null', 'opaque origin');
    assert.equal(await frame.locator(SEL.targetUnit).getAttribute('data-path'), '6.21');
    assert.equal(await frame.locator('[data-notice="storage-unavailable"]').count(), 1);
    // Changing the language cannot be stored, and must not break anything.
    await frame.click(SEL.langToggle);
    await frame.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await cspViolations(frame), []);
    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(watch.consoleErrors, []);
    await saveScreenshot(page, 'sandboxed-full-app');
    await page.close();
  });
});
