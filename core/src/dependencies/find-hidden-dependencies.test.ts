import { validateOrg } from '../model/parse-org';
import { buildIssueIndex } from '../model/issue-index';
import type { IssueFacts, IssueLinkFacts } from '../model/issue';
import type { OrgInput } from '../model/org';
import { computeDependencies } from './compute-dependencies';
import { compareIssueKeys, findHiddenDependencies, mapIssueDepartments } from './find-hidden-dependencies';

function org(dependencies: OrgInput['dependencies'] = []) {
  return validateOrg({
    version: 1,
    cycle: { id: 'q4', start: '2026-10-01', end: '2026-12-31' },
    company: { id: 'acme', name: 'Acme' },
    departments: [
      { id: 'eng', name: 'Engineering' },
      { id: 'mkt', name: 'Marketing' },
      { id: 'ops', name: 'Operations' },
    ],
    objectives: [
      { id: 'c1', title: 'Grow', department: 'acme', keyResults: [{ id: 'c1-kr', title: 'x', kind: 'jira', epics: ['CO-1'] }] },
      { id: 'e1', title: 'Ship', department: 'eng', keyResults: [{ id: 'e1-kr', title: 'x', kind: 'jira', epics: ['ENG-1'] }] },
      { id: 'm1', title: 'Launch', department: 'mkt', keyResults: [{ id: 'm1-kr', title: 'x', kind: 'jira', epics: ['MKT-1'] }] },
      { id: 'o1', title: 'Run', department: 'ops', keyResults: [{ id: 'o1-kr', title: 'x', kind: 'jira', epics: ['OPS-1', 'ENG-9'] }] },
    ],
    dependencies,
  });
}

function issue(key: string, parent: string | null, links: IssueLinkFacts[] = []): IssueFacts {
  return {
    id: key, key, project: key.slice(0, key.indexOf('-')), summary: key, type: parent ? 'Story' : 'Epic', subtask: false, parent,
    status: 'In Progress', category: 'indeterminate', points: null, flagged: false, links, due: null,
    created: '2026-10-01T00:00:00Z', updated: null, resolved: null, assignee: null,
  };
}

const out = (key: string, relation = 'blocks', type = 'Blocks'): IssueLinkFacts => ({ type, relation, direction: 'outward', key, linkedCategory: null });
const inn = (key: string, relation = 'is blocked by', type = 'Blocks'): IssueLinkFacts => ({ type, relation, direction: 'inward', key, linkedCategory: null });

