// The browser and context lifecycle every test file shares: one Chromium per
// test file (node --test runs each file in its own process), launched before
// the file's first suite and closed after its last; a fresh context (no cache,
// no storage) for every test, so no test sees another's stored preferences.
//
//   import { it } from 'node:test';
//   import { forEachTarget } from '../lib/suite.mjs';
//
//   forEachTarget('notices', (target, session) => {
//     it('…', async () => {
//       const { page, watch } = await openRoute(session.context, target, '/', 'library');
//       …
//     });
//   });
//
// Options (the optional middle argument, as in node:test's `describe`):
//   targets   which delivery forms to run against (default: both, see targets.mjs)
//   context   options for every test's fresh context (viewport, offline, …)
// A test that needs another context (a phone, a dark colour scheme) asks
// `session.newContext(options)`; it is closed after the test like the main one.
import { after, afterEach, before, beforeEach, describe } from 'node:test';

import { launchBrowser, newContext } from './browser.mjs';
import { targets as allTargets } from './targets.mjs';

let launched;

/** The file's one browser, launched on first use. */
function sharedBrowser() {
  launched ??= launchBrowser();
  return launched;
}

// Registered while the test file imports this module, i.e. on the file's root
// test: runs once, after every suite of the file.
after(async () => {
  if (launched) await (await launched).close();
});

/** What a test body reaches through: the browser and this test's context. */
class Session {
  browser = null;
  context = null;
  #contexts = [];

  /** Another fresh context on the same browser, closed after the test. */
  async newContext(options = {}) {
    const context = await newContext(this.browser, options);
    this.#contexts.push(context);
    return context;
  }

  async closeContexts() {
    const contexts = this.#contexts.splice(0);
    this.context = null;
    await Promise.all(contexts.map((context) => context.close()));
  }
}

function splitArgs(optionsOrBody, maybeBody) {
  return typeof optionsOrBody === 'function' ? [{}, optionsOrBody] : [optionsOrBody ?? {}, maybeBody];
}

/**
 * One `describe(title)` whose tests share the file's browser and each get a
 * fresh context (`session.context`), for suites that are not about one of the
 * two delivery forms (a CSP server, the embed demo page).
 * `inBrowser(title, [{ context }], (session) => { it(…) })`.
 */
export function inBrowser(title, optionsOrBody, maybeBody) {
  const [options, body] = splitArgs(optionsOrBody, maybeBody);
  describe(title, () => {
    const session = new Session();
    before(async () => {
      session.browser = await sharedBrowser();
    });
    beforeEach(async () => {
      session.context = await session.newContext(options.context);
    });
    afterEach(async () => {
      await session.closeContexts();
    });
    body(session);
  });
}

/**
 * The tests of `body` once per target, each in `describe('<target>: <title>')`
 * with a fresh context per test (see the top of this file).
 * `forEachTarget(title, [{ targets, context }], (target, session) => { it(…) })`.
 */
export function forEachTarget(title, optionsOrBody, maybeBody) {
  const [options, body] = splitArgs(optionsOrBody, maybeBody);
  for (const target of options.targets ?? allTargets()) {
    inBrowser(`${target.name}: ${title}`, options, (session) => body(target, session));
  }
}
