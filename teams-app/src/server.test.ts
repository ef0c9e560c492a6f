import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaticFiles } from './http/static-files';
import { ListenError, startService, type RunningService } from './server';
import { openSqliteStore } from './store/sqlite-store';
import type { TeamsStore } from './store/port';

let dir: string;
let store: TeamsStore;
let service: RunningService;
const seen: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'okr-server-'));
  mkdirSync(join(dir, 'tab'));
  writeFileSync(join(dir, 'tab', 'index.html'), '<!doctype html><title>tab</title>');
  store = await openSqliteStore(':memory:', 1);
  const tabApi = async (req: { url?: string }, res: { writeHead: (s: number) => { end: (b: string) => void } }) => {
    if (!req.url?.startsWith('/api/tab/')) return false;
    seen.push(req.url);
    res.writeHead(200).end('tab api');
    return true;
  };
  service = await startService({ store, bot: { kind: 'anonymous' }, reminderIntervalMs: 0, log: () => undefined, mounts: [tabApi as never, createStaticFiles(join(dir, 'tab'))] });
});
afterAll(async () => {
  await service.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string, init?: RequestInit) => {
  const r = await fetch(`${service.url}${path}`, init);
  return { status: r.status, type: r.headers.get('content-type'), body: await r.text() };
};

describe('the service HTTP server', () => {
  it('answers /healthz', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, type: 'application/json; charset=utf-8', body: '{"status":"ok"}' });
  });

  it('hands /api/tab/* to the tab routes and serves the tab files under /tab/', async () => {
    expect((await get('/api/tab/context')).body).toBe('tab api');
    expect(seen).toEqual(['/api/tab/context']);
    expect(await get('/tab/')).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<!doctype html><title>tab</title>' });
    expect((await get('/tab/missing.js')).status).toBe(404);
    expect((await get('/tab/..%2f..%2fetc%2fpasswd')).status).toBe(404);
  });

  it('answers unknown paths and wrong methods with what it expects', async () => {
    expect(await get('/nope')).toMatchObject({ status: 404, body: '{"error":"expected one of /api/messages, /api/events, /api/tab/*, /tab/*, /healthz; got /nope"}' });
    expect(await get('/api/events')).toMatchObject({ status: 405, body: '{"error":"expected POST"}' });
    expect(await get('/api/messages')).toMatchObject({ status: 405, body: '{"error":"expected POST"}' });
    expect(await get('/api/messages', { method: 'POST', body: 'not json' })).toMatchObject({ status: 400, body: '{"error":"expected a JSON activity"}' });
  });

  it('rejects with the host and port when the port is already taken, instead of crashing', async () => {
    const port = Number(new URL(service.url).port);
    const error = await startService({ store, port, bot: { kind: 'anonymous' }, reminderIntervalMs: 0, log: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ListenError);
    expect((error as ListenError).message).toBe(`cannot listen on 127.0.0.1:${port}: the port is already in use`);
    expect(await get('/healthz')).toMatchObject({ status: 200 });
  });
});
