/**
 * A PostgreSQL session-level advisory lock (`pg_try_advisory_lock`) on a client of its own,
 * outside the pool: the lock lives exactly as long as that session. A process that dies loses
 * its connection and the server releases the lock at once; a process that loses its session
 * (network, `pg_terminate_backend`) is told through `onLost` as soon as the client sees it.
 */
import pg from 'pg';
import type { DeliveryLock } from './port';

/** The lock's client keeps TCP alive, and neither connecting nor a heartbeat waits longer than this. */
const QUERY_TIMEOUT_MS = 5_000;

/** A lock on `key` over its own connection to `connectionString`; nothing connects until `acquire`. */
export function createPgSessionLock(connectionString: string, key: number): DeliveryLock {
  let client: pg.Client | null = null;
  let held = false;
  const listeners: (() => void)[] = [];

  const drop = (c: pg.Client) => {
    const current = client === c;
    const wasHeld = current && held;
    if (current) {
      client = null;
      held = false;
    }
    c.end().catch(() => undefined);
    if (wasHeld) for (const listener of listeners) listener();
  };

  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString, keepAlive: true, query_timeout: QUERY_TIMEOUT_MS, connectionTimeoutMillis: QUERY_TIMEOUT_MS, application_name: 'okr-bridge outbox lock' });
    c.on('error', () => drop(c));
    c.on('end', () => drop(c));
    await c.connect();
    client = c;
    return c;
  };

  return {
    async acquire() {
      let c = client;
      try {
        c ??= await connect();
        // A live session keeps its lock: a heartbeat is enough, and does not stack the lock.
        if (held) {
          await c.query('SELECT 1');
          return client === c && held;
        }
        const { rows } = await c.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [key]);
        held = client === c && rows[0]?.got === true;
        return held;
      } catch {
        if (c) drop(c);
        return false;
      }
    },
    onLost(listener) {
      listeners.push(listener);
    },
    async release() {
      const c = client;
      client = null;
      held = false;
      // Ending the session releases every lock it holds.
      if (c) await c.end().catch(() => undefined);
    },
  };
}
