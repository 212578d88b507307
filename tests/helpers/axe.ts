import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * Runs axe-core in the page and returns its violations of the given impacts (all of them when none
 * is given), each readable in a failure: rule, help, and every element with what is wrong with it.
 */
export async function axeViolations(page: Page, impacts?: readonly string[]): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  type Axe = { run(options: object): Promise<{ violations: AxeViolation[] }> };
  // Violations only: axe skips the details of what passed, which is most of its time.
  const found = await page.evaluate(
    async () =>
      (await (window as unknown as { axe: Axe }).axe.run({ resultTypes: ['violations'] })).violations,
  );
  return found
    .filter((v) => impacts === undefined || impacts.includes(v.impact ?? ''))
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`).join('\n')}`,
    );
}

/** The violations that fail a page: serious and critical. */
export const seriousViolations = (page: Page): Promise<string[]> =>
  axeViolations(page, ['serious', 'critical']);
