/**
 * The service as a real process (`node --import tsx src/main.ts`) killed with SIGKILL while
 * alerts are claimed and in flight, then restarted on the same SQLite file: every alert is
 * delivered, none twice. The connector is paused before the kill, and the kill waits until
 * every answered request is recorded as sent, so the requests in flight are never answered:
 * the kill falls outside the one window the outbox cannot close (between the connector's 2xx
 * and the local write; see outbox/worker.ts), which this test does not claim to cover.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DependencyChangedEvent } from '@okr-bridge/core';
import { startBotConnector, type BotConnector } from '../../../dev/bot-connector';
import { startWebTrigger, type RunningWebTrigger } from '../../../dev/forge-webtrigger';
import { openSqliteStore } from '../store/sqlite-store';

const TENANT = 'tenant-kill';
/** The tenant's connection, made with a code from OKR settings (the service's events URL is not known yet). */
let connection: { id: string; secret: string };
const root = join(__dirname, '..', '..', '..');
let dir: string;
let connector: BotConnector;
let forge: RunningWebTrigger;
const children: ChildProcess[] = [];

function event(k: number): DependencyChangedEvent {
  const view = (d: number) => ({ department: `d${d}`, departmentName: `Department ${d}` });
  return {
    type: 'dependency.changed',
    id: `ev-${k}`,
    occurredAt: '2026-11-15T09:00:00Z',
    previousState: 'open',
    dependency: {
      id: `dep-${k}`,
      title: `Deliverable ${k}`,
      state: 'blocked',
      stateLabel: 'Blocked',
      tone: 'attention',
      reason: 'status is Blocked',
      due: null,
      needs: { ...view(k % 10), kr: `kr-${k}`, krTitle: `KR ${k}`, owner: null },
      provider: { ...view((k + 1) % 10), owners: ['lead@acme.example'] },
      deliverables: [{ key: `P-${k}`, url: null, state: 'blocked', status: 'Blocked', reasons: [] }],
      companyObjectivesAtRisk: [],
    },
  };
}

/** The activity ids the outbox has recorded as sent, read from the SQLite file without writing. */
function sentActivityIds(path: string): Set<string> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare(`SELECT activity_id FROM outbox WHERE state = 'sent' AND activity_id IS NOT NULL`).all() as { activity_id: string }[];
    return new Set(rows.map((r) => r.activity_id));
  } finally {
    db.close();
  }
}

async function waitUntil(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function startProcess(sqlitePath: string): Promise<{ child: ChildProcess; url: string }> {
  // `node --import tsx`, not the tsx CLI: the CLI runs the script in a grandchild that a
  // SIGKILL of the CLI would not reach.
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'teams-app', 'src', 'main.ts')], {
    cwd: root,
    env: { ...process.env, OKR_DEV_ANONYMOUS: '1', HOST: '127.0.0.1', PORT: '0', SQLITE_PATH: sqlitePath, OUTBOX_LEASE_MS: '1000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`service exited with ${code}: ${out}`)));
  });
  return { child, url };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'okr-kill-'));
  forge = await startWebTrigger();
  connection = await forge.connectTeams('http://127.0.0.1:1/api/events', TENANT);
  connector = await startBotConnector({ latencyMs: 50 });
  const store = await openSqliteStore(join(dir, 'teams.sqlite'), Date.now());
  await store.saveConnection({ id: connection.id, secret: connection.secret, tenantId: TENANT, url: forge.url, siteUrl: 'https://acme.atlassian.net', siteName: 'Acme', createdAt: Date.now() });
  for (let i = 0; i < 10; i++) {
    const id = `c${i}`;
    await store.saveConversation({ id, tenantId: TENANT, reference: { serviceUrl: connector.serviceUrl, channelId: 'msteams', conversation: { id, tenantId: TENANT } }, timeZone: null, updatedAt: 1 });
    await store.follow(id, `d${i}`);
  }
  await store.close();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await connector.close();
  await forge.close();
  rmSync(dir, { recursive: true, force: true });
});

it('delivers every alert exactly once across a SIGKILL mid-delivery', async () => {
  const path = join(dir, 'teams.sqlite');
  const first = await startProcess(path);
  for (let k = 0; k < 20; k++) expect((await forge.sendEvent(`${first.url}/api/events`, connection, event(k))).status).toBe(200);
  await connector.waitFor(() => connector.stats().sends >= 6, 20_000);
  connector.pause();
  // Kill outside the one window the outbox cannot close: wait (however slow the machine) until
  // every activity the connector has answered is recorded as sent, and some requests are held.
  await waitUntil(() => {
    const answered = connector.allActivities().map((a) => a.id);
    return connector.held() > 0 && answered.every((id) => sentActivityIds(path).has(id));
  }, 20_000);
  first.child.kill('SIGKILL');
  await new Promise((resolve) => first.child.once('exit', resolve));
  // The dead process's sockets close asynchronously: wait until the connector sees every held
  // caller gone, so that resume() drops their requests instead of delivering them.
  await waitUntil(() => connector.held() === 0, 10_000);

  const store = await openSqliteStore(path, Date.now());
  const atKill = await store.listOutbox();
  await store.close();
  expect(atKill).toHaveLength(40);
  // Some entries were claimed and in flight when the process died.
  expect(atKill.filter((e) => e.state === 'sending').length).toBeGreaterThan(0);
  expect(atKill.filter((e) => e.state === 'pending').length).toBeGreaterThan(0);

  connector.resume();
  const second = await startProcess(path);
  await connector.waitFor(() => connector.stats().sends >= 40, 30_000);
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  second.child.kill('SIGTERM');
  await new Promise((resolve) => second.child.once('exit', resolve));

  const delivered = connector.allActivities().map((a) => `${a.conversationId} ${String(a.activity.summary)}`);
  expect(delivered).toHaveLength(40);
  expect(new Set(delivered).size).toBe(40);
  const after = await openSqliteStore(path, Date.now());
  expect((await after.listOutbox()).every((e) => e.state === 'sent')).toBe(true);
  await after.close();
}, 60_000);
