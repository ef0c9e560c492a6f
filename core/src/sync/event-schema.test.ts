import { forgeIssueEventSchema, parseForgeIssueEvent } from './event-schema';

const statusChange = {
  eventType: 'avi:jira:updated:issue',
  atlassianId: '557058:abc',
  associatedUsers: [{ accountId: '557058:abc' }],
  issue: { id: '10073', key: 'ENG-10', fields: { summary: 'A title', status: { id: '3', name: 'In Progress' }, creator: { accountId: 'x' } } },
  changelog: { id: '10200', items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: '10000', fromString: 'To Do', to: '3', toString: 'In Progress' }] },
};

describe('forgeIssueEventSchema', () => {
  it('accepts a documented updated-issue event and lets unknown fields through', () => {
    const parsed = parseForgeIssueEvent(statusChange);
    expect(parsed.kind).toBe('event');
    if (parsed.kind !== 'event') return;
    expect(parsed.event.changelog?.items[0]).toEqual({ field: 'status', fieldtype: 'jira', fieldId: 'status', from: '10000', fromString: 'To Do', to: '3', toString: 'In Progress' });
    expect((parsed.event.issue.fields as Record<string, unknown>).creator).toEqual({ accountId: 'x' });
    expect((parsed.event as Record<string, unknown>).associatedUsers).toEqual([{ accountId: '557058:abc' }]);
  });

  it('reads a changelog item without toString as null, not as the inherited function', () => {
    const event = forgeIssueEventSchema.parse({ ...statusChange, changelog: { items: [{ field: 'Link', to: 'ENG-7' }] } });
    expect(event.changelog?.items[0]).toEqual({ field: 'Link', from: null, fromString: null, to: 'ENG-7', toString: null });
  });

  it('reads numeric ids and change values as strings', () => {
    const event = forgeIssueEventSchema.parse({ ...statusChange, issue: { id: 10073, key: 'ENG-10' }, changelog: { items: [{ field: 'Story Points', from: null, to: 5 }] } });
    expect(event.issue.id).toBe('10073');
    expect(event.changelog?.items[0]?.to).toBe('5');
  });

  it('refuses an unknown event type with the types it accepts', () => {
    expect(parseForgeIssueEvent({ ...statusChange, eventType: 'avi:jira:viewed:issue' })).toEqual({
      kind: 'invalid',
      message:
        'invalid Forge issue event: eventType: expected eventType to be one of avi:jira:created:issue, avi:jira:updated:issue, avi:jira:deleted:issue, got "avi:jira:viewed:issue"',
    });
  });

  it('refuses wrong shapes, naming each path', () => {
    const parsed = parseForgeIssueEvent({ ...statusChange, issue: { id: '1' }, changelog: { items: [{ from: 'x' }] } });
    expect(parsed).toEqual({
      kind: 'invalid',
      message: 'invalid Forge issue event: issue.key: expected the issue key as a string; changelog.items[0].field: expected the changed field name as a string',
    });
    expect(parseForgeIssueEvent('not an event')).toEqual({ kind: 'invalid', message: 'invalid Forge issue event: (root): Invalid input: expected object, received string' });
  });
});
