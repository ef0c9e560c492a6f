/** The live runner against the Jira emulator over real HTTP on 127.0.0.1. */
import { buildEpicMetrics, normalizeIssue } from '@okr-bridge/core';
import { startJiraEmulator, type JiraEmulator } from '../../../dev/jira-emulator';
import { createJiraClient, isJiraRequestError } from '../jira-client';
import { syncOrgFromJira } from './live-sync';
import type { ProgressBar } from './progress-bar';
import { buildTestOrg, buildTestSite, credentials } from './test-site';

let emulator: JiraEmulator;
beforeAll(async () => {
  emulator = await startJiraEmulator({ site: buildTestSite(), auth: credentials });
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.resetStats());

const client = () => createJiraClient({ baseUrl: emulator.url, auth: { kind: 'basic', ...credentials } });

describe('reading an org from a live site', () => {
  it('reads the epics\' children, the JQL\'s issues, and in one bulk fetch the epics and deliverables, nothing else', async () => {
    const org = buildTestOrg();
    const sync = await syncOrgFromJira(org, client());
    expect(sync.raw.map((i) => i.key)).toEqual(['ENG-1', 'ENG-2', 'ENG-10', 'ENG-11', 'OPS-7', 'PLAT-5', 'SUP-1', 'SUP-2']);
    expect(sync.issues.map((i) => [i.key, i.parent, i.points])).toEqual([
      ['ENG-1', null, null], ['ENG-2', null, null], ['ENG-10', 'ENG-1', 3], ['ENG-11', 'ENG-1', 5],
      ['OPS-7', null, null], ['PLAT-5', 'ENG-2', null], ['SUP-1', null, null], ['SUP-2', null, null],
    ]);
    expect(emulator.stats().byEndpoint).toEqual({ 'POST /rest/api/3/search/jql': 2, 'POST /rest/api/3/issue/bulkfetch': 1 });
    const jql = 'project = SUP AND issuetype = Bug';
    expect(sync.plan.queries.map((q) => q.jql)).toEqual(['parent in (ENG-1, ENG-2)', jql]);
    const byKey = new Map(sync.issues.map((i) => [i.key, i]));
    const pick = (...keys: string[]) => keys.map((k) => byKey.get(k)!);
    expect(sync.metrics).toEqual(buildEpicMetrics(['ENG-1', 'ENG-2'], pick('ENG-10', 'ENG-11', 'PLAT-5'), { [jql]: pick('SUP-1', 'SUP-2') }));
    expect(sync.issues).toEqual(sync.raw.map((raw) => normalizeIssue(raw, org.jira)));
  });

  it('sets the progress total from Jira\'s approximate counts, then adds the bulk-fetched keys', async () => {
    const events: string[] = [];
    const progress: ProgressBar = { setTotal: (n) => events.push(`total ${n}`), advance: (n) => events.push(`+${n}`), finish: () => events.push('finish') };
    await syncOrgFromJira(buildTestOrg(), client(), { progress, concurrency: 1 });
    expect(events).toEqual(['total 5', '+3', '+2', 'total 9', '+4']);
    expect(emulator.stats().byEndpoint['POST /rest/api/3/search/approximate-count']).toBe(2);
  });

  it('names the key result whose JQL Jira refuses', async () => {
    const error = await syncOrgFromJira(buildTestOrg({ jql: 'project = SUP AND summary ~ "login"' }), client()).catch((e: unknown) => e);
    expect(isJiraRequestError(error) && error.status).toBe(400);
    expect((error as Error).message).toBe(
      'key result k2 (JQL: project = SUP AND summary ~ "login"): POST /rest/api/3/search/jql failed with 400 after 1 attempt: ' +
        "Field 'summary' is not supported by this JQL subset; the supported fields are parent, key (issuekey), project, issuetype (type), status, statusCategory, updated, created, duedate, resolutiondate. (line 1, character 19)",
    );
  });
});
