/**
 * The Acme example: the org file parses and holds what the README promises, the committed
 * Jira snapshot validates, is exactly what the generator produces, and contains each
 * scenario (blocked, flagged, unestimated, added scope, sub-tasks, the one undeclared link).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOrg } from '../core/src/model/parse-org';
import { parseIssueSnapshot } from '../core/src/model/issue';
import type { IssueFacts } from '../core/src/model/issue';
import { buildIssueIndex, childrenOf } from '../core/src/model/issue-index';
import type { KeyResult, Org } from '../core/src/model/org';
import { ACME_SNAPSHOT_AT, generateAcmeIssues, renderAcmeIssues } from '../examples/generate-acme-issues';
import type { JiraIssueJson } from '../examples/generate-acme-issues';

const dir = join(__dirname, '..', 'examples');
const org: Org = parseOrg(readFileSync(join(dir, 'acme.yaml'), 'utf8'), 'examples/acme.yaml');
const snapshotText = readFileSync(join(dir, 'acme-issues.json'), 'utf8');
const raw = JSON.parse(snapshotText) as { issues: JiraIssueJson[] };
const issues = parseIssueSnapshot(raw, org.jira, 'examples/acme-issues.json');
const index = buildIssueIndex(issues);

const keyResults: KeyResult[] = org.objectives.flatMap((o) => o.keyResults);
const departmentOfKr = new Map(org.objectives.flatMap((o) => o.keyResults.map((kr) => [kr.id, o.department] as const)));
const krOfEpic = new Map(keyResults.flatMap((kr) => (kr.kind === 'jira' ? kr.epics.map((e) => [e, kr.id] as const) : [])));
const epicChildren = [...krOfEpic.keys()].flatMap((e) => childrenOf(index, e));
const cycleStart = `${org.cycle.start}T00:00:00Z`;
const isAfterStart = (instant: string) => Date.parse(instant) > Date.parse(cycleStart);

describe('examples/acme.yaml', () => {
  it('describes cycle 2026-Q4 for Acme with seven departments, Platform under Engineering', () => {
    expect(org.cycle).toEqual({ id: '2026-Q4', name: 'Q4 2026', start: '2026-10-01', end: '2026-12-31' });
    expect(org.company.id).toBe('acme');
    expect(org.departments.map((d) => [d.id, d.jiraProjects.join(','), d.parent ?? null])).toEqual([
      ['eng', 'ENG', null], ['plat', 'PLAT', 'eng'], ['prod', 'PROD', null], ['mkt', 'MKT', null],
      ['sales', 'SALES', null], ['cs', 'CS', null], ['fin', 'FIN', null],
    ]);
    expect(org.jira).toEqual({ baseUrl: 'https://acme.atlassian.net', storyPointsField: 'customfield_10016', flaggedField: 'customfield_10021', blockedStatuses: ['Blocked'] });
  });

  it('gives the company 3 objectives of rollup KRs plus one metric, and every department 3 to 5 objectives', () => {
    const count = (dept: string) => org.objectives.filter((o) => o.department === dept).length;
    expect(org.departments.map((d) => count(d.id))).toEqual([4, 3, 3, 4, 3, 3, 3]);
    const company = org.objectives.filter((o) => o.department === 'acme').flatMap((o) => o.keyResults.map((kr) => kr.kind));
    expect(company).toEqual(['rollup', 'rollup', 'metric', 'rollup', 'rollup', 'rollup', 'rollup']);
  });

  it('uses every KR kind and every jira measure, a bounded JQL and a decreasing metric with a unit', () => {
    const kinds = (k: KeyResult['kind']) => keyResults.filter((kr) => kr.kind === k).length;
    expect([kinds('metric'), kinds('milestone'), kinds('jira'), kinds('rollup')]).toEqual([17, 6, 26, 7]);
    const measures = new Set(keyResults.flatMap((kr) => (kr.kind === 'jira' ? [kr.measure] : [])));
    expect([...measures].sort()).toEqual(['issues', 'points', 'weighted']);
    expect(keyResults.find((kr) => kr.id === 'cs-o2-kr1')).toMatchObject({ kind: 'jira', jql: 'project = CS AND issuetype = Bug', epics: [] });
    expect(keyResults.find((kr) => kr.id === 'cs-o1-kr1')).toMatchObject({ kind: 'metric', start: 4, target: 2.5, unit: '%', weight: 2 });
  });

  it('aligns every department objective, one to two parents with weights, Platform to a department rollup', () => {
    const departmental = org.objectives.filter((o) => o.department !== 'acme');
    expect(departmental.filter((o) => o.alignedTo.length === 0)).toEqual([]);
    expect(departmental.filter((o) => o.alignedTo.length === 2).map((o) => [o.id, o.alignedTo])).toEqual([
      ['cs-o1', [{ kr: 'acme-o3-kr1', weight: 2 }, { kr: 'acme-o1-kr2', weight: 1 }]],
    ]);
    const platParents = org.objectives.filter((o) => o.department === 'plat').flatMap((o) => o.alignedTo.map((a) => a.kr));
    expect(platParents).toEqual(['eng-o2-kr1', 'eng-o2-kr1', 'eng-o2-kr1']);
    expect(keyResults.find((kr) => kr.id === 'eng-o2-kr1')?.kind).toBe('rollup');
    expect(org.objectives.find((o) => o.id === 'eng-o2')?.alignedTo).toEqual([{ kr: 'acme-o2-kr2', weight: 1 }]);
  });

  it('names an owner on every objective and KR, none holding more than 5 KRs', () => {
    expect(org.objectives.filter((o) => !o.owner).map((o) => o.id)).toEqual([]);
    expect(keyResults.filter((kr) => !kr.owner?.endsWith('@acme.example')).map((kr) => kr.id)).toEqual([]);
    const load = new Map<string, number>();
    for (const kr of keyResults) load.set(kr.owner!, (load.get(kr.owner!) ?? 0) + 1);
    expect(Math.max(...load.values())).toBe(5);
  });

  it('leaves exactly one manual KR without a check-in since early October', () => {
    const manual = keyResults.filter((kr) => kr.kind === 'metric' || kr.kind === 'milestone');
    const last = (id: string) => org.checkIns.filter((c) => c.kr === id).map((c) => c.date).sort().at(-1) ?? null;
    const stale = manual.filter((kr) => (last(kr.id) ?? '') < '2026-11-02').map((kr) => [kr.id, last(kr.id)]);
    expect(stale).toEqual([['mkt-o3-kr2', '2026-10-06']]);
    expect(org.checkIns.filter((c) => c.decision !== undefined).map((c) => c.kr)).toEqual(['sales-o1-kr2', 'cs-o1-kr1']);
    expect(org.reviews).toEqual([{ date: '2026-11-01' }, { date: '2026-11-04', department: 'eng' }, { date: '2026-11-09', department: 'cs' }]);
  });

  it('declares 7 cross-department dependencies due in November and December 2026', () => {
    expect(org.dependencies.map((d) => [d.id, d.needs.department, d.provider, d.due])).toEqual([
      ['dep-sso', 'sales', 'eng', '2026-11-20'],
      ['dep-health-scores', 'cs', 'eng', '2026-11-27'],
      ['dep-launch-specs', 'mkt', 'prod', '2026-11-19'],
      ['dep-battlecards', 'sales', 'mkt', '2026-11-06'],
      ['dep-renewal-data', 'fin', 'sales', '2026-11-18'],
      ['dep-status-page', 'cs', 'plat', '2026-12-11'],
      ['dep-usage-metering', 'fin', 'plat', '2026-12-04'],
    ]);
  });
});

describe('examples/acme-issues.json', () => {
  it('is exactly what the generator writes for the org file', () => {
    expect(renderAcmeIssues(org)).toBe(snapshotText);
    expect(generateAcmeIssues(org).issues.length).toBe(565);
  });

  it('holds every epic the org file names, each with 5 to 30 children', () => {
    const counts = [...krOfEpic.keys()].map((e) => [e, index.byKey.get(e)?.type, childrenOf(index, e).length] as const);
    expect(counts.filter(([, type, n]) => type !== 'Epic' || n < 5 || n > 30)).toEqual([]);
    expect(counts.length).toBe(27);
    expect(epicChildren.length).toBe(448);
  });

  it('holds every dependency deliverable under an epic of the providing department', () => {
    for (const dep of org.dependencies) {
      for (const key of dep.deliverables) {
        const issue = index.byKey.get(key);
        expect([key, issue ? departmentOfKr.get(krOfEpic.get(issue.parent ?? '') ?? '') : 'missing']).toEqual([key, dep.provider]);
      }
    }
  });

  it('has blocked, flagged, blocked-by and done deliverables', () => {
    const deliverables = org.dependencies.flatMap((d) => d.deliverables).map((k) => index.byKey.get(k)!);
    expect(deliverables.filter((i) => i.status === 'Blocked').map((i) => i.key)).toEqual(['ENG-142', 'PLAT-41']);
    expect(issues.filter((i) => i.flagged).map((i) => i.key)).toEqual(['ENG-171']);
    expect(index.byKey.get('SALES-47')?.links.filter((l) => l.relation === 'is blocked by')).toEqual([
      { type: 'Blocks', relation: 'is blocked by', direction: 'inward', key: 'SALES-48', linkedCategory: 'indeterminate' },
    ]);
    expect(deliverables.filter((i) => i.category === 'done').map((i) => [i.key, i.resolved])).toEqual([['MKT-88', '2026-11-04T15:20:00.000+0000']]);
    expect(issues.filter((i) => i.status === 'Blocked').length).toBe(10);
  });

  it('has unestimated issues, scope added after the cycle start, and sub-tasks that are no epic children', () => {
    expect(epicChildren.filter((i) => i.points === null).length).toBe(51);
    expect(epicChildren.filter((i) => isAfterStart(i.created)).length).toBe(87);
    const subtasks = issues.filter((i) => i.subtask);
    expect(subtasks.length).toBe(45);
    expect(subtasks.filter((s) => index.byKey.get(s.parent ?? '')?.type !== 'Story')).toEqual([]);
    expect(epicChildren.filter((i) => i.subtask)).toEqual([]);
  });

  it('has 18 issues for the JQL key result and noise outside every key result', () => {
    const bugs = issues.filter((i) => i.project === 'CS' && i.type === 'Bug');
    expect([bugs.length, bugs.filter((b) => b.parent !== null).length, bugs.filter((b) => b.category === 'done').length]).toEqual([18, 0, 11]);
    const counted = new Set([...krOfEpic.keys(), ...epicChildren.map((i) => i.key), ...bugs.map((i) => i.key)]);
    const noise = issues.filter((i) => !counted.has(i.key) && !i.subtask);
    expect(noise.map((i) => i.project).filter((p, n, all) => all.indexOf(p) === n)).toEqual(['ENG', 'PLAT', 'PROD', 'MKT', 'SALES', 'CS', 'FIN', 'OPS']);
    expect(noise.length).toBe(27);
  });

  it('has exactly one cross-department link that no declared dependency covers', () => {
    const departmentOf = (i: IssueFacts | undefined) => departmentOfKr.get(krOfEpic.get(i?.parent ?? '') ?? '');
    const covered = (blocker: IssueFacts, blocked: IssueFacts) =>
      org.dependencies.some((d) => d.deliverables.includes(blocker.key) && d.provider === departmentOf(blocker) && d.needs.department === departmentOf(blocked) && d.needs.kr === krOfEpic.get(blocked.parent!));
    const crossing = new Map<string, { blocker: IssueFacts; blocked: IssueFacts }>();
    for (const issue of epicChildren) {
      for (const link of issue.links) {
        const other = index.byKey.get(link.key)!;
        if (departmentOf(other) === undefined || departmentOf(other) === departmentOf(issue)) continue;
        const [blocker, blocked] = link.direction === 'outward' ? [issue, other] : [other, issue];
        crossing.set(`${blocker.key}>${blocked.key}`, { blocker, blocked });
      }
    }
    const hidden = [...crossing.values()].filter((c) => !covered(c.blocker, c.blocked));
    expect(crossing.size).toBe(7);
    expect(hidden.map((c) => [c.blocker.key, departmentOf(c.blocker), c.blocked.key, departmentOf(c.blocked)])).toEqual([['FIN-29', 'fin', 'MKT-83', 'mkt']]);
    expect(org.dependencies.filter((d) => [d.needs.department, d.provider].sort().join() === 'fin,mkt')).toEqual([]);
  });

  it('writes every link on both issues with the other side current status', () => {
    const byKey = new Map(raw.issues.map((i) => [i.key, i]));
    const problems: string[] = [];
    for (const issue of raw.issues) {
      for (const link of issue.fields.issuelinks) {
        const other = link.outwardIssue ?? link.inwardIssue!;
        const mirror = byKey.get(other.key)?.fields.issuelinks.find((l) => l.id === link.id);
        const back = link.outwardIssue ? mirror?.inwardIssue : mirror?.outwardIssue;
        if (back?.key !== issue.key || back.id !== issue.id) problems.push(`${issue.key} link ${link.id} has no mirror on ${other.key}`);
        if (JSON.stringify(other.fields.status) !== JSON.stringify(byKey.get(other.key)?.fields.status)) problems.push(`${issue.key} shows a stale status of ${other.key}`);
      }
    }
    expect(problems).toEqual([]);
    expect(raw.issues.reduce((n, i) => n + i.fields.issuelinks.length, 0)).toBe(16);
  });

  it('keeps ids, keys, dates and status categories plausible', () => {
    const categoryOf: Record<string, string> = { 'To Do': 'new', 'In Progress': 'indeterminate', 'In Review': 'indeterminate', Blocked: 'indeterminate', Done: 'done' };
    const end = Date.parse(ACME_SNAPSHOT_AT);
    const problems: string[] = [];
    for (const i of issues) {
      if (categoryOf[i.status] !== i.category) problems.push(`${i.key} status ${i.status} in category ${i.category}`);
      const [created, updated] = [Date.parse(i.created), Date.parse(i.updated ?? '')];
      if (!(created <= updated && updated <= end)) problems.push(`${i.key} created ${i.created}, updated ${i.updated}`);
      if ((i.resolved !== null) !== (i.category === 'done')) problems.push(`${i.key} ${i.status} resolved ${i.resolved}`);
      if (i.resolved !== null && !(created <= Date.parse(i.resolved) && Date.parse(i.resolved) <= updated)) problems.push(`${i.key} resolved ${i.resolved}`);
      if (i.parent !== null && Date.parse(index.byKey.get(i.parent)!.created) > created) problems.push(`${i.key} created before its parent`);
    }
    expect(problems).toEqual([]);
    expect(new Set(issues.map((i) => i.id)).size).toBe(issues.length);
    expect(new Set(issues.map((i) => i.key)).size).toBe(issues.length);
  });
});
