// Embed mode, the postMessage bridge and the share dialog, on the
// demo page (e2e/embed-demo.html, another origin) embedding the strict-CSP
// build in sandboxed frames.
import { beforeEach, it } from 'node:test';
import assert from 'node:assert/strict';

import { inBrowser } from '../lib/suite.mjs';
import { servedTarget } from '../lib/targets.mjs';
import { SEL, assertHealthy, readySelector, routeUrl, watchPage } from '../lib/app.mjs';
import {
  cspUrl,
  cspViolations,
  demoUrl,
  frameAt,
  recordCspViolations,
  saveScreenshot,
} from '../lib/hardened.mjs';

/** The demo with both frames rendered and sized. */
async function openDemo(context) {
  const page = await context.newPage();
  const watch = await watchPage(context, page);
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(demoUrl());
  for (const id of ['panel-left', 'panel-right']) {
    await page.waitForSelector(`#${id}[data-current-route]`, { timeout: 30_000 });
    await page.waitForFunction((id) => Number(document.getElementById(id).dataset.resizes) >= 1, id, {
      timeout: 30_000,
    });
  }
  const frames = page.frames().filter((f) => f !== page.mainFrame());
  const byRoute = async (route) => {
    for (const f of frames) {
      if ((await f.evaluate(() => location.hash)) === route) return f;
    }
    throw new Error(`no frame at ${route}`);
  };
  const left = await byRoute('#/doc/central-2018/2.4');
  const right = await byRoute('#/doc/sichuan/6.21');
  for (const f of [left, right]) await f.waitForSelector(readySelector('reader'), { timeout: 30_000 });
  return { page, watch, dialogs, left, right };
}

const panelRoute = (page, id) => page.evaluate((id) => document.getElementById(id).dataset.currentRoute, id);

