import { StoreUnavailable } from '../store/unavailable';
import { recordThroughOutage } from './record-through-outage';

const retry = { retryMs: 5, maxWaitMs: 50 };

/** A write that fails with `failures` errors (made by `error`) before it lands. */
function flakyWrite(failures: number, error: () => Error) {
  let calls = 0;
  return {
    write: async () => {
      calls++;
      if (calls <= failures) throw error();
      return 'written';
    },
    calls: () => calls,
  };
}

describe('recordThroughOutage', () => {
  it('writes again while the database is unavailable, until the write lands', async () => {
    const w = flakyWrite(3, () => new StoreUnavailable('57P03: the database system is starting up'));
    expect(await recordThroughOutage(w.write, retry)).toBe('written');
    expect(w.calls()).toBe(4);
  });

  it('throws any other error at once', async () => {
    const w = flakyWrite(1, () => new Error('null value in column "state" violates not-null constraint'));
    await expect(recordThroughOutage(w.write, retry)).rejects.toThrow('violates not-null constraint');
    expect(w.calls()).toBe(1);
  });

  it('gives up after its time and throws the last StoreUnavailable', async () => {
    const w = flakyWrite(1_000, () => new StoreUnavailable('ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432'));
    await expect(recordThroughOutage(w.write, retry)).rejects.toThrow('the database is unavailable (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432)');
    expect(w.calls()).toBe(10);
  });
});
