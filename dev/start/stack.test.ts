/**
 * `npm start`'s stack, started twice on one data folder: the first start imports the org,
 * connects Teams through a one-time code and sets up a channel per department; the second
 * does none of that again and finds everything as it was left. And `npm start` with a port
 * in use stops before starting anything, naming the port and the variable to change.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { departmentChannel } from './bootstrap';
import { REPO_ROOT } from './build';
import type { Ports } from './config';
import { pickFreePort } from './ports';
import { startStack, type Stack, type StackOptions } from './stack';

jest.setTimeout(60_000);

let dir: string;
const stacks: Stack[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'okr-stack-'));
});
afterAll(async () => {
  for (const s of stacks) await s.stop();
  rmSync(dir, { recursive: true, force: true });
});

const options = (ports: Ports): StackOptions => ({
  dataDir: join(dir, 'data'),
  ports,
  orgFile: join(REPO_ROOT, 'examples', 'acme.yaml'),
  issuesFile: join(REPO_ROOT, 'examples', 'acme-issues.json'),
  build: 'never',
  panelsDir: join(dir, 'panels'),
  forgeRetryDelayScale: 0,
  log: () => undefined,
});
/**
 * A restart in this process reuses the ports of servers that just closed; fetch's pooled
 * keep-alive connections to them need a moment to notice. (`npm start` restarts as a new
 * process, which has none.)
 */
const letPooledConnectionsClose = () => new Promise((resolve) => setTimeout(resolve, 250));
const texts = (stack: Stack, conversation: string) => stack.connector.activities(conversation).map((a) => JSON.stringify(a.activity.attachments ?? a.activity.text));

describe('npm start, stopped and started again', () => {
  it('sets the demo up once, and a restart finds the Jira change, the Teams connection and the followed channels as they were', async () => {
    // Fixed ports, as npm start has: the stores keep each other's URLs.
    const ports = { page: await pickFreePort(), jira: await pickFreePort(), forge: await pickFreePort(), connector: await pickFreePort(), teams: await pickFreePort() };
    const first = await startStack(options(ports));
    stacks.push(first);
    expect(first.bootstrapped).toEqual(['import', 'connect', 'channels']);
    const marketing = departmentChannel({ id: 'mkt', name: 'Marketing' });
    expect(texts(first, marketing.id).at(-1)).toContain('This channel follows Marketing.');
    expect(first.emulator.apply({ kind: 'transition', key: 'PROD-58', status: 'Blocked' }).kind).toBe('applied');
    await first.settle();
    await first.connector.waitFor(() => first.connector.activities(marketing.id).some((a) => a.activity.summary === 'Blocked: Final workspace spec and beta release notes'), 10_000);
    await first.stop();
    stacks.pop();
    await letPooledConnectionsClose();

    const second = await startStack(options(ports));
    stacks.push(second);
    expect(second.bootstrapped).toEqual([]);
    expect((second.emulator.site.get('PROD-58')?.fields.status as { name: string }).name).toBe('Blocked');
    const settings = (await second.forge.invoke('getSettings', {})) as { data: { teams: { status: string } } };
    expect(settings.data.teams.status).toBe('connected');
    expect((await second.client.say(marketing, 'status mkt')).status).toBe(200);
    expect(texts(second, marketing.id).at(-1)).toContain('Marketing: ');
    // The channel still follows Marketing: a newly blocked dependency of Marketing alerts it.
    expect(second.emulator.apply({ kind: 'transition', key: 'MKT-88', status: 'Blocked' }).kind).toBe('applied');
    await second.settle();
    await second.connector.waitFor(() => second.connector.activities(marketing.id).some((a) => a.activity.summary === 'Blocked: Mid-market battlecards for the new playbook'), 10_000);
    await second.stop();
    stacks.pop();
    await letPooledConnectionsClose();

    // The Forge host on another port: its web trigger URL changed, so the two are connected again.
    const third = await startStack(options({ ...ports, forge: await pickFreePort() }));
    stacks.push(third);
    expect(third.bootstrapped).toEqual(['connect']);
    expect((await third.client.say(marketing, 'status mkt')).status).toBe(200);
    expect(texts(third, marketing.id).at(-1)).toContain('Marketing: ');
  });

  it('with a port in use, stops before starting anything and names the port and the variable', async () => {
    const held: Server = createServer();
    await new Promise<void>((resolve) => held.listen(0, '127.0.0.1', resolve));
    const busy = (held.address() as { port: number }).port;
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'dev', 'start', 'main.ts'), '--data', join(dir, 'busy'), '--port', '0', '--jira-port', String(busy), '--forge-port', '0', '--connector-port', '0', '--teams-port', '0'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve) => held.close(() => resolve()));
    expect([code, stderr]).toEqual([2, `npm start: port ${busy} (the Jira emulator) is in use: stop what uses it, or set OKR_JIRA_PORT (or --jira-port) to a free port\n`]);
  });
});
