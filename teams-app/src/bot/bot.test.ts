import { encodeConnectionCode } from '@okr-bridge/core';
import { validateAdaptiveCards } from '../cards/testing/validate-card';
import { cardOf, fromOf, PEOPLE, startTestStack, TENANT, type TestStack } from './testing';

const TOM = PEOPLE.find((p) => p.name === 'Tom')!;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

const sent = (conversationId: string) => stack.connector.activities(conversationId);
const lastCard = (conversationId: string) => JSON.stringify(cardOf(sent(conversationId).at(-1)?.activity));

describe('the bot over HTTP at /api/messages', () => {
  it('on install, stores the conversation reference and asks which departments to follow', async () => {
    expect((await stack.install('19:general')).status).toBe(200);
    const stored = await stack.store.getConversation('19:general');
    expect(stored).toMatchObject({ tenantId: TENANT, installed: true, reference: { serviceUrl: stack.connector.serviceUrl, conversation: { id: '19:general' }, agent: { id: '28:okr-bot' } } });
    const picker = cardOf(sent('19:general')[0]?.activity) as { body: { type: string; choices?: { value: string }[] }[] };
    const choices = picker.body.find((b) => b.type === 'Input.ChoiceSet')?.choices?.map((c) => c.value);
    expect(choices).toEqual(['eng', 'plat', 'prod', 'mkt', 'sales', 'cs', 'fin']);
  });

  it('follows the departments picked on the card, replacing the picker for everyone, with weekly reminders', async () => {
    const pickerId = sent('19:general')[0]!.id;
    const answer = await stack.execute('19:general', 'follow', { departments: 'eng,plat' }, pickerId);
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).toContain('This channel follows Engineering and Platform.');
    expect(await stack.store.departmentsFollowedBy('19:general')).toEqual(['eng', 'plat']);
    expect(sent('19:general')[0]!.versions).toHaveLength(2);
    expect((await stack.store.listReminders('19:general')).map((r) => [r.department, r.weekday, r.time, r.timeZone])).toEqual([
      ['eng', 1, '09:00', 'UTC'],
      ['plat', 1, '09:00', 'UTC'],
    ]);
  });

  it('answers every command with the card it asks for', async () => {
    await stack.say('19:general', 'status eng');
    expect(lastCard('19:general')).toContain('Engineering: ');
    await stack.say('19:general', 'status');
    expect(sent('19:general').slice(-2).map((a) => JSON.stringify(cardOf(a.activity)).match(/"text":"(Engineering|Platform): /)?.[1])).toEqual(['Engineering', 'Platform']);
    await stack.say('19:general', 'agenda company');
    expect(lastCard('19:general')).toContain('"text":"Acme OKR review');
    await stack.say('19:general', 'agenda Platform');
    expect(lastCard('19:general')).toContain('Platform');
    await stack.say('19:general', 'blocked');
    expect(lastCard('19:general')).toMatch(/blocked dependenc/);
    await stack.say('19:general', 'unfollow plat');
    expect(await stack.store.departmentsFollowedBy('19:general')).toEqual(['eng']);
    await stack.say('19:general', 'follow sales');
    expect(lastCard('19:general')).toContain('This channel follows Engineering and Sales.');
    await stack.say('19:general', 'follow marketing-ish');
    expect(lastCard('19:general')).toContain('I know no department \\"marketing-ish\\"');
    await stack.say('19:general', 'help');
    expect(lastCard('19:general')).toContain('status [department]');
    await stack.say('19:general', 'what is up');
    expect(lastCard('19:general')).toContain('I did not understand \\"what is up\\".');
  });

  it('acknowledges an alert: the card shows who, for everyone, and loses the button', async () => {
    // dep-sso (Sales needs ENG-142/143 from Engineering) is blocked in the Acme example.
    await stack.say('19:general', 'blocked');
    const card = sent('19:general').at(-1)!;
    const answer = await stack.execute('19:general', 'acknowledge', { dependency: 'dep-sso', since: '2026-11-15T09:00:00Z' }, card.id);
    expect(answer.status).toBe(200);
    const body = JSON.stringify(answer.body);
    expect(body).toContain('Acknowledged by Ann Lee on ');
    expect(body).toContain('Blocked since","value":"{{DATE(2026-11-15T09:00:00Z, SHORT)}}, {{TIME(2026-11-15T09:00:00Z)}}');
    expect(body).not.toContain('"title":"Acknowledge"');
    expect(card.versions).toHaveLength(2);
    expect(JSON.stringify(card.activity)).toContain('Acknowledged by Ann Lee');
  });

  it('adds an item to the agenda once, and the agenda shows it', async () => {
    const data = { subject: 'dependency:x', title: 'SSO for the mid-market', scope: 'eng' };
    expect((await stack.execute('19:general', 'add-to-agenda', data)).body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Added to the Engineering OKR review agenda: SSO for the mid-market' });
    expect((await stack.execute('19:general', 'add-to-agenda', data)).body).toMatchObject({ value: 'Already on the Engineering OKR review agenda: SSO for the mid-market' });
    await stack.say('19:general', 'agenda eng');
    expect(lastCard('19:general')).toContain('SSO for the mid-market (added by Ann Lee)');
  });

  it("does not add what the agenda already lists (an alert's blocked dependency) and says where it is", async () => {
    const data = { subject: 'blocked-dependency:dep-sso', title: 'Single sign-on', scope: 'sales' };
    expect((await stack.execute('19:general', 'add-to-agenda', data)).body).toMatchObject({
      value: 'Already on the Sales OKR review agenda (item 1): Blocked: Sales needs Single sign-on and SCIM provisioning for enterprise deals from Engineering',
    });
    await stack.say('19:general', 'agenda sales');
    expect(lastCard('19:general')).not.toContain('Added from Teams');
  });

  it('answers `checkin <department>` with the check-in card of that department, each key result opening its own form', async () => {
    await stack.say('19:general', 'checkin Engineering');
    const card = lastCard('19:general');
    expect(card).toContain('Check in: Engineering');
    expect(card).toContain('"verb":"check-in-form","data":{"department":"eng","kr":"eng-o2-kr2"}');
    await stack.say('19:general', 'checkin nowhere');
    expect(lastCard('19:general')).toContain('I know no department \\"nowhere\\"');
  });

  it('checks in: the signed call reaches Forge and the card is updated in place with the new value', async () => {
    await stack.say('19:general', 'status eng');
    const statusCard = sent('19:general').at(-1)!;
    const form = await stack.execute('19:general', 'check-in-form', { department: 'eng' }, statusCard.id);
    expect(JSON.stringify(form.body)).toContain('Check in: Engineering');
    // Tom owns eng-o2-kr2 (a metric); the Jira app checks that, not the bot.
    const answer = await stack.post(stack.activity('19:general', { type: 'invoke', name: 'adaptiveCard/action', from: fromOf(TOM), replyToId: statusCard.id, value: { action: { type: 'Action.Execute', verb: 'check-in', data: { department: 'eng', kr: 'eng-o2-kr2', value: '1.2', confidence: 'high', note: 'shipped', done: 'false' } }, trigger: 'manual' } }));
    expect(answer.status).toBe(200);
    expect(stack.forge.calls.at(-1)).toEqual({ connection: stack.connection.id, status: 200, request: { action: 'check-in', kr: 'eng-o2-kr2', value: 1.2, confidence: 'high', note: 'shipped', author: 'Tom', authorEmail: 'tom@acme.example', authorAadObjectId: 'aad-tom' } });
    expect(statusCard.versions).toHaveLength(2);
    expect(JSON.stringify(statusCard.activity)).toContain('Checked in: ');
  });

  it('handles the Action.Submit fallback like Action.Execute', async () => {
    const before = stack.forge.calls.length;
    await stack.post(stack.activity('19:general', { type: 'message', from: fromOf(TOM), value: { verb: 'check-in', department: 'eng', kr: 'eng-o2-kr2', value: '1.1' } }));
    expect(stack.forge.calls.length).toBe(before + 1);
    expect(lastCard('19:general')).toContain('Checked in: ');
  });

  it('refuses a check-in without a value, naming what was expected, and calls nothing', async () => {
    const before = stack.forge.calls.length;
    const answer = await stack.execute('19:general', 'check-in', { department: 'eng', kr: 'eng-o2-kr2', value: '' });
    expect(answer.body).toMatchObject({ value: 'Check-in not saved: expected a value (metric) or done (milestone)' });
    expect(stack.forge.calls.length).toBe(before);
  });

  /** The tenant's connection: the stack's, until the test below connects with a new code. */
  let current: { id: string; secret: string } | undefined;
  /** A code naming the tenant's current connection, as if re-sent (the refusals below call nothing with it). */
  const codeFor = (url: string) => {
    const { id, secret } = current ?? stack.connection;
    return encodeConnectionCode({ v: 1, url, connection: id, secret, site: 'https://acme.atlassian.net', expiresAt: new Date(Date.now() + 600_000).toISOString() });
  };
  const sayIn = (id: string, conversationType: string, tenantId: string, text: string) =>
    stack.post({ ...stack.activity(id, { type: 'message', text }), conversation: { id, conversationType, tenantId } });

  it('connects a tenant with a one-time code in a personal chat: signed connect call, connection stored', async () => {
    const code = await stack.forge.createCode();
    await sayIn('a:personal', 'personal', TENANT, `connect ${code.code}`);
    expect(stack.forge.calls.at(-1)).toEqual({ connection: code.id, status: 200, request: { action: 'connect', eventsUrl: `${stack.service.url}/api/events`, tenantId: TENANT } });
    expect(await stack.store.connectionForTenant(TENANT)).toMatchObject({ id: code.id, siteName: 'Acme', url: stack.forge.url });
    current = code;
    expect(lastCard('a:personal')).toContain('is now connected to Acme');
    await sayIn('a:personal', 'personal', TENANT, 'connect okrc1.broken');
    expect(lastCard('a:personal')).toContain('the connection code is damaged');
  });

  it('refuses connect outside a personal chat, calling nothing', async () => {
    const before = stack.forge.calls.length;
    await sayIn('19:general', 'channel', TENANT, `connect ${codeFor(stack.forge.url)}`);
    await sayIn('g:chat', 'groupChat', TENANT, `connect ${codeFor(stack.forge.url)}`);
    expect(lastCard('19:general')).toContain('to me in a personal chat (1:1 with the bot), not in a channel or group chat');
    expect(lastCard('g:chat')).toContain('to me in a personal chat (1:1 with the bot), not in a channel or group chat');
    expect(stack.forge.calls.length).toBe(before);
  });

  it('refuses a code whose URL is not a Forge web trigger, calling nothing', async () => {
    const calls: string[] = [];
    const original = globalThis.fetch;
    globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(String(input));
      return original(input, init);
    }) as typeof fetch;
    try {
      await sayIn('a:ssrf', 'personal', 'tenant-ssrf', `connect ${codeFor('https://internal.example.com/admin')}`);
      await sayIn('a:ssrf2', 'personal', 'tenant-ssrf', `connect ${codeFor('http://169.254.169.254/latest/meta-data')}`);
    } finally {
      globalThis.fetch = original;
    }
    expect(calls.filter((url) => !url.startsWith(stack.connector.serviceUrl) && !url.startsWith(stack.service.url))).toEqual([]);
    expect(lastCard('a:ssrf')).toContain('expected a Forge web trigger URL (https on a host ending in .webtrigger.atlassian.app or .atlassian-dev.net), got internal.example.com');
    expect(lastCard('a:ssrf2')).toContain('got http: 169.254.169.254');
    expect(await stack.store.connectionForTenant('tenant-ssrf')).toBeUndefined();
  });

  it("refuses a code for another tenant's connection, which keeps its tenant", async () => {
    const before = stack.forge.calls.length;
    await sayIn('a:intruder', 'personal', 'tenant-new', `connect ${codeFor(stack.forge.url)}`);
    expect(lastCard('a:intruder')).toContain('This connection code belongs to another Teams tenant');
    expect(stack.forge.calls.length).toBe(before);
    expect(await stack.store.connectionForTenant('tenant-new')).toBeUndefined();
    expect(await stack.store.connectionById(current!.id)).toMatchObject({ tenantId: TENANT });
  });

  it('refuses over-long ids on a check-in with a clear answer, calling nothing', async () => {
    const before = stack.forge.calls.length;
    const long = await stack.execute('19:general', 'check-in', { department: 'eng', kr: 'k'.repeat(201), value: '1' });
    expect(long).toMatchObject({ status: 200, body: { statusCode: 200, value: 'Check-in not saved: kr: expected a key result of at most 200 characters' } });
    const form = await stack.execute('19:general', 'check-in-form', { department: 'd'.repeat(201) });
    expect(form.body).toMatchObject({ value: 'Expected a department: department: expected a department id of at most 200 characters' });
    expect(stack.forge.calls.length).toBe(before);
  });

  it('trims a long author name to 200 characters on a check-in', async () => {
    const name = `  ${'N'.repeat(250)}`;
    const answer = await stack.post(stack.activity('19:general', { type: 'invoke', name: 'adaptiveCard/action', from: { id: '29:long', name }, value: { action: { type: 'Action.Execute', verb: 'check-in', data: { department: 'eng', kr: 'eng-o2-kr2', value: '1.3' } }, trigger: 'manual' } }));
    expect(answer.status).toBe(200);
    // Nobody the roster knows, so no address: the Jira app refuses it, having heard the trimmed name.
    expect(stack.forge.calls.at(-1)).toEqual({ connection: current!.id, status: 403, request: { action: 'check-in', kr: 'eng-o2-kr2', value: 1.3, author: 'N'.repeat(200) } });
  });

  it('tells an unconnected tenant how to connect', async () => {
    await stack.post({ ...stack.activity('b:x', { type: 'message', text: 'status' }), conversation: { id: 'b:x', tenantId: 'tenant-unknown' } });
    expect(lastCard('b:x')).toContain('not connected to a Jira site yet');
  });

  it('refuses an activity without a conversation, naming what was expected', async () => {
    expect(await stack.post({ type: 'message', text: 'hi' })).toEqual({ status: 400, body: { error: 'conversation: expected an activity with a conversation' } });
  });

  it('sends only cards that parse as Adaptive Card 1.5 with no validation events', () => {
    const cards = stack.connector.allActivities().flatMap((a) => a.versions.map((v) => cardOf(v))).filter((c) => c !== undefined);
    expect(cards.length).toBeGreaterThan(15);
    expect(validateAdaptiveCards(cards).filter((events) => events.length > 0)).toEqual([]);
  });
});
