import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './main';

const root = join(__dirname, '..', '..');
const acme = join(root, 'examples', 'acme.yaml');
const snapshot = join(root, 'examples', 'acme-issues.json');

const paris = { locale: 'en-GB', timeZone: 'Europe/Paris' };

async function run(...argv: string[]) {
  return runAs(paris, ...argv);
}

async function runAs(viewer: { locale: string; timeZone: string }, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, now: () => '2026-11-15T09:00:00Z', viewer });
  return { code, stdout, stderr };
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'okr-cli-')), name);
  writeFileSync(path, text);
  return path;
}

describe('okr report', () => {
  it('prints a readable table with the company, departments, objectives and agenda', async () => {
    const { code, stdout, stderr } = await run('report', acme, '--issues', snapshot, '--at', '2026-11-15');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Acme — cycle 2026-Q4 (1 Oct 2026 → 31 Dec 2026), at 15 Nov 2026');
    expect(stdout).toContain('Company progress 43% (On track): 43% done against 49% expected by today → on track\n');
    expect(stdout).toContain('\nPlatform               53%  On track           3        0  53% done against 49% expected by today → on track\n');
    expect(stdout).toContain('\nSales                  34%  Behind             3        1  34% done against 49% expected by today → behind\n');
    expect(stdout).toContain('Acme OKR review, 45 minutes, changes since 1 Nov 2026:');
  });

  it("prints each key result with the views' percent, status, value and status sentence, and each dependency with its labels", async () => {
    const { stdout } = await run('report', acme, '--issues', snapshot, '--at', '2026-11-15');
    const line = (id: string) => stdout.split('\n').find((l) => l.trimStart().startsWith(`${id} `))!;
    expect(line('mkt-o3-kr2').split(/ {2,}/)).toEqual(['', 'mkt-o3-kr2', 'Publish 8 customer case studies', '13%', 'At risk', '1 case study (from 0 to 8 case studies)', '13% done against 49% expected by today → at risk']);
    expect(line('eng-o3').split(/ {2,}/)).toEqual([
      'eng-o3',
      'Build the analytics workspace with Product',
      '34%',
      'Behind',
      'score 0.3',
      '34% done against 49% expected by today → behind; key result "Build the workspace query engine and chart library" at risk',
    ]);
    expect(line('dep-usage-metering').split(/ {2,}/)).toEqual(['dep-usage-metering', 'Usage metering export for billing', 'Finance', 'Platform', 'Blocked', 'PLAT-41: status is Blocked']);
    expect(stdout).toMatch(/stale-check-in +mkt-o3-kr2 +Key result "Publish 8 customer case studies" was last checked in on 6 Oct 2026/);
  });

  it('writes every date of its text, in fields and inside sentences, in the reader\'s words: no ISO date is left', async () => {
    const report = await runAs({ locale: 'en-US', timeZone: 'America/New_York' }, 'report', acme, '--issues', snapshot, '--at', '2026-11-15');
    const lint = await runAs({ locale: 'en-US', timeZone: 'America/New_York' }, 'lint', acme, '--at', '2026-11-15');
    expect(report.stdout).toContain('Acme — cycle 2026-Q4 (Oct 1, 2026 → Dec 31, 2026), at Nov 15, 2026');
    expect(lint.stdout).toContain('was last checked in on Oct 6, 2026');
    expect(report.stdout.match(/\d{4}-\d{2}-\d{2}/g)).toBeNull();
    expect(lint.stdout.match(/\d{4}-\d{2}-\d{2}/g)).toBeNull();
  });

  it('takes the system\'s locale and time zone from the environment when no one gives a viewer', () => {
    const out = execFileSync('npx', ['okr', 'report', acme, '--issues', snapshot, '--at', '2026-11-15'], { cwd: root, encoding: 'utf8', env: { ...process.env, LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8', TZ: 'Asia/Tokyo' } });
    expect(out).toContain('Acme — cycle 2026-Q4 (01.10.2026 → 31.12.2026), at 15.11.2026');
  });

  it("prints every line of the README's excerpt as it stands there", async () => {
    const { stdout } = await run('report', acme, '--issues', snapshot, '--at', '2026-11-15');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const excerpt = /an excerpt:\n\n```text\n([\s\S]*?)\n```/.exec(readme)?.[1];
    const lines = (excerpt ?? '').split('\n').filter((l) => l !== '' && l !== '…');
    expect(lines.length).toBeGreaterThan(10);
    const printed = new Set(stdout.split('\n'));
    expect(lines.filter((l) => !printed.has(l))).toEqual([]);
  });

  it('lists the company objectives, then each department in the order of the org file', async () => {
    const { stdout } = await run('report', acme, '--issues', snapshot, '--at', '2026-11-15');
    const objectives = stdout.split('\n').filter((l) => /^[a-z]+-o\d+ /.test(l)).map((l) => l.split(' ')[0]);
    expect(objectives.slice(0, 5)).toEqual(['acme-o1', 'acme-o2', 'acme-o3', 'eng-o1', 'eng-o2']);
    expect(objectives).toHaveLength(26);
  });

  it('defaults --at to today', async () => {
    const { stdout } = await run('report', acme, '--issues', snapshot, '--json');
    expect(JSON.parse(stdout).at).toBe('2026-11-15');
  });

  it('builds a department agenda when asked', async () => {
    const { stdout } = await run('report', acme, '--issues', snapshot, '--at', '2026-11-15', '--department', 'fin', '--minutes', '10', '--json');
    const agenda = JSON.parse(stdout).agenda as { kind: string; subject: string; minutes: number }[];
    expect(agenda.map((i) => i.subject)).toEqual(['dep-renewal-data', 'dep-usage-metering']);
    expect(agenda.reduce((s, i) => s + i.minutes, 0)).toBeLessThanOrEqual(10);
  });

  it('refuses an unknown department and names the known ones', async () => {
    const { code, stderr } = await run('report', acme, '--issues', snapshot, '--department', 'hr');
    expect(code).toBe(2);
    expect(stderr).toBe('okr report: --department: expected one of eng, plat, prod, mkt, sales, cs, fin, got "hr"\n');
  });

  it('exits 2 naming the missing snapshot option', async () => {
    const { code, stderr } = await run('report', acme);
    expect(code).toBe(2);
    expect(stderr).toContain('expected --issues SNAPSHOT');
  });

  it('exits 2 on a file that does not exist', async () => {
    const { code, stderr } = await run('report', '/nonexistent/org.yaml', '--issues', snapshot);
    expect(code).toBe(2);
    expect(stderr).toBe('okr report: cannot read the org file /nonexistent/org.yaml: no such file\n');
  });

  it('exits 2 on a snapshot that is not JSON, naming the file', async () => {
    const bad = tempFile('issues.json', '{ "issues": [');
    const { code, stderr } = await run('report', acme, '--issues', bad);
    expect(code).toBe(2);
    expect(stderr).toContain(`${bad}: expected a JSON issue snapshot ({ "issues": [...] }), but it is not valid JSON`);
  });

  it('exits 2 on a snapshot of the wrong shape, naming the path', async () => {
    const bad = tempFile('issues.json', JSON.stringify({ issues: [{ id: '1', key: 'ENG-1', fields: { created: '2026-10-01' } }] }));
    const { code, stderr } = await run('report', acme, '--issues', bad);
    expect(code).toBe(2);
    expect(stderr).toBe(`okr report: ${bad} issues[0].fields.status: Invalid input: expected object, received undefined\n`);
  });

  it('exits 2 on a bad date', async () => {
    const { code, stderr } = await run('report', acme, '--issues', snapshot, '--at', '15/11/2026');
    expect(code).toBe(2);
    expect(stderr).toBe('okr report: --at: expected a date YYYY-MM-DD or an ISO instant, got "15/11/2026"\n');
  });

  it('exits 2 on an unknown option', async () => {
    const { code, stderr } = await run('report', acme, '--issues', snapshot, '--verbose');
    expect(code).toBe(2);
    expect(stderr).toContain("Unknown option '--verbose'");
  });
});

describe('okr report and okr snapshot, live forms (no site needed)', () => {
  it('refuses both --issues and --jira', async () => {
    const { code, stderr } = await run('report', acme, '--issues', snapshot, '--jira', 'https://acme.atlassian.net');
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('okr report: expected either --issues SNAPSHOT or --jira URL, not both');
  });

  it('refuses credentials given with a snapshot', async () => {
    const { code, stderr } = await run('report', acme, '--issues', snapshot, '--token', 'secret-token-1');
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('okr report: --email, --token and --bearer go with --jira URL, not with --issues');
    expect(stderr).not.toContain('secret-token-1');
  });

  it('refuses a site address that is not http(s), before any call', async () => {
    const { code, stderr } = await run('report', acme, '--jira', 'ftp://acme.example', '--bearer', 'b3arer');
    expect(code).toBe(2);
    expect(stderr).toBe('okr report: Jira base URL: expected an http(s) URL, got the protocol "ftp:"\n');
  });

  it('asks okr snapshot for --jira and one org file', async () => {
    const missing = await run('snapshot', acme);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('okr snapshot: expected --jira URL (the Jira site to read)\nusage: okr snapshot FILE --jira URL [--email E --token T | --bearer TOKEN] > issues.json\n');
    const two = await run('snapshot', acme, acme, '--jira', 'https://acme.atlassian.net');
    expect(two.stderr.split('\n')[0]).toBe('okr snapshot: expected one org file');
  });
});

describe('okr lint', () => {
  it('exits 0 with warnings only for the example and finds the undeclared link with a snapshot', async () => {
    const { code, stdout } = await run('lint', acme, '--issues', snapshot, '--at', '2026-11-15', '--json');
    expect(code).toBe(0);
    const lint = JSON.parse(stdout).lint as { code: string; severity: string; subject: string }[];
    expect(lint.map((f) => [f.severity, f.code, f.subject])).toEqual([
      ['warning', 'hidden-dependency', 'FIN-29→MKT-83'],
      ['warning', 'stale-check-in', 'mkt-o3-kr2'],
    ]);
  });

  it('names key results by title in its messages and keeps the id as the subject', async () => {
    const { code, stdout } = await run('lint', acme, '--issues', snapshot, '--at', '2026-11-15');
    expect(code).toBe(0);
    expect(stdout).toMatch(/\nwarning +stale-check-in +mkt-o3-kr2 +Key result "Publish 8 customer case studies" was last checked in on 6 Oct 2026, 40 days ago; expected a check-in at least every 14 days\n/);
  });

  it('exits 1 when a finding is an error', async () => {
    const org = tempFile(
      'org.yaml',
      `version: 1
cycle: { id: Q, start: 2026-10-01, end: 2026-12-31 }
company: { id: co, name: Co }
departments: [{ id: eng, name: Engineering }]
objectives:
  - { id: E1, title: Ship, department: eng, owner: a@x.example, keyResults: [{ id: K1, title: Speed, kind: metric, start: 1, owner: a@x.example }] }
`,
    );
    const { code, stdout } = await run('lint', org, '--at', '2026-10-02');
    expect(code).toBe(1);
    expect(stdout).toMatch(/error\s+objective-count\s+eng/);
    expect(stdout).toMatch(/error\s+kr-no-target\s+K1/);
  });

  it('exits 2 with the file and line of a parse error', async () => {
    const org = tempFile('org.yaml', 'version: 1\ncycle: { id: Q, start: 2026-10-01, end: soon }\n');
    const { code, stderr } = await run('lint', org);
    expect(code).toBe(2);
    expect(stderr).toContain(`${org}:2:`);
    expect(stderr).toContain('cycle.end: expected a date written YYYY-MM-DD, got "soon"');
  });
});

describe('okr', () => {
  it('prints help and refuses unknown commands', async () => {
    const help = (await run('help')).stdout;
    expect(help).toContain('usage: okr report FILE --issues SNAPSHOT');
    expect(help).toContain('       okr report FILE --jira URL [--email E --token T | --bearer TOKEN] [--at YYYY-MM-DD]');
    expect(help).toContain('usage: okr snapshot FILE --jira URL [--email E --token T | --bearer TOKEN] > issues.json');
    const unknown = await run('grade');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('okr: unknown command "grade"');
  });

  it('runs as `npx okr` from the repository root', () => {
    const out = execFileSync('npx', ['okr', 'report', 'examples/acme.yaml', '--issues', 'examples/acme-issues.json', '--at', '2026-11-15', '--json'], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out).expected).toBe(0.4891);
  });
});
