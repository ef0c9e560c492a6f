import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations';
import { openPostgresStore } from './postgres-store';
import { openSqliteStore } from './sqlite-store';
import { describeStoreContract } from './store-contract';
import { startTempPostgres, tempPostgresUnavailableReason, type TempPostgres } from './testing/temp-postgres';

const dir = mkdtempSync(join(tmpdir(), 'okr-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

describeStoreContract('SQLite (temporary file)', () => openSqliteStore(join(dir, `store-${++files}.sqlite`), 1));

describe('SQLite adapter', () => {
  it('uses WAL and records every migration once, even when opened twice', async () => {
    const path = join(dir, 'twice.sqlite');
    await (await openSqliteStore(path, 1)).close();
    await (await openSqliteStore(path, 2)).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version, applied_at: 1 })));
    db.close();
  });
});

const unavailable = tempPostgresUnavailableReason();
if (unavailable) {
  // Printed so a run without the binaries says exactly why PostgreSQL was not tested.
  console.warn(unavailable);
  describe.skip('store contract: PostgreSQL (temporary server)', () => it.todo(unavailable));
} else {
  let server: Promise<TempPostgres>;
  beforeAll(() => {
    server = startTempPostgres();
    return server.then((s) => {
      if (s.kind === 'unavailable') throw new Error(s.reason);
    });
  }, 60_000);
  afterAll(async () => {
    const s = await server;
    if (s.kind === 'running') await s.stop();
  });
  describeStoreContract('PostgreSQL (temporary server)', async () => {
    const s = await server;
    if (s.kind === 'unavailable') throw new Error(s.reason);
    return openPostgresStore(await s.newDatabase(), 1);
  });
}
