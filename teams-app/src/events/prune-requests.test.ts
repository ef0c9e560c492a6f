import { startService } from '../server';
import { openSqliteStore } from '../store/sqlite-store';
import { REQUEST_ID_RETENTION_MS } from './prune-requests';

const NOW = Date.parse('2026-11-15T09:00:00Z');

it('forgets used request ids past the retention on a schedule, keeping the recent ones and every event', async () => {
  const store = await openSqliteStore(':memory:', NOW);
  const ingest = (k: number, receivedAt: number) =>
    store.ingestEvent({ connectionId: 'conn', requestId: `r-${k}` }, { id: `ev-${k}`, connectionId: 'conn', type: 'test', body: {}, receivedAt }, []);
  for (let k = 0; k < 50; k++) await ingest(k, NOW - REQUEST_ID_RETENTION_MS - 1 - k * 1_000);
  for (let k = 50; k < 55; k++) await ingest(k, NOW - REQUEST_ID_RETENTION_MS + 1_000);
  const service = await startService({ store, bot: { kind: 'anonymous' }, nowMs: () => NOW, reminderIntervalMs: 0, pruneIntervalMs: 30, log: () => undefined });
  try {
    const deadline = Date.now() + 5_000;
    while ((await store.hasRequest('conn', 'r-0')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const kept = [];
    for (let k = 0; k < 55; k++) if (await store.hasRequest('conn', `r-${k}`)) kept.push(k);
    expect(kept).toEqual([50, 51, 52, 53, 54]);
    expect((await store.getEvent('ev-0', 'conn'))?.id).toBe('ev-0');
  } finally {
    await service.close();
    await store.close();
  }
});
