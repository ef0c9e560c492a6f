/** `okr report FILE --issues SNAPSHOT [--at DATE] [--json] [--department ID] [--since DATE] [--minutes N]`. */
import { evaluateOrg, toReportJson } from '@okr-bridge/core';
import type { AgendaScope, IssueFacts, Org } from '@okr-bridge/core';
import { parseMoment, parseOptions, parsePositiveInt } from '../args';
import { readOrg, readSnapshot } from '../files';
import { formatReport } from '../format/report-text';
import { UsageError } from '../io';
import type { CliIo } from '../io';

export const REPORT_USAGE =
  'usage: okr report FILE --issues SNAPSHOT [--at YYYY-MM-DD] [--json] [--department ID] [--since YYYY-MM-DD] [--minutes N]';

export const reportOptions = {
  issues: { type: 'string' },
  at: { type: 'string' },
  json: { type: 'boolean' },
  department: { type: 'string' },
  since: { type: 'string' },
  minutes: { type: 'string' },
} as const;

export function runReport(args: string[], io: CliIo, today: string): number {
  const { values, positionals } = parseOptions(args, reportOptions, REPORT_USAGE);
  if (positionals.length !== 1) throw new UsageError(`expected one org file\n${REPORT_USAGE}`);
  if (!values.issues) throw new UsageError(`expected --issues SNAPSHOT (a Jira issue snapshot file)\n${REPORT_USAGE}`);
  const org = readOrg(positionals[0]!);
  const issues = readSnapshot(values.issues, org);
  printReport(org, issues, values, io, today);
  return 0;
}

/** Evaluates and prints, shared by the snapshot and live forms of the report. */
export function printReport(
  org: Org,
  issues: readonly IssueFacts[],
  values: { at?: string; json?: boolean; department?: string; since?: string; minutes?: string },
  io: CliIo,
  today: string,
): void {
  const at = parseMoment(values.at, '--at') ?? today;
  const since = parseMoment(values.since, '--since');
  const minutes = parsePositiveInt(values.minutes, '--minutes');
  let scope: AgendaScope = { kind: 'company' };
  if (values.department !== undefined) {
    if (!org.departments.some((d) => d.id === values.department)) {
      throw new UsageError(`--department: expected one of ${org.departments.map((d) => d.id).join(', ')}, got "${values.department}"`);
    }
    scope = { kind: 'department', id: values.department };
  }
  const evaluation = evaluateOrg(org, issues, { at, agenda: { scope, ...(since ? { since } : {}), ...(minutes ? { minutes } : {}) } });
  io.stdout(values.json ? `${JSON.stringify(toReportJson(evaluation), null, 2)}\n` : formatReport(org, evaluation));
}
