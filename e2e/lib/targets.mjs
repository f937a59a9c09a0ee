// The two delivery forms under test. `cargo xtask e2e` / `cargo xtask test`
// build dist/, serve it on 127.0.0.1 and set these variables:
//   PE_SERVED_URL       http://127.0.0.1:PORT/   (the hosted Trunk build)
//   PE_SINGLE_FILE_URL  file:///…/dist/policy-explorer.html
//   PE_DIST_DIR         …/dist   (for tests that need their own server, e.g. CSP headers)
//   PE_ARTIFACTS_DIR    …/e2e/artifacts (screenshots)
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run the suite through \`cargo xtask e2e\` (after \`cargo xtask dist\`) or \`cargo xtask test\``,
    );
  }
  return value;
}

/** Both targets, each `{ name, url, offlineFile }`. */
export function targets() {
  return [
    { name: 'served', url: required('PE_SERVED_URL'), offlineFile: false },
    { name: 'single-file', url: required('PE_SINGLE_FILE_URL'), offlineFile: true },
  ];
}

export function singleFileTarget() {
  return targets().find((t) => t.offlineFile);
}

export function servedTarget() {
  return targets().find((t) => !t.offlineFile);
}

export function distDir() {
  return required('PE_DIST_DIR');
}

export function artifactsDir() {
  return (
    process.env.PE_ARTIFACTS_DIR ??
    path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts')
  );
}
