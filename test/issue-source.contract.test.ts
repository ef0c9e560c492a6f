/**
 * The one IssueSource contract, run against both transports of core's Jira REST adapter (the
 * CLI's `fetch` and the Forge app's `requestJira`) through the Jira emulator over real HTTP:
 * the same answers, the same refusals, and the same results under Jira's faults (429 bursts
 * with Retry-After, 500s, calls that never answer, bodies cut short, bulk fetch issueErrors).
 * Sleeping is virtual (a clock the waits move), so Retry-After is checked without waiting it.
 */
import { join } from 'node:path';
import { normalizeIssue, reconcileFields, type IssueSource, type JiraClientStats, type JiraRequestError } from '@okr-bridge/core';
import { createJiraClient } from '../cli/src/jira-client';
import { Site, loadSnapshotFile, startJiraEmulator, type FaultOptions, type JiraEmulator } from '../dev/jira-emulator';
import { rawIssue } from '../dev/jira-emulator/testing';
import { createForgeIssueSource } from '../jira-app/src/adapters/forge-issue-source';
import { createHttpRequestJira } from '../jira-app/src/testing/http-request-jira';

const AT = '2026-11-15T09:00:00Z';
const fields = reconcileFields('customfield_10016', 'customfield_10021');
/** A call that never answers is given up after this long (real time). */
const TIMEOUT_MS = 300;

interface Made {
  readonly source: IssueSource & { stats(): JiraClientStats };
  /** Virtual time waited between attempts. */
  readonly waits: number[];
}

type Maker = (url: string, budgetMs?: number) => Made;

function virtualClock(): { now: () => number; sleep: (ms: number) => Promise<void>; waits: number[] } {
  let t = Date.parse(AT);
  const waits: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      waits.push(ms);
      t += ms;
    },
    waits,
  };
}

const transports: [string, Maker][] = [
  [
    'fetch (CLI)',
    (url, budgetMs) => {
      const clock = virtualClock();
      const retry = budgetMs === undefined ? {} : { maxWaitMs: budgetMs };
      return { source: createJiraClient({ baseUrl: url, auth: { kind: 'bearer', token: 'contract-token' }, timeoutMs: TIMEOUT_MS, sleep: clock.sleep, now: clock.now, random: () => 0.5, retry }), waits: clock.waits };
    },
  ],
  [
    'requestJira (Forge)',
    (url, budgetMs = 60_000) => {
      const clock = virtualClock();
      return { source: createForgeIssueSource(createHttpRequestJira(url), { clock: clock.now, sleep: clock.sleep, random: () => 0.5, deadlineMs: clock.now() + budgetMs, timeoutMs: TIMEOUT_MS }), waits: clock.waits };
    },
  ],
];

const FAULTS: Record<string, FaultOptions> = {
  '429 bursts with Retry-After': { rateLimitBurst: { start: 2, length: 3 }, rateLimitEvery: 7, retryAfterSeconds: 2 },
  '500 on every 3rd call': { serverErrorEvery: 3 },
  'a call in 5 that never answers': { hangEvery: 5 },
  'one body in 4 cut short': { truncateEvery: 4 },
  'issueErrors in every 2nd bulk fetch': { issueErrorsEvery: 2 },
};

async function failureOf(p: Promise<unknown>): Promise<JiraRequestError> {
  try {
    await p;
  } catch (e) {
    return e as JiraRequestError;
  }
  throw new Error('expected the call to fail');
}

async function readAll(source: IssueSource, jql: string): Promise<string[]> {
  const keys: string[] = [];
  let pageToken: string | null = null;
  do {
    const page = await source.search({ jql, fields, maxResults: 40, ...(pageToken ? { pageToken } : {}) });
    keys.push(...page.issues.map((i) => `${i.key}:${i.fields.status.name}`));
    pageToken = page.nextPageToken;
  } while (pageToken !== null);
  return keys;
}

