import { createServer, type Server } from 'node:net';
import { describeBusyPort, findBusyPorts, isPortFree, pickFreePort } from './ports';

let held: Server;
let busy: number;
beforeAll(async () => {
  held = createServer();
  await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
  busy = (held.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => held.close(() => resolve())));

describe('ports', () => {
  it('finds the configured ports that are taken, and never port 0', async () => {
    const free = await pickFreePort();
    expect(await isPortFree(busy)).toBe(false);
    expect(await isPortFree(free)).toBe(true);
    expect(await findBusyPorts({ page: 0, jira: busy, forge: free, connector: 0, teams: 0 })).toEqual(['jira']);
  });

  it('names the port, the server and the variable and flag to change', () => {
    expect(describeBusyPort('teams', 3978)).toBe('port 3978 (the Teams service) is in use: stop what uses it, or set OKR_TEAMS_PORT (or --teams-port) to a free port');
  });
});
