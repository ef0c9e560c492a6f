import { RevisionConflict } from '../storage/okr-repository';
import { TornRecordError } from '../adapters/kvs-records';
import { MAX_ATTEMPTS, retryOnConflict } from './session';

const noPause = async () => undefined;

describe('retryOnConflict', () => {
  it('re-runs the whole attempt after a revision conflict or a half-written record, and answers the first that commits', async () => {
    const failures = [new RevisionConflict(['cycle:2026-Q4']), new TornRecordError('cycle:2026-Q4')];
    let runs = 0;
    const answer = await retryOnConflict(async () => {
      runs += 1;
      const failure = failures.shift();
      if (failure) throw failure;
      return 'stored';
    }, noPause);
    expect([answer, runs]).toEqual(['stored', 3]);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts with a conflict failure that says nothing was saved`, async () => {
    let runs = 0;
    const attempt = retryOnConflict(async () => {
      runs += 1;
      throw new RevisionConflict(['site']);
    }, noPause);
    await expect(attempt).rejects.toMatchObject({ code: 'conflict', message: 'Others changed these OKRs at the same moment, again and again; nothing of yours was saved. Try again.' });
    expect(runs).toBe(MAX_ATTEMPTS);
  });

  it('lets any other failure through at once', async () => {
    let runs = 0;
    await expect(
      retryOnConflict(async () => {
        runs += 1;
        throw new Error('boom');
      }, noPause),
    ).rejects.toThrow('boom');
    expect(runs).toBe(1);
  });
});
