/** Properties of the roll-up over generated orgs: bounds, and independence from input order. */
import fc from 'fast-check';
import type { IssueFacts, StatusCategory } from '../model/issue';
import { buildIssueIndex } from '../model/issue-index';
import type { OrgInput } from '../model/org';
import { buildDepartment, buildIssue, buildJiraKr, buildMetricKr, buildMilestoneKr, buildObjective, buildOrg, buildRollupKr } from '../testing';
import type { KeyResultInput, ObjectiveInput } from '../testing';
import { computeKrProgressNumbers, computeProgress } from './compute-progress';

const EPICS = ['ENG-1', 'ENG-2'];
const weightArb = fc.constantFrom(0, 0.5, 1, 2, 3);

const leafArb = fc.oneof(
  // The org schema refuses a target equal to its start.
  fc.record({ kind: fc.constant('metric' as const), start: fc.integer({ min: -50, max: 50 }), target: fc.integer({ min: -50, max: 150 }), current: fc.integer({ min: -100, max: 200 }), weight: weightArb }).filter((k) => k.target !== k.start),
  fc.record({ kind: fc.constant('milestone' as const), done: fc.boolean(), weight: weightArb }),
  fc.record({ kind: fc.constant('jira' as const), epics: fc.subarray(EPICS, { minLength: 1 }), measure: fc.constantFrom('issues' as const, 'points' as const, 'weighted' as const), weight: weightArb }),
);
type LeafSpec = typeof leafArb extends fc.Arbitrary<infer T> ? T : never;

const issuesArb = fc
  .array(
    fc.record({
      parent: fc.constantFrom(...EPICS),
      category: fc.constantFrom<StatusCategory>('new', 'indeterminate', 'done'),
      points: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
    }),
    { maxLength: 20 },
  )
  .map((list) => list.map((fields, i) => buildIssue(`ENG-${10 + i}`, fields)));

/** Department objectives with generated key results, each aligned to one of two company rollups. */
const orgArb = fc.record({
  objectives: fc.array(fc.record({ krs: fc.array(leafArb, { maxLength: 4 }), parent: fc.constantFrom(0, 1), alignWeight: weightArb }), { minLength: 1, maxLength: 5 }),
  extraWeight: weightArb,
});
type OrgSpec = typeof orgArb extends fc.Arbitrary<infer T> ? T : never;

function toKr(spec: LeafSpec, id: string): KeyResultInput {
  if (spec.kind === 'metric') return buildMetricKr(id, spec);
  if (spec.kind === 'milestone') return buildMilestoneKr(id, spec);
  return buildJiraKr(id, spec);
}

function orgInput(spec: OrgSpec): Partial<OrgInput> {
  const company = buildObjective('C1', 'acme', [buildRollupKr('C1-KR0'), buildRollupKr('C1-KR1', { weight: spec.extraWeight })]);
  const objectives: ObjectiveInput[] = spec.objectives.map((o, i) =>
    buildObjective(`E${i}`, 'eng', o.krs.map((k, j) => toKr(k, `E${i}-KR${j}`)), { alignedTo: [{ kr: `C1-KR${o.parent}`, weight: o.alignWeight }] }),
  );
  return { departments: [buildDepartment('eng')], objectives: [company, ...objectives] };
}

const permutationOf = <T>(list: readonly T[]) => fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length });
const options = { jqlIssues: () => [], blockedKrs: new Set<string>() };
const AT = '2026-11-15';

function run(input: Partial<OrgInput>, issues: readonly IssueFacts[]) {
  return computeProgress(buildOrg(input), buildIssueIndex(issues), AT, options);
}

