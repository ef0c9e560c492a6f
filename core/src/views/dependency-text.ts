/** Sentences about a dependency that more than one surface shows (the tab, the alert card, the CLI). */
import type { DependencyView } from './types';

/**
 * "Puts at risk: Grow revenue in the mid-market; Ship a product customers rely on every day":
 * the company objectives a blocked or at-risk dependency endangers; null once it is open or
 * done (nothing is put at risk by work that is moving or delivered) or when it endangers none.
 */
export function describeImpact(dependency: Pick<DependencyView, 'state' | 'companyObjectivesAtRisk'>): string | null {
  if (dependency.state !== 'blocked' && dependency.state !== 'at-risk') return null;
  if (dependency.companyObjectivesAtRisk.length === 0) return null;
  return `Puts at risk: ${dependency.companyObjectivesAtRisk.map((o) => o.title).join('; ')}`;
}

/**
 * What a deliverable is at, after its key (which each surface links): "Blocked", "In Progress —
 * due 2026-11-19, in 4 days", or only why when Jira has no such issue. A reason that only
 * repeats the status ("status is Blocked") is left out: the status says it.
 */
export function describeDeliverable(deliverable: { readonly status: string | null; readonly reasons: readonly string[] }): string {
  const reasons = deliverable.reasons.filter((r) => r !== `status is ${deliverable.status}`);
  const parts = [deliverable.status, reasons.join('; ')].filter((p): p is string => p !== null && p !== '');
  return parts.length > 0 ? parts.join(' — ') : 'no status';
}

/**
 * Who needs what from whom, the one sentence every surface says it with: "Finance needs Usage
 * metering export from Platform". The agenda, the tab, the panels and the cards all call this.
 */
export function describeNeed(dependency: { readonly title: string; readonly needs: { readonly departmentName: string }; readonly provider: { readonly departmentName: string } }): string {
  return `${dependency.needs.departmentName} needs ${dependency.title} from ${dependency.provider.departmentName}`;
}

/** A dependency's name: its title, or the keys of its deliverables when the org file gives none. */
export function dependencyTitleOf(dependency: { readonly title?: string | null; readonly deliverables: readonly { readonly key: string }[] }): string {
  return dependency.title ?? dependency.deliverables.map((d) => d.key).join(', ');
}
