import { validateOrg } from '../model/parse-org';
import type { Org } from '../model/org';
import { buildCompanyObjectivesOf } from './company-objectives';

function org(): Org {
  return validateOrg({
    version: 1,
    cycle: { id: 'q4', start: '2026-10-01', end: '2026-12-31' },
    company: { id: 'acme', name: 'Acme' },
    departments: [{ id: 'eng', name: 'Engineering' }],
    objectives: [
      { id: 'c1', title: 'Grow', department: 'acme', keyResults: [{ id: 'c1-kr', title: 'x', kind: 'rollup' }] },
      { id: 'c0', title: 'Top', department: 'acme', keyResults: [{ id: 'c0-kr', title: 'x', kind: 'rollup' }] },
      { id: 'e1', title: 'Ship', department: 'eng', alignedTo: [{ kr: 'c1-kr' }], keyResults: [{ id: 'e1-kr', title: 'x', kind: 'milestone' }] },
      { id: 'e2', title: 'Fix', department: 'eng', alignedTo: [{ kr: 'e1-kr' }], keyResults: [{ id: 'e2-kr', title: 'x', kind: 'milestone' }] },
    ],
  });
}

describe('buildCompanyObjectivesOf', () => {
  test("a company KR's own objective counts, and so do the company objectives above it", () => {
    const o = org();
    o.objectives[0]!.alignedTo.push({ kr: 'c0-kr', weight: 1 });
    expect(buildCompanyObjectivesOf(o)('c1-kr')).toEqual(['c1', 'c0']);
  });

  test('a department KR reaches the company through its chain; an unknown KR reaches nothing', () => {
    const of = buildCompanyObjectivesOf(org());
    expect(of('e2-kr')).toEqual(['c1']);
    expect(of('nope')).toEqual([]);
  });

  test('a loop that slipped past validation does not hang the walk', () => {
    const o = org();
    // e1 → c1 and now c1 → e2 → e1: a loop the parser would have rejected.
    o.objectives[0]!.alignedTo.push({ kr: 'e2-kr', weight: 1 });
    expect(buildCompanyObjectivesOf(o)('e2-kr')).toEqual(['c1']);
  });
});
