/**
 * The service's HTTP server with bounds on slow and greedy clients: a request must send its
 * headers within `headersTimeoutMs` and its whole body within `requestTimeoutMs` (else Node
 * answers 408 and closes), an idle keep-alive connection is closed after `keepAliveTimeoutMs`,
 * and one address holds at most `maxConnectionsPerIp` connections at once: one more is closed
 * as soon as it is accepted, before a byte of it is read. Behind a reverse proxy every client
 * shares the proxy's address, so there the cap bounds the proxy's connections to the service
 * and the proxy should bound each client (see docs/deploy-teams-service.md).
 */
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';

export interface HttpLimits {
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly maxConnectionsPerIp: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnectionsPerIp: 128,
};

export interface LimitedServer {
  readonly server: Server;
  /** Connections refused so far for being over the per-address cap. */
  refused(): number;
}

/** A node:http server with `limits` (the defaults for those not given). */
export function createLimitedServer(given: Partial<HttpLimits> = {}): LimitedServer {
  const limits = { ...DEFAULT_HTTP_LIMITS, ...given };
  const server = createServer({
    headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
    requestTimeout: limits.requestTimeoutMs,
    // Node checks both timeouts on this interval (30 s by default): check often enough to honour them.
    connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4))),
  });
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  const open = new Map<string, number>();
  let refused = 0;
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > limits.maxConnectionsPerIp) {
      refused++;
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  return { server, refused: () => refused };
}
