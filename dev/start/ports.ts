/**
 * Ports: which of the configured ones are taken (checked before anything starts, so a busy
 * port gets a message naming it and the setting to change, not a stack trace half-way through
 * the start), and a free port picked by the system when a caller needs to know it in advance.
 */
import { createServer } from 'node:net';
import { SERVERS, type Ports, type ServerName } from './config';

/** Resolves true when 127.0.0.1:`port` can be listened on now. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port that was free a moment ago on 127.0.0.1. */
export function pickFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The servers whose configured port (0 = any, never busy) is taken. */
export async function findBusyPorts(ports: Ports): Promise<ServerName[]> {
  const busy: ServerName[] = [];
  for (const name of Object.keys(ports) as ServerName[]) {
    if (ports[name] !== 0 && !(await isPortFree(ports[name]))) busy.push(name);
  }
  return busy;
}

/** "port 4010 (the Jira emulator) is in use: stop what uses it, or set OKR_JIRA_PORT (or --jira-port) to a free port" */
export function describeBusyPort(name: ServerName, port: number): string {
  const s = SERVERS[name];
  return `port ${port} (${s.what}) is in use: stop what uses it, or set ${s.env} (or --${s.flag}) to a free port`;
}
