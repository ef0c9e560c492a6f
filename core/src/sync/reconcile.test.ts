import fc from 'fast-check';
import { compileJql } from '../jql/compile';
import { normalizeIssue, type IssueFacts } from '../model/issue';
import { buildIssue } from '../testing/builders';
import { buildEpicMetrics, emptyMetrics, type EpicMetrics } from './metrics';
import { planReconcile, type ReconcilePlan } from './plan';
import { applyReconcile, type ReconcilePage } from './reconcile';
import { createSite, epicChoice, FLAG_FIELD, opArbitrary, performOp, POINTS_FIELD, seedArbitrary, snapshotOf, TRACKED_EPICS, type Site, type SiteOp } from './site-model.test-support';

const child = (key: string, parent: string | null, fields: Partial<IssueFacts> = {}) => buildIssue(key, { id: `id-${key}`, parent, ...fields });
const epicsPage = (epics: string[], issues: IssueFacts[]): ReconcilePage => ({ purpose: { kind: 'epics', epics }, issues });
const keys = (m: EpicMetrics, epic: string) => m.epics[epic]?.issues.map((i) => i.key);

const prev = buildEpicMetrics(['ENG-1', 'ENG-2'], [child('ENG-10', 'ENG-1'), child('ENG-11', 'ENG-1'), child('ENG-20', 'ENG-2')], { 'project = OPS': [child('OPS-5', null)] });

describe('applyReconcile', () => {
  it('replaces in full mode: deleted and moved-out issues disappear, unplanned epics and JQLs are dropped', () => {
    const out = applyReconcile(prev, [epicsPage(['ENG-1', 'ENG-3'], [child('ENG-10', 'ENG-1', { status: 'Done', category: 'done' }), child('ENG-30', 'ENG-3')])], 'full');
    expect(out.metrics.epics).toEqual(buildEpicMetrics(['ENG-1', 'ENG-3'], [child('ENG-10', 'ENG-1', { status: 'Done', category: 'done' }), child('ENG-30', 'ENG-3')]).epics);
    expect(out.metrics.queries).toEqual({});
    expect(out.changed).toEqual({ epics: ['ENG-1', 'ENG-2', 'ENG-3'], queries: ['project = OPS'] });
    expect(out.partial).toEqual({ epics: [], queries: [] });
  });

  it('merges in incremental mode, moving an issue whose parent changed and keeping the rest', () => {
    const out = applyReconcile(prev, [epicsPage(['ENG-1', 'ENG-2'], [child('ENG-11', 'ENG-2', { points: 8 })])], 'incremental');
    expect([keys(out.metrics, 'ENG-1'), keys(out.metrics, 'ENG-2')]).toEqual([['ENG-10'], ['ENG-11', 'ENG-20']]);
    expect(out.metrics.epics['ENG-2']?.totals.points.new).toBe(8);
    expect(out.metrics.queries).toBe(prev.queries);
    expect(out.changed).toEqual({ epics: ['ENG-1', 'ENG-2'], queries: [] });
  });

  it('updates and adds JQL matches incrementally, and flags sets seen for the first time as partial', () => {
    const out = applyReconcile(
      prev,
      [
        { purpose: { kind: 'jql', jql: 'project = OPS', krs: ['kr2'] }, issues: [child('OPS-6', null)] },
        { purpose: { kind: 'jql', jql: 'project = WEB', krs: ['kr3'] }, issues: [child('WEB-1', null)] },
        epicsPage(['ENG-4'], []),
      ],
      'incremental',
    );
    expect(out.metrics.queries['project = OPS']?.issues.map((i) => i.key)).toEqual(['OPS-5', 'OPS-6']);
    expect(out.partial).toEqual({ epics: ['ENG-4'], queries: ['project = WEB'] });
    expect(out.changed).toEqual({ epics: ['ENG-4'], queries: ['project = OPS', 'project = WEB'] });
  });

  it('keeps an issue read under two epics (moved during the read) only under the last', () => {
    const out = applyReconcile(prev, [epicsPage(['ENG-1'], [child('ENG-10', 'ENG-1')]), epicsPage(['ENG-2'], [child('ENG-10', 'ENG-2')])], 'full');
    expect([keys(out.metrics, 'ENG-1'), keys(out.metrics, 'ENG-2')]).toEqual([[], ['ENG-10']]);
  });

  it('reports nothing changed when the pages say what is stored', () => {
    const out = applyReconcile(prev, [epicsPage(['ENG-1', 'ENG-2'], [child('ENG-10', 'ENG-1'), child('ENG-11', 'ENG-1'), child('ENG-20', 'ENG-2')]), { purpose: { kind: 'jql', jql: 'project = OPS', krs: ['k'] }, issues: [child('OPS-5', null)] }], 'full');
    expect(out.changed).toEqual({ epics: [], queries: [] });
    expect(out.metrics.epics).toEqual(prev.epics);
  });
});

