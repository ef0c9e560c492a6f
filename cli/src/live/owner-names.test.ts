/**
 * `okr report --jira` names the owners the org file holds as Atlassian account ids, from one
 * `user/bulk` call to the emulator (serving the Acme snapshot), and those it holds as emails
 * Jira shows on a person, one user search each; the snapshot form, with no Jira to ask, prints
 * them as the file holds them.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSnapshotFile, startJiraEmulator, type JiraEmulator } from '../../../dev/jira-emulator';
import { runCli } from '../main';
import { credentials } from './test-site';

const root = join(__dirname, '..', '..', '..');
const MEI = '712020:263467eb-d198-3786-8f77-e0744ed09341';
const dir = mkdtempSync(join(tmpdir(), 'okr-owners-'));
const orgPath = join(dir, 'acme.yaml');
writeFileSync(orgPath, readFileSync(join(root, 'examples', 'acme.yaml'), 'utf8').replaceAll('mei@acme.example', MEI));

let emulator: JiraEmulator;
beforeAll(async () => {
  emulator = await startJiraEmulator({ site: loadSnapshotFile(join(root, 'examples', 'acme-issues.json')), auth: credentials });
});
afterAll(() => emulator.stop());
beforeEach(() => {
  emulator.resetStats();
  emulator.setFaults({});
});

async function okr(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: {}, clock: () => 0, now: () => '2026-11-15T09:00:00Z' });
  return { code, stdout, stderr };
}

const live = ['--jira', '', '--email', credentials.email, '--token', credentials.token, '--at', '2026-11-15'];
const login = () => live.map((a) => (a === '' ? emulator.url : a));
/** The agenda line of Finance's blocked dependency on Platform, whose owner presents it. */
const platformLine = (stdout: string) => stdout.split('\n').find((l) => l.includes('Finance needs') && l.includes('from Platform'));

describe('owners in okr report', () => {
  it('are named from Jira when the file holds account ids, in one bulk call', async () => {
    const { code, stdout } = await okr(['report', orgPath, ...login()]);
    expect(code).toBe(0);
    expect(platformLine(stdout)).toMatch(/— Mei Lin$/);
    expect(stdout).not.toContain(MEI);
    // Owners held as emails are named when Jira shows a person with that email (Raj does), and
    // print as they are when it does not (Jonas hides his).
    expect(stdout).toMatch(/— Raj Patel$/m);
    expect(stdout).not.toContain('raj@acme.example');
    expect(stdout).toMatch(/— jonas@acme\.example$/m);
    expect(emulator.stats().byEndpoint['GET /rest/api/3/user/bulk']).toBe(1);
    expect(emulator.stats().byEndpoint['GET /rest/api/3/user/search']).toBe(20);
  });

  it('print as the file holds them in the snapshot form, with no Jira to ask', async () => {
    const { code, stdout, stderr } = await okr(['report', orgPath, '--issues', join(root, 'examples', 'acme-issues.json'), '--at', '2026-11-15']);
    expect(code).toBe(0);
    expect(platformLine(stdout)).toMatch(new RegExp(`— ${MEI}$`));
    expect(stderr).toBe('');
    expect(emulator.stats().byEndpoint).toEqual({});
  });
});
