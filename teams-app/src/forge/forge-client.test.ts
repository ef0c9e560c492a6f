import { startForgeWebTriggerDouble, type ForgeDouble } from '../../../dev/forge-webtrigger-double';
import { createForgeClient } from './forge-client';

const connection = { id: 'conn-1', secret: 'x'.repeat(40) };
let double: ForgeDouble;
let n = 0;
const options = { nowMs: () => Date.now(), newId: () => `req-${++n}` };

beforeAll(async () => {
  double = await startForgeWebTriggerDouble({ connections: [connection] });
});
afterAll(() => double.close());

describe('createForgeClient', () => {
  it('signs a call that the web trigger verifies and returns the validated data', async () => {
    const client = createForgeClient({ ...connection, url: double.url }, options);
    const outcome = await client.call({ action: 'departments' });
    expect(outcome.kind).toBe('ok');
    if (outcome.kind !== 'ok') return;
    expect(outcome.data.company).toEqual({ id: 'acme', name: 'Acme' });
    expect(outcome.data.departments.map((d) => d.id)).toEqual(['eng', 'plat', 'prod', 'mkt', 'sales', 'cs', 'fin']);
    expect(double.calls.at(-1)).toEqual({ connection: 'conn-1', request: { action: 'departments' } });
  });

  it('returns the error Forge answers with as refused', async () => {
    const client = createForgeClient({ ...connection, url: double.url }, options);
    expect(await client.call({ action: 'department', department: 'nope' })).toEqual({ kind: 'refused', code: 'not-found', message: 'expected a department id, got "nope"' });
  });

  it('is refused with the wrong secret: the web trigger answers 401 and nothing is called', async () => {
    const before = double.calls.length;
    const client = createForgeClient({ id: 'conn-1', secret: 'y'.repeat(40), url: double.url }, options);
    expect(await client.call({ action: 'company' })).toEqual({ kind: 'refused', code: 'unauthorized', message: 'bad signature' });
    expect(double.calls.length).toBe(before);
  });

  it('reports an answer that breaks the contract as unavailable, naming what was expected', async () => {
    const fakeFetch = (async () => new Response(JSON.stringify({ ok: true, data: { nope: 1 } }), { status: 200 })) as unknown as typeof fetch;
    const client = createForgeClient({ ...connection, url: double.url }, { ...options, fetch: fakeFetch });
    const outcome = await client.call({ action: 'connect', eventsUrl: 'http://127.0.0.1:1/api/events', tenantId: 't1' });
    expect(outcome).toEqual({ kind: 'unavailable', message: 'the Jira app answered 200 with an unexpected body: Invalid input: expected string, received undefined' });
  });

  it('reports an unreachable web trigger as unavailable', async () => {
    const client = createForgeClient({ ...connection, url: 'http://127.0.0.1:9/x' }, options);
    const outcome = await client.call({ action: 'company' });
    expect(outcome.kind).toBe('unavailable');
  });

  it('applies a check-in and answers with the key result view', async () => {
    const client = createForgeClient({ ...connection, url: double.url }, options);
    const kr = double.org().objectives.flatMap((o) => o.keyResults).find((k) => k.kind === 'metric');
    if (!kr || kr.kind !== 'metric') throw new Error('fixture has a metric key result');
    const outcome = await client.call({ action: 'check-in', kr: kr.id, value: kr.target ?? 1, confidence: 'high', author: 'Ann' });
    expect(outcome.kind).toBe('ok');
    if (outcome.kind !== 'ok') return;
    expect(outcome.data.kr.id).toBe(kr.id);
    expect(outcome.data.kr.progress).toBe(1);
    expect(double.org().checkIns.at(-1)).toMatchObject({ kr: kr.id, author: 'Ann', confidence: 'high', date: '2026-11-15' });
  });
});
