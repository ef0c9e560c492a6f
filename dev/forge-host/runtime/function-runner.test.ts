/**
 * The sandbox a function runs in: only what Forge's runtime injects, the invocation time limit
 * enforced by stopping the function, and egress only to the manifest's addresses. Runs a small
 * CommonJS bundle written here, so each behaviour is seen on its own.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FunctionRunner, type ForgeFetchTarget } from './function-runner';
import { INVOCATION_LIMIT_MS, readManifestFunctions } from './functions-manifest';

let dir: string;
let runner: FunctionRunner;
const fetched: { target: ForgeFetchTarget; path: string; accountId: string | undefined }[] = [];

const BUNDLE = `
let calls = 0;
exports.hang = () => new Promise(() => {});
exports.count = async () => ++calls;
exports.context = async () => ({
  now: new Date().toISOString(),
  dateNow: Date.now(),
  remaining: __forge_runtime__.lambdaContext.getRemainingTimeInMillis(),
  invocationId: __forge_runtime__.appContext.invocationId,
  functionKey: __forge_runtime__.appContext.functionKey,
});
exports.proxy = async () => {
  const res = await __forge_fetch__({ type: 'fpp', provider: 'user', remote: 'jira' }, '/rest/api/3/myself', { method: 'GET', headers: { accept: 'application/json' } });
  return { status: res.status, body: await res.json() };
};
exports.egress = async (url) => {
  try { await fetch(url); return 'sent'; } catch (e) { return e.message; }
};
exports.fails = async () => { throw new TypeError('broken'); };
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'function-runner-'));
  writeFileSync(join(dir, 'index.cjs'), BUNDLE);
  runner = new FunctionRunner({
    bundle: join(dir, 'index.cjs'),
    egress: () => ['https://okr-teams.example.com'],
    platform: async (target, path, _init, invocation) => {
      fetched.push({ target, path, accountId: invocation.accountId });
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ accountId: invocation.accountId }) };
    },
    log: () => undefined,
  });
});

afterAll(async () => {
  await runner.close();
  rmSync(dir, { recursive: true, force: true });
});

const fn = (handler: string, timeoutMs = 5_000) => ({ key: handler, handler, timeoutMs });
const runtime = { appContext: { appId: 'app', environmentId: 'env' }, contextAri: 'ari:cloud:jira::site/x' };

describe('the sandbox', () => {
  it('stops a function at its time limit, and the next invocation starts a fresh instance', async () => {
    expect(await runner.invoke({ ...fn('count'), key: 'counted' }, [], runtime, undefined, Date.now())).toEqual({ kind: 'ok', value: 1 });
    expect(await runner.invoke({ ...fn('count'), key: 'counted' }, [], runtime, undefined, Date.now())).toEqual({ kind: 'ok', value: 2 });
    const started = Date.now();
    expect(await runner.invoke({ key: 'counted', handler: 'hang', timeoutMs: 300 }, [], runtime, undefined, Date.now())).toEqual({ kind: 'timeout', afterMs: 300 });
    expect(Date.now() - started).toBeLessThan(3_000);
    // The instance that timed out is gone: module state starts again.
    expect(await runner.invoke({ ...fn('count'), key: 'counted' }, [], runtime, undefined, Date.now())).toEqual({ kind: 'ok', value: 1 });
  });

  it('gives the invocation its context, its remaining time, and the host clock', async () => {
    const pinned = Date.parse('2026-11-15T12:00:00Z');
    const outcome = await runner.invoke(fn('context', 25_000), [], runtime, undefined, pinned);
    expect(outcome.kind).toBe('ok');
    const value = (outcome as { value: { now: string; dateNow: number; remaining: number; invocationId: string; functionKey: string } }).value;
    expect(value.now.slice(0, 16)).toBe('2026-11-15T12:00');
    expect(value.dateNow - pinned).toBeLessThan(2_000);
    expect(value.remaining).toBeGreaterThan(20_000);
    expect(value.remaining).toBeLessThanOrEqual(25_000);
    expect(value.functionKey).toBe('context');
    expect(value.invocationId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers __forge_fetch__ through the platform, as the invoking user', async () => {
    const outcome = await runner.invoke(fn('proxy'), [], runtime, 'raj@acme.example', Date.now());
    expect(outcome).toEqual({ kind: 'ok', value: { status: 200, body: { accountId: 'raj@acme.example' } } });
    expect(fetched.at(-1)).toEqual({ target: { type: 'fpp', provider: 'user', remote: 'jira' }, path: '/rest/api/3/myself', accountId: 'raj@acme.example' });
  });

  it('lets fetch reach only the manifest egress addresses', async () => {
    const outcome = await runner.invoke(fn('egress'), ['http://127.0.0.1:9/api/events'], runtime, undefined, Date.now());
    expect(outcome).toEqual({ kind: 'ok', value: 'URL not included in the external fetch backend permissions: http://127.0.0.1:9/api/events. Add it to permissions.external.fetch.backend in manifest.yml.' });
  });

  it('reports a throw with its name and message', async () => {
    expect(await runner.invoke(fn('fails'), [], runtime, undefined, Date.now())).toMatchObject({ kind: 'error', name: 'TypeError', message: 'broken' });
  });
});

describe('time limits from manifest.yml', () => {
  it('gives each function the limit Forge documents for what invokes it', () => {
    const { functions } = readManifestFunctions(resolve(__dirname, '..', '..', '..', 'manifest.yml'));
    expect(Object.fromEntries([...functions.values()].map((f) => [f.key, f.timeoutMs]))).toEqual({
      resolver: INVOCATION_LIMIT_MS.user,
      'issue-trigger': INVOCATION_LIMIT_MS.user,
      reconcile: INVOCATION_LIMIT_MS.asyncDefault,
      'queue-consumer': 900_000,
      'web-trigger': INVOCATION_LIMIT_MS.webtrigger,
    });
  });
});
