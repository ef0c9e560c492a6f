import type { MemberRecord } from '../store/port';
import { membersFrom, recordMembersOf } from './members';

const seen = { conversationId: '19:eng', tenantId: 't1', botId: '28:okr-bot', atMs: 7 };

describe('membersFrom', () => {
  test('records people with their Entra object id, name and lower-cased email and UPN', () => {
    expect(
      membersFrom(
        [
          { id: '29:raj', name: 'Raj Patel', aadObjectId: 'aad-raj', email: 'Raj@Acme.example', userPrincipalName: 'RAJ@acme.example' },
          { id: '29:zoe', name: 'Zoe', aadObjectId: 'aad-zoe' },
        ],
        seen,
      ),
    ).toEqual([
      { conversationId: '19:eng', tenantId: 't1', userId: '29:raj', aadObjectId: 'aad-raj', name: 'Raj Patel', email: 'raj@acme.example', upn: 'raj@acme.example', seenAt: 7 },
      { conversationId: '19:eng', tenantId: 't1', userId: '29:zoe', aadObjectId: 'aad-zoe', name: 'Zoe', email: null, upn: null, seenAt: 7 },
    ]);
  });

  test('skips this bot, other bots and what is not an account; an address that is not one is left unknown', () => {
    const got = membersFrom([{ id: '28:okr-bot', name: 'OKR' }, { id: '28:other', name: 'Other bot' }, { id: '29:x', role: 'bot' }, undefined, { name: 'no id' }, { id: '29:ann', email: 'not an address', name: ' ' }], seen);
    expect(got).toEqual([{ conversationId: '19:eng', tenantId: 't1', userId: '29:ann', aadObjectId: null, name: '29:ann', email: null, upn: null, seenAt: 7 }]);
  });
});

describe('recordMembersOf', () => {
  const saved: MemberRecord[][] = [];
  const store = { saveMembers: async (members: readonly MemberRecord[]) => void saved.push([...members]) };
  beforeEach(() => (saved.length = 0));
  const raj = { id: '29:raj', name: 'Raj Patel', aadObjectId: 'aad-raj', userPrincipalName: 'raj@acme.example' };
  const base = { recipient: { id: '28:okr-bot' }, conversation: { id: '19:eng' }, channelData: { tenant: { id: 't9' } }, from: { id: '29:ann', name: 'Ann Lee' } };

  test('records the sender and, on a conversation update, the members it adds, in the tenant the activity names', async () => {
    expect(await recordMembersOf(store, { ...base, type: 'conversationUpdate', membersAdded: [{ id: '28:okr-bot' }, raj] }, 4)).toBe(2);
    expect(saved[0]?.map((m) => [m.userId, m.tenantId, m.upn, m.seenAt])).toEqual([
      ['29:ann', 't9', null, 4],
      ['29:raj', 't9', 'raj@acme.example', 4],
    ]);
  });

  test('takes no members from a message, and nothing from an activity without a conversation', async () => {
    expect(await recordMembersOf(store, { ...base, type: 'message', membersAdded: [raj] }, 4)).toBe(1);
    expect(await recordMembersOf(store, { type: 'message', from: raj }, 4)).toBe(0);
    expect(saved.map((s) => s.map((m) => m.userId))).toEqual([['29:ann']]);
  });
});
