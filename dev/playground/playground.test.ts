/**
 * `npm run playground`: its options, the command it runs (telemetry off, the local tenant's
 * mock context), and, with the real Microsoft 365 Agents Playground, that it accepts that
 * context and listens on 127.0.0.1 only.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEV_TENANT_ID } from '../../teams-app/src/auth/dev-token';
import { pickFreePort } from '../start/ports';
import { LOOPBACK_PRELOAD, PLAYGROUND_CLI, PLAYGROUND_CONFIG, playgroundCommand, readPlaygroundOptions } from './command';

jest.setTimeout(40_000);

describe('the playground command', () => {
  it('reads its ports from flags or the environment, with the documented defaults', () => {
    expect(readPlaygroundOptions([], {}, '/repo')).toEqual({ kind: 'ok', options: { port: 56150, teamsPort: 3978, open: true, dataDir: '/repo/.data' } });
    expect(readPlaygroundOptions(['--teams-port', '5000', '--no-open'], { OKR_TEAMS_PORT: '6000', OKR_PLAYGROUND_PORT: '7000', OKR_DATA_DIR: 'state' }, '/repo')).toEqual({ kind: 'ok', options: { port: 7000, teamsPort: 5000, open: false, dataDir: '/repo/state' } });
    expect(readPlaygroundOptions([], { OKR_TEAMS_PORT: 'x' }, '/repo')).toEqual({ kind: 'invalid', message: 'expected OKR_TEAMS_PORT to be a port number' });
  });

  it('runs the playground against the bot with telemetry off, the local tenant\'s context and the loopback preload', () => {
    const { args, env } = playgroundCommand({ port: 56150, teamsPort: 3978, open: false, dataDir: '/repo/.data' }, { PATH: '/bin' });
    expect(args).toEqual(['--require', LOOPBACK_PRELOAD, PLAYGROUND_CLI, '--app-endpoint', 'http://127.0.0.1:3978/api/messages', '--channel-id', 'msteams', '--port', '56150', '--dt']);
    expect(env).toEqual({ PATH: '/bin', M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG, M365_AGENTS_PLAYGROUND_LOGFILE: '/repo/.data/playground.log', TEAMSAPPTESTER_BROWSER: 'none' });
    expect((parse(readFileSync(PLAYGROUND_CONFIG, 'utf8')) as { tenantId: string }).tenantId).toBe(DEV_TENANT_ID);
  });

  it('makes servers that name no host listen on 127.0.0.1, whatever the form of listen()', () => {
    const script = `const http=require('http');const forms=[s=>s.listen(0),s=>s.listen({port:0}),s=>s.listen(0,undefined,undefined,()=>{}),s=>s.listen(0,511),s=>s.listen(),s=>s.listen(0,'::1')];
      let left=forms.length;const out=[];forms.forEach((f,i)=>{const s=http.createServer();s.on('listening',()=>{out[i]=s.address().address;s.close();if(--left===0)console.log(out.join(' '))});f(s)})`;
    const run = spawnSync(process.execPath, ['--require', LOOPBACK_PRELOAD, '-e', script], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe('127.0.0.1 127.0.0.1 127.0.0.1 127.0.0.1 127.0.0.1 ::1');
  });
});

describe('the Microsoft 365 Agents Playground, as npm run playground starts it', () => {
  let bot: Server;
  let child: ChildProcess | null = null;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'okr-playground-'));
    bot = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}'));
    await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await new Promise<void>((resolve) => bot.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  const reachable = (host: string, port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = connect({ host, port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });

  it('accepts the mock context and listens on 127.0.0.1 only', async () => {
    const port = await pickFreePort();
    const { args, env } = playgroundCommand({ port, teamsPort: (bot.address() as { port: number }).port, open: false, dataDir: dir }, process.env);
    child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const deadline = Date.now() + 30_000;
    while (!(await reachable('127.0.0.1', port))) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the playground did not listen on ${port}: ${readFileSync(join(dir, 'playground.log'), 'utf8').slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(child.exitCode).toBeNull(); // a config it refuses stops it before it serves anything
    const log = readFileSync(join(dir, 'playground.log'), 'utf8');
    expect(log).not.toContain('ConfigFileParseError');
    const external = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (external) expect(await reachable(external, port)).toBe(false);
  });
});
