import { departmentChain } from '../testing/org-shapes';
import { isOkrError, OkrError } from './errors';
import { ORG_LIMITS } from './limits';
import { MAX_REPORTED_ISSUES, parseOrg, validateOrg } from './parse-org';

const base = `version: 1
cycle: { id: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
company: { id: acme, name: Acme }
departments:
  - { id: eng, name: Engineering }
objectives:
  - id: E1
    title: Ship
    department: eng
    keyResults:
      - { id: E1-KR1, title: Epics, kind: jira, jql: "project = ENG" }
`;

function errorOf(fn: () => unknown): OkrError {
  try {
    fn();
  } catch (e) {
    if (isOkrError(e)) return e;
    throw e;
  }
  throw new Error('expected an OkrError');
}

describe('YAML aliases', () => {
  it('refuses an alias bomb with the file, line and column of the first alias', () => {
    const bomb = `${base}x: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]
y: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
z: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
w: [*c, *c, *c, *c, *c, *c, *c, *c, *c]
`;
    const e = errorOf(() => parseOrg(bomb, 'bomb.yaml'));
    expect(e.code).toBe('invalid-org-file');
    expect(e.issues).toEqual([
      { where: 'bomb.yaml:13:8', message: 'expected aliases to expand to at most 100 values, but they expand to more (aliases of aliases grow exponentially); write the values out instead' },
    ]);
  });

  it('refuses an alias to an anchor that is not set, where the alias is', () => {
    const e = errorOf(() => parseOrg(base.replace('department: eng', 'department: *dept'), 'org.yaml'));
    expect(e.issues).toEqual([{ where: 'org.yaml:9:17', message: 'expected the anchor &dept to be set before the alias *dept, but it is not' }]);
  });

  it('reads aliases that resolve', () => {
    const org = parseOrg(base.replace('{ id: eng, name: Engineering }', '{ id: &e eng, name: Engineering }').replace('department: eng', 'department: *e'));
    expect(org.objectives[0]!.department).toBe('eng');
  });
});

describe('nesting no org file has', () => {
  it('refuses brackets nested thousands deep before parsing them', () => {
    const e = errorOf(() => parseOrg(`x: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`, 'deep.yaml'));
    expect(e.issues).toEqual([{ where: 'deep.yaml:1:68', message: 'expected brackets nested at most 64 deep (an org file nests a few levels), but they nest deeper' }]);
  });

  it('refuses block nesting indented past 256 columns', () => {
    const text = `x:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 2)}- \n`).join('')}`;
    const e = errorOf(() => parseOrg(text, 'deep.yaml'));
    expect(e.issues[0]!.where).toBe('deep.yaml:255:257');
  });
});

describe('graphs over thousands of parts', () => {
  it('reads a chain of 3,000 departments, each the parent of the next', () => {
    const org = parseOrg(departmentChain(3000), 'chain.yaml');
    expect(org.departments).toHaveLength(3000);
    expect(org.departments[2999]!.parent).toBe('d2998');
  });

  it('checks the tree of a 3,000-department chain within a time bound (the check was cubic: 26 s)', () => {
    const input = { ...parseOrg(departmentChain(3000)), objectives: [] };
    const started = performance.now();
    validateOrg(input);
    // A bound a hundred times above what a linear check takes, far below what a cubic one did.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('names a loop closed at the end of a chain of 3,000 departments', () => {
    const looped = departmentChain(3000).replace('- { id: d0, name: Department 0 }', '- { id: d0, name: Department 0, parent: d2999 }');
    const e = errorOf(() => parseOrg(looped, 'chain.yaml'));
    expect(e.code).toBe('alignment-cycle');
    expect(e.issues[0]!.message).toMatch(/^the department tree loops: d0 → d2999 → d2998 → .* → d1 → d0$/);
  });
});

describe('limits of the hosts downstream', () => {
  it('refuses an id longer than the limit, naming the file, line and path', () => {
    const long = 'x'.repeat(600);
    const e = errorOf(() => parseOrg(base.replace('id: eng,', `id: ${long},`).replace('department: eng', `department: ${long}`), 'org.yaml'));
    expect(e.issues).toEqual([
      { where: 'org.yaml:5:11 departments[0].id', message: `expected an id of at most ${ORG_LIMITS.idLength} characters (the Jira app stores it in a storage key), got 600` },
      { where: 'org.yaml:9:17 objectives[0].department', message: `expected an id of at most ${ORG_LIMITS.idLength} characters (the Jira app stores it in a storage key), got 600` },
    ]);
  });

  it('refuses weights above the limit', () => {
    const e = errorOf(() => parseOrg(base.replace('kind: jira,', 'kind: jira, weight: 1e308,'), 'org.yaml'));
    expect(e.issues).toEqual([{ where: 'org.yaml:11:57 objectives[0].keyResults[0].weight', message: 'expected a weight of at most 100, got 1e+308' }]);
  });

  it('lists at most 100 problems and says how many more there are', () => {
    const many = `${base}checkIns:\n${Array.from({ length: 150 }, (_, i) => `  - { kr: nope${i}, date: 2026-10-02 }\n`).join('')}`;
    const e = errorOf(() => parseOrg(many, 'org.yaml'));
    expect(e.issues).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(e.issues.at(-1)).toEqual({ where: '', message: '…and 50 more problems like these' });
  });
});

describe('key result JQL', () => {
  it('refuses a JQL with a syntax error, naming the file, line, path and key result', () => {
    const e = errorOf(() => parseOrg(base.replace('"project = ENG"', '"project = ENG AND"'), 'org.yaml'));
    expect(e.code).toBe('invalid-jql');
    expect(e.issues).toEqual([
      { where: 'org.yaml:11:54 objectives[0].keyResults[0].jql', message: "key result E1-KR1: Error in the JQL Query: Expecting a field name before the end of the query. (line 1, character 18)" },
    ]);
  });

  it('accepts JQL that Jira answers though the snapshot subset does not evaluate it', () => {
    expect(parseOrg(base.replace('"project = ENG"', '"labels = okr"')).objectives[0]!.keyResults[0]).toMatchObject({ jql: 'labels = okr' });
  });
});

describe('one round of errors', () => {
  it('reports the broken shapes and the broken references of the same file together', () => {
    const text = `${base}  - { id: E2, title: Fast, department: sales, keyResults: [{ id: E2-KR1, title: Latency, kind: metric, start: lots }] }
  - { id: E3, title: Launch, department: eng, alignedTo: [{ kr: E2-KR1 }, { kr: gone }], keyResults: [] }
checkIns:
  - { kr: E1-KR9, date: 2026-10-02 }
`;
    const e = errorOf(() => parseOrg(text, 'org.yaml'));
    expect(e.code).toBe('invalid-org-file');
    expect(e.issues.map((i) => `${i.where}: ${i.message}`)).toEqual([
      'org.yaml:12:111 objectives[1].keyResults[0].start: Invalid input: expected number, received string',
      'org.yaml:12:40 objectives[1].department: expected the company id "acme" or a department id, got "sales"',
      'org.yaml:13:81 objectives[2].alignedTo[1].kr: expected a key result id, got "gone"',
      'org.yaml:15:11 checkIns[0].kr: expected a key result id, got "E1-KR9"',
    ]);
  });
});
