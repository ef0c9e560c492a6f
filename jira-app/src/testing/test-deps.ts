/**
 * App dependencies for tests and the local Forge host: a KVS double, `requestJira` functions
 * you pass (counted), an in-process queue that records what was pushed, a recorded `fetch`,
 * a settable clock and predictable ids.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEpicMetrics, compileJql, parseIssueSnapshot, parseOrg, type EpicMetrics, type IssueFacts, type Org } from '@okr-bridge/core';
import { countingRequestJira } from '../adapters/forge-issue-source';
import { KvsDouble } from '../adapters/kvs-double';
import { createKvsOkrRepository } from '../adapters/kvs-okr-repository';
import type { AppDeps, HttpInit, HttpResponse, QueuedEvent, RequestJira } from '../app/deps';
import { planFor } from '../app/read-issues';
import { emptySite } from '../domain/org-assembly';
import { planCycleWrite } from '../domain/rebuild';
import { permissionsOnlyJira } from './http-request-jira';

export interface TestDeps extends AppDeps {
  readonly kvs: KvsDouble;
  readonly queued: QueuedEvent[];
  readonly posted: { url: string; init: HttpInit | undefined }[];
  readonly jiraCalls: () => number;
  now: number;
  fetchStatus: number;
}

export function createTestDeps(options: { kvs?: KvsDouble; asUser?: RequestJira; asApp?: RequestJira; now?: string } = {}): TestDeps {
  const asUser = countingRequestJira(options.asUser ?? permissionsOnlyJira(false));
  const asApp = countingRequestJira(options.asApp ?? permissionsOnlyJira(false));
  let n = 0;
  const deps: TestDeps = {
    now: Date.parse(options.now ?? '2026-11-15T09:00:00Z'),
    fetchStatus: 200,
    kvs: options.kvs ?? new KvsDouble({ clock: () => deps.now }),
    jira: { asUser, asApp },
    queued: [],
    posted: [],
    jiraCalls: () => asUser.counter.calls + asApp.counter.calls,
    queue: { push: async (events) => void deps.queued.push(...events) },
    fetch: async (url, init) => {
      deps.posted.push({ url, init });
      return new Response('{}', { status: deps.fetchStatus }) as unknown as HttpResponse;
    },
    clock: () => deps.now,
    ids: { id: () => `id-${String(++n).padStart(4, '0')}`, secret: () => 's'.repeat(43) },
    webTriggerUrl: async () => 'https://example.invalid/x1/webtrigger',
  };
  return deps;
}

const root = join(__dirname, '..', '..', '..');

/** The Acme demo: its org file and its Jira snapshot. */
export function loadAcme(): { org: Org; issues: IssueFacts[]; text: string } {
  const text = readFileSync(join(root, 'examples', 'acme.yaml'), 'utf8');
  const org = parseOrg(text, 'acme.yaml');
  const issues = parseIssueSnapshot(JSON.parse(readFileSync(join(root, 'examples', 'acme-issues.json'), 'utf8')), org.jira);
  return { org, issues, text };
}

/**
 * The metrics a full reconcile of `org` stores when Jira holds `issues`: every planned query
 * (epic chunks, key result JQLs, the deliverables) evaluated over the snapshot with core's JQL.
 */
export function reconciledMetrics(org: Org, issues: readonly IssueFacts[], now: string): EpicMetrics {
  const plan = planFor(org, 'full', null);
  const queries: Record<string, IssueFacts[]> = {};
  for (const q of plan.queries) {
    if (q.purpose.kind !== 'jql') continue;
    const compiled = compileJql(q.jql, { now });
    queries[q.purpose.jql] = issues.filter((i) => compiled.test(i));
  }
  return buildEpicMetrics(plan.epics, issues, queries);
}

/** Stores Acme (settings, cycle, department records) with the metrics an import and a full reconcile would store. */
export async function seedAcme(deps: AppDeps, options: { org?: Org; issues?: IssueFacts[] } = {}): Promise<Org> {
  const acme = loadAcme();
  const org = options.org ?? acme.org;
  const issues = options.issues ?? acme.issues;
  const at = new Date(deps.clock()).toISOString();
  const { nextSite: _n, ...change } = planCycleWrite(emptySite(), null, org, reconciledMetrics(org, issues, at), at);
  await createKvsOkrRepository(deps.kvs).commit(change);
  return org;
}
