/**
 * The little the SQL store needs of a database: run a statement, read rows, and run a
 * function inside one transaction. SQLite and PostgreSQL each implement it in their adapter;
 * statements are written once, with `?` placeholders, in the SQL both understand.
 */
import type { DeliveryLock } from './port';

export type SqlValue = string | number | null;
export type Row = Record<string, unknown>;

export interface SqlExecutor {
  query(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs a statement and returns the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

export interface SqlDb extends SqlExecutor {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `fn` in one transaction: all its statements commit together or none does. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** A session-level lock on `key` over a connection of its own; null when the database has one process (SQLite). */
  sessionLock(key: number): DeliveryLock | null;
  close(): Promise<void>;
}

/** Rewrites `?` placeholders as `$1, $2, …` for PostgreSQL. */
export function toDollarParams(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A promise-chain mutex: one holder at a time, in arrival order. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
