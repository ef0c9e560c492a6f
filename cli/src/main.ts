/**
 * The okr command's entry: dispatches to a command and maps failures to exit codes
 * (0 success, 1 lint errors, 2 bad input with a message on stderr).
 */
import { isOkrError } from '@okr-bridge/core';
import { LINT_USAGE, runLint } from './commands/lint';
import { REPORT_USAGE, runReport } from './commands/report';
import { UsageError } from './io';
import type { CliIo } from './io';

const HELP = `okr — OKRs as code for okr-bridge

${LINT_USAGE}
${REPORT_USAGE}

Exit codes: 0 success, 1 lint found errors, 2 bad input.
`;

type Command = (args: string[], io: CliIo, today: string) => number | Promise<number>;

const commands: Record<string, Command> = { lint: runLint, report: runReport };

export async function runCli(argv: string[], io: CliIo): Promise<number> {
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
