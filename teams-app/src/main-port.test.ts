/**
 * The service as a real process (`node --import tsx src/main.ts`) asked to listen on a port
 * already taken: it says which address and which variable, and exits 2 without a stack trace.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
let dir: string;
let blocker: Server;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'okr-main-port-'));
  blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  port = (blocker.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise((resolve) => blocker.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

it('exits 2 naming the address and PORT when the port is already taken', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'teams-app', 'src', 'main.ts')], {
    cwd: root,
    env: { ...process.env, OKR_DEV_ANONYMOUS: '1', HOST: '127.0.0.1', PORT: String(port), SQLITE_PATH: join(dir, 'teams.sqlite') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code).toBe(2);
  expect(stderr.trim()).toBe(`config: cannot listen on 127.0.0.1:${port}: the port is already in use; set PORT to a free port (or HOST to an address of this machine)`);
}, 30_000);
