import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createMemoryReviewStore, type ReviewStore } from './review-store';
import { createSqlReviewStore } from './sql-review-store';

const by = (name: string, atMs: number) => ({ name, atMs });

/** One contract, every adapter. */
function reviewStoreContract(name: string, make: () => { store: ReviewStore; reopen?: () => ReviewStore; done: () => void }) {
  describe(`${name} review store`, () => {
    let ctx: ReturnType<typeof make>;
    beforeEach(() => {
      ctx = make();
    });
    afterEach(() => ctx.done());

    test('a new item starts undiscussed and empty, then keeps fields a change leaves out', async () => {
      const first = await ctx.store.saveItem('t1', 'eng@2026-11-15', 'at-risk-kr:eng-o1-kr2', { discussed: true }, by('Sofia', 1000));
      expect(first).toEqual({ reviewId: 'eng@2026-11-15', itemId: 'at-risk-kr:eng-o1-kr2', discussed: true, decision: '', notes: '', updatedBy: 'Sofia', updatedAt: 1000 });
      const second = await ctx.store.saveItem('t1', 'eng@2026-11-15', 'at-risk-kr:eng-o1-kr2', { decision: 'Move two engineers' }, by('Raj', 2000));
      expect(second).toEqual({ ...first, decision: 'Move two engineers', updatedBy: 'Raj', updatedAt: 2000 });
      expect(await ctx.store.itemsOf('t1', 'eng@2026-11-15')).toEqual([second]);
    });

    test('items are listed by id and kept apart per space and per review', async () => {
      await ctx.store.saveItem('t1', 'r1', 'b', { notes: 'two' }, by('A', 1));
      await ctx.store.saveItem('t1', 'r1', 'a', { notes: 'one' }, by('A', 1));
      await ctx.store.saveItem('t2', 'r1', 'c', { notes: 'other tenant' }, by('B', 1));
      await ctx.store.saveItem('t1', 'r2', 'd', { notes: 'other review' }, by('A', 1));
      expect((await ctx.store.itemsOf('t1', 'r1')).map((i) => i.notes)).toEqual(['one', 'two']);
      expect((await ctx.store.itemsOf('t2', 'r1')).map((i) => i.notes)).toEqual(['other tenant']);
      expect(await ctx.store.itemsOf('t3', 'r1')).toEqual([]);
    });

    test('progress keeps the latest value of each day, oldest day first, per space', async () => {
      await ctx.store.recordProgress('t1', '2026-11-15', [{ subject: 'eng', progress: 0.4 }]);
      await ctx.store.recordProgress('t1', '2026-11-01', [{ subject: 'eng', progress: 0.2 }, { subject: 'kr1', progress: 0.1 }]);
      await ctx.store.recordProgress('t1', '2026-11-15', [{ subject: 'eng', progress: 0.45 }]);
      await ctx.store.recordProgress('t2', '2026-11-15', [{ subject: 'eng', progress: 0.9 }]);
      const got = await ctx.store.progressOf('t1', ['eng', 'kr1', 'none']);
      expect(Object.fromEntries(got)).toEqual({
        eng: [
          { day: '2026-11-01', progress: 0.2 },
          { day: '2026-11-15', progress: 0.45 },
        ],
        kr1: [{ day: '2026-11-01', progress: 0.1 }],
      });
    });

    test('a state keeps its first-seen time until it changes', async () => {
      expect(Object.fromEntries(await ctx.store.observeStates('t1', [{ subject: 'dep-sso', state: 'blocked' }], 100))).toEqual({ 'dep-sso': 100 });
      expect(Object.fromEntries(await ctx.store.observeStates('t1', [{ subject: 'dep-sso', state: 'blocked' }], 200))).toEqual({ 'dep-sso': 100 });
      expect(Object.fromEntries(await ctx.store.observeStates('t2', [{ subject: 'dep-sso', state: 'blocked' }], 250))).toEqual({ 'dep-sso': 250 });
      expect(Object.fromEntries(await ctx.store.observeStates('t1', [{ subject: 'dep-sso', state: 'open' }], 300))).toEqual({ 'dep-sso': 300 });
    });

    if (name === 'SQLite') {
      test('what was saved is still there after the database is reopened', async () => {
        await ctx.store.saveItem('t1', 'r1', 'a', { discussed: true, notes: 'kept' }, by('A', 5));
        const reopened = ctx.reopen?.();
        expect(await reopened?.itemsOf('t1', 'r1')).toEqual([{ reviewId: 'r1', itemId: 'a', discussed: true, decision: '', notes: 'kept', updatedBy: 'A', updatedAt: 5 }]);
      });
    }
  });
}

reviewStoreContract('in-memory', () => ({ store: createMemoryReviewStore(), done: () => undefined }));

reviewStoreContract('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'review-store-'));
  const file = join(dir, 'tab.db');
  const dbs = [new Database(file)];
  dbs[0]?.pragma('journal_mode = WAL');
  return {
    store: createSqlReviewStore(dbs[0]!),
    reopen: () => {
      dbs[0]?.close();
      const db = new Database(file);
      dbs.push(db);
      return createSqlReviewStore(db);
    },
    done: () => {
      for (const db of dbs) if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
