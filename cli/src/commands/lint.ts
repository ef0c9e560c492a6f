/** `okr lint FILE [--issues SNAPSHOT] [--at DATE] [--json]`: exit 1 when a finding is an error. */
import { buildIssueIndex, findHiddenDependencies, hasLintErrors, lintOrg } from '@okr-bridge/core';
import { parseMoment, parseOptions } from '../args';
import { readOrg, readSnapshot } from '../files';
import { writeJsonDocument } from '../format/json-stream';
import { writeLint } from '../format/report-text';
import { dateWordsOf, UsageError } from '../io';
import type { CliIo } from '../io';

export const LINT_USAGE = 'usage: okr lint FILE [--issues SNAPSHOT] [--at YYYY-MM-DD] [--json]';

export function runLint(args: string[], io: CliIo, today: string): number {
  const { values, positionals } = parseOptions(args, { issues: { type: 'string' }, at: { type: 'string' }, json: { type: 'boolean' } }, LINT_USAGE);
  if (positionals.length !== 1) throw new UsageError(`expected one org file\n${LINT_USAGE}`);
  const org = readOrg(positionals[0]!);
  const at = parseMoment(values.at, '--at') ?? today;
  const hidden = values.issues ? findHiddenDependencies(org, buildIssueIndex(readSnapshot(values.issues, org))) : [];
  const findings = lintOrg(org, { at, hidden });
  if (values.json) writeJsonDocument({ at, lint: findings }, io.stdout);
  else if (findings.length === 0) io.stdout(`${positionals[0]}: no findings\n`);
  else writeLint(org, findings, io.stdout, dateWordsOf(io));
  return hasLintErrors(findings) ? 1 : 0;
}
