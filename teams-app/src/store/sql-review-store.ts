/**
 * The review store over the service's database (`SqlDb`): SQLite or PostgreSQL, the same
 * database and connection as the main store. Its tables (`tab_review_items`,
 * `tab_progress_samples`, `tab_state_since`, `tab_review_changes`) come from the main store's
 * numbered migrations (migrations.ts, versions 3 and 8); this module creates nothing.
 *
 * Each write is one upsert whose merge happens inside the statement, so two people saving the
 * same item at once (two PostgreSQL connections) never lose each other's fields; the space's
 * change counter (`tab_review_changes`, migration 8) moves in the same transaction.
 */
import type { ProgressPoint, ReviewItemState } from '../tab-api/contract';
import type { Row, SqlDb } from './sql-db';
import type { ReviewStore } from './review-store';

const toItem = (r: Row): ReviewItemState => ({
  reviewId: String(r.review_id),
  itemId: String(r.item_id),
  discussed: Number(r.discussed) === 1,
  decision: String(r.decision),
  notes: String(r.notes),
  updatedBy: String(r.updated_by),
  updatedAt: Number(r.updated_at),
});

// A field left out of a change is passed as NULL and keeps its value (or starts empty).
const UPSERT_ITEM = `INSERT INTO tab_review_items (space, review_id, item_id, discussed, decision, notes, updated_by, updated_at)
  VALUES (?, ?, ?, COALESCE(?, 0), COALESCE(?, ''), COALESCE(?, ''), ?, ?)
  ON CONFLICT (space, review_id, item_id) DO UPDATE SET
    discussed = COALESCE(?, tab_review_items.discussed), decision = COALESCE(?, tab_review_items.decision),
    notes = COALESCE(?, tab_review_items.notes), updated_by = excluded.updated_by, updated_at = excluded.updated_at
  RETURNING *`;

const COUNT_CHANGE = `INSERT INTO tab_review_changes (space, changes) VALUES (?, 1)
  ON CONFLICT (space) DO UPDATE SET changes = tab_review_changes.changes + 1`;

// The first-seen time stays while the state does; a new state starts a new time.
const UPSERT_STATE = `INSERT INTO tab_state_since (space, subject, state, since) VALUES (?, ?, ?, ?)
  ON CONFLICT (space, subject) DO UPDATE SET
    since = CASE WHEN tab_state_since.state = excluded.state THEN tab_state_since.since ELSE excluded.since END,
    state = excluded.state
  RETURNING since`;

/** The review store over `db`, which must be migrated (the store adapters' `open…` functions do it). */
export function createSqlReviewStore(db: SqlDb): ReviewStore {
  return {
    async itemsOf(space, reviewId) {
      return (await db.query('SELECT * FROM tab_review_items WHERE space = ? AND review_id = ? ORDER BY item_id', [space, reviewId])).map(toItem);
    },
    async saveItem(space, reviewId, itemId, change, by) {
      const discussed = change.discussed === undefined ? null : change.discussed ? 1 : 0;
      const decision = change.decision ?? null;
      const notes = change.notes ?? null;
      // The item and the space's change counter move together, or neither does.
      const rows = await db.transaction(async (tx) => {
        const saved = await tx.query(UPSERT_ITEM, [space, reviewId, itemId, discussed, decision, notes, by.name, by.atMs, discussed, decision, notes]);
        await tx.run(COUNT_CHANGE, [space]);
        return saved;
      });
      if (!rows[0]) throw new Error(`expected the saved review item ${reviewId}/${itemId} back from the database`);
      return toItem(rows[0]);
    },
    async changesOf(space) {
      const rows = await db.query('SELECT changes FROM tab_review_changes WHERE space = ?', [space]);
      return rows[0] ? Number(rows[0].changes) : 0;
    },
    async recordProgress(space, day, samples) {
      if (samples.length === 0) return;
      await db.transaction(async (tx) => {
        for (const s of samples) {
          await tx.run(
            'INSERT INTO tab_progress_samples (space, subject, day, progress) VALUES (?, ?, ?, ?) ON CONFLICT (space, subject, day) DO UPDATE SET progress = excluded.progress',
            [space, s.subject, day, s.progress],
          );
        }
      });
    },
    async progressOf(space, subjects) {
      const out = new Map<string, ProgressPoint[]>();
      if (subjects.length === 0) return out;
      const rows = await db.query(
        `SELECT subject, day, progress FROM tab_progress_samples WHERE space = ? AND subject IN (${subjects.map(() => '?').join(', ')}) ORDER BY subject, day`,
        [space, ...subjects],
      );
      const found = new Map<string, ProgressPoint[]>();
      for (const r of rows) {
        const subject = String(r.subject);
        const points = found.get(subject) ?? [];
        points.push({ day: String(r.day), progress: Number(r.progress) });
        found.set(subject, points);
      }
      // In the order asked for, like the in-memory store.
      for (const subject of subjects) {
        const points = found.get(subject);
        if (points) out.set(subject, points);
      }
      return out;
    },
    async observeStates(space, observed, nowMs) {
      return db.transaction(async (tx) => {
        const out = new Map<string, number>();
        for (const o of observed) {
          const rows = await tx.query(UPSERT_STATE, [space, o.subject, o.state, nowMs]);
          out.set(o.subject, Number(rows[0]?.since ?? nowMs));
        }
        return out;
      });
    },
  };
}
