/**
 * The human form of `okr report`, rendered from core's report views (`buildReportView`): the
 * percents, status labels, value labels, status sentences, dependency labels and lint messages
 * are the ones the Jira panels, the Teams tab and the cards show. The CLI adds only the ids,
 * since people edit the org file by id, and lays the views out as tables. Dates, in fields and
 * inside sentences alike, are in the reader's words (`DateWords`, the system's locale and zone).
 */
import { buildReportView, describeLintFinding, scoreLabel, titlesOf } from '@okr-bridge/core';
import { personOf, replaceAccountIds } from '@okr-bridge/core';
import type { DateWords, Evaluation, KrView, LintFinding, ObjectiveView, Org, PeopleIndex, ReportView } from '@okr-bridge/core';
import { pieceWriter } from './pieces';
import { writeTable, writeTableRows } from './table';

// The text prints no "Explain" lines: the views are made without them.
const TEXT_VIEWS = { explanations: false } as const;

export function formatReport(org: Org, e: Evaluation, words: DateWords): string {
  return formatReportView(buildReportView(org, e, TEXT_VIEWS), words);
}

/** The report written as it is laid out, in pieces (`pieces.ts`): the same text as `formatReport`. */
export function writeReport(org: Org, e: Evaluation, write: (text: string) => void, words: DateWords, people: PeopleIndex = new Map()): void {
  writeReportView(buildReportView(org, e, TEXT_VIEWS), write, words, people);
}

/**
 * An owner as the text prints it: the person's name when Jira told it (`okr report --jira`),
 * else as the file holds it (people edit the file by what it holds, an account id included).
 */
function ownerText(owner: string, people: PeopleIndex): string {
  return personOf(owner, people)?.displayName ?? owner;
}

/** A sentence with the account ids it holds named where Jira told the name. */
function namedIn(text: string, people: PeopleIndex): string {
  return people.size === 0 ? text : replaceAccountIds(text, (id) => ownerText(id, people));
}

/** One objective's row and its key results' rows: id, title, percent, status, what the number is, why. */
function objectiveRows(o: ObjectiveView, visit: (row: readonly string[]) => void, sentence: (text: string) => string): void {
  visit([o.id, o.title, o.progressLabel, o.statusLabel, `score ${scoreLabel(o.score)}`, sentence(o.statusReason)]);
  for (const kr of o.keyResults) visit(krRow(kr, sentence));
}

/** A key result as the report prints it; the cross-surface test reads it through this too. */
export function krRow(kr: KrView, sentence: (text: string) => string): string[] {
  return [`  ${kr.id}`, `  ${kr.title}`, kr.progressLabel, kr.statusLabel, kr.valueLabel, sentence(kr.statusReason)];
}

export function formatReportView(view: ReportView, words: DateWords): string {
  const out: string[] = [];
  writeReportView(view, (text) => out.push(text), words);
  return out.join('');
}

function writeReportView(view: ReportView, write: (text: string) => void, words: DateWords, people: PeopleIndex = new Map()): void {
  const { day, sentence } = words;
  const { company, departments, agenda } = view;
  const { put, end } = pieceWriter(write);
  const line = (text: string) => put(`${text}\n`);
  line(`${company.name} — cycle ${company.cycle.id} (${day(company.cycle.start)} → ${day(company.cycle.end)}), at ${day(company.at)}`);
  line(`Company progress ${company.progressLabel} (${company.statusLabel}): ${sentence(company.statusReason)}`);
  line('');
  writeTable(
    ['Department', 'Progress', 'Status', 'Objectives', 'Blocked', 'Why'],
    company.departments.map((d) => [d.name, d.progressLabel, d.statusLabel, String(d.objectives), String(d.blocked), sentence(d.statusReason)]),
    ['l', 'r', 'l', 'r', 'r'],
    line,
  );
  line('');
  // The rows are made as they are written (twice: widths, then lines), never held all at once.
  const eachRow = (visit: (row: readonly string[]) => void) => {
    for (const root of company.tree) objectiveRows(root.objective, visit, sentence);
    for (const d of departments) for (const o of d.objectives) objectiveRows(o, visit, sentence);
  };
  writeTableRows(['Id', 'Objective / key result', 'Progress', 'Status', 'Value', 'Why'], eachRow, ['l', 'l', 'r', 'l', 'l'], line);
  if (company.dependencies.length > 0) {
    line('');
    writeTable(
      ['Id', 'Dependency', 'Needed by', 'From', 'State', 'Why'],
      company.dependencies.map((d) => [d.id, d.title, d.needs.departmentName, d.provider.departmentName, d.stateLabel, sentence(d.reason)]),
      [],
      line,
    );
  }
  if (company.lint.length > 0) {
    line('');
    writeLintTable(
      company.lint.map((f) => ({ ...f, subject: namedIn(f.subject, people), message: namedIn(f.message, people) })),
      line,
      sentence,
    );
  }
  line('');
  line(`${agenda.title}, ${agenda.meetingMinutes} minutes, changes since ${day(agenda.since)}:`);
  if (agenda.items.length === 0) line("  nothing needs the meeting's time");
  agenda.items.forEach((item, i) => line(`  ${i + 1}. [${item.minutes} min] ${sentence(item.title)}${item.presenter ? ` — ${ownerText(item.presenter, people)}` : ''}`));
  if (agenda.overflow.length > 0) line(`  (${agenda.overflow.length} more item(s) did not fit; carry them to the next review)`);
  end();
}

/** Lint findings with objectives and key results named by title, as the pages show them (the subject keeps the id), written in pieces (`pieces.ts`). */
export function writeLint(org: Org, findings: readonly LintFinding[], write: (text: string) => void, words: DateWords): void {
  const titles = titlesOf(org);
  const { put, end } = pieceWriter(write);
  // Each finding described as its row is made (twice: widths, then lines), never all held at once.
  writeTableRows(
    LINT_HEADER,
    (visit) => {
      for (const f of findings) visit(lintRow(describeLintFinding(f, titles), words.sentence));
    },
    [],
    (line) => put(`${line}\n`),
  );
  end();
}

const LINT_HEADER = ['Severity', 'Code', 'Subject', 'Message'];

function lintRow(f: LintFinding, sentence: (text: string) => string): readonly string[] {
  return [f.severity, f.code, f.subject, sentence(f.message)];
}

function writeLintTable(findings: readonly LintFinding[], emit: (line: string) => void, sentence: (text: string) => string): void {
  writeTableRows(LINT_HEADER, (visit) => findings.forEach((f) => visit(lintRow(f, sentence))), [], emit);
}
