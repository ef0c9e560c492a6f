/**
 * The PostgreSQL store while its server is away (a temporary server, stopped fast and then
 * immediately with idle and checked-out connections in the pool): calls reject with
 * `StoreUnavailable` promptly, a transaction cut off by the shutdown leaves nothing behind, the
 * pool reports the ended idle connections instead of throwing them at the process, and every
 * call works again once the server is back.
 */
import { openPostgresStore } from './postgres-store';
import type { TeamsStore } from './port';
import { startTempPostgres, tempPostgresUnavailableReason, type TempPostgres } from './testing/temp-postgres';
import { StoreUnavailable } from './unavailable';

const event = (id: string) => ({ id, connectionId: 'c1', type: 'test', body: { id }, receivedAt: 1 });
const entry = (eventId: string, conversationId: string) => ({ eventId, conversationId, tenantId: 't1', kind: 'send' as const, subject: 's', activity: { text: eventId }, notBefore: 0 });

const unavailable = tempPostgresUnavailableReason();
if (unavailable) {
  console.warn(unavailable);
  describe.skip('the PostgreSQL store while the server is away', () => it.todo(unavailable));
} else {
  let server: TempPostgres;
  let store: TeamsStore | undefined;
  beforeAll(async () => {
    server = await startTempPostgres('okr_outage');
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    if (server?.kind === 'running') await server.stop();
  });

  it.each(['fast', 'immediate'] as const)('answers StoreUnavailable while the server is away after a %s shutdown, and works again once it is back', async (mode) => {
    if (server.kind !== 'running') throw new Error(server.reason);
    const pgServer = server;
    const logged: string[] = [];
    store = await openPostgresStore(await pgServer.newDatabase(), 1, { log: (line) => logged.push(line) });
    // Several idle connections in the pool, for the shutdown to end.
    await Promise.all(Array.from({ length: 4 }, (_, i) => store!.getConversation(`c${i}`)));
    await store.ingestEvent({ connectionId: 'c1', requestId: 'r1' }, event('e1'), [entry('e1', 'a')]);

    await pgServer.halt(mode);
    const started = Date.now();
    const outcomes = await Promise.all([
      store.connectionById('x').then(() => 'answered', (e: unknown) => e),
      store.ingestEvent({ connectionId: 'c1', requestId: 'r2' }, event('e2'), [entry('e2', 'a')]).then(() => 'stored', (e: unknown) => e),
      store.claimDue(10, 10, 1_000).then(() => 'claimed', (e: unknown) => e),
    ]);
    expect(outcomes.map((o) => (o instanceof StoreUnavailable ? 'unavailable' : String(o)))).toEqual(['unavailable', 'unavailable', 'unavailable']);
    expect(Date.now() - started).toBeLessThan(6_000);
    if (mode === 'fast') expect(logged.some((line) => line.startsWith('database: an idle connection ended: terminating connection due to administrator command'))).toBe(true);

    await pgServer.start();
    expect(await store.hasRequest('c1', 'r1')).toBe(true);
    expect(await store.hasRequest('c1', 'r2')).toBe(false);
    expect(await store.getEvent('e2', 'c1')).toBeUndefined();
    expect(await store.ingestEvent({ connectionId: 'c1', requestId: 'r2' }, event('e2'), [entry('e2', 'a')])).toBe('stored');
    expect((await store.listOutbox()).map((e) => `${e.eventId}/${e.state}`)).toEqual(['e1/pending', 'e2/pending']);
    await store.close();
    store = undefined;
  }, 30_000);
}
