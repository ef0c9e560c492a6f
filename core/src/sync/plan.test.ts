import { OkrError } from '../model/errors';
import { buildDepartment, buildJiraKr, buildMetricKr, buildObjective, buildOrg } from '../testing/builders';
import { DEFAULT_MAX_EPICS_PER_QUERY, normalizeUserJql, planReconcile, reconcileFields, reconcileKrsOf, shouldSweep } from './plan';

const epicKeys = (n: number, project = 'ENG'): string[] => Array.from({ length: n }, (_, i) => `${project}-${i + 1}`);

describe('planReconcile', () => {
  it('batches every epic into parent-in chunks of at most maxEpicsPerQuery, sorted by key', () => {
    const plan = planReconcile({ krs: [{ id: 'kr1', epics: epicKeys(5) }], mode: 'full', maxEpicsPerQuery: 2 });
    expect(plan.queries.map((q) => q.jql)).toEqual(['parent in (ENG-1, ENG-2)', 'parent in (ENG-3, ENG-4)', 'parent in (ENG-5)']);
    expect(plan.queries.map((q) => q.purpose)).toEqual([
      { kind: 'epics', epics: ['ENG-1', 'ENG-2'] },
      { kind: 'epics', epics: ['ENG-3', 'ENG-4'] },
      { kind: 'epics', epics: ['ENG-5'] },
    ]);
    expect(plan.queries.every((q) => q.method === 'POST')).toBe(true);
  });

  it('reads 2,000 epics in 4 queries by default', () => {
    const plan = planReconcile({ krs: [{ id: 'kr1', epics: epicKeys(2000) }], mode: 'full' });
    expect(DEFAULT_MAX_EPICS_PER_QUERY).toBe(500);
    expect(plan.queries.map((q) => (q.purpose.kind === 'epics' ? q.purpose.epics.length : 0))).toEqual([500, 500, 500, 500]);
    expect(plan.queries[0]?.jql.startsWith('parent in (ENG-1, ENG-2, ENG-3,')).toBe(true);
  });

  it('reads an epic linked to several key results once', () => {
    const plan = planReconcile({ krs: [{ id: 'a', epics: ['OPS-2', 'ENG-10'] }, { id: 'b', epics: ['ENG-10', 'ENG-9'] }], mode: 'full' });
    expect(plan.epics).toEqual(['ENG-9', 'ENG-10', 'OPS-2']);
    expect(plan.queries.map((q) => q.jql)).toEqual(['parent in (ENG-9, ENG-10, OPS-2)']);
  });

  it('reads JQLs that are the same once printed canonically once, naming every key result', () => {
    const plan = planReconcile({
      krs: [
        { id: 'a', jql: 'project = ENG and status != Done ORDER BY created' },
        { id: 'b', jql: '  project=ENG   AND status != "Done"' },
        { id: 'c', jql: 'project = OPS' },
      ],
      mode: 'full',
    });
    expect(plan.queries).toEqual([
      { jql: 'project = ENG AND status != Done', fields: reconcileFields(), purpose: { kind: 'jql', jql: 'project = ENG AND status != Done', krs: ['a', 'b'] }, method: 'POST' },
      { jql: 'project = OPS', fields: reconcileFields(), purpose: { kind: 'jql', jql: 'project = OPS', krs: ['c'] }, method: 'POST' },
    ]);
  });

  it('folds a JQL that only restricts parent into the epic chunks', () => {
    const plan = planReconcile({ krs: [{ id: 'a', epics: ['ENG-1'] }, { id: 'b', jql: 'parent in (ENG-2, eng-1) OR parent = OPS-4' }], mode: 'full' });
    expect(plan.queries.map((q) => q.jql)).toEqual(['parent in (ENG-1, ENG-2, OPS-4)']);
    expect(plan.folded).toEqual([{ jql: 'parent IN (ENG-2, eng-1) OR parent = OPS-4', epics: ['ENG-2', 'ENG-1', 'OPS-4'], krs: ['b'] }]);
  });

  it('keeps a JQL outside the parsed subset as written, with whitespace collapsed and ORDER BY dropped', () => {
    expect(normalizeUserJql('labels  =  "okr  2026"\n AND sprint in openSprints() order   by rank')).toEqual({ jql: 'labels = "okr  2026" AND sprint in openSprints()', parents: null });
  });

  it('adds the period back to the watermark minus the skew to every query in incremental mode', () => {
    const plan = planReconcile({ krs: [{ id: 'a', epics: ['ENG-1'], jql: 'project = OPS' }], mode: 'incremental', watermark: '2026-03-02T10:03:30Z', now: '2026-03-02T11:03:30Z' });
    expect(plan.since).toBe('-65m');
    expect(plan.queries.map((q) => q.jql)).toEqual(['parent in (ENG-1) AND updated >= "-65m"', '(project = OPS) AND updated >= "-65m"']);
  });

  it('rounds the incremental period up to whole minutes, with the skew given', () => {
    const plan = planReconcile({ krs: [{ id: 'a', epics: ['ENG-1'] }], mode: 'incremental', watermark: '2026-03-01T23:30:00.000+0000', now: '2026-03-02T00:00:01Z', skewMinutes: 45 });
    expect(plan.since).toBe('-76m');
  });

  it('refuses an incremental plan without the time the queries are sent at', () => {
    expect(() => planReconcile({ krs: [{ id: 'a', epics: ['ENG-1'] }], mode: 'incremental', watermark: '2026-03-01T23:30:00Z' })).toThrow(/expected now \(the ISO instant the queries are sent at\) for an incremental reconcile, got none/);
  });

  it('asks for only the fields core needs, custom fields included when configured', () => {
    const plan = planReconcile({ krs: [{ id: 'a', epics: ['ENG-1'] }], mode: 'full', storyPointsField: 'customfield_10016', flaggedField: 'customfield_10021' });
    expect(plan.queries[0]?.fields).toEqual(['parent', 'status', 'issuetype', 'created', 'updated', 'resolutiondate', 'duedate', 'issuelinks', 'summary', 'customfield_10016', 'customfield_10021']);
    expect(reconcileFields(undefined, 'customfield_10021')).toEqual(['parent', 'status', 'issuetype', 'created', 'updated', 'resolutiondate', 'duedate', 'issuelinks', 'summary', 'customfield_10021']);
  });

  it('plans no query when no key result reads Jira', () => {
    expect(planReconcile({ krs: [{ id: 'a' }], mode: 'full' })).toEqual({ mode: 'full', since: null, epics: [], folded: [], queries: [] });
  });

  it('refuses an incremental plan without a watermark, an unreadable watermark and a bad epic key', () => {
    expect(() => planReconcile({ krs: [], mode: 'incremental' })).toThrow(
      'planReconcile: expected a watermark (the ISO instant of the last successful sync) for an incremental reconcile, got none; run a full reconcile first',
    );
    expect(() => planReconcile({ krs: [], mode: 'incremental', watermark: 'yesterday' })).toThrow('expected the watermark to be an ISO instant like 2026-03-01T10:00:00Z, got "yesterday"');
    const bad = (): unknown => planReconcile({ krs: [{ id: 'kr9', epics: ['ENG-1) OR project = X'] }], mode: 'full' });
    expect(bad).toThrow(OkrError);
    expect(bad).toThrow('key result kr9: expected a Jira issue key like ENG-42, got "ENG-1) OR project = X"');
  });
});

describe('shouldSweep', () => {
  it('sweeps when never swept, when the interval has passed, and not before', () => {
    expect(shouldSweep(null, '2026-03-02T10:00:00Z', 24)).toBe(true);
    expect(shouldSweep('2026-03-01T10:00:00Z', '2026-03-02T10:00:00Z', 24)).toBe(true);
    expect(shouldSweep('2026-03-01T10:00:01Z', '2026-03-02T10:00:00Z', 24)).toBe(false);
    expect(shouldSweep('not a date', '2026-03-02T10:00:00Z', 24)).toBe(true);
  });
});

describe('reconcileKrsOf', () => {
  it('takes the epics and JQL of every jira key result, in file order', () => {
    const org = buildOrg({
      departments: [buildDepartment('eng')],
      objectives: [buildObjective('o1', 'eng', [buildJiraKr('kr1', { epics: ['ENG-1'] }), buildMetricKr('kr2'), buildJiraKr('kr3', { jql: 'project = OPS' })])],
    });
    expect(reconcileKrsOf(org)).toEqual([
      { id: 'kr1', epics: ['ENG-1'], jql: undefined },
      { id: 'kr3', epics: [], jql: 'project = OPS' },
    ]);
  });
});
