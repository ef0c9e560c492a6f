/**
 * The one contract every store adapter passes (run by `store.test.ts` against SQLite on a
 * temporary file and PostgreSQL on a temporary server). Each test opens a fresh store.
 */
import type { NewOutboxEntry, StoredReference, TeamsStore } from './port';

const ref = (id: string, tenantId = 't1'): StoredReference => ({
  serviceUrl: 'http://127.0.0.1:1/',
  channelId: 'msteams',
  conversation: { id, tenantId, conversationType: 'channel' },
  agent: { id: 'bot', name: 'OKR' },
});
const conversation = (id: string, tenantId = 't1') => ({ id, tenantId, reference: ref(id, tenantId), timeZone: null, updatedAt: 1 });
const entry = (eventId: string, conversationId: string, fields: Partial<NewOutboxEntry> = {}): NewOutboxEntry => ({
  eventId,
  conversationId,
  tenantId: 't1',
  kind: 'send',
  subject: 'dependency:d1',
  activity: { type: 'message', text: `${eventId}→${conversationId}` },
  notBefore: 0,
  ...fields,
});
const event = (id: string, connectionId = 'c1') => ({ id, connectionId, type: 'dependency.changed', body: { id }, receivedAt: 100 });

/** Registers the contract tests for one adapter. */
export function describeStoreContract(name: string, open: () => Promise<TeamsStore>): void {
  describe(`store contract: ${name}`, () => {
    let store: TeamsStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('saves conversations, keeps a known time zone and marks them uninstalled', async () => {
      await store.saveConversation({ ...conversation('a'), timeZone: 'Europe/Paris' });
      await store.saveConversation({ ...conversation('a'), updatedAt: 5 });
      expect(await store.getConversation('a')).toEqual({ id: 'a', tenantId: 't1', reference: ref('a'), installed: true, timeZone: 'Europe/Paris', updatedAt: 5 });
      await store.markUninstalled('a', 9);
      expect((await store.getConversation('a'))?.installed).toBe(false);
      expect(await store.getConversation('zz')).toBeUndefined();
      await store.saveConversation(conversation('b', 't2'));
      expect((await store.listConversations('t1')).map((c) => c.id)).toEqual(['a']);
    });

    it('follows and unfollows, and finds installed followers of one tenant only', async () => {
      for (const c of [conversation('a'), conversation('b'), conversation('c'), conversation('x', 't2')]) await store.saveConversation(c);
      expect(await store.follow('a', 'eng')).toBe(true);
      expect(await store.follow('a', 'eng')).toBe(false);
      await store.follow('a', 'plat');
      await store.follow('b', 'plat');
      await store.follow('c', 'sales');
      await store.follow('x', 'eng');
      expect(await store.departmentsFollowedBy('a')).toEqual(['eng', 'plat']);
      expect(await store.followersOf('t1', ['eng', 'plat'])).toEqual(['a', 'b']);
      await store.markUninstalled('b', 2);
      expect(await store.followersOf('t1', ['plat'])).toEqual(['a']);
      expect(await store.unfollow('a', 'plat')).toBe(true);
      expect(await store.unfollow('a', 'plat')).toBe(false);
      expect(await store.followersOf('t1', [])).toEqual([]);
    });

    it('keeps one connection per tenant, found by id or tenant', async () => {
      const c = { id: 'c1', tenantId: 't1', url: 'https://x/wt', secret: 's'.repeat(40), siteUrl: 'https://acme.atlassian.net', siteName: 'Acme', createdAt: 1 };
      expect(await store.saveConnection(c)).toEqual({ kind: 'saved' });
      expect(await store.connectionById('c1')).toEqual(c);
      expect(await store.saveConnection({ ...c, id: 'c2' })).toEqual({ kind: 'saved' });
      expect(await store.connectionById('c1')).toBeUndefined();
      expect(await store.connectionForTenant('t1')).toEqual({ ...c, id: 'c2' });
    });

    it("refuses a connection id another tenant holds, changing neither tenant's connection", async () => {
      const c = { id: 'cx', tenantId: 'owner', url: 'https://x/wt', secret: 's'.repeat(40), siteUrl: 'https://acme.atlassian.net', siteName: 'Acme', createdAt: 1 };
      expect(await store.saveConnection(c)).toEqual({ kind: 'saved' });
      const other = { ...c, id: 'cy', tenantId: 'intruder', siteName: 'Theirs' };
      expect(await store.saveConnection(other)).toEqual({ kind: 'saved' });
      expect(await store.saveConnection({ ...c, tenantId: 'intruder', url: 'https://evil/wt', secret: 'e'.repeat(40) })).toEqual({ kind: 'taken' });
      expect(await store.connectionById('cx')).toEqual(c);
      expect(await store.connectionForTenant('intruder')).toEqual(other);
      expect(await store.saveConnection({ ...c, siteName: 'Acme renamed', createdAt: 2 })).toEqual({ kind: 'saved' });
      expect(await store.connectionById('cx')).toEqual({ ...c, siteName: 'Acme renamed', createdAt: 2 });
    });

    it('ingests an event once with its entries; a repeat is a duplicate and adds nothing', async () => {
      expect(await store.ingestEvent({ connectionId: 'c1', requestId: 'r1' }, event('e1'), [entry('e1', 'a'), entry('e1', 'b')])).toBe('stored');
      expect(await store.hasRequest('c1', 'r1')).toBe(true);
      expect(await store.hasRequest('c2', 'r1')).toBe(false);
      expect(await store.ingestEvent({ connectionId: 'c1', requestId: 'r2' }, event('e1'), [entry('e1', 'c')])).toBe('duplicate');
      expect((await store.listOutbox()).map((e) => `${e.eventId}/${e.conversationId}/${e.state}/${e.attempts}`)).toEqual(['e1/a/pending/0', 'e1/b/pending/0']);
      expect(await store.getEvent('e1')).toEqual(event('e1'));
      expect(await store.getEvent('e1', 'c1')).toEqual(event('e1'));
      expect(await store.getEvent('e1', 'c2')).toBeUndefined();
      expect(await store.conversationsWithCard('t1', 'dependency:d1')).toEqual(['a', 'b']);
      expect(await store.conversationsWithCard('t2', 'dependency:d1')).toEqual([]);
      expect(await store.pruneRequests(101)).toBe(2);
      expect(await store.hasRequest('c1', 'r1')).toBe(false);
    });

    it('moves the events version of a connection with each stored event, and only of that connection', async () => {
      expect(await store.eventsVersion('c1')).toBeNull();
      await store.ingestEvent({ connectionId: 'c1', requestId: 'r1' }, event('e1'), []);
      const first = await store.eventsVersion('c1');
      expect(first).not.toBeNull();
      // Same millisecond, another event: the version still moves.
      await store.ingestEvent({ connectionId: 'c1', requestId: 'r2' }, event('e2'), []);
      const second = await store.eventsVersion('c1');
      expect(second).not.toBe(first);
      await store.ingestEvent({ connectionId: 'c1', requestId: 'r3' }, event('e2'), []);
      expect(await store.eventsVersion('c1')).toBe(second);
      await store.ingestEvent({ connectionId: 'c2', requestId: 'r1' }, event('e9', 'c2'), []);
      expect(await store.eventsVersion('c1')).toBe(second);
      expect(await store.eventsVersion('c3')).toBeNull();
    });

    it('forgets events received before a time, and the version neither moves back nor repeats', async () => {
      await store.ingestEvent({ connectionId: 'c1', requestId: 'r1' }, event('e1'), []);
      await store.ingestEvent({ connectionId: 'c1', requestId: 'r2' }, { ...event('e2'), receivedAt: 500 }, []);
      const before = await store.eventsVersion('c1');
      expect(await store.pruneEvents(200)).toBe(1);
      expect(await store.getEvent('e1', 'c1')).toBeUndefined();
      expect((await store.getEvent('e2', 'c1'))?.id).toBe('e2');
      expect(await store.eventsVersion('c1')).toBe(before);
      await store.ingestEvent({ connectionId: 'c1', requestId: 'r3' }, { ...event('e3'), receivedAt: 600 }, []);
      const after = await store.eventsVersion('c1');
      expect([after === before, after === null]).toEqual([false, false]);
      expect(await store.pruneEvents(200)).toBe(0);
    });

    it('rolls back an ingest that fails half-way: no event, no entries, no request id', async () => {
      const bad = { ...entry('e1', 'a'), activity: undefined as unknown, kind: null as unknown as 'send' };
      const outcome = await store.ingestEvent({ connectionId: 'c1', requestId: 'r1' }, event('e1'), [entry('e1', 'b'), bad]).then((v) => v, (e: Error) => e.message);
      // Each database words it its own way; both name the NOT NULL constraint.
      expect(outcome).toMatch(/not[- ]null/i);
      expect(await store.getEvent('e1')).toBeUndefined();
      expect(await store.listOutbox()).toEqual([]);
      expect(await store.hasRequest('c1', 'r1')).toBe(false);
      expect(await store.eventsVersion('c1')).toBeNull();
    });

    it('claims due entries oldest first under a lease, and reclaims them when the lease runs out', async () => {
      await store.ingestEvent({ connectionId: 'c1', requestId: 'r1' }, event('e1'), [entry('e1', 'a'), entry('e1', 'b', { notBefore: 500 })]);
      const first = await store.claimDue(100, 10, 1_000);
      expect(first.map((e) => [e.conversationId, e.state])).toEqual([['a', 'sending']]);
      expect(await store.claimDue(200, 10, 1_000)).toEqual([]);
      // The claimer died: after the lease, the entry is claimed again.
      expect((await store.claimDue(1_100, 1, 1_000)).map((e) => e.conversationId)).toEqual(['a']);
      expect((await store.claimDue(1_100, 10, 1_000)).map((e) => e.conversationId)).toEqual(['b']);
      expect(await store.claimDue(2_000, 10, 1_000)).toEqual([]);
      expect(await store.claimDue(2_200, 10, 1_000, { conversations: ['a'], tenants: ['t9'] })).toHaveLength(1);
      expect(await store.claimDue(2_200, 10, 1_000, { tenants: ['t1'] })).toEqual([]);
      expect((await store.claimDue(3_300, 10, 1_000)).map((e) => [e.conversationId, e.attempts])).toEqual([['a', 0], ['b', 0]]);
    });

    it('records the activity id with the sent state; deferrals do not count as attempts, failures do', async () => {
      await store.ingestEvent({ connectionId: 'c1', requestId: 'r1' }, event('e1'), [entry('e1', 'a'), entry('e1', 'b')]);
      await store.claimDue(0, 10, 1_000);
      await store.markSent({ eventId: 'e1', conversationId: 'a' }, 'act-1', 10);
      await store.reschedule({ eventId: 'e1', conversationId: 'b' }, 50, null);
      await store.claimDue(50, 10, 1_000);
      await store.reschedule({ eventId: 'e1', conversationId: 'b' }, 90, '429 Too Many Requests');
      const rows = await store.listOutbox();
      expect(rows.map((e) => [e.conversationId, e.state, e.attempts, e.activityId, e.lastError, e.nextAttemptAt])).toEqual([
        ['a', 'sent', 1, 'act-1', null, 0],
        ['b', 'pending', 1, null, '429 Too Many Requests', 90],
      ]);
      expect(await store.claimDue(10_000, 10, 1_000)).toHaveLength(1);
      await store.drop({ eventId: 'e1', conversationId: 'b' }, 'conversation uninstalled');
      expect((await store.listOutbox())[1]?.state).toBe('dropped');
      expect(await store.claimDue(99_000, 10, 1_000)).toEqual([]);
    });

    it('finds the card an update replaces: the latest send of the subject before it', async () => {
      await store.ingestEvent({ connectionId: 'c1', requestId: 'r1' }, event('e1'), [entry('e1', 'a')]);
      await store.ingestEvent({ connectionId: 'c1', requestId: 'r2' }, event('e2'), [entry('e2', 'a', { kind: 'update' })]);
      await store.ingestEvent({ connectionId: 'c1', requestId: 'r3' }, event('e3'), [entry('e3', 'a')]);
      const [e1, e2, e3] = await store.listOutbox();
      expect((await store.findCard('a', 'dependency:d1', e2!.seq))?.eventId).toBe('e1');
      expect((await store.findCard('a', 'dependency:d1', e3!.seq + 1))?.eventId).toBe('e3');
      expect(await store.findCard('a', 'dependency:d1', e1!.seq)).toBeUndefined();
      expect(await store.findCard('b', 'dependency:d1', e3!.seq)).toBeUndefined();
    });

    it('keeps reminder schedules per conversation and department and finds the due ones', async () => {
      const r = { conversationId: 'a', department: 'eng', weekday: 1, time: '09:00', timeZone: 'Europe/Paris', nextDueAt: 1_000 };
      await store.saveReminder(r);
      await store.saveReminder({ ...r, department: 'plat', nextDueAt: 5_000 });
      await store.saveReminder({ ...r, nextDueAt: 2_000 });
      expect(await store.dueReminders(2_000)).toEqual([{ ...r, nextDueAt: 2_000 }]);
      expect((await store.listReminders('a')).map((x) => x.department)).toEqual(['eng', 'plat']);
      await store.removeReminder('a', 'eng');
      expect(await store.dueReminders(9_999)).toEqual([{ ...r, department: 'plat', nextDueAt: 5_000 }]);
    });

    it('adds an agenda request once per subject and lists them per tenant and scope', async () => {
      const a = { tenantId: 't1', scope: 'eng', subject: 'dependency:d1', title: 'API', addedBy: 'Ann', addedAt: 5 };
      expect(await store.addAgendaRequest(a)).toBe(true);
      expect(await store.addAgendaRequest({ ...a, addedBy: 'Bob' })).toBe(false);
      expect(await store.agendaRequests('t1', 'eng')).toEqual([a]);
      expect(await store.agendaRequests('t2', 'eng')).toEqual([]);
      // The count open tabs poll: it moves with each new request of the tenant, not with a repeat or another tenant's.
      expect(await store.addAgendaRequest({ ...a, scope: 'sales' })).toBe(true);
      await store.addAgendaRequest({ ...a, tenantId: 't2' });
      expect([await store.agendaRequestCount('t1'), await store.agendaRequestCount('t2'), await store.agendaRequestCount('t3')]).toEqual([2, 1, 0]);
    });

    it('caches roster members per conversation, found by email or UPN in any case; the roster\'s latest answer replaces the earlier one', async () => {
      const raj = { conversationId: 'a', tenantId: 't1', userId: '29:raj', aadObjectId: 'aad-raj', name: 'Raj Patel', email: 'Raj@Acme.example', upn: null, fetchedAt: 1 };
      const mei = { conversationId: 'a', tenantId: 't1', userId: '29:mei', aadObjectId: null, name: 'Mei', email: null, upn: 'mei@acme.example', fetchedAt: 1 };
      expect(await store.rosterFetchedAt('a')).toBeNull();
      await store.saveMembers([raj, mei, { ...raj, conversationId: 'b' }]);
      // Fetched again: Raj's address changed in Entra and the roster now gives a UPN.
      await store.saveMembers([{ ...raj, email: 'raj.patel@acme.example', upn: 'RAJ@acme.example', name: 'Raj P.', fetchedAt: 5 }]);
      expect(await store.membersByAddress(['a'], ['raj@acme.example', 'MEI@acme.example', 'nobody@acme.example'])).toEqual([
        { ...mei },
        { ...raj, email: 'raj.patel@acme.example', upn: 'raj@acme.example', name: 'Raj P.', fetchedAt: 5 },
      ]);
      expect(await store.rosterFetchedAt('a')).toBe(5);
      expect((await store.membersByAddress(['a', 'b', 'c'], ['raj@acme.example'])).map((m) => m.conversationId)).toEqual(['a', 'b']);
      await store.removeMembers('a', ['29:raj']);
      expect((await store.membersByAddress(['a', 'b'], ['raj@acme.example', 'mei@acme.example'])).map((m) => `${m.conversationId}/${m.userId}`)).toEqual(['a/29:mei', 'b/29:raj']);
      expect(await store.membersByAddress([], ['raj@acme.example'])).toEqual([]);
      expect(await store.membersByAddress(['a'], [])).toEqual([]);
      expect(await store.memberOf('b', '29:raj')).toEqual({ ...raj, conversationId: 'b', email: 'raj@acme.example' });
      expect(await store.memberOf('a', '29:raj')).toBeNull();
    });

    it('turns an update into a new card when told, so it is sent as one and the next update finds it', async () => {
      await store.ingestEvent({ connectionId: 'c1', requestId: 'r1' }, event('e1'), [entry('e1', 'a')]);
      await store.ingestEvent({ connectionId: 'c1', requestId: 'r2' }, event('e2'), [entry('e2', 'a', { kind: 'update' })]);
      await store.ingestEvent({ connectionId: 'c1', requestId: 'r3' }, event('e3'), [entry('e3', 'a', { kind: 'update' })]);
      await store.claimDue(0, 1, 1_000);
      await store.markSent({ eventId: 'e1', conversationId: 'a' }, 'act-1', 1);
      expect((await store.claimDue(2, 1, 1_000)).map((e) => [e.eventId, e.kind])).toEqual([['e2', 'update']]);
      await store.reschedule({ eventId: 'e2', conversationId: 'a' }, 3, null, 'send');
      expect((await store.claimDue(3, 1, 1_000)).map((e) => [e.eventId, e.kind, e.attempts])).toEqual([['e2', 'send', 0]]);
      await store.markSent({ eventId: 'e2', conversationId: 'a' }, 'act-2', 4);
      const e3 = (await store.listOutbox())[2]!;
      expect((await store.findCard('a', 'dependency:d1', e3.seq))?.activityId).toBe('act-2');
      await store.claimDue(5, 1, 1_000);
      await store.reschedule({ eventId: 'e3', conversationId: 'a' }, 6, null);
      expect((await store.listOutbox())[2]?.kind).toBe('update');
    });
  });
}
