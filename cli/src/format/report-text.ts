/** The human form of `okr report`: a few readable tables. */
import type { Evaluation, LintFinding, Org } from '@okr-bridge/core';
import { formatTable, percent } from './table';

export function formatReport(org: Org, e: Evaluation): string {
  const p = e.progress;
  const out: string[] = [];
  out.push(`${org.company.name} — cycle ${org.cycle.id} (${org.cycle.start} → ${org.cycle.end}), at ${e.at}`);
  out.push(`Company progress ${percent(p.company.progress)} (${p.company.status}), expected ${percent(p.expected)}`);
  out.push('');
  out.push(formatTable(['Department', 'Progress', 'Status', 'Objectives'], p.departments.map((d) => [d.name, percent(d.progress), d.status, String(d.objectives.length)]), ['l', 'r', 'l', 'r']));
  out.push('');
  const krsByObjective = new Map<string, typeof p.keyResults[number][]>();
  for (const kr of p.keyResults) {
    const list = krsByObjective.get(kr.objective);
    if (list) list.push(kr);
    else krsByObjective.set(kr.objective, [kr]);
  }
  const rows: string[][] = [];
  for (const o of p.objectives) {
    rows.push([o.id, o.title, percent(o.progress), o.status, o.score.toFixed(1)]);
    for (const kr of krsByObjective.get(o.id) ?? []) rows.push([`  ${kr.id}`, `  ${kr.title}`, percent(kr.progress), kr.status, '']);
  }
  out.push(formatTable(['Id', 'Objective / key result', 'Progress', 'Status', 'Score'], rows, ['l', 'l', 'r', 'l', 'r']));
  if (e.dependencies.dependencies.length > 0) {
    out.push('');
    out.push(formatTable(['Dependency', 'Needs', 'From', 'State', 'Why'], e.dependencies.dependencies.map((d) => [d.id, `${d.needs.department}/${d.needs.kr}`, d.provider, d.state, d.reason]), []));
  }
  if (e.lint.length > 0) {
    out.push('');
    out.push(formatLint(e.lint));
  }
  out.push('');
  out.push(`${e.agenda.title}, ${e.agenda.meetingMinutes} minutes, changes since ${e.agenda.since}:`);
  if (e.agenda.items.length === 0) out.push('  nothing needs the meeting\'s time');
  e.agenda.items.forEach((item, i) => out.push(`  ${i + 1}. [${item.minutes} min] ${item.title}${item.presenter ? ` — ${item.presenter}` : ''}`));
  if (e.agenda.overflow.length > 0) out.push(`  (${e.agenda.overflow.length} more item(s) did not fit; carry them to the next review)`);
  return `${out.join('\n')}\n`;
}

export function formatLint(findings: readonly LintFinding[]): string {
  return formatTable(['Severity', 'Code', 'Subject', 'Message'], findings.map((f) => [f.severity, f.code, f.subject, f.message]));
}