describe.each(transports)('IssueSource over %s', (_name, make) => {
  let emulator: JiraEmulator;
  beforeAll(async () => {
    emulator = await startJiraEmulator({ site: loadSnapshotFile(join(__dirname, '..', 'examples', 'acme-issues.json')), now: () => AT });
  });
  afterAll(() => emulator.stop());
  beforeEach(() => emulator.setFaults({}));

  const JQL = 'project in (ENG, PLAT, MKT) ORDER BY key';
  const KEYS = ['ENG-101', 'ENG-112', 'PLAT-37', 'MKT-88', 'PROD-58', 'PROD-59', 'CS-80', 'NOPE-1'];

  it('pages a search to its end, counts, bulk-fetches (unknown keys left out) and lists fields', async () => {
    const { source } = make(emulator.url);
    const keys = await readAll(source, JQL);
    expect(keys.length).toBeGreaterThan(100);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await source.approximateCount(JQL)).toBe(keys.length);
    const fetched = await source.fetchIssues(KEYS, fields);
    expect(fetched.map((i) => i.key).sort()).toEqual(KEYS.filter((k) => k !== 'NOPE-1').sort());
    expect((await source.listFields()).find((f) => f.id === 'customfield_10016')).toMatchObject({ custom: true });
  });

  it('refuses an unbounded JQL at once with Jira’s message, and says a retry will not help', async () => {
    const { source } = make(emulator.url);
    const e = await failureOf(source.search({ jql: 'statusCategory = Done', fields }));
    expect(e.message).toBe('POST /rest/api/3/search/jql failed with 400 after 1 attempt: Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
    expect([e.kind, e.status, e.attempts, e.retryable]).toEqual(['http', 400, 1, false]);
  });

  describe.each(Object.entries(FAULTS))('under %s', (_fault, faults) => {
    it('gives the same answers as without faults, at the cost of extra calls', async () => {
      const clean = make(emulator.url);
      const fetchTwice = async (source: IssueSource) => [...(await source.fetchIssues(KEYS, fields)), ...(await source.fetchIssues([...KEYS].reverse(), fields))].map((i) => i.key).sort();
      const expected = { keys: await readAll(clean.source, JQL), fetched: await fetchTwice(clean.source) };
      emulator.setFaults(faults);
      const faulted = make(emulator.url);
      const keys = await readAll(faulted.source, JQL);
      const fetched = await fetchTwice(faulted.source);
      expect({ keys, fetched }).toEqual(expected);
      const extra = faulted.source.stats().totalCalls - clean.source.stats().totalCalls;
      expect(extra).toBeGreaterThan(0);
      if (faults.retryAfterSeconds !== undefined) expect(Math.min(...faulted.waits)).toBeGreaterThanOrEqual(faults.retryAfterSeconds * 1000);
      console.log(`${_name} under ${_fault}: ${clean.source.stats().totalCalls} calls without faults, +${extra} with them, ${faulted.waits.length} waits`);
    });
  });

  it('reads a linked issue whose status carries no statusCategory (the spec does not promise one)', async () => {
    const site = new Site([
      rawIssue(10001, 'ENG-1', { type: 'Epic' }),
      rawIssue(10002, 'ENG-2', {
        parent: 'ENG-1',
        extra: { issuelinks: [{ id: '1', type: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' }, inwardIssue: { id: '10003', key: 'OPS-3', fields: { status: { name: 'Waiting' } } } }] },
      }),
    ]);
    const small = await startJiraEmulator({ site, now: () => AT });
    try {
      const page = await make(small.url).source.search({ jql: 'parent = ENG-1', fields });
      const facts = normalizeIssue(page.issues[0]!, { storyPointsField: 'customfield_10016', flaggedField: 'customfield_10021' });
      expect(facts.links).toEqual([{ type: 'Blocks', relation: 'is blocked by', direction: 'inward', key: 'OPS-3', linkedCategory: null }]);
    } finally {
      await small.stop();
    }
  });

  it('gives up with a retryable error, without sleeping past its budget, when Jira asks to wait longer than is left', async () => {
    emulator.setFaults({ rateLimitEvery: 1, retryAfterSeconds: 30 });
    const { source, waits } = make(emulator.url, 20_000);
    const e = await failureOf(source.search({ jql: JQL, fields }));
    expect(e.message).toMatch(/^POST \/rest\/api\/3\/search\/jql failed with 429 after 1 attempt \(Retry-After 30 s; gave up: the next wait of 3\d\.?\d* s would pass the (20 s retry budget|deadline)/);
    expect([e.kind, e.status, e.retryable]).toEqual(['http', 429, true]);
    expect(waits).toEqual([]);
  });
});
