/**
 * `npm start`: the whole product on 127.0.0.1 with the demo org, state kept under ./.data.
 * Prints the URLs, stops everything cleanly on Ctrl-C (SIGINT) or SIGTERM. Options and their
 * environment variables: `npm start -- --help` (config.ts). Exit codes: 0 stopped cleanly, 1 a
 * server failed, 2 bad configuration or a port in use.
 */
import { readStartConfig } from './config';
import { PortInUseError, startStack, type Stack } from './stack';

const log = (line: string): void => void process.stdout.write(`${line}\n`);

function banner(stack: Stack): string {
  const { urls } = stack;
  const rows: [string, string][] = [
    ['Start page (links to everything)', `${urls.page}/`],
    ['Jira panels (local Forge host)', `${urls.forge}/`],
    ['Teams tab (local mode)', `${urls.teams}/tab/index.html`],
    ['Bot messages endpoint', `${urls.teams}/api/messages`],
    ['What the bot sent', `${urls.page}/conversations`],
    ['Jira emulator (REST v3)', urls.jira],
    ['Bot Connector emulator', urls.connector],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return ['', 'okr-bridge is running:', ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`), '', 'Press Ctrl-C to stop. Chat with the bot: npm run playground', ''].join('\n');
}

async function main(): Promise<void> {
  const read = readStartConfig(process.argv.slice(2), process.env, process.cwd());
  if (read.kind === 'help') {
    log(read.text);
    return;
  }
  if (read.kind === 'invalid') {
    process.stderr.write(`npm start: ${read.message}\n`);
    process.exit(2);
  }
  const { config } = read;
  log(`okr-bridge: starting with data in ${config.dataDir}`);
  let stack: Stack;
  try {
    stack = await startStack({ ...config, log });
  } catch (error) {
    if (error instanceof PortInUseError) {
      process.stderr.write(`npm start: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  log(banner(stack));
  let stopping = false;
  const shutdown = (why: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log(`okr-bridge: ${why}; stopping`);
    stack.stop().then(
      () => {
        log('okr-bridge: stopped');
        process.exit(code);
      },
      (e: unknown) => {
        process.stderr.write(`okr-bridge: stopping failed: ${(e as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT', 0));
  process.on('SIGTERM', () => shutdown('SIGTERM', 0));
  void stack.teams()?.exited.then((how) => {
    if (!stopping) {
      process.stderr.write(`okr-bridge: the Teams service stopped on its own (${how}); its last lines are above\n`);
      shutdown('the Teams service stopped', 1);
    }
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`okr-bridge: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
