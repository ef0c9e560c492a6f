/** `okr report --jira` and `okr snapshot` end to end in-process, against the emulator over HTTP. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startJiraEmulator, type JiraEmulator } from '../../../dev/jira-emulator';
import { runCli } from '../main';
import type { LiveIo } from './live-command';
import { buildTestOrgInput, buildTestSite, credentials } from './test-site';

let emulator: JiraEmulator;
const dir = mkdtempSync(join(tmpdir(), 'okr-live-'));
beforeAll(async () => {
  emulator = await startJiraEmulator({ site: buildTestSite(), auth: credentials });
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.resetStats());

function orgFile(name: string, overrides: Parameters<typeof buildTestOrgInput>[0] = {}): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(buildTestOrgInput(overrides)));
  return path;
}

async function okr(argv: string[], io: Partial<LiveIo> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: {}, clock: () => 0, now: () => '2026-11-15T09:00:00Z', ...io });
  return { code, stdout, stderr };
}

const login = () => ['--jira', emulator.url, '--email', credentials.email, '--token', credentials.token];
const progressOf = (stdout: string) => (JSON.parse(stdout) as { keyResults: { id: string; progress: number }[] }).keyResults.map((k) => [k.id, k.progress]);

describe('okr report --jira', () => {
  it('reports from the live site and ends with what it cost', async () => {
    const { code, stdout, stderr } = await okr(['report', orgFile('org.json'), ...login(), '--at', '2026-11-15', '--json']);
    expect(stderr).toBe('Jira: 3 calls, 3 pages read, 0 retries (0 s waited)\n');
    expect(code).toBe(0);
    // k1: 3 of 8 points done (PLAT-5 unestimated); k2: 1 of 2 bugs done.
    expect(progressOf(stdout)).toEqual([['k1', 0.375], ['k2', 0.5]]);
    expect(JSON.parse(stdout).dependencies).toEqual([{ id: 'd1', state: 'blocked', reason: 'OPS-7: status is Blocked' }]);
  });

  it('draws a progress bar on a terminal, cleared before the last line', async () => {
    const { code, stderr } = await okr(['report', orgFile('org.json'), ...login(), '--json'], { isTTY: true });
    expect(code).toBe(0);
    const frame = '\rReading Jira [░░░░░░░░░░░░░░░░░░░░░░░░]   0%  0 / 5 issues';
    expect(stderr).toBe(`${frame}\r${' '.repeat(frame.length - 1)}\rJira: 5 calls, 3 pages read, 0 retries (0 s waited)\n`);
    expect(emulator.stats().byEndpoint['POST /rest/api/3/search/approximate-count']).toBe(2);
  });

  it('takes the credentials from the environment', async () => {
    const { code } = await okr(['report', orgFile('org.json'), '--jira', emulator.url, '--json'], { env: { JIRA_EMAIL: credentials.email, JIRA_API_TOKEN: credentials.token } });
    expect(code).toBe(0);
  });

  it('refuses to run without credentials, before any call', async () => {
    const { code, stderr } = await okr(['report', orgFile('org.json'), '--jira', emulator.url]);
    expect(code).toBe(2);
    expect(stderr).toBe(`okr report: expected credentials for ${emulator.url}: give --email E --token T (or set JIRA_EMAIL and JIRA_API_TOKEN), or --bearer TOKEN (or set JIRA_BEARER_TOKEN)\n`);
    expect(emulator.stats().requests).toBe(0);
  });

  it('checks the report options before reading Jira', async () => {
    const { code, stderr } = await okr(['report', orgFile('org.json'), ...login(), '--department', 'hr']);
    expect(code).toBe(2);
    expect(stderr).toBe('okr report: --department: expected one of eng, sup, ops, got "hr"\n');
    expect(emulator.stats().requests).toBe(0);
  });

  it('exits 2 with Jira\'s message when it refuses a key result\'s JQL', async () => {
    const { code, stderr } = await okr(['report', orgFile('bad-jql.json', { jql: 'project = SUP AND summary ~ "x"' }), ...login()]);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^okr report: cannot read Jira at ${emulator.url}: key result k2 \\(JQL: project = SUP AND summary ~ "x"\\): POST /rest/api/3/search/jql failed with 400 after 1 attempt: Field 'summary' is not supported`));
    expect(stderr.endsWith('Jira: 2 calls, 1 page read, 0 retries (0 s waited)\n')).toBe(true);
  });

  it('names the site when it cannot be reached', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}`;
    const { code, stderr } = await okr(['report', orgFile('org.json'), '--jira', url, '--bearer', 'b3arer-token'], { jiraClient: { sleep: async () => undefined, random: () => 0 } });
    expect(code).toBe(2);
    expect(stderr).toContain(`okr report: cannot read Jira at ${url}: POST /rest/api/3/search/jql failed with a network error after 6 attempts: connect ECONNREFUSED 127.0.0.1:${port}\n`);
    // Both planned queries tried 6 times, waiting 0.25 + 0.5 + 1 + 2 + 4 s between attempts.
    expect(stderr.endsWith('Jira: 12 calls, 0 pages read, 10 retries (15.5 s waited)\n')).toBe(true);
  });

  it('finds the story points field by name when the org file does not give it', async () => {
    const { code, stdout, stderr } = await okr(['report', orgFile('no-points.json', { storyPointsField: null }), ...login(), '--at', '2026-11-15', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe(
      'okr report: story points read from customfield_10016 ("Story Points"); set jira.storyPointsField: customfield_10016 in the org file to skip this lookup\n' +
        'Jira: 4 calls, 3 pages read, 0 retries (0 s waited)\n',
    );
    expect(progressOf(stdout)).toEqual([['k1', 0.375], ['k2', 0.5]]);
  });
});

describe('okr snapshot', () => {
  it('writes the issues read as { issues } in the raw shape, which okr report reads back', async () => {
    const org = orgFile('org.json');
    const snap = await okr(['snapshot', org, ...login()]);
    expect(snap.code).toBe(0);
    const saved = JSON.parse(snap.stdout) as { issues: { key: string; fields: Record<string, unknown> }[] };
    expect(saved.issues.map((i) => i.key)).toEqual(['ENG-1', 'ENG-2', 'ENG-10', 'ENG-11', 'OPS-7', 'PLAT-5', 'SUP-1', 'SUP-2']);
    expect(Object.keys(saved.issues[2]!.fields).sort()).toEqual(
      ['created', 'customfield_10016', 'customfield_10021', 'duedate', 'issuelinks', 'issuetype', 'parent', 'resolutiondate', 'status', 'summary', 'updated'],
    );
    const file = join(dir, 'snap.json');
    writeFileSync(file, snap.stdout);
    const fromFile = await okr(['report', org, '--issues', file, '--at', '2026-11-15', '--json']);
    const live = await okr(['report', org, ...login(), '--at', '2026-11-15', '--json']);
    expect(fromFile.stdout).toBe(live.stdout);
  });
});

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
