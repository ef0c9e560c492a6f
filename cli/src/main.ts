/**
 * The okr command's entry: dispatches to a command and maps failures to exit codes
 * (0 success, 1 lint errors, 2 bad input with a message on stderr).
 */
import { isOkrError } from '@okr-bridge/core';
import { LINT_USAGE, runLint } from './commands/lint';
import { REPORT_USAGE, runReport } from './commands/report';
import { SNAPSHOT_USAGE, runSnapshot } from './commands/snapshot';
import { systemViewer, UsageError } from './io';
import type { LiveIo } from './live';

const HELP = `okr — OKRs as code for okr-bridge

${LINT_USAGE}
${REPORT_USAGE}
${SNAPSHOT_USAGE}

Live forms read Jira Cloud (or the emulator) with --email E --token T, or --bearer TOKEN;
the environment may give them instead: JIRA_EMAIL and JIRA_API_TOKEN, or JIRA_BEARER_TOKEN.

Exit codes: 0 success, 1 lint found errors, 2 bad input (Jira refusing the credentials or a
query, or an unreachable site, included).
`;

type Command = (args: string[], io: LiveIo, today: string) => number | Promise<number>;

const commands: Record<string, Command> = { lint: runLint, report: runReport, snapshot: runSnapshot };

/**
 * Runs one command. `io.env` (credentials) defaults to the process environment,
 * `io.clock` (the progress bar's redraw rate) to `performance.now` and `io.viewer` (the
 * words of dates) to the system's locale and time zone: read here, at the entry
 * point, and nowhere deeper.
 */
export async function runCli(argv: string[], cliIo: LiveIo): Promise<number> {
  const io: LiveIo = { ...cliIo, env: cliIo.env ?? process.env, clock: cliIo.clock ?? (() => performance.now()), viewer: cliIo.viewer ?? systemViewer() };
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(HELP);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`okr: unknown command "${name}"; expected one of ${Object.keys(commands).join(', ')}\n\n${HELP}`);
    return 2;
  }
  const today = (io.now ?? (() => new Date().toISOString()))().slice(0, 10);
  try {
    return await command(args, io, today);
  } catch (e) {
    if (e instanceof UsageError || isOkrError(e)) {
      io.stderr(`okr ${name}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
