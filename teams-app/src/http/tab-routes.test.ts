import { buildDependencyViews, dependencyChangedEventSchema, evaluateOrg } from '@okr-bridge/core';
import { loadAcmeExample } from '../../../dev/forge-webtrigger';
import { devTokenFor } from '../auth/dev-token';
import { REVIEW_LIMITS, type AgendaPage, type DepartmentPage, type DependenciesPage, type TabContext, type TabError, type VersionPage } from '../tab-api/contract';
import { tabApiPaths } from '../tab-api/paths';
import { startTabApiStack, TENANTS, type TabApiStack } from '../tab-api/testing';

let stack: TabApiStack;
beforeAll(async () => {
  stack = await startTabApiStack();
});
afterAll(() => stack.close());

async function get<T>(path: string, token: string | null): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(stack.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}
async function post<T>(path: string, token: string, body: unknown, contentType = 'application/json'): Promise<{ status: number; body: T }> {
  const res = await fetch(stack.url + path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}

describe('tab API authentication', () => {
  test('refuses a request without a token with 401 and says what it expected', async () => {
    const res = await get<TabError>(tabApiPaths.context(), null);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'unauthorized', message: 'expected an Authorization: Bearer header with the Teams SSO token' } });
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
  });

  test.each([
    ['forged', { forged: true }, 'bad signature'],
    ['expired', { expiresIn: -600 }, 'token expired'],
    ['wrong-audience', { audience: 'api://elsewhere.example/66666666-7777-8888-9999-000000000000' }, 'wrong audience: expected api://127.0.0.1/66666666-7777-8888-9999-000000000000 or 66666666-7777-8888-9999-000000000000'],
  ])('refuses a %s token with 401 and the reason, calling no Jira app', async (_name, overrides, reason) => {
    const before = stack.doubles.a.calls.length;
    const res = await get<TabError>(tabApiPaths.dependencies(), await stack.token('a', overrides));
    expect(res).toMatchObject({ status: 401, body: { error: { code: 'unauthorized', message: reason } } });
    expect(stack.doubles.a.calls.length).toBe(before);
  });

  test('refuses a valid token of a tenant connected to no Jira site', async () => {
    const res = await get<TabError>(tabApiPaths.context(), await stack.token('c'));
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe(`tenant ${TENANTS.c} is not connected to a Jira site; an admin connects it with the code from OKR settings in Jira`);
  });

  test('refuses a dev token when the service is not in local dev mode', async () => {
    const res = await get<TabError>(tabApiPaths.context(), devTokenFor('sofia@acme.example'));
    expect(res).toMatchObject({ status: 401, body: { error: { message: 'dev tokens are accepted only when the service runs in local dev mode' } } });
  });

  test('leaves paths outside /api/tab/ to the rest of the server', async () => {
    const res = await fetch(`${stack.url}/healthz`);
    expect([res.status, await res.text()]).toEqual([404, 'not found']);
  });
});

