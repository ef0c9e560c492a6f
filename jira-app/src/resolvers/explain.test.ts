import { join } from 'node:path';
import { loadSnapshotFile, startJiraEmulator, type JiraEmulator } from '../../../dev/jira-emulator';
import { createHttpRequestJira } from '../testing/http-request-jira';
import { createTestDeps, seedAcme } from '../testing/test-deps';
import { createResolverHandlers } from '.';

let emulator: JiraEmulator;
beforeAll(async () => {
  emulator = await startJiraEmulator({ site: loadSnapshotFile(join(__dirname, '..', '..', '..', 'examples', 'acme-issues.json')), now: () => '2026-11-15T09:00:00Z' });
});
afterAll(async () => emulator.stop());

describe('explainKr', () => {
  it('lists the issues behind a number with their summaries, read from Jira as the user in one bulk fetch', async () => {
    const deps = createTestDeps({ asUser: createHttpRequestJira(emulator.url), now: '2026-11-15T09:00:00Z' });
    await seedAcme(deps);
    emulator.resetStats();
    const answer = await createResolverHandlers(deps).explainKr({ payload: { kr: 'eng-o1-kr2' }, context: { accountId: 'raj@acme.example' } });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.rule).toBe(answer.data.kr.rule);
    expect(answer.data.hiddenIssues).toBe(0);
    expect(answer.data.issues.length).toBeGreaterThan(0);
    expect(answer.data.issues.every((i) => i.epic === 'ENG-103' && i.summary.length > 0)).toBe(true);
    expect(answer.data.kr.explain.issues).toBeUndefined();
    expect(emulator.stats().byEndpoint).toEqual({ 'POST /rest/api/3/issue/bulkfetch': 1 });
  });

  it('counts the issues the user may not see without naming them', async () => {
    const deps = createTestDeps({ asUser: async () => new Response(JSON.stringify({ issues: [], issueErrors: [] }), { status: 200 }) as never, now: '2026-11-15T09:00:00Z' });
    await seedAcme(deps);
    const answer = await createResolverHandlers(deps).explainKr({ payload: { kr: 'eng-o1-kr2' }, context: { accountId: 'raj@acme.example' } });
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.issues).toEqual([]);
    expect(answer.data.hiddenIssues).toBe(answer.data.kr.explain.denominator);
  });
});
