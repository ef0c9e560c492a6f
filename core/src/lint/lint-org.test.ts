import { validateOrg } from '../model/parse-org';
import type { HiddenDependency } from '../dependencies/types';
import { hasLintErrors, lintOrg } from './lint-org';
import type { LintCode, LintFinding } from './types';

const AT = '2026-11-23';

/* eslint-disable @typescript-eslint/no-explicit-any -- test fixtures are edited as plain JSON before validation */
type Input = Record<string, any>;

/** A clean org: Engineering has three owned, aligned objectives with measurable, fresh key results. */
function input(): Input {
  return {
    version: 1,
    cycle: { id: '2026-Q4', start: '2026-10-01', end: '2026-12-31' },
    company: { id: 'acme', name: 'Acme' },
    departments: [{ id: 'eng', name: 'Engineering' }, { id: 'mkt', name: 'Marketing' }],
    objectives: [
      { id: 'c1', title: 'Grow', department: 'acme', owner: 'ceo', keyResults: [{ id: 'c1-kr', title: 'Revenue', kind: 'rollup' }] },
      { id: 'e1', title: 'Ship', department: 'eng', owner: 'ana', alignedTo: [{ kr: 'c1-kr' }], keyResults: [{ id: 'e1-kr', title: 'Epics', kind: 'jira', epics: ['ENG-1'] }] },
      { id: 'e2', title: 'Fast', department: 'eng', owner: 'ana', alignedTo: [{ kr: 'c1-kr' }], keyResults: [{ id: 'e2-kr', title: 'Latency', kind: 'metric', start: 0, target: 10 }] },
      { id: 'e3', title: 'Launch', department: 'eng', owner: 'ana', alignedTo: [{ kr: 'c1-kr' }], keyResults: [{ id: 'e3-kr', title: 'GA', kind: 'milestone' }] },
      { id: 'm1', title: 'Brand', department: 'mkt', owner: 'mo', alignedTo: [{ kr: 'c1-kr' }], keyResults: [{ id: 'm1-kr', title: 'Reach', kind: 'jira', epics: ['MKT-1'] }] },
      { id: 'm2', title: 'Leads', department: 'mkt', owner: 'mo', alignedTo: [{ kr: 'c1-kr' }], keyResults: [{ id: 'm2-kr', title: 'Leads', kind: 'jira', epics: ['MKT-2'] }] },
      { id: 'm3', title: 'Events', department: 'mkt', owner: 'mo', alignedTo: [{ kr: 'c1-kr' }], keyResults: [{ id: 'm3-kr', title: 'Events', kind: 'jira', epics: ['MKT-3'] }] },
    ],
    checkIns: [
      { kr: 'e2-kr', date: '2026-11-20', value: 3 },
      { kr: 'e3-kr', date: '2026-11-20', done: false },
    ],
  };
}

function objective(i: Input, id: string): Input {
  return i.objectives.find((o: Input) => o.id === id);
}

function lint(i: Input, at = AT, hidden: readonly HiddenDependency[] = []): LintFinding[] {
  return lintOrg(validateOrg(i), { at, hidden });
}

function only(code: LintCode, i: Input, at = AT, hidden: readonly HiddenDependency[] = []): LintFinding[] {
  return lint(i, at, hidden).filter((f) => f.code === code);
}

test('a clean org has no findings', () => {
  expect(lint(input())).toEqual([]);
});

describe('objective-count', () => {
  test('too few and too many objectives in a department are errors', () => {
    const few = input();
    few.objectives = few.objectives.filter((o: Input) => o.id !== 'e3');
    few.checkIns = few.checkIns.filter((c: Input) => c.kr !== 'e3-kr');
    expect(only('objective-count', few)).toEqual([{ code: 'objective-count', severity: 'error', subject: 'eng', message: 'Engineering has 2 objectives; expected 3 to 5' }]);
    const many = input();
    for (const n of [4, 5, 6]) many.objectives.push({ id: `e${n}`, title: 'More', department: 'eng', owner: 'ana', alignedTo: [{ kr: 'c1-kr' }] });
    expect(only('objective-count', many).map((f) => f.message)).toEqual(['Engineering has 6 objectives; expected 3 to 5']);
  });

  test('the bounds come from the settings, and a department with none is counted', () => {
    const i = input();
    i.departments.push({ id: 'ops', name: 'Operations' });
    i.settings = { lint: { minObjectives: 1, maxObjectives: 1 } };
    expect(only('objective-count', i).map((f) => [f.subject, f.message])).toEqual([
      ['eng', 'Engineering has 3 objectives; expected 1'],
      ['mkt', 'Marketing has 3 objectives; expected 1'],
      ['ops', 'Operations has 0 objectives; expected 1'],
    ]);
  });

  test('3 and 5 objectives are fine, and the company is not a department', () => {
    const i = input();
    for (const n of [4, 5]) i.objectives.push({ id: `e${n}`, title: 'More', department: 'eng', owner: 'ana', alignedTo: [{ kr: 'c1-kr' }] });
    expect(only('objective-count', i)).toEqual([]);
  });
});