describe('tab API version', () => {
  const { org, issues } = loadAcmeExample();
  const sso = buildDependencyViews(org, evaluateOrg(org, issues, { at: '2026-11-15' })).find((d) => d.id === 'dep-sso')!;
  const changed = (id: string) => dependencyChangedEventSchema.parse({ type: 'dependency.changed', id, occurredAt: '2026-11-15T09:00:00Z', previousState: 'open', dependency: sso });

  test('moves when the Jira site pushes an event, for that tenant only, without calling the Jira app', async () => {
    const [tokenA, tokenB] = [await stack.token('a'), await stack.token('b')];
    const calls = [stack.doubles.a.calls.length, stack.doubles.b.calls.length];
    const before = await get<VersionPage>(tabApiPaths.version(), tokenA);
    expect(before).toMatchObject({ status: 200, body: { version: expect.any(String) } });
    const untouchedB = (await get<VersionPage>(tabApiPaths.version(), tokenB)).body.version;
    expect(await stack.pushEvent('a', changed('ev-a1'))).toMatchObject({ status: 200, body: { outcome: 'stored' } });
    const after = (await get<VersionPage>(tabApiPaths.version(), tokenA)).body.version;
    expect(after).not.toBe(before.body.version);
    expect((await get<VersionPage>(tabApiPaths.version(), tokenB)).body).toEqual({ version: untouchedB });
    expect(await stack.pushEvent('b', changed('ev-b1'))).toMatchObject({ status: 200 });
    expect((await get<VersionPage>(tabApiPaths.version(), tokenA)).body.version).toBe(after);
    expect([stack.doubles.a.calls.length, stack.doubles.b.calls.length]).toEqual(calls);
    // A number that moved with no status changing comes as views.changed: stored with no card to send, it moves the version too.
    expect(await stack.pushEvent('a', { type: 'views.changed', id: 'ev-a2', occurredAt: '2026-11-15T09:05:00Z' })).toEqual({ status: 200, body: { outcome: 'stored', entries: 0 } });
    expect((await get<VersionPage>(tabApiPaths.version(), tokenA)).body.version).not.toBe(after);
  });

  test('moves when someone records a review item or asks for an agenda item in Teams, for that tenant only', async () => {
    const [tokenA, tokenB] = [await stack.token('a'), await stack.token('b')];
    const version = async (token: string) => (await get<VersionPage>(tabApiPaths.version(), token)).body.version;
    const [a0, b0] = [await version(tokenA), await version(tokenB)];
    expect((await post(tabApiPaths.reviewItem('eng@2026-11-15', 'blocked-dependency:dep-sso'), tokenA, { discussed: true })).status).toBe(200);
    const a1 = await version(tokenA);
    expect(a1).not.toBe(a0);
    expect(await version(tokenB)).toBe(b0);
    await stack.teamsStore.addAgendaRequest({ tenantId: TENANTS.a, scope: 'fin', subject: 'note:pricing', title: 'Pricing', addedBy: 'Ann', addedAt: 1 });
    expect(await version(tokenA)).not.toBe(a1);
    expect(await version(tokenB)).toBe(b0);
  });

  test('is refused without a token and takes no query parameters', async () => {
    expect((await get<TabError>(tabApiPaths.version(), null)).status).toBe(401);
    const res = await get<TabError>(`${tabApiPaths.version()}?since=1`, await stack.token('a'));
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'bad-request', message: 'query: expected no query parameters' } } });
  });
});

describe('tab API data', () => {
  test('context names the connected site, the company and its departments', async () => {
    const res = await get<TabContext>(tabApiPaths.context(), await stack.token('a'));
    expect(res.status).toBe(200);
    expect(res.body.site).toEqual({ url: 'https://acme.atlassian.net', name: 'Acme' });
    expect(res.body.user).toEqual({ name: 'Sofia', email: 'sofia@acme.example' });
    expect(res.body.departments.map((d) => d.name)).toEqual(['Engineering', 'Platform', 'Product', 'Marketing', 'Sales', 'Customer Success', 'Finance']);
  });

  test("each tenant reaches only its own site's Jira app", async () => {
    const [a, b] = [stack.doubles.a.calls.length, stack.doubles.b.calls.length];
    const res = await get<TabContext>(tabApiPaths.context(), await stack.token('b'));
    expect(res.body.site).toEqual({ url: 'https://globex.atlassian.net', name: 'Globex' });
    expect([stack.doubles.a.calls.length - a, stack.doubles.b.calls.length - b]).toEqual([0, 1]);
  });

  test('department answers the view with progress and the trend Jira computed over the cycle, not one sampled on tab open', async () => {
    const res = await get<DepartmentPage>(tabApiPaths.department('eng'), await stack.token('a'));
    expect(res.status).toBe(200);
    expect([res.body.department.name, res.body.department.progressLabel, res.body.department.expectedLabel]).toEqual(['Engineering', '47%', '49%']);
    expect(res.body.department.objectives.map((o) => o.progressLabel)).toEqual(['38%', '58%', '34%', '58%']);
    expect(Object.keys(res.body.department)).not.toContain('trend');
    const eng = res.body.trend.eng!;
    expect([eng.length, eng[0]!.day, eng.at(-1)!.progress]).toEqual([16, '2026-10-01', res.body.department.progress]);
    expect(res.body.trend['eng-o1-kr1']!.at(-1)).toEqual({ day: '2026-11-15', progress: 35 / 82 });
    expect(Object.keys(res.body.trend)).toHaveLength(1 + res.body.department.objectives.length + res.body.department.objectives.flatMap((o) => o.keyResults).length);
  });

  test('an unknown department is a 404 with the Jira app message', async () => {
    const res = await get<TabError>(tabApiPaths.department('nope'), await stack.token('a'));
    expect(res).toEqual(expect.objectContaining({ status: 404, body: { error: { code: 'not-found', message: 'no department nope in cycle 2026-Q4' } } }));
  });

  test('dependencies come blocked first, each with since when it is in that state', async () => {
    const res = await get<DependenciesPage>(tabApiPaths.dependencies(), await stack.token('a'));
    expect(res.body.dependencies.map((d) => `${d.id}:${d.state}`)).toEqual([
      'dep-sso:blocked',
      'dep-health-scores:blocked',
      'dep-renewal-data:blocked',
      'dep-usage-metering:blocked',
      'dep-launch-specs:at-risk',
      'dep-status-page:open',
      'dep-battlecards:done',
    ]);
    const again = await get<DependenciesPage>(tabApiPaths.dependencies(), await stack.token('a'));
    expect(again.body.dependencies[0]?.stateSince).toBe(res.body.dependencies[0]?.stateSince);
  });

  test('company answers the roll-up with every department', async () => {
    const res = await get<{ progressLabel: string; departments: { name: string; progressLabel: string }[] }>(tabApiPaths.company(), await stack.token('a'));
    expect(res.body.progressLabel).toBe('43%');
    expect(res.body.departments.find((d) => d.name === 'Platform')?.progressLabel).toBe('53%');
  });
});

