import { startWebTrigger, type RunningWebTrigger } from '../../../dev/forge-webtrigger';
import { createForgeClient } from './forge-client';

/** The Jira app's own web trigger, connected with a code from OKR settings. */
let double: RunningWebTrigger;
let connection: { id: string; secret: string };
let n = 0;
const options = { nowMs: () => Date.now(), newId: () => `req-${++n}` };

beforeAll(async () => {
  double = await startWebTrigger();
  connection = await double.connectTeams('http://127.0.0.1:1/api/events', 't1');
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
    expect(double.calls.at(-1)).toEqual({ connection: connection.id, status: 200, request: { action: 'departments' } });
  });

  it('returns the error Forge answers with as refused', async () => {
    const client = createForgeClient({ ...connection, url: double.url }, options);
    expect(await client.call({ action: 'department', department: 'nope' })).toEqual({ kind: 'refused', code: 'not-found', message: 'no department nope in cycle 2026-Q4' });
  });

  it('is refused with the wrong secret: the web trigger answers 401 and nothing is called', async () => {
    const before = double.calls.length;
    const client = createForgeClient({ id: connection.id, secret: 'y'.repeat(40), url: double.url }, options);
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

  it("applies the owner's check-in and answers with the key result view, which the next department view shows", async () => {
    const client = createForgeClient({ ...connection, url: double.url }, options);
    // eng-o2-kr2 is Tom's metric (2.8 s → 1.2 s in examples/acme.yaml): 1 s is past its target.
    const outcome = await client.call({ action: 'check-in', kr: 'eng-o2-kr2', value: 1, confidence: 'high', author: 'Tom', authorEmail: 'tom@acme.example' });
    expect(outcome.kind).toBe('ok');
    if (outcome.kind !== 'ok') return;
    expect([outcome.data.kr.id, outcome.data.kr.progress]).toEqual(['eng-o2-kr2', 1]);
    const view = await client.call({ action: 'department', department: 'eng' });
    if (view.kind !== 'ok') throw new Error(view.message);
    expect(view.data.objectives.flatMap((o) => o.keyResults).find((k) => k.id === 'eng-o2-kr2')?.progress).toBe(1);
  });

  it("is refused a check-in by someone who owns neither the key result nor its department, which changes nothing", async () => {
    const client = createForgeClient({ ...connection, url: double.url }, options);
    const kr = async () => {
      const view = await client.call({ action: 'department', department: 'eng' });
      if (view.kind !== 'ok') throw new Error(view.message);
      return view.data.objectives.flatMap((o) => o.keyResults).find((k) => k.id === 'eng-o2-kr2');
    };
    const before = await kr();
    const outcome = await client.call({ action: 'check-in', kr: 'eng-o2-kr2', value: 2, author: 'Ann Lee', authorEmail: 'ann@acme.example' });
    expect(outcome).toEqual({ kind: 'refused', code: 'not-allowed', message: "only the key result's owner or the department's owners can check in" });
    expect(double.calls.at(-1)).toMatchObject({ status: 403, request: { action: 'check-in', authorEmail: 'ann@acme.example' } });
    expect(await kr()).toEqual(before);
  });
});
