// Two builds' cold starts (lib/cold-start.mjs) compared run by run: A, B, A, B, … each in a fresh
// browser context, so that a change in the machine's load hits both alike.
// Prints, per build, the median / 25th percentile / fastest time from
// navigation start to the library rendered, the phases before it
// (`domInteractive`, the app started — Trunk's `TrunkApplicationStarted`,
// which the single file's boot script also fires), and the paired
// difference B − A.
//
// Usage: node bench/cold-start-ab.mjs URL_A URL_B [--runs 30]
// (file:// or http:// URLs of two builds' pages; the route is `#/`).
import { launchBrowser } from '../lib/browser.mjs';
import { coldStart } from '../lib/cold-start.mjs';
import { median, quantile } from '../lib/stats.mjs';

const [urlA, urlB] = process.argv.slice(2).filter((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number.parseInt(process.argv[runsArg + 1], 10) : 30;
if (!urlA || !urlB) {
  console.error('usage: node bench/cold-start-ab.mjs URL_A URL_B [--runs N]');
  process.exit(2);
}

const browser = await launchBrowser();
const samples = { A: [], B: [] };
try {
  await coldStart(browser, urlA);
  await coldStart(browser, urlB);
  for (let i = 0; i < RUNS; i += 1) {
    samples.A.push(await coldStart(browser, urlA));
    samples.B.push(await coldStart(browser, urlB));
  }
} finally {
  await browser.close();
}

const ms = (n) => n.toFixed(0).padStart(9);
console.log(`\ncold start A vs B, ${RUNS} alternated runs each (ms since navigation start)`);
console.log(`${'build'.padEnd(6)}${'ready p50'.padStart(10)}${'p25'.padStart(9)}${'min'.padStart(9)}${'interactive'.padStart(12)}${'started'.padStart(9)}`);
for (const name of ['A', 'B']) {
  const s = samples[name];
  const ready = s.map((x) => x.readyMs);
  console.log(
    `${name.padEnd(6)}${ms(median(ready)).padStart(10)}${ms(quantile(ready, 0.25))}${ms(Math.min(...ready))}${ms(median(s.map((x) => x.interactiveMs))).padStart(12)}${ms(median(s.map((x) => x.startedMs)))}`,
  );
}
const paired = samples.B.map((b, i) => b.readyMs - samples.A[i].readyMs);
console.log(`B − A, paired run by run: median ${median(paired).toFixed(0)} ms`);
console.log(`A: ${urlA}\nB: ${urlB}`);
