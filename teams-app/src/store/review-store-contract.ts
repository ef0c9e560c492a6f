/**
 * The one contract every review store passes: in memory (review-store.test.ts), and SQLite and
 * PostgreSQL on the main store's migrated database (store.test.ts, beside the main
 * store's contract and its temporary PostgreSQL server). Each test opens a fresh store.
 */
import type { ReviewStore } from './review-store';

const by = (name: string, atMs: number) => ({ name, atMs });

export interface OpenedReviewStore {
  readonly store: ReviewStore;
  /** Closes the database and opens it again (a restart); only durable stores have it. */
  readonly reopen?: () => Promise<ReviewStore>;
  close(): Promise<void>;
}

/** Registers the contract tests for one review store; a durable one must also survive a restart. */
export function describeReviewStoreContract(name: string, open: () => Promise<OpenedReviewStore>, options: { durable: boolean }): void {
  describe(`review store contract: ${name}`, () => {
    let ctx: OpenedReviewStore;
    let store: ReviewStore;
    beforeEach(async () => {
      ctx = await open();
      store = ctx.store;
    });
    afterEach(() => ctx.close());

    test('a new item starts undiscussed and empty, then keeps fields a change leaves out', async () => {
      const first = await store.saveItem('t1', 'eng@2026-11-15', 'at-risk-kr:eng-o1-kr2', { discussed: true }, by('Sofia', 1000));
      expect(first).toEqual({ reviewId: 'eng@2026-11-15', itemId: 'at-risk-kr:eng-o1-kr2', discussed: true, decision: '', notes: '', updatedBy: 'Sofia', updatedAt: 1000 });
      const second = await store.saveItem('t1', 'eng@2026-11-15', 'at-risk-kr:eng-o1-kr2', { decision: 'Move two engineers' }, by('Raj', 2000));
      expect(second).toEqual({ ...first, decision: 'Move two engineers', updatedBy: 'Raj', updatedAt: 2000 });
      const third = await store.saveItem('t1', 'eng@2026-11-15', 'at-risk-kr:eng-o1-kr2', { discussed: false, notes: 'Revisit Friday' }, by('Ann', 1_700_000_000_000));
      expect(third).toEqual({ ...second, discussed: false, notes: 'Revisit Friday', updatedBy: 'Ann', updatedAt: 1_700_000_000_000 });
      expect(await store.itemsOf('t1', 'eng@2026-11-15')).toEqual([third]);
    });

    test('two people saving different fields of a new item at once both keep theirs', async () => {
      await Promise.all([
        store.saveItem('t1', 'r1', 'x', { discussed: true }, by('A', 1)),
        store.saveItem('t1', 'r1', 'x', { decision: 'Ship it' }, by('B', 2)),
        store.saveItem('t1', 'r1', 'x', { notes: 'From the hallway' }, by('C', 3)),
      ]);
      expect(await store.itemsOf('t1', 'r1')).toEqual([expect.objectContaining({ discussed: true, decision: 'Ship it', notes: 'From the hallway' })]);
    });

    test('counts every saved change per space, concurrent ones included, so open tabs know to load again', async () => {
      expect(await store.changesOf('t1')).toBe(0);
      await store.saveItem('t1', 'r1', 'a', { discussed: true }, by('A', 1));
      // The same values again still count: someone saved, and tabs may hold an older copy.
      await store.saveItem('t1', 'r1', 'a', { discussed: true }, by('B', 1));
      await Promise.all([store.saveItem('t1', 'r2', 'b', { notes: 'x' }, by('A', 2)), store.saveItem('t1', 'r2', 'b', { decision: 'y' }, by('B', 2))]);
      await store.saveItem('t2', 'r1', 'a', { notes: 'other tenant' }, by('C', 3));
      expect([await store.changesOf('t1'), await store.changesOf('t2'), await store.changesOf('t3')]).toEqual([4, 1, 0]);
    });

    test('items are listed by id and kept apart per space and per review', async () => {
      await store.saveItem('t1', 'r1', 'b', { notes: 'two' }, by('A', 1));
      await store.saveItem('t1', 'r1', 'a', { notes: 'one' }, by('A', 1));
      await store.saveItem('t2', 'r1', 'c', { notes: 'other tenant' }, by('B', 1));
      await store.saveItem('t1', 'r2', 'd', { notes: 'other review' }, by('A', 1));
      expect((await store.itemsOf('t1', 'r1')).map((i) => i.notes)).toEqual(['one', 'two']);
      expect((await store.itemsOf('t2', 'r1')).map((i) => i.notes)).toEqual(['other tenant']);
      expect(await store.itemsOf('t3', 'r1')).toEqual([]);
    });

    test('progress keeps the latest value of each day, oldest day first, per space, to full precision', async () => {
      await store.recordProgress('t1', '2026-11-15', [{ subject: 'eng', progress: 0.4 }]);
      await store.recordProgress('t1', '2026-11-01', [{ subject: 'eng', progress: 0.2 }, { subject: 'kr1', progress: 35 / 82 }]);
      await store.recordProgress('t1', '2026-11-15', [{ subject: 'eng', progress: 0.45 }]);
      await store.recordProgress('t2', '2026-11-15', [{ subject: 'eng', progress: 0.9 }]);
      await store.recordProgress('t1', '2026-11-16', []);
      const got = await store.progressOf('t1', ['kr1', 'eng', 'none']);
      expect([...got.keys()]).toEqual(['kr1', 'eng']);
      expect(Object.fromEntries(got)).toEqual({
        eng: [
          { day: '2026-11-01', progress: 0.2 },
          { day: '2026-11-15', progress: 0.45 },
        ],
        kr1: [{ day: '2026-11-01', progress: 35 / 82 }],
      });
      expect(await store.progressOf('t1', [])).toEqual(new Map());
    });

    test('a state keeps its first-seen time until it changes', async () => {
      const seen = async (space: string, state: string, at: number) => Object.fromEntries(await store.observeStates(space, [{ subject: 'dep-sso', state }], at));
      expect(await seen('t1', 'blocked', 100)).toEqual({ 'dep-sso': 100 });
      expect(await seen('t1', 'blocked', 200)).toEqual({ 'dep-sso': 100 });
      expect(await seen('t2', 'blocked', 250)).toEqual({ 'dep-sso': 250 });
      expect(await seen('t1', 'open', 300)).toEqual({ 'dep-sso': 300 });
      expect(await seen('t1', 'open', 1_700_000_000_000)).toEqual({ 'dep-sso': 300 });
      expect(Object.fromEntries(await store.observeStates('t1', [{ subject: 'dep-sso', state: 'open' }, { subject: 'dep-api', state: 'at-risk' }], 400))).toEqual({ 'dep-sso': 300, 'dep-api': 400 });
    });

    if (!options.durable) return;
    test('what was saved is still there after a restart', async () => {
      await store.saveItem('t1', 'r1', 'a', { discussed: true, notes: 'kept' }, by('A', 5));
      await store.recordProgress('t1', '2026-11-15', [{ subject: 'eng', progress: 0.5 }]);
      await store.observeStates('t1', [{ subject: 'dep-sso', state: 'blocked' }], 7);
      if (!ctx.reopen) throw new Error(`expected ${name} to be reopenable: it is registered as durable`);
      store = await ctx.reopen();
      expect(await store.itemsOf('t1', 'r1')).toEqual([{ reviewId: 'r1', itemId: 'a', discussed: true, decision: '', notes: 'kept', updatedBy: 'A', updatedAt: 5 }]);
      expect(Object.fromEntries(await store.progressOf('t1', ['eng']))).toEqual({ eng: [{ day: '2026-11-15', progress: 0.5 }] });
      expect(Object.fromEntries(await store.observeStates('t1', [{ subject: 'dep-sso', state: 'blocked' }], 9))).toEqual({ 'dep-sso': 7 });
    });
  });
}
