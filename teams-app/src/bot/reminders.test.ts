import { validateAdaptiveCards } from '../cards/testing/validate-card';
import { randomUUID } from 'node:crypto';
import { createForgeClient } from '../forge/forge-client';
import { cardOf, startTestStack, type TestStack } from './testing';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ service: { outbox: { pollMs: 20 } } });
});
afterAll(() => stack.close());

describe('weekly check-in reminders', () => {
  it('posts one check-in card naming the stale key results and their owners, then waits a week', async () => {
    await stack.install('c-mkt');
    await stack.say('c-mkt', 'follow mkt');
    await stack.say('c-mkt', 'follow eng');
    const [eng, mkt] = await stack.store.listReminders('c-mkt');
    expect([eng?.department, mkt?.department]).toEqual(['eng', 'mkt']);
    // Marketing's reminder is due; Engineering's is not.
    await stack.store.saveReminder({ ...mkt!, nextDueAt: Date.parse('2026-11-16T09:00:00Z') });
    expect(await stack.service.runReminders()).toBe(1);
    expect(await stack.service.runReminders()).toBe(0);
    await stack.connector.waitFor(() => stack.connector.activities('c-mkt').some((a) => a.activity.summary === 'Weekly check-in: Marketing'));
    const reminder = cardOf(stack.connector.activities('c-mkt').find((a) => a.activity.summary === 'Weekly check-in: Marketing')?.activity);
    // The Jira app lives on the real clock: Acme's last check-ins (by 15 Nov 2026) are all more than 14 days old.
    expect(JSON.stringify(reminder)).toContain('Waiting for a check-in: ');
    expect(JSON.stringify(reminder)).toContain('Publish 8 customer case studies (liam@acme.example)');
    expect(validateAdaptiveCards([reminder])).toEqual([[]]);
    const next = (await stack.store.listReminders('c-mkt')).find((r) => r.department === 'mkt')!;
    expect(new Date(next.nextDueAt).getUTCDay()).toBe(1);
    expect(new Date(next.nextDueAt).toISOString().slice(11, 16)).toBe('09:00');
    expect(next.nextDueAt).toBeGreaterThan(Date.now());
  });

  it('sends nothing when no key result is stale, and still moves the schedule on', async () => {
    // Engineering's manual key results, each checked in today by its owner.
    const jira = createForgeClient({ ...stack.connection, url: stack.forge.url }, { nowMs: Date.now, newId: randomUUID });
    for (const [kr, owner, fields] of [
      ['eng-o1-kr3', 'priya@acme.example', { done: false }],
      ['eng-o2-kr2', 'tom@acme.example', { value: 1.8 }],
      ['eng-o4-kr1', 'raj@acme.example', { value: 38 }],
    ] as const) {
      expect(await jira.call({ action: 'check-in', kr, ...fields, author: owner, authorEmail: owner })).toMatchObject({ kind: 'ok' });
    }
    const [eng] = await stack.store.listReminders('c-mkt');
    await stack.store.saveReminder({ ...eng!, nextDueAt: 1 });
    expect(await stack.service.runReminders()).toBe(0);
    expect((await stack.store.listReminders('c-mkt'))[0]!.nextDueAt).toBeGreaterThan(Date.now());
  });
});
