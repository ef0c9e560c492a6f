import { buildDependencyViews, evaluateOrg } from '@okr-bridge/core';
import { loadAcmeExample } from '../../../dev/forge-webtrigger-double';
import type { TabCaller } from './deps';
import { getDependencies, reviewIdOf } from './handlers';
import { createMemoryReviewStore } from './review-store';

const { org, issues } = loadAcmeExample();
const views = buildDependencyViews(org, evaluateOrg(org, issues, { at: '2026-11-15' }));

function callerAnswering(data: unknown): TabCaller {
  return {
    identity: { tenantId: 't', userId: 'u', name: 'Sofia', email: null },
    connection: { id: 'c', url: 'http://127.0.0.1:1', secret: 's' },
    space: 't/c',
    call: (async () => ({ kind: 'ok', data })) as unknown as TabCaller['call'],
  };
}

describe('getDependencies', () => {
  test('puts blocked first even when the Jira app answers in another order, keeping its order within a state', async () => {
    const reply = await getDependencies(callerAnswering([...views].reverse()), createMemoryReviewStore(), Date.parse('2026-11-15T10:00:00Z'));
    if (reply.status !== 200) throw new Error(`expected 200, got ${reply.status}`);
    expect(reply.body.dependencies.map((d) => d.id)).toEqual([
      'dep-usage-metering',
      'dep-renewal-data',
      'dep-health-scores',
      'dep-sso',
      'dep-launch-specs',
      'dep-status-page',
      'dep-battlecards',
    ]);
    expect(reply.body.dependencies[0]?.stateSince).toBe('2026-11-15T10:00:00.000Z');
  });
});

describe('reviewIdOf', () => {
  test('names the scope and the day of the review', () => {
    expect(reviewIdOf('eng', '2026-11-15T09:30:00Z')).toBe('eng@2026-11-15');
    expect(reviewIdOf(undefined, '2026-11-15')).toBe('company@2026-11-15');
  });
});
