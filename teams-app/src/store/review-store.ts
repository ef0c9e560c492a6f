/**
 * What the tab remembers, beside the main store (in the same database): the review meeting's
 * record per agenda item (discussed, decision, notes), progress observed per day (the trend
 * sparklines) and since when each dependency is in its state. Every method takes a `space`
 * (one tenant's connection to one Jira site) so tenants never read each other's records.
 * Two adapters: in memory (tests) and SQL on the service's own database, SQLite or PostgreSQL
 * (`sql-review-store.ts`); both pass `review-store-contract.ts`.
 */
import type { ProgressPoint, ReviewItemState } from '../tab-api/contract';

export interface ItemChange {
  readonly discussed?: boolean;
  readonly decision?: string;
  readonly notes?: string;
}

export interface ObservedState {
  readonly subject: string;
  readonly state: string;
}

export interface ReviewStore {
  /** The recorded items of one review, sorted by item id. */
  itemsOf(space: string, reviewId: string): Promise<ReviewItemState[]>;
  /** Applies a change to an item (absent fields keep their value; a new item starts empty); counts it in `changesOf`. */
  saveItem(space: string, reviewId: string, itemId: string, change: ItemChange, by: { name: string; atMs: number }): Promise<ReviewItemState>;
  /** How many item changes the space has recorded: it moves with every save, so open tabs know to load again. */
  changesOf(space: string): Promise<number>;
  /** Records each subject's progress on `day`, replacing that day's earlier value. */
  recordProgress(space: string, day: string, samples: readonly { subject: string; progress: number }[]): Promise<void>;
  /** The recorded progress of each subject, oldest day first. */
  progressOf(space: string, subjects: readonly string[]): Promise<Map<string, ProgressPoint[]>>;
  /** Records the states seen now; answers since when (epoch ms) each subject has been in its state. */
  observeStates(space: string, observed: readonly ObservedState[], nowMs: number): Promise<Map<string, number>>;
}

/** The item a change turns `before` into. */
export function applyItemChange(before: ReviewItemState | undefined, key: { reviewId: string; itemId: string }, change: ItemChange, by: { name: string; atMs: number }): ReviewItemState {
  return {
    reviewId: key.reviewId,
    itemId: key.itemId,
    discussed: change.discussed ?? before?.discussed ?? false,
    decision: change.decision ?? before?.decision ?? '',
    notes: change.notes ?? before?.notes ?? '',
    updatedBy: by.name,
    updatedAt: by.atMs,
  };
}

/** An in-memory review store. */
export function createMemoryReviewStore(): ReviewStore {
  const items = new Map<string, ReviewItemState>();
  const samples = new Map<string, Map<string, number>>();
  const states = new Map<string, { state: string; since: number }>();
  const changes = new Map<string, number>();
  const k = (...parts: string[]) => parts.join('\u0000');
  return {
    async itemsOf(space, reviewId) {
      const prefix = k(space, reviewId, '');
      return [...items.entries()]
        .filter(([key]) => key.startsWith(prefix))
        .map(([, v]) => v)
        .sort((a, b) => (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
    },
    async saveItem(space, reviewId, itemId, change, by) {
      const key = k(space, reviewId, itemId);
      const next = applyItemChange(items.get(key), { reviewId, itemId }, change, by);
      items.set(key, next);
      changes.set(space, (changes.get(space) ?? 0) + 1);
      return next;
    },
    async changesOf(space) {
      return changes.get(space) ?? 0;
    },
    async recordProgress(space, day, list) {
      for (const s of list) {
        const key = k(space, s.subject);
        const byDay = samples.get(key) ?? new Map<string, number>();
        byDay.set(day, s.progress);
        samples.set(key, byDay);
      }
    },
    async progressOf(space, subjects) {
      const out = new Map<string, ProgressPoint[]>();
      for (const subject of subjects) {
        const byDay = samples.get(k(space, subject));
        if (!byDay) continue;
        out.set(subject, [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, progress]) => ({ day, progress })));
      }
      return out;
    },
    async observeStates(space, observed, nowMs) {
      const out = new Map<string, number>();
      for (const o of observed) {
        const key = k(space, o.subject);
        const before = states.get(key);
        const current = before && before.state === o.state ? before : { state: o.state, since: nowMs };
        states.set(key, current);
        out.set(o.subject, current.since);
      }
      return out;
    },
  };
}
