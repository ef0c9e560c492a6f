/**
 * The PostgreSQL adapter of the store: a `pg` pool on `DATABASE_URL`. 64-bit integers come
 * back as numbers (times in epoch milliseconds fit well within 2^53).
 */
import pg from 'pg';
import { migrated } from './migrations';
import { createPgSessionLock } from './pg-session-lock';
import type { TeamsStore } from './port';
import { toDollarParams, type SqlDb, type SqlExecutor } from './sql-db';
import { createSqlStore } from './sql-store';

const INT8_OID = 20;

function executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async query(sql, params = []) {
      return (await client.query(toDollarParams(sql), [...params])).rows as Record<string, unknown>[];
    },
    async run(sql, params = []) {
      return (await client.query(toDollarParams(sql), [...params])).rowCount ?? 0;
    },
  };
}

function openPostgresDb(connectionString: string): SqlDb {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    types: { getTypeParser: ((oid: number, format?: string) => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as 'text'))) as typeof pg.types.getTypeParser },
  });
  const direct = executor(pool);
  return {
    dialect: 'postgres',
    query: direct.query,
    run: direct.run,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
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
export async function openPostgresDatabase(connectionString: string, nowMs: number): Promise<SqlDb> {
  return migrated(openPostgresDb(connectionString), nowMs);
}

/** Connects to PostgreSQL at `connectionString` and applies the migrations it lacks. */
export async function openPostgresStore(connectionString: string, nowMs: number): Promise<TeamsStore> {
  return createSqlStore(await openPostgresDatabase(connectionString, nowMs));
}
