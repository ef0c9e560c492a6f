/**
 * zod schemas of the view models, for the side that receives them over the wire (the Teams
 * service reading the Forge web trigger). Type-level checks below keep them in step with the
 * TypeScript interfaces in `types.ts`.
 */
import { z } from 'zod';
import type { AgendaItem, ReviewAgenda } from '../agenda/types';
import type { DepartmentTrend } from '../forecast/department-trend';
import type { CompanyView, DepartmentView, DependencyView, KrView, ObjectiveView } from './types';

/** The status union on the wire: every schema that carries a status uses this one. */
export const statusSchema = z.enum(['done', 'on-track', 'behind', 'at-risk']);
const status = statusSchema;
const dependencyState = z.enum(['blocked', 'at-risk', 'open', 'done']);
const link = z.object({ key: z.string(), url: z.string().nullable() });
const tone = z.enum(['good', 'warning', 'attention', 'neutral']);
const progressView = { progress: z.number().min(0).max(1), progressLabel: z.string(), status, statusLabel: z.string(), tone, statusReason: z.string() };
const cycle = z.object({ id: z.string(), start: z.string(), end: z.string() });
const lintFinding = z.object({
  code: z.enum(['objective-count', 'kr-no-measure', 'kr-no-target', 'no-owner', 'unaligned-objective', 'hidden-dependency', 'stale-check-in', 'owner-overload']),
  severity: z.enum(['error', 'warning']),
  subject: z.string(),
  message: z.string(),
});

export const krViewSchema = z.object({
  ...progressView,
  id: z.string(),
  objective: z.string(),
  title: z.string(),
  owner: z.string().nullable(),
  kind: z.enum(['metric', 'milestone', 'jira', 'rollup']),
  weight: z.number(),
  valueLabel: z.string(),
  rule: z.string(),
  explain: z.object({
    kind: z.enum(['metric', 'milestone', 'jira', 'rollup']),
    rule: z.string(),
    numerator: z.number(),
    denominator: z.number(),
    measure: z.enum(['issues', 'points', 'weighted']).optional(),
    issues: z.array(z.unknown()).optional(),
    epics: z.array(z.object({ key: z.string(), children: z.number(), done: z.number(), credit: z.number(), size: z.number() })).optional(),
    unestimated: z.number().optional(),
    scopeAdded: z.object({ issues: z.number(), points: z.number() }).optional(),
    empty: z.boolean().optional(),
    value: z
      .object({ start: z.number(), target: z.number().nullable(), current: z.number(), source: z.enum(['check-in', 'file', 'start']), unit: z.string().optional() })
      .optional(),
    aligned: z.array(z.object({ objective: z.string(), weight: z.number(), progress: z.number() })).optional(),
  }),
  explanation: z.array(z.object({ issue: link.nullable(), text: z.string() })),
  epics: z.array(link),
  dependencyState: dependencyState.nullable(),
  checkInAllowed: z.boolean(),
});

export const objectiveViewSchema = z.object({
  ...progressView,
  id: z.string(),
  title: z.string(),
  owner: z.string().nullable(),
  department: z.string(),
  departmentName: z.string(),
  score: z.number(),
  alignedTo: z.array(z.object({ kr: z.string(), title: z.string(), objective: z.string(), weight: z.number() })),
  keyResults: z.array(krViewSchema),
});

export const dependencyViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  state: dependencyState,
  stateLabel: z.string(),
  tone,
  reason: z.string(),
  due: z.string().nullable(),
  needs: z.object({ department: z.string(), departmentName: z.string(), kr: z.string(), krTitle: z.string(), owner: z.string().nullable() }),
  provider: z.object({ department: z.string(), departmentName: z.string(), owners: z.array(z.string()) }),
  deliverables: z.array(link.extend({ state: dependencyState, status: z.string().nullable(), reasons: z.array(z.string()) })),
  companyObjectivesAtRisk: z.array(z.object({ id: z.string(), title: z.string() })),
});

export const departmentViewSchema = z.object({
  ...progressView,
  id: z.string(),
  name: z.string(),
  owners: z.array(z.string()),
  jiraProjects: z.array(z.string()),
  cycle,
  at: z.string(),
  expected: z.number(),
  expectedLabel: z.string(),
  objectives: z.array(objectiveViewSchema),
  incoming: z.array(dependencyViewSchema),
  outgoing: z.array(dependencyViewSchema),
  lint: z.array(lintFinding),
});

interface AlignmentNodeWire {
  objective: z.infer<typeof objectiveViewSchema>;
  children: { kr: string; node: AlignmentNodeWire }[];
}
const alignmentNodeSchema: z.ZodType<AlignmentNodeWire> = z.lazy(() =>
  z.object({ objective: objectiveViewSchema, children: z.array(z.object({ kr: z.string(), node: alignmentNodeSchema })) }),
);

export const companyViewSchema = z.object({
  ...progressView,
  name: z.string(),
  cycle,
  at: z.string(),
  expected: z.number(),
  expectedLabel: z.string(),
  departments: z.array(z.object({ ...progressView, id: z.string(), name: z.string(), objectives: z.number(), blocked: z.number() })),
  tree: z.array(alignmentNodeSchema),
  dependencies: z.array(dependencyViewSchema),
  lint: z.array(lintFinding),
});

const historyPoint = z.object({ date: z.string(), progress: z.number(), expected: z.number() });
/** A department's trend (`computeDepartmentTrend`), as it travels with the department view. */
export const departmentTrendSchema = z.object({
  department: z.array(historyPoint),
  objectives: z.record(z.string(), z.array(historyPoint)),
  keyResults: z.record(z.string(), z.array(historyPoint)),
});

const agendaScope = z.discriminatedUnion('kind', [z.object({ kind: z.literal('company') }), z.object({ kind: z.literal('department'), id: z.string() })]);
export const agendaItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['blocked-dependency', 'at-risk-kr', 'moved-kr', 'stale-check-in', 'decision']),
  title: z.string(),
  detail: z.string(),
  subject: z.string(),
  presenter: z.string().nullable(),
  minutes: z.number(),
  links: z.array(z.object({ label: z.string(), url: z.string().nullable() })),
});
export const reviewAgendaSchema = z.object({
  scope: agendaScope,
  title: z.string(),
  since: z.string(),
  at: z.string(),
  meetingMinutes: z.number(),
  items: z.array(agendaItemSchema),
  overflow: z.array(agendaItemSchema),
  bufferMinutes: z.number(),
});

// Compile-time checks: every view value satisfies its schema's input type.
type DeepReadonly<T> = T extends (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
type Assignable<T, U extends DeepReadonly<T>> = U;
export type ViewSchemaChecks = [
  Assignable<z.input<typeof krViewSchema>, KrView>,
  Assignable<z.input<typeof objectiveViewSchema>, ObjectiveView>,
  Assignable<z.input<typeof dependencyViewSchema>, DependencyView>,
  Assignable<z.input<typeof departmentViewSchema>, DepartmentView>,
  Assignable<z.input<typeof companyViewSchema>, CompanyView>,
  Assignable<z.input<typeof agendaItemSchema>, AgendaItem>,
  Assignable<z.input<typeof reviewAgendaSchema>, ReviewAgenda>,
  Assignable<z.input<typeof departmentTrendSchema>, DepartmentTrend>,
];
