/**
 * Opens what the service keeps: one database (PostgreSQL when a URL is given, else SQLite at a
 * path), migrated once, with the main store and the tab's review store both on it. There is no
 * in-memory fallback: what a meeting records survives a restart on either database.
 */
import type { TeamsStore } from './store/port';
import { openPostgresDatabase } from './store/postgres-store';
import type { SqlDb } from './store/sql-db';
import { createSqlStore } from './store/sql-store';
import { openSqliteDatabase } from './store/sqlite-store';
import type { ReviewStore } from './store/review-store';
import { createSqlReviewStore } from './store/sql-review-store';

export interface StorageOptions {
  /** A `postgres://` URL; when set, SQLite is not used. */
  readonly databaseUrl?: string;
  /** The SQLite file (or `:memory:`) used without `databaseUrl`. */
  readonly sqlitePath: string;
}

export interface Storage {
  readonly kind: 'postgres' | 'sqlite';
  readonly store: TeamsStore;
  readonly reviewStore: ReviewStore;
  /** Closes the database (both stores). */
  close(): Promise<void>;
}

/** Opens the database `options` name, applies the migrations it lacks and builds both stores on it. */
export async function openStorage(options: StorageOptions, nowMs: number): Promise<Storage> {
  const db: SqlDb = options.databaseUrl ? await openPostgresDatabase(options.databaseUrl, nowMs) : await openSqliteDatabase(options.sqlitePath, nowMs);
  const store = createSqlStore(db);
  return { kind: db.dialect, store, reviewStore: createSqlReviewStore(db), close: () => store.close() };
}
