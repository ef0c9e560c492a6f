/**
 * Runs the local Forge host from the command line and prints its URL.
 *
 *   tsx dev/forge-host/main.ts --snapshot examples/acme-issues.json --import examples/acme.yaml
 *   tsx dev/forge-host/main.ts --emulator http://127.0.0.1:4010 --port 4020 --data .data/forge-host
 *
 * Options: --emulator URL (a running Jira emulator) or --snapshot FILE (start one on that
 * snapshot); --port N (0 = any); --data DIR (the KVS file and gadget configurations; default
 * .data/forge-host); --account ID (the default caller; default local-admin) and --admin ID
 * (repeatable; Jira admins; default the default caller); --now ISO (a fixed clock);
 * --import FILE (import an org file as the default caller, then reconcile); --reconcile-every
 * MINUTES (default 60; 0 = never); --build always|if-missing|never.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadSnapshotFile, startJiraEmulator, type JiraEmulator } from '../jira-emulator';
import { startForgeHost } from './host';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      emulator: { type: 'string' },
      snapshot: { type: 'string' },
      port: { type: 'string', default: '0' },
      data: { type: 'string', default: '.data/forge-host' },
      account: { type: 'string', default: 'local-admin' },
      admin: { type: 'string', multiple: true },
      now: { type: 'string' },
      import: { type: 'string' },
      'reconcile-every': { type: 'string', default: '60' },
      build: { type: 'string', default: 'if-missing' },
    },
  });
  if (!values.emulator === !values.snapshot) throw new Error('expected exactly one of --emulator URL or --snapshot FILE');
  if (!['always', 'if-missing', 'never'].includes(values.build)) throw new Error(`expected --build always, if-missing or never, got ${values.build}`);
  const fixed = values.now ? Date.parse(values.now) : null;
  if (fixed !== null && Number.isNaN(fixed)) throw new Error(`expected --now to be an ISO instant like 2026-11-15T12:00:00Z, got ${values.now}`);
  const clock = fixed === null ? () => Date.now() : () => fixed;
  let emulator: JiraEmulator | null = null;
  if (values.snapshot) emulator = await startJiraEmulator({ site: loadSnapshotFile(values.snapshot), now: () => new Date(clock()).toISOString() });
  const emulatorUrl = values.emulator ?? (emulator as JiraEmulator).url;
  const host = await startForgeHost({
    emulatorUrl,
    port: Number(values.port),
    dataDir: values.data,
    defaultAccountId: values.account,
    admins: values.admin ?? [values.account],
    clock,
    build: values.build as 'always' | 'if-missing' | 'never',
    reconcileEveryMinutes: Number(values['reconcile-every']) || undefined,
  });
  if (values.import) {
    const answer = (await host.invoke('importOrg', { text: readFileSync(values.import, 'utf8') })) as { ok: boolean; error?: { message: string } };
    if (!answer.ok) throw new Error(`import of ${values.import} failed: ${answer.error?.message ?? 'unknown error'}`);
    const report = await host.reconcile();
    process.stderr.write(`forge-host: imported ${values.import}; reconcile ${report.kind}\n`);
  }
  process.stdout.write(`${host.url}\n`);
  process.stderr.write(`forge-host: panels at ${host.url}/ (Jira emulator ${emulatorUrl}, data in ${values.data})\n`);
  const shutdown = () => {
    host
      .stop()
      .then(() => emulator?.stop())
      .then(
        () => process.exit(0),
        (e: unknown) => {
          process.stderr.write(`${(e as Error).message}\n`);
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(2);
});
