/**
 * The human form of `okr report`, rendered from core's report views (`buildReportView`): the
 * percents, status labels, value labels, status sentences, dependency labels and lint messages
 * are the ones the Jira panels, the Teams tab and the cards show. The CLI adds only the ids,
 * since people edit the org file by id, and lays the views out as tables.
 */
import { buildReportView, describeLintFinding, scoreLabel, titlesOf } from '@okr-bridge/core';
import type { Evaluation, KrView, LintFinding, ObjectiveView, Org, ReportView } from '@okr-bridge/core';
import { formatTable } from './table';

export function formatReport(org: Org, e: Evaluation): string {
  return formatReportView(buildReportView(org, e));
}

/** One objective's row and its key results' rows: id, title, percent, status, what the number is, why. */
function objectiveRows(o: ObjectiveView, rows: string[][]): void {
  rows.push([o.id, o.title, o.progressLabel, o.statusLabel, `score ${scoreLabel(o.score)}`, o.statusReason]);
  for (const kr of o.keyResults) rows.push(krRow(kr));
}

/** A key result as the report prints it; the cross-surface test reads it through this too. */
export function krRow(kr: KrView): string[] {
  return [`  ${kr.id}`, `  ${kr.title}`, kr.progressLabel, kr.statusLabel, kr.valueLabel, kr.statusReason];
}

export function formatReportView(view: ReportView): string {
  const { company, departments, agenda } = view;
  const out: string[] = [];
  out.push(`${company.name} — cycle ${company.cycle.id} (${company.cycle.start} → ${company.cycle.end}), at ${company.at}`);
  out.push(`Company progress ${company.progressLabel} (${company.statusLabel}): ${company.statusReason}`);
  out.push('');
  out.push(
    formatTable(
      ['Department', 'Progress', 'Status', 'Objectives', 'Blocked', 'Why'],
      company.departments.map((d) => [d.name, d.progressLabel, d.statusLabel, String(d.objectives), String(d.blocked), d.statusReason]),
      ['l', 'r', 'l', 'r', 'r'],
    ),
  );
  out.push('');
  const rows: string[][] = [];
  for (const root of company.tree) objectiveRows(root.objective, rows);
  for (const d of departments) for (const o of d.objectives) objectiveRows(o, rows);
  out.push(formatTable(['Id', 'Objective / key result', 'Progress', 'Status', 'Value', 'Why'], rows, ['l', 'l', 'r', 'l', 'l']));
  if (company.dependencies.length > 0) {
    out.push('');
    out.push(
      formatTable(
        ['Id', 'Dependency', 'Needed by', 'From', 'State', 'Why'],
        company.dependencies.map((d) => [d.id, d.title, d.needs.departmentName, d.provider.departmentName, d.stateLabel, d.reason]),
      ),
    );
  }
  if (company.lint.length > 0) {
    out.push('');
    out.push(formatLintTable(company.lint));
  }
  out.push('');
  out.push(`${agenda.title}, ${agenda.meetingMinutes} minutes, changes since ${agenda.since}:`);
  if (agenda.items.length === 0) out.push("  nothing needs the meeting's time");
  agenda.items.forEach((item, i) => out.push(`  ${i + 1}. [${item.minutes} min] ${item.title}${item.presenter ? ` — ${item.presenter}` : ''}`));
  if (agenda.overflow.length > 0) out.push(`  (${agenda.overflow.length} more item(s) did not fit; carry them to the next review)`);
  return `${out.join('\n')}\n`;
}

/** Lint findings with objectives and key results named by title, as the pages show them; the subject keeps the id. */
export function formatLint(org: Org, findings: readonly LintFinding[]): string {
  const titles = titlesOf(org);
  return formatLintTable(findings.map((f) => describeLintFinding(f, titles)));
}

function formatLintTable(findings: readonly LintFinding[]): string {
  return formatTable(['Severity', 'Code', 'Subject', 'Message'], findings.map((f) => [f.severity, f.code, f.subject, f.message]));
}