describe('tab API review', () => {
  test('agenda validates its query and names what it expected', async () => {
    const token = await stack.token('a');
    expect((await get<TabError>('/api/tab/agenda?minutes=0', token)).body).toEqual({ error: { code: 'bad-request', message: 'query: minutes: expected minutes as a whole number from 1 to 480' } });
    expect((await get<TabError>('/api/tab/agenda?since=yesterday', token)).body.error.message).toBe('query: since: expected since as a date like 2026-11-01');
    expect((await get<TabError>('/api/tab/agenda?dept=eng', token)).status).toBe(400);
  });

  test('a discussed item with its decision is in the agenda the next time, for that tenant only', async () => {
    const token = await stack.token('a');
    const agenda = await get<AgendaPage>(tabApiPaths.agenda({ department: 'eng', minutes: 45 }), token);
    expect(agenda.body.reviewId).toBe('eng@2026-11-15');
    const first = agenda.body.agenda.items[0];
    expect(first?.id).toBe('blocked-dependency:dep-sso');
    const saved = await post(tabApiPaths.reviewItem('eng@2026-11-15', 'blocked-dependency:dep-sso'), token, { discussed: true, decision: 'Raj unblocks ENG-142 by Friday' });
    expect(saved).toEqual({ status: 200, body: expect.objectContaining({ discussed: true, decision: 'Raj unblocks ENG-142 by Friday', notes: '', updatedBy: 'Sofia' }) });
    const after = await get<AgendaPage>(tabApiPaths.agenda({ department: 'eng', minutes: 45 }), token);
    expect(after.body.items['blocked-dependency:dep-sso']).toMatchObject({ discussed: true, decision: 'Raj unblocks ENG-142 by Friday' });
    const other = await get<AgendaPage>(tabApiPaths.agenda({ department: 'eng', minutes: 45 }), await stack.token('b'));
    expect(other.body.items).toEqual({});
  });

  test("an item added from a Teams card is on the agenda after the generated ones, and records its discussion, for that tenant only", async () => {
    await stack.teamsStore.addAgendaRequest({ tenantId: TENANTS.a, scope: 'eng', subject: 'dependency:dep-sso', title: 'SSO for the mid-market', addedBy: 'Ann Lee', addedAt: Date.parse('2026-11-14T16:05:00Z') });
    await stack.teamsStore.addAgendaRequest({ tenantId: TENANTS.a, scope: 'sales', subject: 'dependency:dep-renewal-data', title: 'Renewal data', addedBy: 'Bo', addedAt: 1 });
    const token = await stack.token('a');
    const agenda = await get<AgendaPage>(tabApiPaths.agenda({ department: 'eng' }), token);
    expect(agenda.body.requested).toEqual([
      { id: 'requested:dependency:dep-sso', subject: 'dependency:dep-sso', title: 'SSO for the mid-market', requestedBy: 'Ann Lee', requestedAt: '2026-11-14T16:05:00.000Z', minutes: 3 },
    ]);
    const saved = await post(tabApiPaths.reviewItem('eng@2026-11-15', 'requested:dependency:dep-sso'), token, { discussed: true, notes: 'Raised by Sales' });
    expect(saved).toEqual({ status: 200, body: expect.objectContaining({ itemId: 'requested:dependency:dep-sso', discussed: true, notes: 'Raised by Sales' }) });
    const after = await get<AgendaPage>(tabApiPaths.agenda({ department: 'eng' }), token);
    expect(after.body.items['requested:dependency:dep-sso']).toMatchObject({ discussed: true, notes: 'Raised by Sales', updatedBy: 'Sofia' });
    const other = await get<AgendaPage>(tabApiPaths.agenda({ department: 'eng' }), await stack.token('b'));
    expect(other.body.requested).toEqual([]);
  });

  test('a bad review update is refused and changes nothing', async () => {
    const token = await stack.token('a');
    const path = tabApiPaths.reviewItem('company@2026-11-15', 'at-risk-kr:eng-o1-kr3');
    expect(await post(path, token, { discussed: 'yes' })).toEqual({ status: 400, body: { error: { code: 'bad-request', message: 'body: discussed: expected discussed to be true or false' } } });
    expect(await post(path, token, {})).toEqual({ status: 400, body: { error: { code: 'bad-request', message: 'body: expected at least one of discussed, decision, notes' } } });
    expect((await post(path, token, { notes: 'x' }, 'text/plain')).status).toBe(415);
    expect(await stack.store.itemsOf(stack.spaces.a, 'company@2026-11-15')).toEqual([]);
  });

  test('a review holds at most 100 items: the 101st is refused with 409 naming the limit, while the recorded ones can still change', async () => {
    const token = await stack.token('a');
    const review = 'mkt@2026-11-16';
    for (let i = 0; i < REVIEW_LIMITS.itemsPerReview; i++) expect((await post(tabApiPaths.reviewItem(review, `item-${i}`), token, { notes: `note ${i}` })).status).toBe(200);
    expect(await post(tabApiPaths.reviewItem(review, 'item-extra'), token, { notes: 'one too many' })).toEqual({
      status: 409,
      body: { error: { code: 'review-full', message: 'expected at most 100 items in a review; mkt@2026-11-16 has 100 already' } },
    });
    expect(await post(tabApiPaths.reviewItem(review, 'item-7'), token, { discussed: true })).toEqual({ status: 200, body: expect.objectContaining({ itemId: 'item-7', discussed: true, notes: 'note 7' }) });
    const items = await stack.store.itemsOf(stack.spaces.a, review);
    expect(items).toHaveLength(100);
    expect(items.some((i) => i.itemId === 'item-extra')).toBe(false);
    // Another review, and another tenant's, have their own room.
    expect((await post(tabApiPaths.reviewItem('mkt@2026-11-23', 'item-0'), token, { notes: 'next week' })).status).toBe(200);
    expect((await post(tabApiPaths.reviewItem(review, 'item-extra'), await stack.token('b'), { notes: 'other tenant' })).status).toBe(200);
  });

  test('an item holds at most 8 KiB of decision and notes together: a change past that is refused with 413 naming the limit, and changes nothing', async () => {
    const token = await stack.token('a');
    const path = tabApiPaths.reviewItem('fin@2026-11-16', 'at-risk-kr:fin-o1-kr1');
    expect((await post(path, token, { decision: 'd'.repeat(1_000) })).status).toBe(200);
    expect(await post(path, token, { notes: 'n'.repeat(7_500) })).toEqual({
      status: 413,
      body: { error: { code: 'item-too-large', message: 'expected at most 8192 bytes of decision and notes together in a review item; this change would make 8500' } },
    });
    // Characters beyond ASCII count for their UTF-8 bytes: 3,000 of "€" are 9,000 bytes.
    expect((await post(path, token, { notes: '€'.repeat(3_000) })).status).toBe(413);
    expect((await post(path, token, { notes: 'n'.repeat(7_192) })).status).toBe(200);
    expect(await stack.store.itemsOf(stack.spaces.a, 'fin@2026-11-16')).toEqual([expect.objectContaining({ decision: 'd'.repeat(1_000), notes: 'n'.repeat(7_192) })]);
  });

  test('a review path that is not an id is refused; a wrong method gets 405', async () => {
    const token = await stack.token('a');
    expect((await post('/api/tab/review/bad%20id/items/x', token, { discussed: true })).status).toBe(400);
    const res = await fetch(`${stack.url}/api/tab/context`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect([res.status, res.headers.get('allow')]).toEqual([405, 'GET']);
  });
});
