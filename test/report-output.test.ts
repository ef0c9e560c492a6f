/**
 * The CLI's report and lint output, byte for byte, over orgs of every shape the pipeline
 * reads (the Acme example with its issue snapshot, many objectives, a long alignment chain,
 * flat departments): each output's SHA-256 was recorded from the CLI before its report and
 * parse pipeline was reworked for memory (and again, from that same pipeline, when the text
 * came to write its dates in the reader's words), so a change of any byte fails here.
 * `PRINT_OUTPUT_SHA=1` prints what each case writes, in the form recorded below.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { departmentChain, flatDepartments, manyObjectives, objectiveChain } from '@okr-bridge/core/testing';
import { runCli } from '../cli/src/main';

const root = join(__dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'okr-report-output-'));
const files: Record<string, string> = {
  acme: join(root, 'examples/acme.yaml'),
  many: join(dir, 'many.yaml'),
  chain: join(dir, 'chain.yaml'),
  departments: join(dir, 'departments.yaml'),
  flat: join(dir, 'flat.yaml'),
  'bad-shape': join(dir, 'bad-shape.yaml'),
  'bad-reference': join(dir, 'bad-reference.yaml'),
};
const acmeIssues = join(root, 'examples/acme-issues.json');
const empty = join(dir, 'issues.json');

beforeAll(() => {
  writeFileSync(files.many!, manyObjectives(1_200));
  writeFileSync(files.chain!, objectiveChain(300));
  writeFileSync(files.departments!, departmentChain(200));
  writeFileSync(files.flat!, flatDepartments(150));
  // Errors deep in a long list of objectives (read in slices): a shape error and a reference error, located.
  writeFileSync(files['bad-shape']!, manyObjectives(1_200).replace('kind: metric, start: 0, target: 100, current: 3 }', 'kind: metrik, start: 0 }').replace('title: Objective 900,', 'title: 9,'));
  writeFileSync(files['bad-reference']!, manyObjectives(1_200).replace('alignedTo: [{ kr: C1-KR1 }], keyResults: [{ id: O777-KR1', 'alignedTo: [{ kr: C1-KR9 }], keyResults: [{ id: O777-KR1'));
  writeFileSync(empty, '{ "issues": [] }\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function output(args: string[]): Promise<{ code: number; sha: string; chars: number }> {
  const hash = createHash('sha256');
  let chars = 0;
  const code = await runCli(args, {
    stdout: (s) => {
      hash.update(s);
      chars += s.length;
    },
    stderr: (s) => hash.update(`stderr:${s.split(dir).join('<dir>')}`),
    isTTY: false,
    now: () => '2026-11-15T09:00:00Z',
    // The dates in the text are in the reader's words: one reader here, whatever the machine's locale.
    viewer: { locale: 'en-GB', timeZone: 'UTC' },
  });
  return { code, sha: hash.digest('hex').slice(0, 16), chars };
}

const cases: [string, string[]][] = [
  ['acme report', ['report', 'acme', '--issues', 'acme-issues', '--at', '2026-11-15']],
  ['acme report --json', ['report', 'acme', '--issues', 'acme-issues', '--at', '2026-11-15', '--json']],
  ['acme report of a department since a date', ['report', 'acme', '--issues', 'acme-issues', '--at', '2026-12-01', '--department', 'eng', '--since', '2026-10-20']],
  ['acme report --json at the cycle end', ['report', 'acme', '--issues', 'acme-issues', '--at', '2026-12-31', '--json']],
  ['acme lint', ['lint', 'acme', '--issues', 'acme-issues', '--at', '2026-11-15']],
  ['acme lint --json', ['lint', 'acme', '--at', '2026-11-15', '--json']],
  ['many report', ['report', 'many', '--issues', 'empty', '--at', '2026-11-15']],
  ['many report --json', ['report', 'many', '--issues', 'empty', '--at', '2026-11-15', '--json']],
  ['many lint', ['lint', 'many', '--at', '2026-11-15']],
  ['many lint --json', ['lint', 'many', '--at', '2026-11-15', '--json']],
  ['chain report', ['report', 'chain', '--issues', 'empty', '--at', '2026-11-15']],
  ['chain report --json', ['report', 'chain', '--issues', 'empty', '--at', '2026-11-15', '--json']],
  ['chain lint', ['lint', 'chain', '--at', '2026-11-15']],
  ['department chain report', ['report', 'departments', '--issues', 'empty', '--at', '2026-11-15']],
  ['flat departments report --json', ['report', 'flat', '--issues', 'empty', '--at', '2026-11-15', '--json']],
  ['flat departments lint', ['lint', 'flat', '--at', '2026-11-15']],
  ['shape errors', ['lint', 'bad-shape', '--at', '2026-11-15']],
  ['shape errors in a report', ['report', 'bad-shape', '--issues', 'empty', '--at', '2026-11-15', '--json']],
  ['reference error', ['lint', 'bad-reference', '--at', '2026-11-15']],
];

const paths: Record<string, string> = { ...files, 'acme-issues': acmeIssues, empty };

describe('the CLI output is unchanged, byte for byte', () => {
  it.each(cases)('%s', async (name, args) => {
    const got = await output(args.map((a) => paths[a] ?? a));
    if (process.env.PRINT_OUTPUT_SHA) console.log(`OUT '${name}': '${got.code} ${got.sha} ${got.chars}',`);
    expect(`${got.code} ${got.sha} ${got.chars}`).toBe(RECORDED[name]);
  });
});

// exit code, the first 16 hex digits of the SHA-256 of stdout and stderr, the characters written.
const RECORDED: Record<string, string> = {
  'acme report': '0 84d40b304958f70a 20783',
  'acme report --json': '0 ea345b9e1824221b 50259',
  'acme report of a department since a date': '0 db45f065cbd5ea6c 24889',
  'acme report --json at the cycle end': '0 7f069e048a86be1e 55872',
  'acme lint': '0 52c4bc75a6ec5f74 512',
  'acme lint --json': '0 29e907fe901d60a8 316',
  'many report': '0 dd793801f0ce86ab 551162',
  'many report --json': '0 09cc57e39a213be7 1133688',
  'many lint': '0 df5977586836df88 209442',
  'many lint --json': '0 2b14eac4c2195175 326091',
  'chain report': '0 45d263c733f13bc7 76112',
  'chain report --json': '0 67ba9e38dd76b519 156020',
  'chain lint': '1 3ec442a4e26c858b 381',
  'department chain report': '0 7a40bb4a68dd4022 38336',
  'flat departments report --json': '0 aa19e75748c7f43f 160805',
  'flat departments lint': '1 3d3eac9d0df98e46 12886',
  'shape errors': '2 04157aaa16bd0d32 0',
  'shape errors in a report': '2 8fc44fb58b13a2ed 0',
  'reference error': '2 96e55bcf72ea132e 0',
};
