import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Page } from 'playwright-core';

const requireFromHere = createRequire(__filename);
const AXE_SOURCE_PATH = requireFromHere.resolve('axe-core/axe.min.js');
let axeSourceText: string | undefined;

function axeSource(): string {
  axeSourceText ??= readFileSync(AXE_SOURCE_PATH, 'utf8');
  return axeSourceText;
}

/** WCAG 2.1 A/AA (contrast included) and 2.2's target size; what the journeys must not show. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe-core on the page as it is now; returns the serious and critical violations, one line each (rule, what
 * it asks, the first elements). Each page (route) is checked once per person: the journeys revisit pages often.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const present = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol rather than added as a <script>: the console's Content-Security-Policy
  // (script-src 'self') refuses injected script tags and would log a CSP error that fails the step.
  if (!present) await page.evaluate(axeSource());
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 3).map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
    }));
  }, AXE_TAGS);
  return violations
    .filter((violation) => violation.impact !== null && FAILING_IMPACTS.has(violation.impact))
    .map((violation) => `${violation.impact} ${violation.id} (${violation.help}): ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}${violation.nodes[0]?.failureSummary ? ` — ${violation.nodes[0].failureSummary.replace(/\s+/g, ' ')}` : ''}`);
}
