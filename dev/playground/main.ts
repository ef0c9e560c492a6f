/**
 * `npm run playground`: the Microsoft 365 Agents Playground, telemetry off and on 127.0.0.1
 * only, talking to the bot `npm start` runs, so a person can chat with it in a Teams-like page
 * without a Microsoft account. Options: command.ts. Stops with Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { playgroundCommand, readPlaygroundOptions } from './command';

async function main(): Promise<void> {
  const read = readPlaygroundOptions(process.argv.slice(2), process.env, process.cwd());
  if (read.kind === 'invalid') {
    process.stderr.write(`npm run playground: ${read.message}\n`);
    process.exit(2);
  }
  const { options } = read;
  const bot = `http://127.0.0.1:${options.teamsPort}`;
  const healthy = await fetch(`${bot}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
  if (!healthy) {
    process.stderr.write(`npm run playground: no bot answers on ${bot}; start it first with \`npm start\` (in another terminal), or set OKR_TEAMS_PORT (or --teams-port) to the port it runs on\n`);
    process.exit(2);
  }
  const { args, env } = playgroundCommand(options, process.env);
  process.stdout.write(`Microsoft 365 Agents Playground for the bot at ${bot}/api/messages (telemetry off, 127.0.0.1 only)\n`);
  const child = spawn(process.execPath, args, { env, stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => {
    if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((error: unknown) => {
  process.stderr.write(`npm run playground: ${(error as Error).message}\n`);
  process.exit(1);
});
