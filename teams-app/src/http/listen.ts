/**
 * Listening without crashing: a port already taken (or an address not of this machine) becomes
 * a rejection whose message names the address, instead of an unhandled 'error' event.
 */
import type { Server } from 'node:http';

/** The service could not listen on its address (port taken, no permission, unknown host). */
export class ListenError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly why: string,
  ) {
    super(`cannot listen on ${host}:${port}: ${why}`);
    this.name = 'ListenError';
  }
}

/** Listens on `host`:`port`; rejects with a `ListenError` naming both (and the cause) when it cannot. */
export function listenOn(server: Server, host: string, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'the port is already in use' : error.code === 'EACCES' ? 'permission denied' : error.message;
      reject(new ListenError(host, port, why));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
