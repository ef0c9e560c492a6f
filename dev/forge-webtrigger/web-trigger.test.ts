/**
 * The app's web trigger over HTTP: a connection made as in Jira, a signed call answered by the
 * app's own handler, and the check-in's owner rule applied (a non-owner is refused, nothing saved).
 */
import { signBridgeRequest, type WebTriggerRequest } from '@okr-bridge/core';
import { startWebTrigger, type ConnectionCode, type RunningWebTrigger } from '.';

const NOW = Date.parse('2026-11-15T09:00:00Z');
let forge: RunningWebTrigger;
let code: ConnectionCode;
let n = 0;

const call = async (request: WebTriggerRequest, secret = code.secret) => {
  const body = JSON.stringify(request);
  const headers = signBridgeRequest(secret, { connection: code.id, id: `req-${++n}`, nowMs: NOW, body });
  const res = await fetch(forge.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: AnswerData; error?: { code: string; message: string } } };
};

/** The parts of the answers these tests read. */
interface AnswerData {
  departments?: { id: string }[];
  objectives?: { keyResults: { id: string; progress: number; valueLabel: string }[] }[];
  kr?: { id: string };
}

const engKr = async (id: string) => (await call({ action: 'department', department: 'eng' })).body.data?.objectives?.flatMap((o) => o.keyResults).find((k) => k.id === id);

beforeAll(async () => {
  forge = await startWebTrigger({ clock: () => NOW });
  code = await forge.createCode();
});
afterAll(() => forge.close());

describe("the app's web trigger over HTTP", () => {
  it('refuses anything but connect on a pending connection, then connects once', async () => {
    expect(await call({ action: 'departments' })).toEqual({ status: 401, body: { ok: false, error: { code: 'unauthorized', message: 'this connection is not completed yet: send connect first' } } });
    expect(await call({ action: 'connect', eventsUrl: 'http://127.0.0.1:1/api/events', tenantId: 't1' })).toEqual({ status: 200, body: { ok: true, data: { siteUrl: 'https://acme.atlassian.net', siteName: 'Acme' } } });
    expect((await call({ action: 'departments' })).body.data?.departments?.map((d) => d.id)).toEqual(['eng', 'plat', 'prod', 'mkt', 'sales', 'cs', 'fin']);
    expect(forge.refused).toEqual([{ status: 401, reason: 'this connection is not completed yet: send connect first' }]);
  });

  it('refuses a bad signature with 401 and records no call', async () => {
    const before = forge.calls.length;
    expect((await call({ action: 'company' }, 'y'.repeat(43))).status).toBe(401);
    expect(forge.calls.length).toBe(before);
  });

  it("refuses a check-in from someone who owns neither the key result nor its department, and saves nothing", async () => {
    const before = await engKr('eng-o2-kr2');
    expect(before).toMatchObject({ id: 'eng-o2-kr2', valueLabel: expect.stringContaining('1.9') });
    const refused = await call({ action: 'check-in', kr: 'eng-o2-kr2', value: 1.4, author: 'Ann Lee', authorEmail: 'ann@acme.example' });
    expect(refused).toEqual({ status: 403, body: { ok: false, error: { code: 'not-allowed', message: "only the key result's owner or the department's owners can check in" } } });
    expect(forge.calls.at(-1)).toMatchObject({ status: 403, request: { action: 'check-in', authorEmail: 'ann@acme.example' } });
    expect(await engKr('eng-o2-kr2')).toEqual(before);
  });

  it("applies the key result owner's check-in and answers the changed key result", async () => {
    const answer = await call({ action: 'check-in', kr: 'eng-o2-kr2', value: 1.4, author: 'Tom', authorEmail: 'tom@acme.example' });
    expect(answer.status).toBe(200);
    expect(answer.body.data?.kr).toMatchObject({ id: 'eng-o2-kr2' });
    expect(forge.calls.at(-1)).toEqual({ connection: code.id, status: 200, request: { action: 'check-in', kr: 'eng-o2-kr2', value: 1.4, author: 'Tom', authorEmail: 'tom@acme.example' } });
    expect(await engKr('eng-o2-kr2')).toMatchObject({ valueLabel: expect.stringContaining('1.4'), progress: (2.8 - 1.4) / (2.8 - 1.2) });
  });
});
