/**
 * After any change to a cycle's org or metrics: the new department inputs, which of them
 * differ from what is stored (by hash, so unchanged departments are not rewritten), and the
 * cycle's index for the site record. One function, so every writer (resolvers, the issue
 * trigger, the reconcile, the web trigger) keeps the derived records in step the same way.
 */
import { createHash } from 'node:crypto';
import type { EpicMetrics, Org } from '@okr-bridge/core';
import type { RepositoryChange } from '../storage/okr-repository';
import { generationOf, type CycleState, type DepartmentInput, type PendingAlignment, type SiteRecord } from '../storage/records';
import { livePending } from './alignments';
import { buildCycleIndex } from './cycle-index';
import { buildDepartmentInputs } from './department-inputs';
import { cyclePartsOf, siteWithOrg } from './org-assembly';

function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}

/**
 * The repository change that stores `org` (validated by the caller) with `metrics` as cycle
 * `org.cycle.id`, given the site and the previous cycle state (null the first time). `at` is
 * the instant the day-independent lint is computed at. Pending alignments are kept from the
 * previous state unless `extra.pending` replaces them, less those whose parts are gone.
 * `extra.inputs`: the department inputs of `org` and `metrics` at `at`, when the caller built
 * them already. The cycle keeps the generation of its department records.
 */
export function planCycleWrite(
  site: SiteRecord,
  previous: CycleState | null,
  org: Org,
  metrics: EpicMetrics,
  at: string,
  extra: { site?: (s: SiteRecord) => SiteRecord; pending?: readonly PendingAlignment[]; inputs?: readonly DepartmentInput[] } = {},
): RepositoryChange & { nextSite: SiteRecord; cycles: CycleState[] } {
  const inputs = extra.inputs ?? buildDepartmentInputs(org, metrics, at);
  const views: Record<string, string> = {};
  const changed = [];
  for (const input of inputs) {
    const hash = hashOf(input);
    views[input.department] = hash;
    if (previous?.views[input.department] !== hash) changed.push(input);
  }
  const dropped = Object.keys(previous?.views ?? {})
    .filter((d) => !Object.hasOwn(views, d))
    .map((department) => ({ cycle: org.cycle.id, department }));
  const pending = livePending(org, extra.pending ?? previous?.parts.pendingAlignments ?? []);
  const parts = pending.length > 0 ? { ...cyclePartsOf(org), pendingAlignments: pending } : cyclePartsOf(org);
  const state: CycleState = { version: 1, cycle: org.cycle.id, parts, metrics, views };
  const withOrg = siteWithOrg(site, org);
  const generation = generationOf(site, org.cycle.id);
  const index = buildCycleIndex(org, inputs);
  let nextSite: SiteRecord = { ...withOrg, index: { ...withOrg.index, [org.cycle.id]: generation === undefined ? index : { ...index, generation } } };
  if (extra.site) nextSite = extra.site(nextSite);
  // The site record is rewritten only when it changed: most issue events leave the index alone.
  const siteChanged = JSON.stringify(nextSite) !== JSON.stringify(site);
  return { ...(siteChanged ? { site: nextSite } : {}), nextSite, cycles: [state], departments: changed, dropDepartments: dropped };
}
