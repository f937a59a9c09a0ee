// The corpus sizes a scale benchmark runs at: `--factors 1,10,100,1000`
// (how many times the bundled corpus is replicated).

/** The factors given with `--factors`, or `fallback` (a comma list). */
export function factorsArg(fallback = '1,10,100,1000') {
  const at = process.argv.indexOf('--factors');
  return String(at > 0 ? process.argv[at + 1] : fallback)
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
}
