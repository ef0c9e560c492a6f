/**
 * The SQLite adapter of the store: better-sqlite3 on one file in WAL mode (or `:memory:` in
 * tests). better-sqlite3 is synchronous; a mutex keeps other callers' statements out of an
 * open transaction, since the store's transactions span awaits.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrated } from './migrations';
import type { TeamsStore } from './port';
import { Mutex, type SqlDb, type SqlExecutor, type SqlValue } from './sql-db';
import { createSqlStore } from './sql-store';

function openSqliteDb(path: string): SqlDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const mutex = new Mutex();
  const direct: SqlExecutor = {
    async query(sql: string, params: readonly SqlValue[] = []) {
      const statement = db.prepare(sql);
      return statement.reader ? (statement.all(...params) as Record<string, unknown>[]) : (statement.run(...params), []);
    },
    async run(sql: string, params: readonly SqlValue[] = []) {
      return db.prepare(sql).run(...params).changes;
    },
  };
  return {
    dialect: 'sqlite',
    sessionLock: () => null,
    query: (sql, params) => mutex.run(() => direct.query(sql, params)),
    run: (sql, params) => mutex.run(() => direct.run(sql, params)),
    transaction: (fn) =>
      mutex.run(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(direct);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      }),
    close: async () => {
      await mutex.run(async () => db.close());
    },
  };
}

/**
 * Opens (creating if needed) the SQLite database at `path` and applies the migrations it
 * lacks: for callers that put more than the main store on it (the tab's review store).
 */
export async function openSqliteDatabase(path: string, nowMs: number): Promise<SqlDb> {
  return migrated(openSqliteDb(path), nowMs);
}

/** Opens (creating if needed) the SQLite store at `path` and applies the migrations it lacks. */
export async function openSqliteStore(path: string, nowMs: number): Promise<TeamsStore> {
  return createSqlStore(await openSqliteDatabase(path, nowMs));
}
