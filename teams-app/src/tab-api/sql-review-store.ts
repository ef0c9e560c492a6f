/**
 * The review store on SQLite (better-sqlite3). It keeps to its own tables, prefixed `tab_`,
 * created on first use, so it can share the service's database file with the main store
 * without touching its migrations.
 */
import type { Database } from 'better-sqlite3';
import type { ProgressPoint, ReviewItemState } from './contract';
import { applyItemChange, type ReviewStore } from './review-store';

/** The tables this adapter owns. */
export const REVIEW_STORE_TABLES = ['tab_review_items', 'tab_progress_samples', 'tab_state_since'] as const;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tab_review_items (
  space TEXT NOT NULL, review_id TEXT NOT NULL, item_id TEXT NOT NULL,
  discussed INTEGER NOT NULL, decision TEXT NOT NULL, notes TEXT NOT NULL,
  updated_by TEXT NOT NULL, updated_at INTEGER NOT NULL,
  PRIMARY KEY (space, review_id, item_id)
);
CREATE TABLE IF NOT EXISTS tab_progress_samples (
  space TEXT NOT NULL, subject TEXT NOT NULL, day TEXT NOT NULL, progress REAL NOT NULL,
  PRIMARY KEY (space, subject, day)
);
CREATE TABLE IF NOT EXISTS tab_state_since (
  space TEXT NOT NULL, subject TEXT NOT NULL, state TEXT NOT NULL, since INTEGER NOT NULL,
  PRIMARY KEY (space, subject)
);`;

interface ItemRow {
  review_id: string;
  item_id: string;
  discussed: number;
  decision: string;
  notes: string;
  updated_by: string;
  updated_at: number;
}

const toItem = (r: ItemRow): ReviewItemState => ({
  reviewId: r.review_id,
  itemId: r.item_id,
  discussed: r.discussed === 1,
  decision: r.decision,
  notes: r.notes,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
});

/** A review store in `db`; creates its tables if they are missing. */
export function createSqlReviewStore(db: Database): ReviewStore {
  db.exec(SCHEMA);
  const selectItems = db.prepare<[string, string], ItemRow>('SELECT * FROM tab_review_items WHERE space = ? AND review_id = ? ORDER BY item_id');
  const selectItem = db.prepare<[string, string, string], ItemRow>('SELECT * FROM tab_review_items WHERE space = ? AND review_id = ? AND item_id = ?');
  const upsertItem = db.prepare(
    `INSERT INTO tab_review_items (space, review_id, item_id, discussed, decision, notes, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (space, review_id, item_id) DO UPDATE SET discussed = excluded.discussed, decision = excluded.decision, notes = excluded.notes,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  const upsertSample = db.prepare(
    'INSERT INTO tab_progress_samples (space, subject, day, progress) VALUES (?, ?, ?, ?) ON CONFLICT (space, subject, day) DO UPDATE SET progress = excluded.progress',
  );
  const selectSamples = db.prepare<[string, string], { day: string; progress: number }>('SELECT day, progress FROM tab_progress_samples WHERE space = ? AND subject = ? ORDER BY day');
  const selectState = db.prepare<[string, string], { state: string; since: number }>('SELECT state, since FROM tab_state_since WHERE space = ? AND subject = ?');
  const upsertState = db.prepare(
    'INSERT INTO tab_state_since (space, subject, state, since) VALUES (?, ?, ?, ?) ON CONFLICT (space, subject) DO UPDATE SET state = excluded.state, since = excluded.since',
  );

  const saveItem = db.transaction((space: string, reviewId: string, itemId: string, change: Parameters<ReviewStore['saveItem']>[3], by: { name: string; atMs: number }) => {
    const before = selectItem.get(space, reviewId, itemId);
    const next = applyItemChange(before ? toItem(before) : undefined, { reviewId, itemId }, change, by);
    upsertItem.run(space, reviewId, itemId, next.discussed ? 1 : 0, next.decision, next.notes, next.updatedBy, next.updatedAt);
    return next;
  });
  const recordProgress = db.transaction((space: string, day: string, samples: readonly { subject: string; progress: number }[]) => {
    for (const s of samples) upsertSample.run(space, s.subject, day, s.progress);
  });
  const observeStates = db.transaction((space: string, observed: readonly { subject: string; state: string }[], nowMs: number) => {
    const out = new Map<string, number>();
    for (const o of observed) {
      const before = selectState.get(space, o.subject);
      if (before && before.state === o.state) {
        out.set(o.subject, before.since);
      } else {
        upsertState.run(space, o.subject, o.state, nowMs);
        out.set(o.subject, nowMs);
      }
    }
    return out;
  });

  return {
    async itemsOf(space, reviewId) {
      return selectItems.all(space, reviewId).map(toItem);
    },
    async saveItem(space, reviewId, itemId, change, by) {
      return saveItem(space, reviewId, itemId, change, by);
    },
    async recordProgress(space, day, samples) {
      recordProgress(space, day, samples);
    },
    async progressOf(space, subjects) {
      const out = new Map<string, ProgressPoint[]>();
      for (const subject of subjects) {
        const rows = selectSamples.all(space, subject);
        if (rows.length > 0) out.set(subject, rows.map((r) => ({ day: r.day, progress: r.progress })));
      }
      return out;
    },
    async observeStates(space, observed, nowMs) {
      return observeStates(space, observed, nowMs);
    },
  };
}
