// The selector contract with the app (src/): keep it in one place.
import fs from 'node:fs/promises';
import path from 'node:path';
import assert from 'node:assert/strict';

import { artifactsDir } from './targets.mjs';

export const DOCUMENT_IDS = ['central-2018', 'sichuan', 'inner-mongolia', 'ndrc-2016'];

export const SEL = {
  libraryRows: '#library tr[data-doc-id]',
  reader: '#reader[data-doc-id]',
  targetUnit: '.unit--target',
  langToggle: '#lang-toggle',
  notFound: '[data-testid="not-found"]',
  fatalError: '#fatal-error',
};

/** `body[data-ready="<view>"]`, set by src/dom.rs once a view has rendered. */
export function readySelector(view) {
  return `body[data-ready="${view}"]`;
}

/** The target's URL with a hash route (`/doc/sichuan/6.21`). */
export function routeUrl(target, route) {
  const base = target.url.split('#')[0];
  return `${base}#${route}`;
}

/**
 * Records what a page does that a test may want to forbid: console errors,
 * uncaught exceptions and every request (through the DevTools protocol, so
 * nothing the browser fetches on the page's behalf is missed).
 */
export async function watchPage(context, page) {
  const watch = { consoleErrors: [], pageErrors: [], requests: [] };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url;
    watch.consoleErrors.push(where ? `${msg.text()} [${where}]` : msg.text());
  });
  page.on('pageerror', (error) => watch.pageErrors.push(String(error)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (event) => watch.requests.push(event.request.url));
  return watch;
}

/** Open `route` in a new page of `context` and wait for `view` to render. */
export async function openRoute(context, target, route, view) {
  const page = await context.newPage();
  const watch = await watchPage(context, page);
  await page.goto(routeUrl(target, route));
  await page.waitForSelector(readySelector(view), { timeout: 30_000 });
  return { page, watch };
}

/** No console errors, no exceptions, no panic banner. */
export async function assertHealthy(page, watch) {
  assert.deepEqual(watch.pageErrors, [], 'uncaught exceptions');
  assert.deepEqual(watch.consoleErrors, [], 'console errors');
  assert.equal(await page.locator(SEL.fatalError).count(), 0, 'panic banner shown');
}

/** Requests other than the page itself and inline data:/blob: URLs. */
export function externalRequests(watch, target) {
  const documentUrl = target.url.split('#')[0];
  return watch.requests.filter((url) => {
    const bare = url.split('#')[0];
    return bare !== documentUrl && !url.startsWith('data:') && !url.startsWith('blob:');
  });
}

export async function screenshot(page, target, name) {
  const dir = path.join(artifactsDir(), target.name);
  await fs.mkdir(dir, { recursive: true });
  // Park the pointer so no hover style leaks into the picture.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}
