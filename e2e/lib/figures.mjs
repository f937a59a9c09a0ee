// Headline figures of a benchmark, for the one summary table `cargo xtask
// bench` prints at the end and writes into the README. Each bench script
// keeps printing its own detailed table; it also records the figures an
// issue or a goal names here. `cargo xtask bench` sets PE_BENCH_FIGURES to a
// JSON-lines file it reads back; run alone, a script records nothing.
import { appendFileSync } from 'node:fs';

/**
 * Records one measured figure.
 * @param {object} f
 * @param {string} f.figure   what was measured ("cold start to the library")
 * @param {string} [f.target] where ("served", "single file", "Chromium")
 * @param {number} f.value    the measurement
 * @param {string} f.unit     "ms", "KB gzip", "×", "MB/s", …
 * @param {{atMost?: number, atLeast?: number}} [f.goal]  the goal, if any
 * @param {string} [f.peer]   the peer measured in the same run, with its figure
 * @param {string} [f.ratio]  how this compares with the peer ("0.87× native jieba-rs")
 * @param {number} [f.detectsFrom] values below this were not observable (a longtask
 *   observer reports only tasks of 50 ms or more): 0 means "none ≥ detectsFrom"
 * @param {string} [f.how]    the command or script that measured it
 */
export function recordFigure(f) {
  const file = process.env.PE_BENCH_FIGURES;
  if (!file) return;
  if (!Number.isFinite(f.value)) return;
  appendFileSync(file, `${JSON.stringify(f)}\n`);
}