inBrowser('embedding', { context: { viewport: { width: 1440, height: 1000 } } }, (session) => {
  beforeEach(() => recordCspViolations(session.context));

  it('the demo page shows two embedded explorers sized by their resize messages', async () => {
    const { page, watch, left, right } = await openDemo(session.context);
    assert.equal(await panelRoute(page, 'panel-left'), '#/doc/central-2018/2.4');
    assert.equal(await panelRoute(page, 'panel-right'), '#/doc/sichuan/6.21');
    for (const [frame, id, doc, unit] of [
      [left, 'panel-left', 'central-2018', '2.4'],
      [right, 'panel-right', 'sichuan', '6.21'],
    ]) {
      assert.equal(await frame.locator(SEL.reader).getAttribute('data-doc-id'), doc);
      assert.equal(await frame.locator(SEL.targetUnit).getAttribute('data-path'), unit);
      assert.equal(await frame.locator('.site-header').count(), 0, 'no global navigation');
      assert.equal(await frame.locator('.site-footer').count(), 0, 'no footer');
      assert.ok(await frame.evaluate(() => document.documentElement.classList.contains('embed')));
      const background = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, 'rgba(0, 0, 0, 0)', 'transparent body');
      const open = frame.locator('#embed-open-full');
      assert.equal(await open.getAttribute('target'), '_blank');
      assert.equal(await open.getAttribute('rel'), 'noopener');
      const href = await open.getAttribute('href');
      assert.ok(href.startsWith(cspUrl()), href);
      assert.doesNotMatch(href, /embed=/);
      assert.ok(href.endsWith(`#/doc/${doc}/${unit}`), href);
      // The frame is as tall as its content says (no inner scroll bar).
      const reported = Number(await page.evaluate((id) => document.getElementById(id).dataset.height, id));
      const content = await frame.evaluate(() => document.body.scrollHeight);
      assert.ok(reported > 100 && reported < 4000, `height ${reported}`);
      assert.ok(Math.abs(reported - content) <= 2 || reported === 4000, `${reported} vs ${content}`);
      const iframeHeight = await page.locator(`#${id} iframe`).evaluate((f) => f.getBoundingClientRect().height);
      assert.ok(Math.abs(iframeHeight - reported) <= 2, `${iframeHeight} vs ${reported}`);
      assert.deepEqual(await cspViolations(frame), []);
    }
    await saveScreenshot(page, 'embed-demo', { fullPage: false });
    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(watch.consoleErrors, []);
    await page.close();
  });

  it('a navigate command from the parent changes the route, and the parent hears about it', async () => {
    const { page, watch, left } = await openDemo(session.context);
    const before = Number(await page.evaluate(() => document.getElementById('panel-left').dataset.resizes));
    await page.click('#panel-left button[data-navigate="#/doc/sichuan/6.21"]');
    await page.waitForFunction(() => document.getElementById('panel-left').dataset.currentRoute === '#/doc/sichuan/6.21');
    await left.waitForFunction(() => document.querySelector('#reader')?.dataset.docId === 'sichuan');
    assert.equal(await left.locator(SEL.targetUnit).getAttribute('data-path'), '6.21');
    await page.click('#panel-left button[data-navigate="#/"]');
    await left.waitForSelector(readySelector('library'));
    await page.waitForFunction(
      (n) => Number(document.getElementById('panel-left').dataset.resizes) > n,
      before,
      { timeout: 10_000 },
    );
    assert.equal(await panelRoute(page, 'panel-left'), '#/');
    assert.equal(await left.locator('.site-header').count(), 0, 'still embedded after navigating');
    await saveScreenshot(page, 'embed-demo-navigated');
    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(watch.consoleErrors, []);
    await page.close();
  });

  it('hostile or foreign messages are ignored: no dialog, nothing lost, one notice for bad commands', async () => {
    const { page, watch, dialogs, left, right } = await openDemo(session.context);
    const textBefore = await left.locator(SEL.targetUnit).innerText();
    // Non-commands: ignored silently.
    await page.evaluate(() => {
      const target = document.querySelector('#panel-left iframe').contentWindow;
      for (const data of [
        'policy-explorer:navigate',
        42,
        null,
        [1, 2, 3],
        { type: 'policy-explorer:eval', route: '#/' },
        { type: 'x'.repeat(5_000_000), route: '#/' },
        { type: 'policy-explorer:resize', height: 1 },
      ]) {
        target.postMessage(data, '*');
      }
    });
    await page.waitForTimeout(500);
    assert.equal(await left.locator('[data-notice="embed-command-refused"]').count(), 0, 'silence for non-commands');
    // A valid command from a window that is not the parent (the other frame): ignored.
    await right.evaluate(() =>
      window.parent.frames[0].postMessage({ type: 'policy-explorer:navigate', route: '#/' }, '*'),
    );
    await page.waitForTimeout(300);
    assert.equal(await left.evaluate(() => location.hash), '#/doc/central-2018/2.4');
    // Malformed navigate commands from the parent: refused, with one notice.
    await page.evaluate(() => {
      const target = document.querySelector('#panel-left iframe').contentWindow;
      for (const route of [
        'javascript:alert(1)',
        '#/doc/<img src=x onerror=alert(1)>',
        'https://evil.example/#/',
        `#/doc/${'a'.repeat(5_000_000)}`,
        { toString: 'x' },
        undefined,
      ]) {
        target.postMessage({ type: 'policy-explorer:navigate', route }, '*');
      }
    });
    await left.waitForSelector('[data-notice="embed-command-refused"]');
    await page.waitForTimeout(300);
    assert.equal(await left.locator('[data-notice="embed-command-refused"]').count(), 1);
    assert.equal(await left.evaluate(() => location.hash), '#/doc/central-2018/2.4');
    assert.equal(await left.locator(SEL.targetUnit).innerText(), textBefore, 'the view is intact');
    assert.equal(await left.locator('img').count(), 0, 'no markup from messages');
    assert.deepEqual(dialogs, [], 'no alert ever ran');
    assert.equal(await panelRoute(page, 'panel-left'), '#/doc/central-2018/2.4');
    await saveScreenshot(page, 'embed-demo-refused-command');
    assert.deepEqual(watch.pageErrors, []);
    assert.deepEqual(
      watch.consoleErrors.filter((e) => !e.includes('ignored a navigate command')),
      [],
    );
    await page.close();
  });

  it('an allow-list of parent origins is obeyed in both directions', async () => {
    const page = await session.context.newPage();
    await page.goto(demoUrl());
    const demoOrigin = new URL(demoUrl()).origin;
    const base = cspUrl();
    // One frame trusting the demo's origin, one trusting another origin.
    await page.evaluate(({ base, demoOrigin }) => {
      window.__got = { trusted: [], untrusted: [] };
      document.body.replaceChildren();
      for (const [name, origins] of [['trusted', demoOrigin], ['untrusted', 'https://elsewhere.example']]) {
        const frame = document.createElement('iframe');
        frame.id = name;
        frame.setAttribute('sandbox', 'allow-scripts');
        frame.src = `${base}?embed=1&embed_origins=${encodeURIComponent(origins)}#/doc/sichuan/6.21`;
        document.body.append(frame);
        window.addEventListener('message', (e) => {
          if (e.source === frame.contentWindow) window.__got[name].push(e.data.type);
        });
      }
    }, { base, demoOrigin });
    await page.waitForFunction(() => window.__got.trusted.includes('policy-explorer:route'), null, { timeout: 30_000 });
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    for (const f of frames) await f.waitForSelector(readySelector('reader'), { timeout: 30_000 });
    await page.evaluate(() => {
      for (const id of ['trusted', 'untrusted']) {
        document.getElementById(id).contentWindow.postMessage({ type: 'policy-explorer:navigate', route: '#/' }, '*');
      }
    });
    const trusted = await frameAt(page, `${base}?embed=1&embed_origins=${encodeURIComponent(demoOrigin)}`);
    await trusted.waitForSelector(readySelector('library'), { timeout: 10_000 });
    await page.waitForTimeout(500);
    const untrusted = frames.find((f) => f !== trusted);
    assert.equal(await untrusted.evaluate(() => location.hash), '#/doc/sichuan/6.21', 'unlisted parent obeyed');
    const got = await page.evaluate(() => window.__got);
    assert.deepEqual(got.untrusted, [], 'nothing is posted to an unlisted parent');
    assert.ok(got.trusted.includes('policy-explorer:resize'));
    await page.close();
  });

  it('embed=1 in the hash query also hides the chrome', async () => {
    const target = servedTarget();
    const page = await session.context.newPage();
    const watch = await watchPage(session.context, page);
    await page.goto(routeUrl(target, '/doc/sichuan/6.21?embed=1'));
    await page.waitForSelector(readySelector('reader'), { timeout: 30_000 });
    assert.equal(await page.locator('.site-header').count(), 0);
    assert.equal(await page.locator('#embed-open-full').count(), 1);
    assert.equal(await page.locator(SEL.targetUnit).getAttribute('data-path'), '6.21');
    await assertHealthy(page, watch);
    await page.close();
  });
});

