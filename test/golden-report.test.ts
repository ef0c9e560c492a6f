/**
 * Golden test: `okr report examples/acme.yaml --issues examples/acme-issues.json --at
 * 2026-11-15 --json`, checked against values worked out by hand from the two files. The
 * counts below were taken by reading the snapshot (children of each epic, their status
 * categories and story points), independently of the code under test.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

interface Report {
  at: string;
  expected: number;
  company: { progress: number; status: string };
  departments: { id: string; progress: number; status: string }[];
  objectives: { id: string; progress: number; status: string; score: number }[];
  keyResults: { id: string; progress: number; status: string; explain: { rule: string; numerator: number; denominator: number; unestimated?: number; issues?: string[] } }[];
  dependencies: { id: string; state: string; reason: string }[];
  lint: { code: string; subject: string }[];
  agenda: { kind: string; subject: string; minutes: number }[];
}

const root = join(__dirname, '..');
const report = JSON.parse(
  execFileSync('npx', ['okr', 'report', 'examples/acme.yaml', '--issues', 'examples/acme-issues.json', '--at', '2026-11-15', '--json'], { cwd: root, encoding: 'utf8' }),
) as Report;
const kr = (id: string) => report.keyResults.find((k) => k.id === id)!;
const objective = (id: string) => report.objectives.find((o) => o.id === id)!;
const department = (id: string) => report.departments.find((d) => d.id === id)!;

describe('okr report on the Acme example at 2026-11-15', () => {
  it('expects 45 of 92 cycle days: 2026-10-01 00:00 to 2026-11-15 00:00 over 2026-10-01..2026-12-31 inclusive', () => {
    // 45 / 92 = 0.48913… → 0.4891
    expect(report.at).toBe('2026-11-15');
    expect(report.expected).toBe(0.4891);
  });

  it('measures a points KR over two epics, leaving unestimated issues out of both sides', () => {
    // eng-o1-kr1: children of ENG-101 and ENG-102; story points done 35, total 82, 2 unestimated.
    // 35 / 82 = 0.42683 → 0.4268; ratio to expected 0.873 ≥ 0.7 → on-track.
    expect(kr('eng-o1-kr1')).toMatchObject({ progress: 0.4268, status: 'on-track', explain: { numerator: 35, denominator: 82, unestimated: 2 } });
  });

  it('measures an issues KR as done over total', () => {
    // eng-o1-kr2: ENG-103 has 6 children, 4 done → 0.6667.
    expect(kr('eng-o1-kr2')).toMatchObject({ progress: 0.6667, status: 'on-track', explain: { numerator: 4, denominator: 6 } });
  });

  it('measures a weighted KR with new 0, in progress 0.5, done 1', () => {
    // eng-o2-kr3: ENG-104 has 24 children: 15 done, 3 in progress, 6 new → (15 + 1.5) / 24 = 0.6875.
    expect(kr('eng-o2-kr3')).toMatchObject({ progress: 0.6875, explain: { numerator: 16.5, denominator: 24 } });
  });

  it('measures a JQL KR over the issues the query matches', () => {
    // cs-o2-kr1: project = CS AND issuetype = Bug matches 18 bugs, 11 done → 0.6111.
    expect(kr('cs-o2-kr1')).toMatchObject({ progress: 0.6111, explain: { numerator: 11, denominator: 18 } });
    expect(kr('cs-o2-kr1').explain.issues).toHaveLength(18);
  });

  it('measures a decreasing metric from its latest check-in', () => {
    // cs-o1-kr1: churn 4% → 2.5%, latest check-in 2026-11-10 says 3.4: (3.4 − 4) / (2.5 − 4) = 0.4.
    expect(kr('cs-o1-kr1')).toMatchObject({ progress: 0.4, status: 'on-track' });
    // eng-o2-kr2: 2.8 s → 1.2 s, check-in 1.9: (1.9 − 2.8) / (1.2 − 2.8) = 0.5625.
    expect(kr('eng-o2-kr2').progress).toBe(0.5625);
  });

  it('clamps a metric past its target to 1 and calls it done', () => {
    // plat-o1-kr1: uptime 99.5 → 99.95, check-in 99.97 → (0.47 / 0.45) clamped to 1.
    expect(kr('plat-o1-kr1')).toMatchObject({ progress: 1, status: 'done' });
  });

  it("takes a milestone from its done check-in; an unfinished one follows its due date and the owner's confidence", () => {
    // prod-o3-kr1 checked in done on 2026-10-22 → 1, done. plat-o3-kr2 not done, due at the
    // cycle end, owner confident (high) → on track, not 0 ÷ 0.4891 → at risk. prod-o1-kr2 not
    // done, latest confidence low (2026-11-12) → at risk.
    expect(kr('prod-o3-kr1')).toMatchObject({ progress: 1, status: 'done' });
    expect(kr('plat-o3-kr2')).toMatchObject({ progress: 0, status: 'on-track' });
    expect(kr('prod-o1-kr2')).toMatchObject({ progress: 0, status: 'at-risk' });
  });

  it('puts a KR behind a blocked dependency at risk whatever its progress', () => {
    // cs-o1-kr2: CS-11 has 21 children, 9 done and 4 in progress → (9 + 2) / 21 = 0.5238,
    // ahead of expected, but dep-health-scores (ENG-171, flagged) is blocked → at-risk.
    expect(kr('cs-o1-kr2')).toMatchObject({ progress: 0.5238, status: 'at-risk' });
    expect(report.dependencies.find((d) => d.id === 'dep-health-scores')).toEqual({ id: 'dep-health-scores', state: 'blocked', reason: 'ENG-171: flagged (Impediment)' });
  });

  it('weights an objective by its KR weights', () => {
    // cs-o1 = (2 × 0.4 + 1 × 0.52381) / 3 = 0.44127 → 0.4413, score 0.4.
    expect(objective('cs-o1')).toMatchObject({ progress: 0.4413, score: 0.4 });
  });

  it('rolls Platform up into Engineering: a rollup KR of weighted aligned objectives', () => {
    // plat-o1 = (1 + 8/54) / 2 = 0.574074;  plat-o2 = (5/6 + (18 − 12)/(18 − 8)) / 2 = (0.833333 + 0.6) / 2 = 0.716667;
    // plat-o3 = (17.5/24 + 0 + 3/17) / 3 = (0.729167 + 0 + 0.176471) / 3 = 0.301879.
    expect(objective('plat-o1').progress).toBe(0.5741);
    expect(objective('plat-o2').progress).toBe(0.7167);
    expect(objective('plat-o3').progress).toBe(0.3019);
    // eng-o2-kr1 (rollup; plat-o1 aligned with weight 2) = (2 × 0.574074 + 0.716667 + 0.301879) / 4 = 0.541674.
    expect(kr('eng-o2-kr1').progress).toBe(0.5417);
    // eng-o2 = (2 × 0.541674 + 0.5625 + 0.6875) / 4 = 0.583337, score 0.6.
    expect(objective('eng-o2')).toMatchObject({ progress: 0.5833, score: 0.6 });
    // The Platform department = mean of its three objectives = 0.530873.
    expect(department('plat')).toEqual({ id: 'plat', progress: 0.5309, status: 'on-track' });
  });

  it('lists blocked dependencies first on the company agenda, then at-risk KRs', () => {
    const kinds = report.agenda.map((i) => i.kind);
    expect(kinds.slice(0, 4)).toEqual(['blocked-dependency', 'blocked-dependency', 'blocked-dependency', 'blocked-dependency']);
    expect(report.agenda.slice(0, 4).map((i) => i.subject).sort()).toEqual(['dep-health-scores', 'dep-renewal-data', 'dep-sso', 'dep-usage-metering']);
    expect(kinds[4]).toBe('at-risk-kr');
    expect(report.agenda.reduce((s, i) => s + i.minutes, 0)).toBeLessThanOrEqual(45);
  });

  it('reports the undeclared cross-department link and the stale KR', () => {
    expect(report.lint).toEqual([
      expect.objectContaining({ code: 'hidden-dependency', subject: 'FIN-29→MKT-83' }),
      expect.objectContaining({ code: 'stale-check-in', subject: 'mkt-o3-kr2' }),
    ]);
  });

  it('keeps every progress number in [0, 1] with at most 4 decimals', () => {
    const all = [report.company.progress, ...report.departments.map((d) => d.progress), ...report.objectives.map((o) => o.progress), ...report.keyResults.map((k) => k.progress)];
    for (const p of all) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(Math.round(p * 10_000) / 10_000).toBe(p);
    }
  });
});
