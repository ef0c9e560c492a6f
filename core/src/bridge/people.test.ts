import { bridgeEventSchema, webTriggerResultSchemas } from './contract';
import { bridgePeopleSchema, ownersNamedIn } from './people';

const ANA = '712020:2e7d1ecb-3b92-551e-574a-5d200c67dab9';

const messages = (value: unknown) => {
  const parsed = bridgePeopleSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('people on the bridge', () => {
  it('takes a person with a name, and an email and an https avatar when known', () => {
    expect(bridgePeopleSchema.parse([{ id: ANA, displayName: 'Ana Costa', email: 'Ana@Acme.example', avatarUrl: 'https://avatars.example/a.png' }, { id: 'x', displayName: 'X' }])).toEqual([
      { id: ANA, displayName: 'Ana Costa', email: 'ana@acme.example', avatarUrl: 'https://avatars.example/a.png' },
      { id: 'x', displayName: 'X' },
    ]);
  });

  it('refuses malformed people, naming each field and what was expected', () => {
    expect(messages([{ id: ANA, displayName: '  ' }])).toEqual(['0.displayName: expected displayName to be the name Jira shows']);
    expect(messages([{ id: '', displayName: 'A', email: 'ana' }])).toEqual(['0.id: expected id to be the owner as stored (an account id or an email)', '0.email: expected email to be an email address (or absent when Jira hides it)']);
    expect(messages([{ id: ANA, displayName: 'A', avatarUrl: 'javascript:alert(1)' }])).toEqual(['0.avatarUrl: expected avatarUrl to be an https URL']);
    expect(messages([{ id: ANA, displayName: 'A', admin: true }])).toEqual(['0: expected a person { id, displayName, email?, avatarUrl? }']);
    expect(messages([{ id: ANA, displayName: 'A' }, { id: ANA, displayName: 'B' }])).toEqual([': expected each person once in people (ids repeat)']);
    expect(messages('Ana')).toEqual([': expected people to be a list of persons { id, displayName, email?, avatarUrl? }']);
  });

  it('keep events and answers from apps that send no people valid, and refuse bad ones inside them', () => {
    expect(webTriggerResultSchemas['check-in'].safeParse({ kr: {} }).success).toBe(false);
    const event = { type: 'views.changed', id: 'e', occurredAt: '2026-11-15T09:00:00Z' };
    expect(bridgeEventSchema.safeParse(event).success).toBe(true);
    const withBad = bridgeEventSchema.safeParse({ type: 'kr.status-changed', id: 'e', occurredAt: '2026-11-15T09:00:00Z', previousStatus: null, department: { id: 'd', name: 'D' }, kr: {}, people: [{ id: ANA }] });
    expect(withBad.success ? [] : withBad.error.issues.map((i) => i.path.join('.'))).toContain('people.0.displayName');
  });

  it("finds the owners a view names, and account ids and emails in its sentences, but not in its links", () => {
    const view = {
      owners: ['raj@acme.example', ANA],
      objectives: [{ keyResults: [{ owner: ANA, title: 'T' }, { owner: null }] }],
      items: [
        { presenter: 'mei@acme.example', detail: '"Close deals" (owner 712020:8f3c1a22-5b6d-4e7f-9a0b-1c2d3e4f5a6b) waits on it.', links: [{ url: 'https://x.example/5b10a2844c20165700ede21g' }] },
        { presenter: 'raj@acme.example', detail: '"Bill usage" (owner hannah@acme.example) waits on it.', links: [{ url: 'https://x.example/?by=tom@acme.example' }] },
      ],
    };
    expect(ownersNamedIn(view)).toEqual(['raj@acme.example', ANA, 'mei@acme.example', '712020:8f3c1a22-5b6d-4e7f-9a0b-1c2d3e4f5a6b', 'hannah@acme.example']);
  });
});