inBrowser('share dialog', (session) => {
  it('shows and copies the permalink and an iframe snippet for the current state', async () => {
    const target = servedTarget();
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(target.url).origin,
    });
    const page = await session.context.newPage();
    const watch = await watchPage(session.context, page);
    const url = routeUrl(target, '/doc/sichuan/6.21');
    await page.goto(url);
    await page.waitForSelector(readySelector('reader'), { timeout: 30_000 });
    await page.click('#share-button');
    await page.waitForSelector('#share-dialog[open]');
    assert.equal(await page.inputValue('#share-permalink'), url);
    const snippet = await page.inputValue('#share-snippet');
    const title = await page.title();
    const base = url.split('#')[0];
    assert.ok(snippet.startsWith(`<iframe src="${base}?embed=1#/doc/sichuan/6.21"`), snippet);
    assert.ok(snippet.includes(` title="${title.replaceAll('"', '&quot;')}"`), snippet);
    assert.ok(snippet.includes(' loading="lazy"'));
    assert.ok(snippet.includes(' sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"'));
    assert.match(snippet, / width="\d+" height="\d+"/);
    await page.click('#share-copy-link');
    await page.waitForFunction(() => document.querySelector('.share-dialog__status').textContent.length > 0);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
    await page.click('#share-copy-snippet');
    await page.waitForFunction((s) => navigator.clipboard.readText().then((t) => t === s), snippet);
    await saveScreenshot(page, 'share-dialog');
    await page.click('#share-close');
    assert.equal(await page.locator('#share-dialog[open]').count(), 0);
    await assertHealthy(page, watch);
    await page.close();
  });

  it('hostile text in the URL stays text in the snippet', async () => {
    const target = servedTarget();
    const page = await session.context.newPage();
    const watch = await watchPage(session.context, page);
    const dialogs = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(routeUrl(target, '/search?q="><img src=x onerror=alert(1)>'));
    await page.waitForSelector(readySelector('search'), { timeout: 60_000 });
    await page.click('#share-button');
    await page.waitForSelector('#share-dialog[open]');
    const snippet = await page.inputValue('#share-snippet');
    assert.equal(snippet.match(/</g).length, 2, snippet);
    assert.equal(await page.locator('#share-dialog img').count(), 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(watch.pageErrors, []);
    await page.close();
  });
});
