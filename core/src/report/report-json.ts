/**
 * The report as one JSON object (`okr report --json`): progress numbers in [0, 1] rounded to
 * 4 decimals, in the org file's order.
 */
import type { Evaluation } from './evaluate';

export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

export interface ReportJson {
  readonly at: string;
  readonly expected: number;
  readonly company: { readonly progress: number; readonly status: string };
  readonly departments: readonly { readonly id: string; readonly progress: number; readonly status: string }[];
  readonly objectives: readonly { readonly id: string; readonly progress: number; readonly status: string; readonly score: number }[];
  readonly keyResults: readonly { readonly id: string; readonly progress: number; readonly status: string; readonly explain: unknown }[];
  readonly dependencies: readonly { readonly id: string; readonly state: string; readonly reason: string }[];
  readonly lint: readonly { readonly code: string; readonly subject: string; readonly message: string }[];
  readonly agenda: readonly unknown[];
}

/** The plain JSON form of an evaluation. */
export function toReportJson(e: Evaluation): ReportJson {
  const p = e.progress;
  return {
    at: e.at,
    expected: round4(p.expected),
    company: { progress: round4(p.company.progress), status: p.company.status },
    departments: p.departments.map((d) => ({ id: d.id, progress: round4(d.progress), status: d.status })),
    objectives: p.objectives.map((o) => ({ id: o.id, progress: round4(o.progress), status: o.status, score: o.score })),
    keyResults: p.keyResults.map((kr) => ({
      id: kr.id,
      progress: round4(kr.progress),
      status: kr.status,
      // Issues by key; an explanation without issues is written as it is, not copied.
      explain: kr.explain.issues === undefined ? kr.explain : { ...kr.explain, issues: kr.explain.issues.map((i) => i.key) },
    })),
    dependencies: e.dependencies.dependencies.map((d) => ({ id: d.id, state: d.state, reason: d.reason })),
    lint: e.lint.map((f) => ({ code: f.code, severity: f.severity, subject: f.subject, message: f.message })),
    agenda: e.agenda.items.map((i) => ({ kind: i.kind, subject: i.subject, title: i.title, presenter: i.presenter, minutes: i.minutes, links: i.links })),
  };
}
