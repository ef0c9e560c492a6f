/**
 * Fixture builders for tests and benchmarks: org files through the real `validateOrg` (so
 * defaults and reference checks apply), issue facts with plain defaults, and a deterministic
 * org of any size with its issues. Nothing here reads the clock or random numbers.
 */
import type { z } from 'zod';
import type { IssueFacts, StatusCategory } from '../model/issue';
import { buildIssueIndex } from '../model/issue-index';
import type { departmentSchema, KeyResult, keyResultSchema, objectiveSchema, Org, OrgInput } from '../model/org';
import { validateOrg } from '../model/parse-org';
import type { KrContext, LeafKeyResult } from '../progress/kr-progress';

export type DepartmentInput = z.input<typeof departmentSchema>;
export type ObjectiveInput = z.input<typeof objectiveSchema>;
export type KeyResultInput = z.input<typeof keyResultSchema>;

/** The cycle every builder uses unless told otherwise: 92 days, 2026-10-01..2026-12-31. */
export const TEST_CYCLE = { id: '2026-Q4', start: '2026-10-01', end: '2026-12-31' } as const;
export const TEST_COMPANY = { id: 'acme', name: 'Acme' } as const;

/** A validated org: version 1, `TEST_CYCLE` and `TEST_COMPANY` unless `input` says otherwise. */
export function buildOrg(input: Partial<OrgInput> = {}): Org {
  return validateOrg({ version: 1, cycle: TEST_CYCLE, company: TEST_COMPANY, ...input });
}

/** A department input named after its id. */
export function buildDepartment(id: string, fields: Partial<DepartmentInput> = {}): DepartmentInput {
  return { id, name: `Department ${id}`, ...fields };
}

/** An objective input of `department` (a department id or the company id) with these key results. */
export function buildObjective(id: string, department: string, keyResults: KeyResultInput[], fields: Partial<ObjectiveInput> = {}): ObjectiveInput {
  return { id, title: `Objective ${id}`, department, keyResults, ...fields };
}

type KrFields<K extends KeyResultInput['kind']> = Omit<Partial<Extract<KeyResultInput, { kind: K }>>, 'kind' | 'id'>;

/** A metric key result input, 0 → 100 unless `fields` say otherwise. */
export function buildMetricKr(id: string, fields: KrFields<'metric'> = {}): KeyResultInput {
  return { id, kind: 'metric', title: `Metric ${id}`, start: 0, target: 100, ...fields };
}

/** A milestone key result input, not done unless `fields` say so. */
export function buildMilestoneKr(id: string, fields: KrFields<'milestone'> = {}): KeyResultInput {
  return { id, kind: 'milestone', title: `Milestone ${id}`, ...fields };
}

/** A jira key result input; give it `epics` or a `jql`. */
export function buildJiraKr(id: string, fields: KrFields<'jira'> = {}): KeyResultInput {
  return { id, kind: 'jira', title: `Jira ${id}`, ...fields };
}

/** A rollup key result input. */
export function buildRollupKr(id: string, fields: KrFields<'rollup'> = {}): KeyResultInput {
  return { id, kind: 'rollup', title: `Rollup ${id}`, ...fields };
}

/** The key result `id` of `org`; throws when there is none (a broken fixture). */
export function findKr(org: Org, id: string): KeyResult {
  for (const o of org.objectives) for (const kr of o.keyResults) if (kr.id === id) return kr;
  throw new Error(`fixture has no key result ${id}`);
}

/** The metric, milestone or jira key result `id` of `org`; throws for a rollup or a missing one. */
export function findLeafKr(org: Org, id: string): LeafKeyResult {
  const kr = findKr(org, id);
  if (kr.kind === 'rollup') throw new Error(`fixture key result ${id} is a rollup`);
  return kr;
}

/**
 * The context `computeKrProgress` reads for key result `krId` of `org` at `at`: the org's
 * cycle, check-ins of that key result and status weights, an index over `issues`, and a JQL
 * evaluator that answers `jql` from `jqlAnswers` (no answer: no issues).
 */
export function buildKrContext(org: Org, krId: string, at: string, issues: readonly IssueFacts[] = [], jqlAnswers: Readonly<Record<string, readonly IssueFacts[]>> = {}): KrContext {
  return {
    cycle: org.cycle,
    at,
    index: buildIssueIndex(issues),
    checkIns: org.checkIns.filter((c) => c.kr === krId),
    statusWeights: org.settings.statusWeights,
    jqlIssues: (jql) => jqlAnswers[jql] ?? [],
  };
}

