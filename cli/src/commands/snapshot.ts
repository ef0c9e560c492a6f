/**
 * `okr snapshot FILE --jira URL [--email E --token T | --bearer TOKEN] > issues.json`: saves
 * what a report of FILE reads from a live site (the epics' children, the JQL key results'
 * issues, the epics and the deliverables) as `{ "issues": [...] }` in the raw REST v3 shape,
 * sorted by key, which `okr report FILE --issues issues.json` reads back.
 */
import { parseOptions } from '../args';
import { readOrg } from '../files';
import { UsageError } from '../io';
import { LIVE_USAGE_OPTIONS, liveOptions, runLive, type LiveIo } from '../live';

export const SNAPSHOT_USAGE = `usage: okr snapshot FILE ${LIVE_USAGE_OPTIONS} > issues.json`;

export async function runSnapshot(args: string[], io: LiveIo): Promise<number> {
  const { values, positionals } = parseOptions(args, liveOptions, SNAPSHOT_USAGE);
  if (positionals.length !== 1) throw new UsageError(`expected one org file\n${SNAPSHOT_USAGE}`);
  if (values.jira === undefined) throw new UsageError(`expected --jira URL (the Jira site to read)\n${SNAPSHOT_USAGE}`);
  const org = readOrg(positionals[0]!);
  return runLive('snapshot', org, { ...values, jira: values.jira }, io, (sync) => {
    io.stdout(`${JSON.stringify({ issues: sync.raw }, null, 2)}\n`);
  });
}