describe('kr-no-measure', () => {
  test('a rollup no objective aligns to is an error; one that is aligned to is not', () => {
    const i = input();
    objective(i, 'c1').keyResults.push({ id: 'c1-kr2', title: 'Margin', kind: 'rollup' });
    expect(only('kr-no-measure', i)).toEqual([
      {
        code: 'kr-no-measure',
        severity: 'error',
        subject: 'c1-kr2',
        message: 'Key result c1-kr2 ("Margin") is a rollup that no objective aligns to, so it has nothing to measure; expected an objective aligned to it, or a metric, milestone or jira key result',
      },
    ]);
  });
});

describe('kr-no-target', () => {
  test('a metric with no target is an error; one with its target equal to its start does not reach lint: the org schema refuses it', () => {
    const i = input();
    objective(i, 'e2').keyResults = [
      { id: 'e2-kr', title: 'Latency', kind: 'metric', start: 0 },
      { id: 'e2-kr3', title: 'Cost', kind: 'metric', start: 10, target: 5 },
    ];
    i.checkIns.push({ kr: 'e2-kr3', date: '2026-11-20', value: 8 });
    expect(only('kr-no-target', i).map((f) => [f.severity, f.subject, f.message])).toEqual([
      ['error', 'e2-kr', 'Key result e2-kr ("Latency") has no target; expected a target different from its start of 0'],
    ]);
    objective(i, 'e2').keyResults.push({ id: 'e2-kr2', title: 'Uptime', kind: 'metric', start: 99, target: 99 });
    expect(() => only('kr-no-target', i)).toThrow('expected a target different from the start (99)');
  });
});

describe('no-owner', () => {
  test('an objective without an owner is reported; its key results too when they have none of their own', () => {
    const i = input();
    delete objective(i, 'e1').owner;
    delete objective(i, 'e2').owner;
    objective(i, 'e2').keyResults[0].owner = 'bo';
    expect(only('no-owner', i)).toEqual([
      { code: 'no-owner', severity: 'warning', subject: 'e1', message: 'Objective e1 ("Ship") has no owner; expected one person who answers for it' },
      { code: 'no-owner', severity: 'warning', subject: 'e1-kr', message: 'Key result e1-kr ("Epics") has no owner, and neither has its objective e1; expected an owner on the key result or its objective' },
      { code: 'no-owner', severity: 'warning', subject: 'e2', message: 'Objective e2 ("Fast") has no owner; expected one person who answers for it' },
    ]);
  });

  test("a key result with no owner of its own takes its objective's", () => {
    expect(only('no-owner', input())).toEqual([]);
  });
});

describe('unaligned-objective', () => {
  test('a department objective aligned to nothing is a warning; a company objective is not', () => {
    const i = input();
    objective(i, 'm2').alignedTo = [];
    expect(only('unaligned-objective', i)).toEqual([
      { code: 'unaligned-objective', severity: 'warning', subject: 'm2', message: 'Objective m2 ("Leads") of Marketing is aligned to nothing; expected it to align to a company or parent-department key result' },
    ]);
  });
});

describe('hidden-dependency', () => {
  test('each hidden dependency is a warning naming both issues and departments', () => {
    const hidden: HiddenDependency[] = [
      { from: { key: 'ENG-12', department: 'eng' }, to: { key: 'MKT-5', department: 'mkt' }, relation: 'blocks' },
      { from: { key: 'ENG-3', department: 'eng' }, to: { key: 'MKT-7', department: 'mkt' }, relation: 'relates to' },
    ];
    expect(only('hidden-dependency', input(), AT, hidden)).toEqual([
      {
        code: 'hidden-dependency',
        severity: 'warning',
        subject: 'ENG-3→MKT-7',
        message: 'ENG-3 (Engineering) relates to MKT-7 (Marketing), but no dependency between Engineering and Marketing declares it; expected a dependency listing one of these issues or its epic as a deliverable',
      },
      {
        code: 'hidden-dependency',
        severity: 'warning',
        subject: 'ENG-12→MKT-5',
        message: 'ENG-12 (Engineering) blocks MKT-5 (Marketing), but no dependency between Engineering and Marketing declares it; expected a dependency listing one of these issues or its epic as a deliverable',
      },
    ]);
  });
});

