import { applyItemChange, createMemoryReviewStore } from './review-store';
import { describeReviewStoreContract } from './review-store-contract';

// SQLite and PostgreSQL run the same contract in store.test.ts, on the main store's database.
describeReviewStoreContract('in memory', async () => ({ store: createMemoryReviewStore(), close: async () => undefined }), { durable: false });

describe('applyItemChange', () => {
  test('starts a new item empty and undiscussed, stamped with who changed it', () => {
    expect(applyItemChange(undefined, { reviewId: 'r', itemId: 'i' }, { notes: 'n' }, { name: 'Ann', atMs: 3 })).toEqual({
      reviewId: 'r',
      itemId: 'i',
      discussed: false,
      decision: '',
      notes: 'n',
      updatedBy: 'Ann',
      updatedAt: 3,
    });
  });
});
