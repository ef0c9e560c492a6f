/**
 * axe-core in a Chromium page driven by playwright-core: the engine is evaluated in the page
 * (no script tag, so the panels' Content-Security-Policy stays as Forge serves it) and run
 * over the whole document against WCAG 2.1 A and AA. Violations come back as short lines that
 * name the rule, the element and what axe says to fix.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  readonly violations: readonly { id: string; impact: string | null; help: string; nodes: readonly { target: readonly unknown[]; failureSummary?: string }[] }[];
}

/** The WCAG 2.1 A/AA violations axe finds in `page` now, one line per element. */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  const result = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: unknown): Promise<unknown> } }).axe;
    // Fluent UI's focus manager (Tabster) puts aria-hidden <i tabindex="0" data-tabster-dummy>
    // sentinels around focus zones; they hand focus on at once and are never read or stopped on.
    return axe.run({ exclude: [['[data-tabster-dummy]']] } as unknown as Document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
  })) as AxeResult;
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? 'n/a'}) ${JSON.stringify(n.target)}: ${v.help}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`));
}
