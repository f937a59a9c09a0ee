// axe-core in the page under test (npm `axe-core`, injected as a script tag,
// never fetched). Shared by the accessibility audit and any test that wants
// to check a state it has just produced.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core');

/** The impacts that fail the suite: serious and critical findings are bugs to fix. */
export const FAILING_IMPACTS = ['serious', 'critical'];

/**
 * Runs axe on the whole document (WCAG 2.x A/AA rules plus best practices)
 * and returns its violations as `{ id, impact, help, nodes: [selector…] }`.
 */
export async function auditPage(page) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
  return violations;
}

/** Counts violations (rules × nodes) by impact: `{ critical: 2, serious: 5 }`. */
export function countByImpact(violations) {
  const counts = {};
  for (const v of violations) counts[v.impact] = (counts[v.impact] ?? 0) + v.nodes.length;
  return counts;
}

/** A readable list for an assertion message. */
export function describeViolations(violations) {
  return violations
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 5).join('\n    ')}`)
    .join('\n');
}
