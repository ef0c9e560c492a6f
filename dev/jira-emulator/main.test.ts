import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { call } from './testing';

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] as string);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${err}`)));
  });
}

describe('main.ts', () => {
  it('starts a generated site with auth and prints its URL', async () => {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), join(__dirname, 'main.ts'), '--generate', 'epics=3,children=20,noise=10,seed=2', '--email', 'a@b.c', '--token', 't'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await firstLine(child);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const auth = `Basic ${Buffer.from('a@b.c:t').toString('base64')}`;
      const res = await call(url, 'POST', '/rest/api/3/search/approximate-count', { body: { jql: 'project in (ENG, MOB, WEB, DATA, MKT, SALES, OPS, SEC, SUP, ITH)' }, authorization: auth });
      expect(res.body).toEqual({ count: 33 });
      expect((await call(url, 'GET', '/rest/api/3/field')).status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
  }, 20_000);

  it('refuses to start without a site', async () => {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), join(__dirname, 'main.ts')], { stdio: ['ignore', 'pipe', 'pipe'] });
    await expect(firstLine(child)).rejects.toThrow('exited with 2: expected exactly one of --snapshot FILE or --generate epics=N,children=N,noise=N,seed=N');
  }, 20_000);
});
