import { isOkrError, OkrError } from './errors';
import { manyObjectives } from '../testing/org-shapes';
import { parseOrg, validateOrg } from './parse-org';

const base = `version: 1
cycle: { id: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
company: { id: acme, name: Acme }
departments:
  - { id: eng, name: Engineering, jiraProjects: [ENG], owners: [ann@acme.example] }
  - { id: mkt, name: Marketing, jiraProjects: [MKT] }
objectives:
  - id: C1
    title: Grow
    department: acme
    keyResults:
      - { id: C1-KR1, title: Revenue, kind: rollup }
  - id: E1
    title: Ship
    department: eng
    alignedTo: [{ kr: C1-KR1 }]
    keyResults:
      - { id: E1-KR1, title: Launch, kind: milestone }
      - { id: E1-KR2, title: Epics, kind: jira, epics: [ENG-1], measure: points }
  - id: M1
    title: Tell
    department: mkt
    alignedTo: [{ kr: C1-KR1, weight: 2 }]
    keyResults:
      - { id: M1-KR1, title: Leads, kind: metric, start: 0, target: 100 }
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

describe('parseOrg', () => {
  it('reads a valid org file and fills the defaults', () => {
    const org = parseOrg(base, 'acme.yaml');
    expect(org.departments.map((d) => d.id)).toEqual(['eng', 'mkt']);
    expect(org.objectives[1]!.keyResults[1]).toEqual({ id: 'E1-KR2', title: 'Epics', kind: 'jira', epics: ['ENG-1'], measure: 'points', weight: 1 });
    expect(org.objectives[2]!.alignedTo).toEqual([{ kr: 'C1-KR1', weight: 2 }]);
    expect(org.jira.blockedStatuses).toEqual(['Blocked']);
    expect(org.settings.thresholds).toEqual({ onTrack: 0.7, behind: 0.4 });
    expect(org.settings.lint.staleCheckInDays).toBe(14);
  });

  it('reads the same org from JSON text', () => {
    const json = JSON.stringify(parseOrg(base));
    expect(parseOrg(json, 'acme.json')).toEqual(parseOrg(base));
  });

  it('names the file, line, path, what was expected and what was found', () => {
    const e = errorOf(() => parseOrg(base.replace('target: 100', 'target: lots'), 'acme.yaml'));
    expect(e.code).toBe('invalid-org-file');
    expect(e.message).toBe('acme.yaml:25:69 objectives[2].keyResults[0].target: Invalid input: expected number, received string');
  });

  it('points a missing key at its parent node', () => {
    const e = errorOf(() => parseOrg(base.replace('    title: Ship\n', ''), 'acme.yaml'));
    expect(e.message).toBe('acme.yaml:13:5 objectives[1].title: Invalid input: expected string, received undefined');
  });

  it('refuses a metric whose target is its start, at the target, with the start in the message', () => {
    const e = errorOf(() => parseOrg(base.replace('start: 0, target: 100', 'start: 2.8, target: 2.8'), 'acme.yaml'));
    expect(e.code).toBe('invalid-org-file');
    expect(e.message).toBe('acme.yaml:25:71 objectives[2].keyResults[0].target: expected a target different from the start (2.8)');
    // Objects (the Jira app's stored parts) get the same words.
    const org = parseOrg(base);
    const kr = { ...org.objectives[2]!.keyResults[0]!, target: 0 };
    const same = errorOf(() => validateOrg({ ...org, objectives: [org.objectives[0], org.objectives[1], { ...org.objectives[2]!, keyResults: [kr] }] }));
    expect(same.issues).toEqual([{ where: 'objectives[2].keyResults[0].target', message: 'expected a target different from the start (0)' }]);
  });

  it('lists the kinds a key result may have', () => {
    const e = errorOf(() => parseOrg(base.replace('kind: milestone', 'kind: okr'), 'acme.yaml'));
    expect(e.issues[0]!.message).toBe('expected kind to be one of metric, milestone, jira, rollup, got "okr"');
  });

  it('refuses unknown keys, catching typos', () => {
    const e = errorOf(() => parseOrg(base.replace('measure: points', 'mesure: points'), 'acme.yaml'));
    expect(e.issues[0]!.where).toMatch(/^acme\.yaml:\d+:\d+ objectives\[1\]\.keyResults\[1\]$/);
    expect(e.issues[0]!.message).toContain('mesure');
  });

  it('reports YAML syntax errors with their line', () => {
    const e = errorOf(() => parseOrg('version: 1\ncycle: [\n', 'bad.yaml'));
    expect(e.code).toBe('invalid-org-file');
    expect(e.issues[0]!.where).toMatch(/^bad\.yaml:\d+:\d+$/);
  });

  it('refuses dates that are not calendar dates', () => {
    const e = errorOf(() => parseOrg(base.replace('end: 2026-12-31', 'end: 2026-12-32')));
    expect(e.issues[0]!.message).toBe('expected a date written YYYY-MM-DD, got "2026-12-32"');
  });

  it('refuses a cycle that ends before it starts', () => {
    const e = errorOf(() => parseOrg(base.replace('end: 2026-12-31', 'end: 2026-09-30')));
    expect(e.issues[0]!.message).toBe('expected the cycle end to come after its start');
  });

  it('names unknown references', () => {
    const e = errorOf(() => parseOrg(base.replace('department: mkt', 'department: sales')));
    expect(e.code).toBe('unknown-reference');
    expect(e.issues[0]!.message).toBe('expected the company id "acme" or a department id, got "sales"');
  });

  it('refuses duplicate ids across kinds', () => {
    const e = errorOf(() => parseOrg(base.replace('id: M1-KR1', 'id: E1-KR1')));
    expect(e.code).toBe('duplicate-id');
    expect(e.issues[0]!.message).toBe('expected a unique id, but "E1-KR1" is already used by key result E1-KR1');
  });

  it('names an alignment cycle', () => {
    const looped = base
      .replace("      - { id: C1-KR1, title: Revenue, kind: rollup }", "      - { id: C1-KR1, title: Revenue, kind: rollup }\n    alignedTo: [{ kr: M1-KR2 }]")
      .replace("      - { id: M1-KR1, title: Leads, kind: metric, start: 0, target: 100 }", "      - { id: M1-KR1, title: Leads, kind: metric, start: 0, target: 100 }\n      - { id: M1-KR2, title: All, kind: rollup }");
    const e = errorOf(() => parseOrg(looped, 'acme.yaml'));
    expect(e.code).toBe('alignment-cycle');
    expect(e.issues[0]!.message).toBe('alignments form a cycle: C1 → M1 → C1');
  });

  it('refuses an objective aligned to its own key result', () => {
    const e = errorOf(() => parseOrg(base.replace('alignedTo: [{ kr: C1-KR1 }]', 'alignedTo: [{ kr: E1-KR1 }]')));
    expect(e.issues[0]!.message).toBe('objective E1 cannot align to its own key result E1-KR1');
  });

  it('names a dependency self-loop', () => {
    const dep = `${base}dependencies:\n  - { id: D1, needs: { department: eng, kr: E1-KR1 }, provider: eng, deliverables: [ENG-7] }\n`;
    const e = errorOf(() => parseOrg(dep));
    expect(e.code).toBe('dependency-self-loop');
    expect(e.issues[0]!.message).toBe('dependency D1 is a self-loop: eng → eng; expected the providing department to differ from the needing one');
  });

  it('checks that a dependency names a key result of the needing department', () => {
    const dep = `${base}dependencies:\n  - { id: D1, needs: { department: eng, kr: M1-KR1 }, provider: mkt, deliverables: [MKT-7] }\n`;
    const e = errorOf(() => parseOrg(dep));
    expect(e.issues[0]!.message).toBe('expected a key result of department eng, but M1-KR1 belongs to mkt');
  });

  it('requires a jira key result to name epics or a jql', () => {
    const e = errorOf(() => parseOrg(base.replace('epics: [ENG-1], ', '')));
    expect(e.issues[0]!.message).toBe('expected a jira key result to name epics or a jql');
  });

  it('names a loop in the department tree', () => {
    const e = errorOf(() =>
      parseOrg(base.replace('{ id: eng, name: Engineering,', '{ id: eng, parent: mkt, name: Engineering,').replace('{ id: mkt, name: Marketing,', '{ id: mkt, parent: eng, name: Marketing,')),
    );
    expect(e.issues[0]!.message).toBe('the department tree loops: eng → mkt → eng');
  });

  it('validates plain objects the same way', () => {
    expect(() => validateOrg({ version: 2 })).toThrow('version: expected version: 1');
  });
});

describe('a huge org file (its objectives read in slices)', () => {
  const text = manyObjectives(1500);
  const lines = text.split('\n');
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle));

  it('reads the same org as the yaml library does, slice by slice', () => {
    const org = parseOrg(text);
    expect(org.objectives).toHaveLength(1501);
    expect(org.objectives[1235]).toEqual(expect.objectContaining({ id: 'O1234', title: 'Objective 1234' }));
  });

  it('locates an error in the middle of the file by line, column and path', () => {
    const i = lineOf('{ id: O1234,');
    const broken = lines.map((l, n) => (n === i ? l.replace(/department: d\d+/, 'department: nowhere') : l)).join('\n');
    const e = errorOf(() => parseOrg(broken, 'big.yaml'));
    expect(e.issues).toEqual([{ where: `big.yaml:${i + 1}:${lines[i]!.indexOf('department: d') + 'department: '.length + 1} objectives[1235].department`, message: expect.stringContaining('got "nowhere"') }]);
  });

  it('locates a syntax error cut across slices by its line', () => {
    const i = lineOf('{ id: O700,');
    const broken = lines.map((l, n) => (n === i ? l.replace(/ }$/, '') : l)).join('\n');
    const e = errorOf(() => parseOrg(broken, 'big.yaml'));
    expect(e.code).toBe('invalid-org-file');
    expect(e.issues[0]!.where).toMatch(new RegExp(`^big\\.yaml:(${i + 1}|${i + 2}):\\d+$`));
  });
});