describe('stale-check-in', () => {
  test('a manual key result last checked in more than staleCheckInDays ago is a warning; later check-ins do not count', () => {
    const i = input();
    i.checkIns = [
      { kr: 'e2-kr', date: '2026-11-01', value: 3 },
      { kr: 'e2-kr', date: '2026-11-30', value: 4 },
      { kr: 'e3-kr', date: '2026-11-09' },
    ];
    expect(only('stale-check-in', i)).toEqual([
      { code: 'stale-check-in', severity: 'warning', subject: 'e2-kr', message: 'Key result e2-kr ("Latency") was last checked in on 2026-11-01, 22 days ago; expected a check-in at least every 14 days' },
    ]);
  });

  test('with no check-in, the cycle start counts once it is more than staleCheckInDays ago', () => {
    const i = input();
    i.checkIns = [];
    expect(only('stale-check-in', i, '2026-10-15')).toEqual([]);
    expect(only('stale-check-in', i, '2026-10-16T09:00:00Z').map((f) => f.message)).toEqual([
      'Key result e2-kr ("Latency") has had no check-in since the cycle started on 2026-10-01, 15 days ago; expected a check-in at least every 14 days',
      'Key result e3-kr ("GA") has had no check-in since the cycle started on 2026-10-01, 15 days ago; expected a check-in at least every 14 days',
    ]);
  });

  test('done manual key results and jira key results are never stale', () => {
    const i = input();
    i.checkIns = [{ kr: 'e2-kr', date: '2026-10-02', value: 12 }];
    objective(i, 'e3').keyResults[0].done = true;
    expect(only('stale-check-in', i)).toEqual([]);
    i.checkIns.push({ kr: 'e3-kr', date: '2026-10-02', done: false });
    expect(only('stale-check-in', i).map((f) => f.subject)).toEqual(['e3-kr']);
  });
});

describe('owner-overload', () => {
  test('an owner holding more than maxKrsPerOwner key results is a warning; own KR owners are not counted for the objective owner', () => {
    const i = input();
    i.settings = { lint: { maxKrsPerOwner: 2 } };
    objective(i, 'e1').keyResults.push({ id: 'e1-kr2', title: 'Docs', kind: 'jira', epics: ['ENG-2'] });
    objective(i, 'm1').keyResults[0].owner = 'ana';
    objective(i, 'e3').keyResults[0].owner = 'bo';
    expect(only('owner-overload', i)).toEqual([
      { code: 'owner-overload', severity: 'warning', subject: 'ana', message: 'ana holds 4 key results (e1-kr, e1-kr2, e2-kr, m1-kr); expected at most 2 per owner' },
    ]);
  });

  test('exactly maxKrsPerOwner key results is fine', () => {
    const i = input();
    i.settings = { lint: { maxKrsPerOwner: 3 } };
    expect(only('owner-overload', i)).toEqual([]);
  });
});

describe('lintOrg order and hasLintErrors', () => {
  test('findings are ordered by code, then by subject with numbers compared as numbers', () => {
    const i = input();
    objective(i, 'm2').alignedTo = [];
    objective(i, 'e2').alignedTo = [];
    delete objective(i, 'm1').owner;
    i.objectives = i.objectives.filter((o: Input) => o.id !== 'm3');
    const hidden: HiddenDependency[] = [{ from: { key: 'ENG-10', department: 'eng' }, to: { key: 'MKT-5', department: 'mkt' }, relation: 'blocks' }];
    const findings = lint(i, AT, hidden);
    expect(findings.map((f) => `${f.code} ${f.subject}`)).toEqual([
      'objective-count mkt',
      'no-owner m1',
      'no-owner m1-kr',
      'unaligned-objective e2',
      'unaligned-objective m2',
      'hidden-dependency ENG-10→MKT-5',
    ]);
    expect(hasLintErrors(findings)).toBe(true);
  });

  test('hasLintErrors is false when there are only warnings', () => {
    const i = input();
    objective(i, 'm2').alignedTo = [];
    const findings = lint(i);
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
    expect(hasLintErrors(findings)).toBe(false);
    expect(hasLintErrors([])).toBe(false);
  });
});
