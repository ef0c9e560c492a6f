/**
 * `okr report FILE --issues SNAPSHOT …` over a snapshot file, or `okr report FILE --jira URL …`
 * over a live Jira site (Jira Cloud or the emulator); the same report either way.
 */
import { checkSnapshotJql, evaluateOrg, toReportJson } from '@okr-bridge/core';
import type { AgendaScope, IssueFacts, Org, PeopleIndex } from '@okr-bridge/core';
import { parseMoment, parseOptions, parsePositiveInt } from '../args';
import { readOrgFile, readSnapshot } from '../files';
import { writeJsonDocument } from '../format/json-stream';
import { writeReport } from '../format/report-text';
import { dateWordsOf, UsageError } from '../io';
import type { CliIo } from '../io';
import { LIVE_USAGE_OPTIONS, liveOptions, runLive, type LiveIo } from '../live';

const REPORT_OPTIONS_USAGE = '[--at YYYY-MM-DD] [--json] [--department ID] [--since YYYY-MM-DD] [--minutes N]';

export const REPORT_USAGE = `usage: okr report FILE --issues SNAPSHOT ${REPORT_OPTIONS_USAGE}
       okr report FILE ${LIVE_USAGE_OPTIONS} ${REPORT_OPTIONS_USAGE}`;

export const reportOptions = {
  issues: { type: 'string' },
  ...liveOptions,
  at: { type: 'string' },
  json: { type: 'boolean' },
  department: { type: 'string' },
  since: { type: 'string' },
  minutes: { type: 'string' },
} as const;

type ReportValues = { at?: string; json?: boolean; department?: string; since?: string; minutes?: string };

export async function runReport(args: string[], io: LiveIo, today: string): Promise<number> {
  const { values, positionals } = parseOptions(args, reportOptions, REPORT_USAGE);
  if (positionals.length !== 1) throw new UsageError(`expected one org file\n${REPORT_USAGE}`);
  if (values.issues !== undefined && values.jira !== undefined) throw new UsageError(`expected either --issues SNAPSHOT or --jira URL, not both\n${REPORT_USAGE}`);
  if (values.issues === undefined && values.jira === undefined) {
    throw new UsageError(`expected --issues SNAPSHOT (a Jira issue snapshot file) or --jira URL (a live Jira site)\n${REPORT_USAGE}`);
  }
  if (values.issues !== undefined && (values.email ?? values.token ?? values.bearer) !== undefined) {
    throw new UsageError(`--email, --token and --bearer go with --jira URL, not with --issues\n${REPORT_USAGE}`);
  }
  const { org, locate } = readOrgFile(positionals[0]!);
  const { at } = checkReportOptions(org, values);
  if (values.jira === undefined) {
    checkSnapshotJql(org, at ?? today, locate);
    printReport(org, readSnapshot(values.issues!, org), values, io, today);
    return 0;
  }
  return runLive('report', org, { ...values, jira: values.jira }, io, (sync, read, people) => printReport(read, sync.issues, values, io, today, people), values.json !== true);
}

/** Checks the report options against the org before anything is read, so that a typo costs no Jira call. */
export function checkReportOptions(org: Org, values: ReportValues): { at: string | undefined; since: string | undefined; minutes: number | undefined; scope: AgendaScope } {
  const at = parseMoment(values.at, '--at');
  const since = parseMoment(values.since, '--since');
  const minutes = parsePositiveInt(values.minutes, '--minutes');
  let scope: AgendaScope = { kind: 'company' };
  if (values.department !== undefined) {
    if (!org.departments.some((d) => d.id === values.department)) {
      throw new UsageError(`--department: expected one of ${org.departments.map((d) => d.id).join(', ')}, got "${values.department}"`);
    }
    scope = { kind: 'department', id: values.department };
  }
  return { at, since, minutes, scope };
}

/** Evaluates and prints, shared by the snapshot and live forms of the report. */
export function printReport(org: Org, issues: readonly IssueFacts[], values: ReportValues, io: CliIo, today: string, people: PeopleIndex = new Map()): void {
  const { at, since, minutes, scope } = checkReportOptions(org, values);
  const evaluation = evaluateOrg(org, issues, { at: at ?? today, agenda: { scope, ...(since ? { since } : {}), ...(minutes ? { minutes } : {}) } });
  if (values.json) writeJsonDocument(toReportJson(evaluation), io.stdout);
  else writeReport(org, evaluation, io.stdout, dateWordsOf(io), people);
}
