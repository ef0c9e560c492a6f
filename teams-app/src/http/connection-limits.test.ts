/**
 * Slow and greedy clients against the service's real HTTP server on loopback: connections that
 * send headers and then trickle (or stall) their body are answered 408 and closed once the
 * request timeout passes, and one address gets no more than its cap of connections at once.
 */
import { connect, type Socket } from 'node:net';
import { startService, type RunningService } from '../server';
import { openSqliteStore } from '../store/sqlite-store';
import type { TeamsStore } from '../store/port';

const LIMITS = { headersTimeoutMs: 600, requestTimeoutMs: 800, keepAliveTimeoutMs: 500, maxConnectionsPerIp: 5 };
let store: TeamsStore;
let service: RunningService;
const sockets: Socket[] = [];

beforeAll(async () => {
  store = await openSqliteStore(':memory:', 1);
  service = await startService({ store, bot: { kind: 'anonymous' }, reminderIntervalMs: 0, log: () => undefined, http: LIMITS });
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await service.close();
  await store.close();
});

interface SlowClient {
  readonly closedAfterMs: Promise<number>;
  received(): string;
}

/** A client that sends a request's headers and the start of a 10 kB body, then nothing more. */
function slowBody(): SlowClient {
  const { port } = new URL(service.url);
  const started = Date.now();
  const socket = connect(Number(port), '127.0.0.1');
  sockets.push(socket);
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  socket.on('connect', () => socket.write('POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{"type":'));
  return { closedAfterMs: new Promise((resolve) => socket.once('close', () => resolve(Date.now() - started))), received: () => received };
}

/** A client that never finishes its headers. */
function slowHeaders(): SlowClient {
  const { port } = new URL(service.url);
  const started = Date.now();
  const socket = connect(Number(port), '127.0.0.1');
  sockets.push(socket);
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  socket.on('connect', () => socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '));
  return { closedAfterMs: new Promise((resolve) => socket.once('close', () => resolve(Date.now() - started))), received: () => received };
}

const within = <T>(promise: Promise<T>, ms: number) => Promise.race([promise, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), ms).unref())]);

describe('the HTTP server against slow clients', () => {
  it('answers 408 and closes a connection whose body or headers do not arrive within the timeouts', async () => {
    const body = slowBody();
    const headers = slowHeaders();
    const [bodyClosed, headersClosed] = await Promise.all([within(body.closedAfterMs, 4_000), within(headers.closedAfterMs, 4_000)]);
    expect(bodyClosed).not.toBe('still open');
    expect(headersClosed).not.toBe('still open');
    expect(body.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(headers.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('holds at most five connections of one address at once, closing the others at once, and serves again once they are gone', async () => {
    const clients = Array.from({ length: 8 }, () => slowBody());
    const early = await Promise.all(clients.map((c) => within(c.closedAfterMs, 300)));
    expect(early.filter((t) => t === 'still open')).toHaveLength(LIMITS.maxConnectionsPerIp);
    expect(early.filter((t) => t !== 'still open').every((t) => typeof t === 'number' && t < 300)).toBe(true);
    const all = await Promise.all(clients.map((c) => within(c.closedAfterMs, 4_000)));
    expect(all.filter((t) => t === 'still open')).toEqual([]);
    expect(clients.filter((c) => c.received().startsWith('HTTP/1.1 408 '))).toHaveLength(LIMITS.maxConnectionsPerIp);
    const healthy = await fetch(`${service.url}/healthz`);
    expect(healthy.status).toBe(200);
  });
});
