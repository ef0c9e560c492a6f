import fc from 'fast-check';
import { normalizeIssue } from '../model/issue';
import { applyFetchedIssue, applyIssueEvent, type IssueEventContext } from './apply-event';
import { parseForgeIssueEvent } from './event-schema';
import { buildEpicMetrics, type EpicMetrics } from './metrics';
import { createSite, FLAG_FIELD, opArbitrary, performOp, POINTS_FIELD, rawIssueOf, seedArbitrary, SITE_STATUSES, snapshotOf, TRACKED_EPICS, type Site } from './site-model.test-support';

const context: IssueEventContext = { storyPointsField: POINTS_FIELD, flaggedField: FLAG_FIELD };

function freshMetrics(site: Site): EpicMetrics {
  return buildEpicMetrics(TRACKED_EPICS, snapshotOf(site).map((raw) => normalizeIssue(raw, context)));
}

/** Delivers one event as the Forge trigger would, answering a fetch from the site as it is now. */
function deliver(metrics: EpicMetrics, json: unknown, site: Site, stats: { fetches: number }): EpicMetrics {
  const parsed = parseForgeIssueEvent(json);
  if (parsed.kind === 'invalid') throw new Error(parsed.message);
  const outcome = applyIssueEvent(metrics, parsed.event, context);
  if (outcome.kind === 'applied') return outcome.metrics;
  if (outcome.kind === 'ignored') return metrics;
  stats.fetches += 1;
  const raw = rawIssueOf(site, outcome.key);
  const answer = applyFetchedIssue(metrics, outcome.key, raw ? normalizeIssue(raw, context) : null);
  return answer.kind === 'applied' ? answer.metrics : metrics;
}

function run(seeds: Parameters<typeof createSite>[0], ops: Parameters<typeof performOp>[1][]): { site: Site; metrics: EpicMetrics; fetches: number } {
  const site = createSite(seeds);
  let metrics = freshMetrics(site);
  const stats = { fetches: 0 };
  for (const op of ops) for (const event of performOp(site, op)) metrics = deliver(metrics, event, site, stats);
  return { site, metrics, fetches: stats.fetches };
}

describe('epic metrics kept by events', () => {
  it('equal a fresh build from a snapshot after any sequence of changes, full or sparse events', () => {
    fc.assert(
      fc.property(seedArbitrary, fc.array(opArbitrary(fc.boolean()), { maxLength: 40 }), (seeds, ops) => {
        const { site, metrics } = run(seeds, ops);
        const fresh = freshMetrics(site);
        expect(metrics.epics).toEqual(fresh.epics);
        // The learned categories are right, and cover every status a stored issue is in.
        for (const [status, category] of Object.entries(metrics.statusCategories)) expect(SITE_STATUSES.find((s) => s.name === status)?.category).toBe(category);
        for (const set of Object.values(metrics.epics)) for (const issue of set.issues) expect(metrics.statusCategories[issue.status]).toBe(issue.category);
      }),
      { numRuns: 300 },
    );
  });

  it('never need a Jira call when every event carries its fields', () => {
    fc.assert(
      fc.property(seedArbitrary, fc.array(opArbitrary(fc.constant(false)), { maxLength: 40 }), (seeds, ops) => {
        const { site, metrics, fetches } = run(seeds, ops);
        expect(fetches).toBe(0);
        expect(metrics.epics).toEqual(freshMetrics(site).epics);
      }),
      { numRuns: 200 },
    );
  });

  it('fetch some issues when events are sparse, and still converge', () => {
    const ops = [
      { kind: 'create', seed: { parent: 0, status: 4, points: 3, flagged: false }, sparse: true },
      { kind: 'transition', pick: 0, status: 5, sparse: true },
    ] as const;
    const { site, metrics, fetches } = run([], [...ops]);
    expect(fetches).toBe(2);
    expect(metrics.epics['ENG-1']?.issues.map((i) => [i.key, i.status, i.category])).toEqual([['ENG-10', 'Blocked', 'indeterminate']]);
    expect(metrics.epics).toEqual(freshMetrics(site).epics);
  });
});
