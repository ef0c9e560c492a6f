/**
 * A large org file imported through the local Forge host: the built bundle's resolver
 * validates it and queues it, the host runs the queue consumer as Forge would, and the
 * cycle switches to the new org when every department is written.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flatDepartments } from '@okr-bridge/core/testing';
import { startForgeHost, type ForgeHost } from '../dev/forge-host/host';
import { siteFromSnapshot, startJiraEmulator, type JiraEmulator } from '../dev/jira-emulator';
import { INLINE_IMPORT_MAX_DEPARTMENTS } from '../jira-app/src/app/import-org';

const NOW = '2026-11-15T12:00:00.000Z';
let emulator: JiraEmulator;
let host: ForgeHost;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'org-import-queue-'));
  emulator = await startJiraEmulator({ site: siteFromSnapshot({ issues: [] }, {}, 'empty'), now: () => NOW });
  host = await startForgeHost({ emulatorUrl: emulator.url, dataDir: join(dir, 'data'), uiDir: join(dir, 'ui'), build: 'never', clock: () => Date.parse(NOW), retryDelayScale: 0, log: () => undefined });
}, 180_000);

afterAll(async () => {
  await host?.stop();
  await emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('imports a file past what one call stores through the queue, then shows it finished and the new departments', async () => {
  const n = INLINE_IMPORT_MAX_DEPARTMENTS + 100;
  const answer = (await host.invoke('importOrg', { text: flatDepartments(n) })) as { ok: boolean; data?: { queued?: boolean } };
  expect(answer).toMatchObject({ ok: true, data: { cycle: '2026-Q4', queued: true } });
  await host.settled();
  // The sandbox's clock starts at the host's and runs on.
  const progress = (await host.invoke('getImportProgress', {})) as { ok: boolean; data: { startedAt: string; finishedAt: string } };
  expect(progress).toEqual({ ok: true, data: { status: 'finished', cycle: '2026-Q4', done: n, total: n, startedAt: expect.any(String), finishedAt: expect.any(String) } });
  expect(Date.parse(progress.data.startedAt)).toBeGreaterThanOrEqual(Date.parse(NOW));
  expect(Date.parse(progress.data.finishedAt)).toBeGreaterThanOrEqual(Date.parse(progress.data.startedAt));
  const view = (await host.invoke('getDepartmentView', { projectKey: `P${n - 1}` })) as { ok: boolean; data: { kind: string; view: { objectives: { id: string }[] } } };
  expect(view.data.view.objectives.map((o) => o.id)).toEqual([`O${n - 1}`]);
  const calls = host.stats().calls;
  expect(calls.filter((c) => !c.ok).map((c) => `${c.kind} ${c.name}`)).toEqual([]);
  expect(calls.filter((c) => c.kind === 'queue').length).toBeGreaterThanOrEqual(2);
}, 120_000);
