// Launching Debian's Chromium (never a downloaded browser) with the flags that
// work on these machines: running as root needs --no-sandbox, and the closed
// network makes Chromium's own background traffic fail noisily unless it is
// switched off (.library/env/machines/rust.md).
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.PE_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** The desktop viewport used for the README screenshots. */
export const DESKTOP = { width: 1280, height: 800 };
/** A common phone width: every view must work down to a phone without horizontal scrolling. */
export const PHONE = { width: 390, height: 844 };

/**
 * A fresh context (no cache, no storage). Reduced motion makes the app scroll
 * to a permalinked unit instantly, so "is it in the viewport" has one answer.
 */
export function newContext(browser, options = {}) {
  return browser.newContext({
    viewport: DESKTOP,
    reducedMotion: 'reduce',
    locale: 'zh-CN',
    ...options,
  });
}
