/**
 * The service as a real process (`node --import tsx src/main.ts`) on PostgreSQL
 * (`DATABASE_URL`, a temporary server): what a review meeting records through the tab API is
 * still there after the process is stopped and started again, and no SQLite file appears.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebTrigger, type RunningWebTrigger } from '../../dev/forge-webtrigger';
import { DEV_TENANT_ID, devTokenFor } from './auth/dev-token';
import { openPostgresStore } from './store/postgres-store';
import { startTempPostgres, tempPostgresUnavailableReason, type TempPostgres } from './store/testing/temp-postgres';
import type { AgendaPage } from './tab-api/contract';
import { tabApiPaths } from './tab-api/paths';

const root = join(__dirname, '..', '..');
/** The tenant's connection, made with a code from OKR settings (the service's events URL is not known yet). */
let connection: { id: string; secret: string };
const children: ChildProcess[] = [];

async function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'teams-app', 'src', 'main.ts')], {
    cwd: root,
    env: { ...process.env, OKR_DEV_ANONYMOUS: '1', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /teams service on (http:\/\/127\.0\.0\.1:\d+) .*PostgreSQL/.exec(out);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`service exited with ${code}: ${out}`)));
  });
  return { child, url };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const unavailable = tempPostgresUnavailableReason();
if (unavailable) {
  console.warn(unavailable);
  describe.skip('the service on PostgreSQL', () => it.todo(unavailable));
} else {
  let server: TempPostgres;
  let forge: RunningWebTrigger;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'okr-main-pg-'));
    server = await startTempPostgres();
    forge = await startWebTrigger();
    connection = await forge.connectTeams('http://127.0.0.1:1/api/events', DEV_TENANT_ID);
  }, 60_000);
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await forge?.close();
    if (server?.kind === 'running') await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps review decisions, notes and discussed marks in PostgreSQL across a restart', async () => {
    if (server.kind !== 'running') throw new Error(server.reason);
    const databaseUrl = await server.newDatabase();
    const seed = await openPostgresStore(databaseUrl, Date.now());
    await seed.saveConnection({ id: connection.id, secret: connection.secret, tenantId: DEV_TENANT_ID, url: forge.url, siteUrl: 'https://acme.atlassian.net', siteName: 'Acme', createdAt: 1 });
    await seed.close();
    const sqlitePath = join(dir, 'must-not-exist.sqlite');
    const env = { DATABASE_URL: databaseUrl, SQLITE_PATH: sqlitePath };
    const headers = { authorization: `Bearer ${devTokenFor('raj@acme.example')}`, 'content-type': 'application/json' };

    const first = await startProcess(env);
    // The review of the day the Jira app is at (it runs on the real clock).
    const { reviewId } = (await (await fetch(first.url + tabApiPaths.agenda({ department: 'eng' }), { headers })).json()) as AgendaPage;
    expect(reviewId).toMatch(/^eng@\d{4}-\d{2}-\d{2}$/);
    const saved = await fetch(first.url + tabApiPaths.reviewItem(reviewId, 'blocked-dependency:dep-sso'), {
      method: 'POST',
      headers,
      body: JSON.stringify({ discussed: true, decision: 'Raj moves two engineers', notes: 'Check again Friday' }),
    });
    expect(saved.status).toBe(200);
    await stop(first.child);

    const second = await startProcess(env);
    const agenda = (await (await fetch(second.url + tabApiPaths.agenda({ department: 'eng' }), { headers })).json()) as AgendaPage;
    await stop(second.child);
    expect(agenda.reviewId).toBe(reviewId);
    expect(agenda.items['blocked-dependency:dep-sso']).toMatchObject({ discussed: true, decision: 'Raj moves two engineers', notes: 'Check again Friday', updatedBy: 'raj' });
    expect(existsSync(sqlitePath)).toBe(false);
  }, 60_000);
}
