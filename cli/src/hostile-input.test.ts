import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { objectiveChain } from '@okr-bridge/core/testing';
import { formatTable, MAX_PAD_WIDTH } from './format/table';
import { runCli } from './main';

const snapshot = join(__dirname, '..', '..', 'examples', 'acme-issues.json');

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, now: () => '2026-11-15T09:00:00Z' });
  return { code, stdout, stderr };
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'okr-hostile-')), name);
  writeFileSync(path, text);
  return path;
}

const org = (kr: string) => `version: 1
cycle: { id: Q, start: 2026-10-01, end: 2026-12-31 }
company: { id: co, name: Co }
departments: [{ id: eng, name: Engineering }]
objectives:
  - id: E1
    title: Ship
    department: eng
    keyResults:
      - ${kr}
`;

describe('okr on hostile org files', () => {
  it('answers an alias bomb with a located error and exit 2, not an internal error', async () => {
    const path = tempFile('bomb.yaml', `${org('{ id: K1, title: Go, kind: milestone }')}a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n`);
    const { code, stderr } = await run('lint', path);
    expect(code).toBe(2);
    expect(stderr).toBe(`okr lint: ${path}:12:8: expected aliases to expand to at most 100 values, but they expand to more (aliases of aliases grow exponentially); write the values out instead\n`);
  });

  it('answers an alias to no anchor with a located error and exit 2', async () => {
    const path = tempFile('alias.yaml', org('*missing'));
    const { code, stderr } = await run('report', path, '--issues', snapshot);
    expect(code).toBe(2);
    expect(stderr).toBe(`okr report: ${path}:10:9: expected the anchor &missing to be set before the alias *missing, but it is not\n`);
  });

  it('reports a chain of 5,000 aligned objectives (no stack overflow)', async () => {
    const path = tempFile('chain.yaml', objectiveChain(5000));
    const { code, stdout } = await run('report', path, '--issues', snapshot, '--at', '2026-11-15', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).objectives[0]).toEqual({ id: 'O0', progress: 0.5, status: 'on-track', score: 0.5 });
  });
});

describe('okr on key result JQL', () => {
  it('lint flags a JQL with a syntax error with the file, line, path and key result', async () => {
    const path = tempFile('jql.yaml', org('{ id: K1, title: Go, kind: jira, jql: "project = ENG AND" }'));
    const { code, stderr } = await run('lint', path);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `okr lint: ${path}:10:47 objectives[0].keyResults[0].jql: key result K1: Error in the JQL Query: Expecting a field name before the end of the query. (line 1, character 18)\n`,
    );
  });

  it('report over a snapshot names the file and the key result whose JQL the snapshot cannot answer', async () => {
    const path = tempFile('jql.yaml', org('{ id: K1, title: Go, kind: jira, jql: "labels = okr" }'));
    const { code, stderr } = await run('report', path, '--issues', snapshot, '--at', '2026-11-15');
    expect(code).toBe(2);
    expect(stderr).toBe(
      `okr report: ${path}:10:47 objectives[0].keyResults[0].jql: key result K1: Field 'labels' is not supported by this JQL subset; the supported fields are parent, key (issuekey), project, issuetype (type), status, statusCategory, updated, created, duedate, resolutiondate. (line 1, character 1); a report over a snapshot evaluates this JQL itself, so it must use the subset (or run the report with --jira)\n`,
    );
  });
});

describe('text tables', () => {
  it('grow with the text, not with rows times the widest cell', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [`id${i}`, i === 0 ? 'x'.repeat(100_000) : 'short', 'last']);
    const text = formatTable(['Id', 'Text', 'More'], rows);
    const cells = rows.reduce((n, r) => n + r.join('').length, 0);
    expect(text.length).toBeLessThan(cells + rows.length * (2 * MAX_PAD_WIDTH + 8));
    expect(text.split('\n').slice(2, 4)).toEqual([`id0     ${'x'.repeat(100_000)}  last`, 'id1     short  last']);
  });

  it('pads columns to their widest cell when it is narrow', () => {
    expect(formatTable(['A', 'B'], [['xx', 'y'], ['x', 'yyy']], ['r'])).toBe(' A  B\n──  ───\nxx  y\n x  yyy');
  });
});
