/**
 * "The database cannot be reached right now" as one error the rest of the service can act on:
 * the HTTP layer answers 503 with Retry-After (Forge and the tab retry), the outbox tries again
 * later. The PostgreSQL adapter turns its driver's connection failures into it (a server
 * shutting down or restarting, refused or broken connections, a pool that cannot connect in
 * time); any other database error stays what it is, a bug or a broken invariant.
 */

/** What a request that met `StoreUnavailable` is told to wait before trying again (Retry-After). */
export const STORE_RETRY_AFTER_SECONDS = 5;

/**
 * Thrown by a store method when the database is away. A write whose connection broke during
 * its COMMIT may or may not have landed; every caller either retries an idempotent write
 * (events by id, outbox entries by key) or leaves the row to a lease that runs out.
 */
export class StoreUnavailable extends Error {
  constructor(readonly why: string, options?: { cause?: unknown }) {
    super(`the database is unavailable (${why})`, options);
    this.name = 'StoreUnavailable';
  }
}

/** Network failures of the socket under a database connection. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL SQLSTATEs of a server that is away or going: class 08 (connection exception),
 * 57P01 admin shutdown (fast shutdown, `pg_terminate_backend`), 57P02 crash shutdown
 * (immediate shutdown, a crashed sibling), 57P03 cannot connect now (starting up, shutting
 * down, recovering), 53300 too many connections.
 */
const SERVER_AWAY = /^(08...|57P01|57P02|57P03|53300)$/;

/** What `pg` and `pg-pool` say when a connection ends or cannot be made in time. */
const DRIVER_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Query read timeout',
];

/**
 * Whether `error` (from `pg`) means the server cannot be reached, as opposed to a failed
 * statement. Read by shape, not `instanceof`: Node's socket errors may come from another realm.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, errors } = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_AWAY.test(code))) return true;
  if (typeof message === 'string' && DRIVER_MESSAGES.some((m) => message.startsWith(m))) return true;
  // Node wraps a failed connect to several addresses (localhost: ::1 and 127.0.0.1) in an AggregateError.
  return Array.isArray(errors) && errors.some(isConnectionFailure);
}

/** `error` as a `StoreUnavailable` when it is a connection failure, else unchanged. */
export function asStoreError(error: unknown): unknown {
  if (error instanceof StoreUnavailable || !isConnectionFailure(error)) return error;
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' && message ? message : 'connection failed';
  return new StoreUnavailable(typeof code === 'string' ? `${code}: ${text}` : text, { cause: error });
}
