/**
 * Runs the Jira Cloud emulator from the command line and prints its URL.
 *
 *   tsx dev/jira-emulator/main.ts --snapshot examples/acme-issues.json --port 4010
 *   tsx dev/jira-emulator/main.ts --generate epics=2000,children=50000,noise=100000,seed=1
 *
 * Options: --port N (0 = any, the default), --email E --token T or --bearer B (credentials
 * required of every call; none means open), --story-points-field ID, --flagged-field ID,
 * --faults rateLimitEvery=5,retryAfterSeconds=1,serverErrorEvery=7,latencyMs=20, --time-zone ZONE
 * (the IANA zone absolute JQL dates are read in; America/Los_Angeles by default).
 */
import { parseArgs } from 'node:util';
import { faultOptionsSchema, type FaultOptions } from './faults';
import { generateSite, parseGenerateSpec } from './generate';
import type { AuthOptions } from './http';
import { loadSnapshotFile } from './load';
import { startJiraEmulator } from './server';

function parseFaults(spec: string | undefined): FaultOptions {
  if (!spec) return {};
  const raw: Record<string, unknown> = {};
  for (const part of spec.split(',').filter(Boolean)) {
    const [name = '', value = ''] = part.split('=');
    if (name === 'rateLimitBurst') {
      const [start, length] = value.split(':').map(Number);
      raw[name] = { start, length };
    } else raw[name] = Number(value);
  }
  return faultOptionsSchema.parse(raw);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      snapshot: { type: 'string' },
      generate: { type: 'string' },
      port: { type: 'string', default: '0' },
      email: { type: 'string' },
      token: { type: 'string' },
      bearer: { type: 'string' },
      'story-points-field': { type: 'string' },
      'flagged-field': { type: 'string' },
      faults: { type: 'string' },
      'time-zone': { type: 'string' },
    },
  });
  if (!values.snapshot === !values.generate) throw new Error('expected exactly one of --snapshot FILE or --generate epics=N,children=N,noise=N,seed=N');
  const fieldIds = {
    ...(values['story-points-field'] ? { storyPointsField: values['story-points-field'] } : {}),
    ...(values['flagged-field'] ? { flaggedField: values['flagged-field'] } : {}),
  };
  const started = performance.now();
  const site = values.snapshot
    ? loadSnapshotFile(values.snapshot, fieldIds)
    : generateSite({ ...parseGenerateSpec(values.generate as string), ...fieldIds, now: new Date().toISOString() });
  const auth: AuthOptions | undefined = values.bearer
    ? { bearer: values.bearer }
    : values.email && values.token
      ? { email: values.email, token: values.token }
      : undefined;
  const emulator = await startJiraEmulator({ site, port: Number(values.port), ...(auth ? { auth } : {}), faults: parseFaults(values.faults), ...(values['time-zone'] ? { timeZone: values['time-zone'] } : {}) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${emulator.url}\n`);
  process.stderr.write(`Jira emulator: ${site.size} issues loaded in ${seconds} s, listening on ${emulator.url}${auth ? ' (auth required)' : ''}\n`);
  const shutdown = () => {
    emulator.stop().then(
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
