/**
 * What the Forge web trigger double answers to each validated request: the core's views over
 * the double's org, evaluated at a fixed moment. A check-in returns the changed org too.
 */
import {
  buildCompanyView,
  buildDependencyViews,
  buildDepartmentView,
  buildIssueIndex,
  computeDepartmentTrend,
  evaluateOrg,
  jqlSelector,
  fromDay,
  toDay,
  validateOrg,
  type IssueFacts,
  type KrView,
  type Org,
  type WebTriggerRequest,
} from '@okr-bridge/core';

export interface AnswerContext {
  readonly org: Org;
  readonly issues: readonly IssueFacts[];
  readonly at: string;
  readonly site: { readonly siteUrl: string; readonly siteName: string };
}

export interface Answer {
  readonly response: unknown;
  readonly org?: Org;
}

const fail = (code: string, message: string): Answer => ({ response: { ok: false, error: { code, message } } });
const ok = (data: unknown): Answer => ({ response: { ok: true, data } });

/** Answers one web trigger request the way the Forge app does. */
export function answerWebTrigger(ctx: AnswerContext, request: WebTriggerRequest): Answer {
  const { org, issues, at } = ctx;
  switch (request.action) {
    case 'departments':
      return ok({
        company: { id: org.company.id, name: org.company.name },
        departments: org.departments.map((d) => ({ id: d.id, name: d.name, parent: d.parent ?? null, owners: d.owners })),
      });
    case 'company':
      return ok(buildCompanyView(org, evaluateOrg(org, issues, { at })));
    case 'department': {
      const view = buildDepartmentView(org, evaluateOrg(org, issues, { at }), request.department);
      const trend = () => computeDepartmentTrend({ org, index: buildIssueIndex(issues), jqlIssues: jqlSelector(issues, at), department: request.department, at });
      return view ? ok({ ...view, trend: trend() }) : fail('not-found', `expected a department id, got "${request.department}"`);
    }
    case 'dependencies':
      return ok(buildDependencyViews(org, evaluateOrg(org, issues, { at })));
    case 'agenda': {
      if (request.department && !org.departments.some((d) => d.id === request.department)) {
        return fail('not-found', `expected a department id, got "${request.department}"`);
      }
      const scope = request.department ? ({ kind: 'department', id: request.department } as const) : ({ kind: 'company' } as const);
      return ok(evaluateOrg(org, issues, { at, agenda: { scope, since: request.since, minutes: request.minutes } }).agenda);
    }
    case 'check-in':
      return checkIn(ctx, request);
    case 'connect':
      return ok(ctx.site);
  }
}

function checkIn(ctx: AnswerContext, request: Extract<WebTriggerRequest, { action: 'check-in' }>): Answer {
  const { org, issues, at } = ctx;
  const objective = org.objectives.find((o) => o.keyResults.some((k) => k.id === request.kr));
  const kr = objective?.keyResults.find((k) => k.id === request.kr);
  if (!objective || !kr) return fail('not-found', `expected a key result id, got "${request.kr}"`);
  if (kr.kind !== 'metric' && kr.kind !== 'milestone') return fail('not-allowed', `key result ${kr.id} is measured from Jira; it takes no check-ins`);
  const entry = {
    kr: kr.id,
    date: fromDay(toDay(at)),
    ...(request.value !== undefined ? { value: request.value } : {}),
    ...(request.done !== undefined ? { done: request.done } : {}),
    ...(request.confidence ? { confidence: request.confidence } : {}),
    ...(request.note ? { note: request.note } : {}),
    author: request.author,
  };
  const next = validateOrg({ ...org, checkIns: [...org.checkIns, entry] });
  const view = findKrView(next, issues, at, objective.department, kr.id);
  return view ? { response: { ok: true, data: { kr: view } }, org: next } : fail('not-found', `key result ${kr.id} has no view`);
}

function findKrView(org: Org, issues: readonly IssueFacts[], at: string, department: string, krId: string): KrView | undefined {
  const evaluation = evaluateOrg(org, issues, { at });
  const objectives =
    department === org.company.id ? buildCompanyView(org, evaluation).tree.map((n) => n.objective) : (buildDepartmentView(org, evaluation, department)?.objectives ?? []);
  for (const o of objectives) {
    const hit = o.keyResults.find((k) => k.id === krId);
    if (hit) return hit;
  }
  return undefined;
}
