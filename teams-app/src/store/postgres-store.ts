/**
 * The PostgreSQL adapter of the store: a `pg` pool on `DATABASE_URL`. 64-bit integers come
 * back as numbers (times in epoch milliseconds fit well within 2^53).
 *
 * The server may go away at any time (a restart, a failover, `pg_terminate_backend`): the pool
 * listens for its idle connections' errors (without a listener Node ends the process), drops
 * them and connects afresh on the next query; a query that cannot reach the server rejects
 * with `StoreUnavailable` within `CONNECT_TIMEOUT_MS`, which the callers turn into a 503 or a
 * later retry. Nothing here waits for the server to come back.
 */
import pg from 'pg';
import { migrated } from './migrations';
import { createPgSessionLock } from './pg-session-lock';
import type { TeamsStore } from './port';
import { toDollarParams, type SqlDb, type SqlExecutor } from './sql-db';
import { createSqlStore } from './sql-store';
import { asStoreError } from './unavailable';

const INT8_OID = 20;
/** How long a query waits for a connection when the pool has none (the server away, or every connection busy). */
const CONNECT_TIMEOUT_MS = 5_000;

export interface PostgresOptions {
  /** Where the pool's connection errors are told (a server restart ends idle connections). */
  readonly log?: (line: string) => void;
}

function executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async query(sql, params = []) {
      try {
        return (await client.query(toDollarParams(sql), [...params])).rows as Record<string, unknown>[];
      } catch (error) {
        throw asStoreError(error);
      }
    },
    async run(sql, params = []) {
      try {
        return (await client.query(toDollarParams(sql), [...params])).rowCount ?? 0;
      } catch (error) {
        throw asStoreError(error);
      }
    },
  };
}

function openPostgresDb(connectionString: string, options: PostgresOptions): SqlDb {
  const log = options.log ?? ((line: string) => console.warn(line));
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
    types: { getTypeParser: ((oid: number, format?: string) => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser },
  });
  // An idle connection the server ends (57P01 on a fast shutdown, a dropped socket on an
  // immediate one) is reported here; the pool has already discarded it.
  pool.on('error', (error) => log(`database: an idle connection ended: ${error.message}`));
  const direct = executor(pool);
  return {
    dialect: 'postgres',
    query: direct.query,
    run: direct.run,
    async transaction(fn) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw asStoreError(error);
      }
      const tx = executor(client);
      // A checked-out client has no pool listener: a server going away mid-transaction must
      // not become an unhandled 'error' event. Such a client is discarded, never reused.
      let broken: Error | undefined;
      const onError = (error: Error) => (broken = error);
      client.on('error', onError);
      try {
        await tx.run('BEGIN');
        const result = await fn(tx);
        await tx.run('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken ??= rollbackError));
        throw error;
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    sessionLock: (key) => createPgSessionLock(connectionString, key),
    close: () => pool.end(),
  };
}

/**
 * Connects to PostgreSQL at `connectionString` and applies the migrations it lacks: for
 * callers that put more than the main store on it (the tab's review store).
 */
export async function openPostgresDatabase(connectionString: string, nowMs: number, options: PostgresOptions = {}): Promise<SqlDb> {
  return migrated(openPostgresDb(connectionString, options), nowMs);
}

/** Connects to PostgreSQL at `connectionString` and applies the migrations it lacks. */
export async function openPostgresStore(connectionString: string, nowMs: number, options: PostgresOptions = {}): Promise<TeamsStore> {
  return createSqlStore(await openPostgresDatabase(connectionString, nowMs, options));
}