describe('roll-up properties', () => {
  it('gives the numbers-only pass the very numbers of the full computation, at any date', () => {
    fc.assert(
      fc.property(orgArb, issuesArb, fc.constantFrom('2026-10-01', '2026-10-20', AT, '2027-01-05'), (spec, issues, at) => {
        const org = buildOrg(orgInput(spec));
        const index = buildIssueIndex(issues);
        const full = computeProgress(org, index, at, options);
        expect(computeKrProgressNumbers(org, index, at, options)).toEqual(new Map(full.keyResults.map((kr) => [kr.id, kr.progress])));
      }),
    );
  });

  it('keeps every progress in [0, 1] and every objective between its key results’ min and max', () => {
    fc.assert(
      fc.property(orgArb, issuesArb, (spec, issues) => {
        const result = run(orgInput(spec), issues);
        for (const p of [...result.keyResults, ...result.objectives, ...result.departments, result.company].map((x) => x.progress)) {
          expect(p >= 0 && p <= 1).toBe(true);
        }
        for (const o of result.objectives) {
          const krs = result.keyResults.filter((k) => k.objective === o.id).map((k) => k.progress);
          if (krs.length === 0) expect(o.progress).toBe(0);
          else {
            expect(o.progress).toBeGreaterThanOrEqual(Math.min(...krs));
            expect(o.progress).toBeLessThanOrEqual(Math.max(...krs));
          }
        }
      }),
    );
  });

  it('does not depend on the order of issues, key results or objectives', () => {
    const arb = fc.tuple(orgArb, issuesArb).chain(([spec, issues]) =>
      fc.tuple(
        fc.constant(spec),
        fc.constant(issues),
        permutationOf(issues),
        fc.tuple(...spec.objectives.map((o) => permutationOf(o.krs.map((k, j) => ({ k, j }))))),
        permutationOf(spec.objectives.map((_, i) => i)),
      ),
    );
    fc.assert(
      fc.property(arb, ([spec, issues, shuffledIssues, krOrders, objectiveOrder]) => {
        const base = run(orgInput(spec), issues);
        const input = orgInput(spec);
        const [company, ...objectives] = input.objectives!;
        const reordered = objectives.map((o, i) => ({ ...o, keyResults: krOrders[i]!.map(({ j }) => o.keyResults![j]!) }));
        const shuffled = run({ ...input, objectives: [company!, ...objectiveOrder.map((i) => reordered[i]!)] }, shuffledIssues);
        const byId = <T extends { id: string; progress: number }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x.progress]));
        for (const [id, p] of byId(base.keyResults)) expect(byId(shuffled.keyResults).get(id)).toBeCloseTo(p, 12);
        for (const [id, p] of byId(base.objectives)) expect(byId(shuffled.objectives).get(id)).toBeCloseTo(p, 12);
        expect(shuffled.company.progress).toBeCloseTo(base.company.progress, 12);
        expect(shuffled.departments[0]!.progress).toBeCloseTo(base.departments[0]!.progress, 12);
      }),
    );
  });

  it('does not depend on the order of check-ins on different dates', () => {
    const checkInsArb = fc.uniqueArray(
      fc.record({ kr: fc.constantFrom('M1', 'M2'), day: fc.integer({ min: 1, max: 30 }), value: fc.integer({ min: 0, max: 100 }) }),
      { selector: (c) => `${c.kr}@${c.day}`, maxLength: 12 },
    );
    const arb = checkInsArb.chain((list) => fc.tuple(fc.constant(list), permutationOf(list)));
    fc.assert(
      fc.property(arb, ([checkIns, shuffled]) => {
        const toInput = (list: typeof checkIns): Partial<OrgInput> => ({
          objectives: [buildObjective('C1', 'acme', [buildMetricKr('M1'), buildMetricKr('M2', { weight: 2 })])],
          checkIns: list.map((c) => ({ kr: c.kr, date: `2026-10-${String(c.day).padStart(2, '0')}`, value: c.value })),
        });
        const a = run(toInput(checkIns), []);
        const b = run(toInput(shuffled), []);
        expect(b.keyResults.map((k) => k.progress)).toEqual(a.keyResults.map((k) => k.progress));
        expect(b.objectives[0]!.progress).toBe(a.objectives[0]!.progress);
      }),
    );
  });
});
