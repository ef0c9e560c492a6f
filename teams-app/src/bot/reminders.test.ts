import { validateAdaptiveCards } from '../cards/testing/validate-card';
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
    expect(JSON.stringify(reminder)).toContain('Waiting for a check-in: Publish 8 customer case studies (');
    expect(validateAdaptiveCards([reminder])).toEqual([[]]);
    const next = (await stack.store.listReminders('c-mkt')).find((r) => r.department === 'mkt')!;
    expect(new Date(next.nextDueAt).getUTCDay()).toBe(1);
    expect(new Date(next.nextDueAt).toISOString().slice(11, 16)).toBe('09:00');
    expect(next.nextDueAt).toBeGreaterThan(Date.now());
  });

  it('sends nothing when no key result is stale, and still moves the schedule on', async () => {
    const [eng] = await stack.store.listReminders('c-mkt');
    await stack.store.saveReminder({ ...eng!, nextDueAt: 1 });
    expect(await stack.service.runReminders()).toBe(0);
    expect((await stack.store.listReminders('c-mkt'))[0]!.nextDueAt).toBeGreaterThan(Date.now());
  });
});