describe('findHiddenDependencies', () => {
  test('an undeclared cross-department link is reported once although both issues carry it', () => {
    const index = buildIssueIndex([
      issue('ENG-1', null), issue('MKT-1', null),
      issue('ENG-2', 'ENG-1', [out('MKT-2')]),
      issue('MKT-2', 'MKT-1', [inn('ENG-2')]),
    ]);
    expect(findHiddenDependencies(org(), index)).toEqual([
      { from: { key: 'ENG-2', department: 'eng' }, to: { key: 'MKT-2', department: 'mkt' }, relation: 'blocks' },
    ]);
  });

  test('the outward side is preferred even when the inward side is read first', () => {
    const index = buildIssueIndex([
      issue('ENG-1', null), issue('MKT-1', null),
      issue('ENG-2', 'ENG-1', [inn('MKT-2')]),
      issue('MKT-2', 'MKT-1', [out('ENG-2')]),
    ]);
    expect(findHiddenDependencies(org(), index)).toEqual([
      { from: { key: 'MKT-2', department: 'mkt' }, to: { key: 'ENG-2', department: 'eng' }, relation: 'blocks' },
    ]);
  });

  test('with only the inward side read, the link reads from that side', () => {
    const index = buildIssueIndex([issue('MKT-1', null), issue('MKT-2', 'MKT-1', [inn('ENG-1')])]);
    expect(findHiddenDependencies(org(), index)).toEqual([
      { from: { key: 'MKT-2', department: 'mkt' }, to: { key: 'ENG-1', department: 'eng' }, relation: 'is blocked by' },
    ]);
  });

  test('a link covered by a declared dependency (either direction, issue or epic) is not reported', () => {
    const issues = [
      issue('ENG-1', null), issue('MKT-1', null),
      issue('ENG-2', 'ENG-1', [out('MKT-2')]), issue('MKT-2', 'MKT-1', [inn('ENG-2')]),
      issue('ENG-3', 'ENG-1', [out('MKT-3', 'relates to', 'Relates')]), issue('MKT-3', 'MKT-1', [inn('ENG-3', 'relates to', 'Relates')]),
    ];
    const index = buildIssueIndex(issues);
    const byIssue = org([{ id: 'd', needs: { department: 'mkt', kr: 'm1-kr' }, provider: 'eng', deliverables: ['ENG-2', 'MKT-3'] }]);
    expect(findHiddenDependencies(byIssue, index)).toEqual([]);
    const reversed = org([{ id: 'd', needs: { department: 'eng', kr: 'e1-kr' }, provider: 'mkt', deliverables: ['MKT-2', 'ENG-3'] }]);
    expect(findHiddenDependencies(reversed, index)).toEqual([]);
    const byEpic = org([{ id: 'd', needs: { department: 'eng', kr: 'e1-kr' }, provider: 'mkt', deliverables: ['MKT-1'] }]);
    expect(findHiddenDependencies(byEpic, index)).toEqual([]);
  });

  test('a dependency between other departments, or listing other issues, does not cover the link', () => {
    const index = buildIssueIndex([
      issue('ENG-1', null), issue('MKT-1', null), issue('OPS-1', null),
      issue('ENG-2', 'ENG-1', [out('MKT-2')]), issue('MKT-2', 'MKT-1', [inn('ENG-2')]),
    ]);
    const o = org([
      { id: 'a', needs: { department: 'ops', kr: 'o1-kr' }, provider: 'eng', deliverables: ['ENG-2'] },
      { id: 'b', needs: { department: 'mkt', kr: 'm1-kr' }, provider: 'eng', deliverables: ['ENG-77'] },
    ]);
    expect(findHiddenDependencies(o, index).map((h) => `${h.from.key}→${h.to.key}`)).toEqual(['ENG-2→MKT-2']);
  });

  test('same-department links, links to issues outside any KR epic and company KR epics are ignored', () => {
    const index = buildIssueIndex([
      issue('ENG-1', null), issue('CO-1', null),
      issue('ENG-2', 'ENG-1', [out('ENG-3'), out('MKT-50'), out('CO-2')]),
      issue('ENG-3', 'ENG-1', [inn('ENG-2')]),
      issue('MKT-50', null, [inn('ENG-2')]),
      issue('CO-2', 'CO-1', [inn('ENG-2')]),
    ]);
    expect(findHiddenDependencies(org(), index)).toEqual([]);
  });

  test('issues sharing a department are not cross-department work', () => {
    // ENG-9 is an epic of an ops KR; its child ENG-10 is ops work; OPS-2 is ops work too.
    const index = buildIssueIndex([issue('ENG-9', null), issue('OPS-1', null), issue('ENG-10', 'ENG-9', [out('OPS-2')]), issue('OPS-2', 'OPS-1', [inn('ENG-10')])]);
    expect(findHiddenDependencies(org(), index)).toEqual([]);
  });

  test('an issue under two departments belongs to both, and the pairs come out sorted by key', () => {
    const o = org();
    o.objectives[1]!.keyResults.push({ id: 'e1-kr2', title: 'x', kind: 'jira', epics: ['OPS-1'], measure: 'issues', weight: 1 });
    const index = buildIssueIndex([
      issue('OPS-1', null), issue('MKT-1', null),
      issue('OPS-2', 'OPS-1', [out('MKT-10')]),
      issue('MKT-10', 'MKT-1', [inn('OPS-2')]),
      issue('MKT-3', 'MKT-1', [out('OPS-2')]),
    ]);
    expect(mapIssueDepartments(o, index).get('OPS-2')).toEqual(['eng', 'ops']);
    expect(findHiddenDependencies(o, index)).toEqual([
      { from: { key: 'MKT-3', department: 'mkt' }, to: { key: 'OPS-2', department: 'eng' }, relation: 'blocks' },
      { from: { key: 'OPS-2', department: 'eng' }, to: { key: 'MKT-10', department: 'mkt' }, relation: 'blocks' },
    ]);
  });

  test('computeDependencies returns the hidden dependencies beside the declared ones', () => {
    const index = buildIssueIndex([issue('ENG-1', null, [out('MKT-1')]), issue('MKT-1', null, [inn('ENG-1')])]);
    expect(computeDependencies(org(), index, '2026-11-23').hidden).toHaveLength(1);
  });

  test('compareIssueKeys orders by project, then by number', () => {
    expect(['MKT-2', 'ENG-10', 'ENG-9', 'AB-100'].sort(compareIssueKeys)).toEqual(['AB-100', 'ENG-9', 'ENG-10', 'MKT-2']);
  });
});