const context = { storyPointsField: POINTS_FIELD, flaggedField: FLAG_FIELD };
const krs = [{ id: 'kr1', epics: ['ENG-1', 'OPS-1'] }, { id: 'kr2', epics: ['ENG-2'] }];

/** Runs a plan against the site as Jira would, with the JQL evaluator of core/src/jql. */
function runPlan(site: Site, plan: ReconcilePlan, now: string): { pages: ReconcilePage[]; read: number } {
  const issues = snapshotOf(site).map((raw) => normalizeIssue(raw, context));
  const pages = plan.queries.map((q) => ({ purpose: q.purpose, issues: issues.filter((i) => compileJql(q.jql, { now }).test(i)) }));
  return { pages, read: pages.reduce((n, p) => n + p.issues.length, 0) };
}

const fresh = (site: Site) => buildEpicMetrics(TRACKED_EPICS, snapshotOf(site).map((raw) => normalizeIssue(raw, context)));
const stampOf = (site: Site) => new Date(site.clockMs).toISOString();

describe('planReconcile and applyReconcile against a site', () => {
  it('a full reconcile from nothing equals a fresh build, reading each child once', () => {
    fc.assert(
      fc.property(seedArbitrary, (seeds) => {
        const site = createSite(seeds);
        const { pages, read } = runPlan(site, planReconcile({ krs, mode: 'full', maxEpicsPerQuery: 2, ...context }), stampOf(site));
        expect(applyReconcile(emptyMetrics(), pages, 'full').metrics.epics).toEqual(fresh(site).epics);
        expect(read).toBe(Object.values(fresh(site).epics).reduce((n, e) => n + e.issues.length, 0));
      }),
    );
  });

  it('an incremental reconcile after changes it can see equals a fresh build, reading only what changed', () => {
    const visible = (site: Site, op: SiteOp): boolean =>
      op.kind !== 'delete' && op.kind !== 'deleteEpic' && (op.kind !== 'move' || TRACKED_EPICS.includes(epicChoice(site, op.parent) ?? '') || !TRACKED_EPICS.includes(pickIssueParent(site, op.pick)));
    fc.assert(
      fc.property(seedArbitrary, fc.array(opArbitrary(fc.constant(false)), { maxLength: 30 }), (seeds, ops) => {
        const site = createSite(seeds);
        const before = applyReconcile(emptyMetrics(), runPlan(site, planReconcile({ krs, mode: 'full', ...context }), stampOf(site)).pages, 'full').metrics;
        site.clockMs += 10 * 60_000;
        const watermark = stampOf(site);
        for (const op of ops) if (visible(site, op)) performOp(site, op);
        const plan = planReconcile({ krs, mode: 'incremental', watermark, now: stampOf(site), skewMinutes: 5, ...context });
        const { pages } = runPlan(site, plan, stampOf(site));
        expect(applyReconcile(before, pages, 'incremental').metrics.epics).toEqual(fresh(site).epics);
        // Nothing older than the watermark is read again (the site's clock moves a minute per change, beyond the skew).
        for (const page of pages) for (const issue of page.issues) expect(Date.parse(issue.updated ?? '')).toBeGreaterThan(Date.parse(watermark));
      }),
    );
  });
});

function pickIssueParent(site: Site, pick: number): string {
  const issues = [...site.issues.values()].filter((i) => !i.epic);
  return issues.length === 0 ? '' : (issues[pick % issues.length]?.parent ?? '');
}
