/**
 * Fuzzing what users hand the product: org files (as YAML data mutated, as text mutated) through
 * the parser, lint and the report (JSON and text), and issue snapshots through their parser
 * and the report. Every input must give a located error (`OkrError`, each issue naming the file)
 * or a result, never another exception, within a time bound. Seeded, so a failure replays; the
 * runs are sized to take about a minute together on a shared machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { checkSnapshotJql, datesFor, evaluateOrg, isOkrError, lintOrg, parseIssueSnapshot, parseOrgFile, toReportJson, type IssueFacts, type OkrError, type Org } from '@okr-bridge/core';
import { formatReport } from '../cli/src/format/report-text';

const ACME_TEXT = readFileSync(join(__dirname, '..', 'examples', 'acme.yaml'), 'utf8');
const ACME = parseOrgFile(ACME_TEXT, 'acme.yaml').org;
const ALL_ISSUES = JSON.parse(readFileSync(join(__dirname, '..', 'examples', 'acme-issues.json'), 'utf8')) as { issues: unknown[] };
const SNAPSHOT = { issues: ALL_ISSUES.issues.slice(0, 60) };
const ISSUES = parseIssueSnapshot(SNAPSHOT, ACME.jira, 'issues.json');
const AT = '2026-11-15';
/** Per input; a hundred times what a normal input takes, far below a hang. */
const TIME_BOUND_MS = 3000;

/** Values that have broken parsers before: edges of numbers, long and special strings, ids of the example. */
const nasty = fc.constantFrom<unknown>(
  1e308, -1e308, Number.MAX_VALUE, 5e-324, -0, 0, 1, -1, 1_000_001, 0.5,
  '', ' ', 'x'.repeat(600), '__proto__', 'constructor', 'toString', 'hasOwnProperty',
  'eng', 'plat', 'acme', 'eng-o1', 'eng-o1-kr1', 'ENG-1', 'FIN-29',
  'project = ENG AND', 'labels = okr', 'parent in (ENG-1) ORDER BY rank', '((((', '2026-13-45', '2026-10-01',
  'metric', 'milestone', 'jira', 'rollup', null, true, false, [], {},
);
const value = fc.oneof({ weight: 3, arbitrary: nasty }, { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) });

type Edit = { readonly path: readonly number[]; readonly kind: 'delete' | 'replace' | 'copy'; readonly value: unknown };
const edits = fc.array(fc.record({ path: fc.array(fc.nat(), { minLength: 1, maxLength: 7 }), kind: fc.constantFrom<Edit['kind']>('delete', 'replace', 'copy'), value }), { minLength: 1, maxLength: 4 });

