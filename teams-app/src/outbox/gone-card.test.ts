/**
 * An alert card that can no longer be updated in place (Teams answers the update 404, or 403
 * with a not-found code) is posted as a new card instead of being given up, and a later update
 * replaces that new card.
 */
import { buildDependencyViews, dependencyViewSchema, evaluateOrg, type BridgeEvent, type DependencyChangedEvent } from '@okr-bridge/core';
import { loadAcmeExample } from '../../../dev/forge-webtrigger';
import { startTestStack, type TestStack } from '../bot/testing';

const { org, issues } = loadAcmeExample();
const sso = dependencyViewSchema.parse(buildDependencyViews(org, evaluateOrg(org, issues, { at: '2026-11-15' })).find((d) => d.id === 'dep-sso'));
const blocked = (id: string, previousState: 'at-risk' | 'open' = 'at-risk'): DependencyChangedEvent => ({ type: 'dependency.changed', id, occurredAt: '2026-11-15T09:00:00Z', previousState, dependency: sso });
const unblocked = (id: string): BridgeEvent => ({ type: 'dependency.changed', id, occurredAt: '2026-11-16T10:30:00Z', previousState: 'blocked', dependency: { ...sso, state: 'open', stateLabel: 'Open', reason: 'moving again' } });

let stack: TestStack;
const logs: string[] = [];
beforeEach(async () => {
  logs.length = 0;
  stack = await startTestStack({ service: { outbox: { pollMs: 20 }, log: (line) => void logs.push(line) } });
  await stack.install('c-sales');
  await stack.store.follow('c-sales', 'sales');
});
afterEach(() => stack.close());

const send = (event: BridgeEvent) => stack.forge.sendEvent(`${stack.service.url}/api/events`, stack.connection, event);
const cards = () => stack.connector.posts('c-sales').filter((a) => /^(Blocked|Unblocked): /.test(String(a.versions[0]?.summary ?? '')));
const summaries = () => cards().map((a) => a.versions.map((v) => String(v.summary).split(':')[0]));
async function settled(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const rows = await stack.store.listOutbox();
    if (rows.every((e) => e.state === 'sent' || e.state === 'dropped')) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the outbox did not settle');
}

describe('an update whose card is gone', () => {
  it('posts the unblocked card as a new card when the alert was deleted (update answers 404), and the next update replaces the new card', async () => {
    await send(blocked('ev-1'));
    await stack.connector.waitFor(() => cards().length === 1);
    await settled();
    stack.connector.forget(cards()[0]!.id);
    await send(unblocked('ev-2'));
    await stack.connector.waitFor(() => cards().length === 1 && String(cards()[0]!.versions[0]!.summary).startsWith('Unblocked'));
    await settled();
    expect((await stack.store.listOutbox()).map((e) => [e.eventId, e.kind, e.state])).toEqual([
      ['ev-1', 'send', 'sent'],
      ['ev-2', 'send', 'sent'],
    ]);
    expect(logs.some((l) => l.includes('can no longer be updated (404); posting ev-2 as a new card'))).toBe(true);
    // Blocked again, then unblocked: the newest card is updated in place.
    await send(blocked('ev-3', 'open'));
    await stack.connector.waitFor(() => cards().length === 2);
    await send(unblocked('ev-4'));
    await stack.connector.waitFor(() => cards()[1]!.versions.length === 2);
    expect(summaries()).toEqual([['Unblocked'], ['Blocked', 'Unblocked']]);
  });

  it('posts a new card when the update answers 403 with a not-found code, but still gives up on other 403s', async () => {
    await send(blocked('ev-1'));
    await stack.connector.waitFor(() => cards().length === 1);
    await settled();
    stack.connector.inject({ conversationId: 'c-sales', status: 403, times: 1, code: 'NotFound' });
    await send(unblocked('ev-2'));
    await stack.connector.waitFor(() => cards().length === 2);
    await settled();
    expect(summaries()).toEqual([['Blocked'], ['Unblocked']]);
    await send(blocked('ev-3', 'open'));
    await stack.connector.waitFor(() => cards().length === 3);
    await settled();
    stack.connector.inject({ conversationId: 'c-sales', status: 403, times: 1, code: 'Forbidden' });
    await send(unblocked('ev-4'));
    for (let i = 0; i < 100 && (await stack.store.listOutbox()).at(-1)?.state !== 'dropped'; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await stack.store.listOutbox()).at(-1)).toMatchObject({ eventId: 'ev-4', kind: 'update', state: 'dropped' });
    expect(cards()).toHaveLength(3);
  });
});
