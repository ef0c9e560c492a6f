import { startService } from '../server';
import { openSqliteStore } from '../store/sqlite-store';
import { EVENT_RETENTION_MS, REQUEST_ID_RETENTION_MS } from './retention';

const NOW = Date.parse('2026-11-15T09:00:00Z');

it('forgets used request ids and old events past their retention on a schedule, keeping the recent ones', async () => {
  const store = await openSqliteStore(':memory:', NOW);
  const ingest = (k: number, receivedAt: number) =>
    store.ingestEvent({ connectionId: 'conn', requestId: `r-${k}` }, { id: `ev-${k}`, connectionId: 'conn', type: 'test', body: {}, receivedAt }, []);
  for (let k = 0; k < 50; k++) await ingest(k, NOW - REQUEST_ID_RETENTION_MS - 1 - k * 1_000);
  for (let k = 50; k < 55; k++) await ingest(k, NOW - REQUEST_ID_RETENTION_MS + 1_000);
  // Two events past the events' retention (their request ids long forgotten too).
  for (let k = 55; k < 57; k++) await ingest(k, NOW - EVENT_RETENTION_MS - 1 - k);
  const version = await store.eventsVersion('conn');
  const service = await startService({ store, bot: { kind: 'anonymous' }, nowMs: () => NOW, reminderIntervalMs: 0, pruneIntervalMs: 30, log: () => undefined });
  try {
    const deadline = Date.now() + 5_000;
    const pruned = async () => !(await store.hasRequest('conn', 'r-0')) && (await store.getEvent('ev-55', 'conn')) === undefined;
    while (!(await pruned()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const kept = [];
    for (let k = 0; k < 57; k++) if (await store.hasRequest('conn', `r-${k}`)) kept.push(k);
    expect(kept).toEqual([50, 51, 52, 53, 54]);
    const events = [];
    for (let k = 0; k < 57; k++) if (await store.getEvent(`ev-${k}`, 'conn')) events.push(k);
    // Events are kept for a week: a retried delivery is still known as a duplicate.
    expect(events).toEqual(Array.from({ length: 55 }, (_, k) => k));
    expect(await store.eventsVersion('conn')).toBe(version);
  } finally {
    await service.close();
    await store.close();
  }
});