/** Applies edits to a deep copy: each path picks children by index modulo their count. */
function mutate(data: unknown, list: readonly Edit[]): unknown {
  const root = structuredClone(data) as Record<string, unknown>;
  for (const edit of list) {
    let parent: Record<string | number, unknown> = root;
    let key: string | number | undefined;
    for (const step of edit.path) {
      const node: unknown = key === undefined ? parent : parent[key];
      if (typeof node !== 'object' || node === null) break;
      const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
      if (keys.length === 0) break;
      if (key !== undefined) parent = node as Record<string | number, unknown>;
      key = keys[step % keys.length]!;
    }
    if (key === undefined) continue;
    if (edit.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (edit.kind === 'replace') parent[key] = edit.value;
    else if (Array.isArray(parent)) parent.push(structuredClone(parent[key]));
    else parent[key] = structuredClone(parent[key as string] ?? edit.value);
  }
  return root;
}

function expectLocated(e: OkrError, source: string): void {
  expect(e.issues.length).toBeGreaterThan(0);
  e.issues.forEach((issue, i) => {
    const last = i === e.issues.length - 1;
    // Every issue names the file; only a closing "…and N more" line may stand alone.
    if (!(last && issue.where === '' && issue.message.startsWith('…and '))) expect(issue.where.startsWith(source)).toBe(true);
    expect(issue.message.length).toBeGreaterThan(0);
  });
}

/** An org through everything that reads one: lint, the report (JSON and text) over the issues. */
function readAll(org: Org, issues: readonly IssueFacts[], locate: (p: readonly PropertyKey[]) => string): void {
  lintOrg(org, { at: AT, hidden: [] });
  checkSnapshotJql(org, AT, locate);
  const evaluation = evaluateOrg(org, issues, { at: AT });
  const json = toReportJson(evaluation);
  for (const o of json.objectives) expect(o.progress >= 0 && o.progress <= 1).toBe(true);
  for (const k of json.keyResults) expect(k.progress >= 0 && k.progress <= 1).toBe(true);
  expect(JSON.stringify(json).length).toBeGreaterThan(0);
  expect(formatReport(org, evaluation, datesFor({ locale: 'en-GB', timeZone: 'UTC' })).length).toBeGreaterThan(0);
}

/** Runs `work`; an `OkrError` must be located in `source`, anything else thrown fails; all within the bound. */
function answers(source: string, work: () => void): void {
  const started = performance.now();
  try {
    work();
  } catch (e) {
    if (!isOkrError(e)) throw e;
    expectLocated(e, source);
  }
  expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
}

function orgText(text: string, issues: readonly IssueFacts[] = ISSUES): void {
  answers('org.yaml', () => {
    const { org, locate } = parseOrgFile(text, 'org.yaml');
    readAll(org, issues, locate);
  });
}

describe('fuzz: org files', () => {
  it('mutated org data, written as YAML, gives a located error or a report', () => {
    fc.assert(
      fc.property(edits, (list) => orgText(stringify(mutate(ACME, list), { lineWidth: 0 }))),
      { seed: 1101, numRuns: 120 },
    );
  });

  it('mutated org data, written as JSON, gives a located error or a report', () => {
    fc.assert(
      fc.property(edits, (list) => orgText(JSON.stringify(mutate(ACME, list), null, 1))),
      { seed: 1102, numRuns: 60 },
    );
  });

  it('org text with YAML syntax spliced in gives a located error or a report', () => {
    const syntax = fc.array(fc.constantFrom('&a ', '*a', '*b ', '[', ']', '{', '}', ': ', '- ', '#', '!', '!!int ', '|', '>', "'", '"', '\n', '  ', '\t', '<<: ', '? ', '%YAML 1.2\n', '---\n', '...\n', '\\', '\u0000', '\uFEFF'), { minLength: 1, maxLength: 6 });
    const splice = fc.tuple(fc.nat(), syntax).map(([at, parts]) => ({ at, text: parts.join('') }));
    fc.assert(
      fc.property(fc.array(splice, { minLength: 1, maxLength: 3 }), (splices) => {
        let text = ACME_TEXT;
        for (const s of splices) {
          const i = s.at % (text.length + 1);
          text = text.slice(0, i) + s.text + text.slice(i);
        }
        orgText(text);
      }),
      { seed: 1103, numRuns: 120 },
    );
  });

  it('org text with YAML fragments in place of values (aliases, anchors, tags, flow, edges) gives a located error or a report', () => {
    const lines = ACME_TEXT.split('\n');
    const valueLines = lines.flatMap((l, i) => (/^\s*-?\s*[A-Za-z]+: \S/.test(l) ? [i] : []));
    const fragment = fc.constantFrom(
      '*nope', '&a eng', '*a', '&a [1, 2]', '[*a, *a]', '&b { x: 1 }', '!!int 3', '!!str 3', '!custom x', '!!binary aGk=',
      '[1, [2, [3]]]', '{ a: { b: { c: 1 } } }', '|\n  text', '>-\n  folded', '"\\u0000"', "'it''s'", '~', '.nan', '-.inf', '0x1F', '0o17', '1e308', '-1e308',
      `&bomb [${Array(10).fill('x').join(', ')}]`, `[${Array(10).fill('*bomb').join(', ')}]`, `[${Array(10).fill('[*bomb, *bomb, *bomb, *bomb, *bomb, *bomb, *bomb, *bomb, *bomb, *bomb]').join(', ')}]`,
      'x'.repeat(2000), '2026-02-30', '"project = ENG AND"', '"labels = okr"',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fragment), { minLength: 1, maxLength: 4 }), (changes) => {
        const out = [...lines];
        for (const [n, text] of changes) {
          const i = valueLines[n % valueLines.length]!;
          out[i] = out[i]!.replace(/: .*$/, `: ${text}`);
        }
        orgText(out.join('\n'));
      }),
      { seed: 1106, numRuns: 120 },
    );
  });

  it('arbitrary text gives a located error', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (text) => orgText(text)), { seed: 1104, numRuns: 300 });
  });
});

describe('fuzz: issue snapshots', () => {
  it('mutated snapshots give a located error or a report', () => {
    fc.assert(
      fc.property(edits, (list) =>
        answers('issues.json', () => {
          const issues = parseIssueSnapshot(mutate(SNAPSHOT, list), ACME.jira, 'issues.json');
          readAll(ACME, issues, () => 'acme.yaml');
        }),
      ),
      { seed: 1105, numRuns: 150 },
    );
  });
});
