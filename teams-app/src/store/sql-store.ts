/**
 * The whole store over any `SqlDb`: the adapters only open the database and migrate it.
 */
import type { TeamsStore } from './port';
import type { SqlDb } from './sql-db';
import { createSqlDirectory } from './sql-directory';
import { createSqlMembers } from './sql-members';
import { createSqlOutbox } from './sql-outbox';
import { createSqlSchedules } from './sql-schedules';

/** The advisory lock key of outbox delivery (migrations use 7245001). */
export const DELIVERY_LOCK_KEY = 7245002;

/** Composes the store's parts over one database. */
export function createSqlStore(db: SqlDb): TeamsStore {
  return { ...createSqlDirectory(db), ...createSqlOutbox(db), ...createSqlSchedules(db), ...createSqlMembers(db), deliveryLock: () => db.sessionLock(DELIVERY_LOCK_KEY), close: () => db.close() };
}
