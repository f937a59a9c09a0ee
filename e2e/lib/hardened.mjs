// Targets of the embedding / CSP tests, set by xtask/src/e2e.rs:
//   PE_CSP_URL   the hosted build served with the strict Content-Security-Policy
//                and Access-Control-Allow-Origin: * (so a sandboxed frame can load it)
//   PE_DEMO_URL  e2e/embed-demo.html, served from a second origin
import fs from 'node:fs/promises';
import path from 'node:path';

import { artifactsDir } from './targets.mjs';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run the suite through \`cargo xtask e2e\` or \`cargo xtask test\``);
  }
  return value;
}

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

export function cspUrl() {
  return required('PE_CSP_URL');
}

/** The demo page embedding the strict-CSP build. */
export function demoUrl() {
  return `${required('PE_DEMO_URL')}?app=${encodeURIComponent(cspUrl())}`;
}

/**
 * Records CSP violations in every frame of the page (an init script is
 * injected by the DevTools protocol, so the policy does not block it).
 */
export async function recordCspViolations(context) {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
}

export async function cspViolations(frame) {
  return frame.evaluate(() => window.__cspViolations ?? ['(no recorder)']);
}

export async function saveScreenshot(page, name, options = {}) {
  const dir = path.join(artifactsDir(), 'embed');
  await fs.mkdir(dir, { recursive: true });
  await page.mouse.move(0, 0);
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, ...options });
  return file;
}

export async function saveArtifact(name, bytes) {
  const dir = path.join(artifactsDir(), 'embed');
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  await fs.writeFile(file, bytes);
  return file;
}

/** The frame of `page` whose URL starts with `prefix`, once it exists. */
export async function frameAt(page, prefix, timeout = 30_000) {
  const started = Date.now();
  while (Date.now() - started < timeout) {
    const frame = page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(prefix));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error(`no frame at ${prefix}`);
}
