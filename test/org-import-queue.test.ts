/**
 * A large org file imported through the local Forge host: the built bundle's resolver
 * validates it and queues it, the host runs the queue consumer as Forge would, and the
 * cycle switches to the new org when every department is written; and the same from the
 * settings page in Chromium, which follows the import's progress to its end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flatDepartments } from '@okr-bridge/core/testing';
import type { Browser } from 'playwright-core';
import { startForgeHost, type ForgeHost } from '../dev/forge-host/host';
import { launchChromium, openPanel, textOf } from '../dev/forge-host/testing';
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

describe('the settings page', () => {
  let browser: Browser;
  let pageHost: ForgeHost;
  let pageDir: string;

  beforeAll(async () => {
    pageDir = mkdtempSync(join(tmpdir(), 'org-import-queue-ui-'));
    [pageHost, browser] = await Promise.all([
      startForgeHost({ emulatorUrl: emulator.url, dataDir: join(pageDir, 'data'), uiDir: join(pageDir, 'ui'), build: 'always', clock: () => Date.parse(NOW), retryDelayScale: 0, log: () => undefined }),
      launchChromium(),
    ]);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await pageHost?.stop();
    rmSync(pageDir, { recursive: true, force: true });
  });

  it('imports a large file from the Import tab and follows it through the queue to the end', async () => {
    const n = INLINE_IMPORT_MAX_DEPARTMENTS + 50;
    const { page, errors } = await openPanel(browser, pageHost, 'admin', {}, (p) => p.getByRole('heading', { name: 'OKR settings' }).waitFor());
    await page.getByRole('tab', { name: 'Import / export' }).click();
    await page.locator('#org-text').fill(flatDepartments(n));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-success').waitFor();
    expect(await textOf(page, 'import-success')).toContain(`Importing cycle 2026-Q4 ${n.toLocaleString('en-US').replace(',', '')} departments`);
    await page.getByText(`Imported cycle 2026-Q4: ${n.toLocaleString('en-US')} departments`).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('progressbar').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
