import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStorage } from '../storage';
import { describeReviewStoreContract, type OpenedReviewStore } from './review-store-contract';
import { MIGRATIONS } from './migrations';
import { openPostgresStore } from './postgres-store';
import { openSqliteStore } from './sqlite-store';
import { describeStoreContract } from './store-contract';
import { startTempPostgres, tempPostgresUnavailableReason, type TempPostgres } from './testing/temp-postgres';

const dir = mkdtempSync(join(tmpdir(), 'okr-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** The review store on a migrated database, reopened as the service does after a restart. */
async function openReviewStore(where: { databaseUrl?: string; sqlitePath: string }): Promise<OpenedReviewStore> {
  let storage = await openStorage(where, 1);
  return {
    store: storage.reviewStore,
    reopen: async () => {
      await storage.close();
      storage = await openStorage(where, 2);
      return storage.reviewStore;
    },
    close: () => storage.close(),
  };
}

describeStoreContract('SQLite (temporary file)', () => openSqliteStore(join(dir, `store-${++files}.sqlite`), 1));
describeReviewStoreContract('SQLite (temporary file)', () => openReviewStore({ sqlitePath: join(dir, `review-${++files}.sqlite`) }), { durable: true });

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

  it('keeps the review records of a database from before migration 3 (when the tab created its own tables)', async () => {
    const path = join(dir, 'before-3.sqlite');
    const old = new Database(path);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    for (const m of MIGRATIONS.filter((x) => x.version < 3)) {
      for (const statement of m.statements('sqlite')) old.exec(statement);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, 1)').run(m.version, m.name);
    }
    // What the SQLite review store created on first use before its tables became a migration.
    old.exec(`CREATE TABLE tab_review_items (space TEXT NOT NULL, review_id TEXT NOT NULL, item_id TEXT NOT NULL, discussed INTEGER NOT NULL, decision TEXT NOT NULL, notes TEXT NOT NULL,
      updated_by TEXT NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (space, review_id, item_id))`);
    old.prepare('INSERT INTO tab_review_items VALUES (?, ?, ?, 1, ?, ?, ?, ?)').run('t1', 'eng@2026-11-15', 'blocked-dependency:dep-sso', 'Unblock by Friday', '', 'Raj', 42);
    old.close();
    const storage = await openStorage({ sqlitePath: path }, 5);
    try {
      expect(await storage.reviewStore.itemsOf('t1', 'eng@2026-11-15')).toEqual([
        { reviewId: 'eng@2026-11-15', itemId: 'blocked-dependency:dep-sso', discussed: true, decision: 'Unblock by Friday', notes: '', updatedBy: 'Raj', updatedAt: 42 },
      ]);
      expect(Object.fromEntries(await storage.reviewStore.observeStates('t1', [{ subject: 'dep-sso', state: 'blocked' }], 6))).toEqual({ 'dep-sso': 6 });
    } finally {
      await storage.close();
    }
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
  describeReviewStoreContract(
    'PostgreSQL (temporary server)',
    async () => {
      const s = await server;
      if (s.kind === 'unavailable') throw new Error(s.reason);
      return openReviewStore({ databaseUrl: await s.newDatabase(), sqlitePath: join(dir, 'never-used.sqlite') });
    },
    { durable: true },
  );
  it('PostgreSQL storage keeps everything in PostgreSQL, creating no SQLite file', async () => {
    const s = await server;
    if (s.kind === 'unavailable') throw new Error(s.reason);
    const sqlitePath = join(dir, 'not-with-postgres.sqlite');
    const storage = await openStorage({ databaseUrl: await s.newDatabase(), sqlitePath }, 1);
    await storage.close();
    expect([storage.kind, existsSync(sqlitePath)]).toEqual(['postgres', false]);
  });
}