const STATUS_NAMES: Record<StatusCategory, string> = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' };

/**
 * Issue facts with plain defaults: a Story in "To Do", unestimated, created before
 * `TEST_CYCLE` starts, no parent. The status name follows `category` unless given; a done
 * issue is resolved on 2026-10-15 unless `resolved` is given.
 */
export function buildIssue(key: string, fields: Partial<IssueFacts> = {}): IssueFacts {
  const category = fields.category ?? 'new';
  return {
    id: key,
    key,
    project: key.slice(0, key.lastIndexOf('-')),
    summary: `Issue ${key}`,
    type: 'Story',
    subtask: false,
    parent: null,
    status: STATUS_NAMES[category],
    category,
    points: null,
    flagged: false,
    links: [],
    due: null,
    created: '2026-09-15T09:00:00.000+0000',
    updated: null,
    resolved: category === 'done' ? '2026-10-15T12:00:00.000+0000' : null,
    assignee: null,
    ...fields,
  };
}

/** `count` children of `epic`, keyed `<project>-<first + i>`; `fields(i)` varies each one. */
export function buildChildren(epic: string, count: number, first: number, fields: (i: number) => Partial<IssueFacts> = () => ({})): IssueFacts[] {
  const project = epic.slice(0, epic.lastIndexOf('-'));
  const out: IssueFacts[] = [];
  for (let i = 0; i < count; i++) out.push(buildIssue(`${project}-${first + i}`, { parent: epic, ...fields(i) }));
  return out;
}

export interface LargeOrgShape {
  readonly departments: number;
  readonly objectivesPerDepartment: number;
  readonly krsPerObjective: number;
  readonly epicsPerKr: number;
  readonly issuesPerEpic: number;
}

/** The benchmark's shape: 200 × 5 × 4 jira key results over 20,000 epics and 500,000 issues. */
export const BENCHMARK_SHAPE: LargeOrgShape = { departments: 200, objectivesPerDepartment: 5, krsPerObjective: 4, epicsPerKr: 5, issuesPerEpic: 25 };

const MEASURES = ['issues', 'points', 'weighted'] as const;
const CATEGORIES: readonly StatusCategory[] = ['new', 'indeterminate', 'done'];

/**
 * A deterministic org of the given shape and its issues. Every department key result is a
 * jira one (measures in turn) over its own epics; the company has one objective of rollup key
 * results, and each department objective aligns to one of them. Issues vary in category,
 * points (every fifth unestimated) and creation (every fourth after the cycle start).
 */
export function buildLargeOrg(shape: LargeOrgShape): { org: Org; issues: IssueFacts[] } {
  const issues: IssueFacts[] = [];
  const companyKrs = Array.from({ length: 4 }, (_, i) => buildRollupKr(`company-kr-${i}`));
  const departments: DepartmentInput[] = [];
  const objectives: ObjectiveInput[] = [buildObjective('company-o', TEST_COMPANY.id, companyKrs)];
  let n = 0;
  for (let d = 0; d < shape.departments; d++) {
    const project = `D${d}`;
    departments.push(buildDepartment(`dept-${d}`, { jiraProjects: [project] }));
    let next = 1;
    for (let o = 0; o < shape.objectivesPerDepartment; o++) {
      const krs: KeyResultInput[] = [];
      for (let k = 0; k < shape.krsPerObjective; k++) {
        const epics: string[] = [];
        for (let e = 0; e < shape.epicsPerKr; e++) {
          const epic = `${project}-${next++}`;
          epics.push(epic);
          issues.push(buildIssue(epic, { type: 'Epic' }));
          for (let i = 0; i < shape.issuesPerEpic; i++, n++) {
            const category = CATEGORIES[n % 3]!;
            issues.push(
              buildIssue(`${project}-${next++}`, {
                parent: epic,
                category,
                points: n % 5 === 0 ? null : (n % 8) + 1,
                created: n % 4 === 0 ? '2026-10-20T10:00:00.000+0200' : '2026-09-20T10:00:00.000+0000',
              }),
            );
          }
        }
        krs.push(buildJiraKr(`${project}-kr-${o}-${k}`, { epics, measure: MEASURES[(o + k) % 3]! }));
      }
      objectives.push(buildObjective(`${project}-o-${o}`, `dept-${d}`, krs, { alignedTo: [{ kr: `company-kr-${o % 4}` }] }));
    }
  }
  return { org: buildOrg({ departments, objectives }), issues };
}
