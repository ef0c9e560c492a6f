/**
 * One function invocation's view of the store: the repository over the injected KVS, the
 * moment of the call, and the loads and writes every entry point shares (the site, a cycle's
 * org, storing an edited org with its derived records).
 */
import { emptyMetrics, validateOrg, type EpicMetrics, type Org } from '@okr-bridge/core';
import { createKvsOkrRepository } from '../adapters/kvs-okr-repository';
import { assembleOrg } from '../domain/org-assembly';
import { planCycleWrite } from '../domain/rebuild';
import { RevisionConflict, type OkrRepository, type RepositoryChange } from '../storage/okr-repository';
import type { CycleState, PendingAlignment, SiteRecord } from '../storage/records';
import { TornRecordError } from '../adapters/kvs-records';
import type { AppDeps } from './deps';
import { AppFailure } from './failure';

export interface Session {
  readonly deps: AppDeps;
  readonly repo: OkrRepository;
  readonly nowMs: number;
  /** The moment of the call as an ISO instant. */
  readonly at: string;
}

export function openSession(deps: AppDeps): Session {
  const nowMs = deps.clock();
  return { deps, repo: createKvsOkrRepository(deps.kvs), nowMs, at: new Date(nowMs).toISOString() };
}

export async function requireSite(s: Session): Promise<SiteRecord> {
  const site = await s.repo.loadSite();
  if (!site || site.cycles.length === 0) throw new AppFailure('not-configured', 'OKRs are not set up on this site yet.');
  return site;
}

/** The cycle asked for, or the current one; refuses a cycle the site does not have. */
export function cycleOf(site: SiteRecord, requested: string | undefined): string {
  const id = requested ?? site.currentCycle ?? site.cycles[site.cycles.length - 1]?.id;
  if (id === undefined || !site.cycles.some((c) => c.id === id)) {
    throw new AppFailure('not-found', `No cycle ${String(id)} on this site; the cycles are ${site.cycles.map((c) => c.id).join(', ') || 'none'}.`);
  }
  return id;
}

export interface LoadedCycle {
  readonly org: Org;
  readonly state: CycleState | null;
  readonly metrics: EpicMetrics;
}

/** A cycle's org and metrics (an empty org when the cycle has no objectives stored yet). */
export async function loadCycleOrg(s: Session, site: SiteRecord, cycle: string): Promise<LoadedCycle> {
  const state = await s.repo.loadCycle(cycle);
  const org = assembleOrg(site, cycle, state?.parts ?? { objectives: [], dependencies: [], checkIns: [], reviews: [] });
  if (!org) throw new AppFailure('not-found', `No cycle ${cycle} on this site.`);
  return { org, state, metrics: state?.metrics ?? emptyMetrics() };
}

/**
 * Validates `org` with core (references, cycles of alignment) and commits it with its metrics
 * and every derived record that changed, in one repository commit. Returns the new site.
 */
export async function storeOrg(
  s: Session,
  site: SiteRecord,
  loaded: LoadedCycle,
  org: Org,
  options: { metrics?: EpicMetrics; site?: (x: SiteRecord) => SiteRecord; also?: RepositoryChange; pending?: readonly PendingAlignment[] } = {},
): Promise<SiteRecord> {
  const valid = validateOrg(org);
  const plan = planCycleWrite(site, loaded.state, valid, options.metrics ?? loaded.metrics, s.at, { ...(options.site ? { site: options.site } : {}), ...(options.pending ? { pending: options.pending } : {}) });
  const { nextSite, ...change } = plan;
  await s.repo.commit({ ...options.also, ...change });
  return nextSite;
}

/** How often a change is re-read and re-applied when other writers keep getting there first. */
export const MAX_ATTEMPTS = 12;

/**
 * Runs `attempt` (load, apply, commit) until its commit is not refused for a record another
 * writer changed meanwhile (or read while another writer's commit was half done): each retry
 * loads afresh and re-applies the change, after a short random pause that grows with the
 * attempts. Gives up with a `conflict` failure after `MAX_ATTEMPTS`.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, pause: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms))): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof RevisionConflict || e instanceof TornRecordError)) throw e;
      if (n >= MAX_ATTEMPTS) throw new AppFailure('conflict', 'Others changed these OKRs at the same moment, again and again; nothing of yours was saved. Try again.');
      await pause(Math.random() * Math.min(200, 5 * 2 ** n));
    }
  }
}
