import { compileJql } from '../../core/src/jql';
import { generateIssues, generateSite, parseGenerateSpec } from './generate';
import { runQuery } from './search';

describe('generateIssues', () => {
  const options = { epics: 40, children: 2000, noise: 1000, seed: 5 };
  const issues = generateIssues(options);
  const site = generateSite(options);
  const facts = [...site.issues()].map((raw) => site.factsOf(raw));

  it('gives the same site for the same seed and another for another seed', () => {
    expect(JSON.stringify(generateIssues(options))).toBe(JSON.stringify(issues));
    expect(JSON.stringify(generateIssues({ ...options, seed: 6 }))).not.toBe(JSON.stringify(issues));
  });

  it('makes the requested numbers of epics, epic children and other issues', () => {
    expect(issues).toHaveLength(3040);
    const epicKeys = new Set(facts.filter((f) => f.type === 'Epic').map((f) => f.key));
    expect(epicKeys.size).toBe(40);
    expect(facts.filter((f) => f.parent !== null && epicKeys.has(f.parent))).toHaveLength(2000);
  });

  it('puts sub-tasks among the noise, under stories rather than epics', () => {
    const byKey = new Map(facts.map((f) => [f.key, f]));
    const subtasks = facts.filter((f) => f.subtask);
    expect(subtasks.length).toBeGreaterThan(100);
    for (const s of subtasks) expect(byKey.get(s.parent as string)?.type).not.toBe('Epic');
  });

  it('uses the five workflow statuses with their categories', () => {
    const pairs = new Set(facts.map((f) => `${f.status}:${f.category}`));
    expect([...pairs].sort()).toEqual(['Blocked:indeterminate', 'Done:done', 'In Progress:indeterminate', 'In Review:indeterminate', 'To Do:new']);
  });

  it('estimates most children in story points, leaves some unestimated, flags and links some', () => {
    const children = facts.filter((f) => f.parent !== null && !f.subtask);
    const unestimated = children.filter((f) => f.points === null).length / children.length;
    expect(unestimated).toBeGreaterThan(0.08);
    expect(unestimated).toBeLessThan(0.3);
    expect(new Set(children.map((f) => f.points).filter((p) => p !== null))).toEqual(new Set([1, 2, 3, 5, 8, 13]));
    expect(children.some((f) => f.flagged)).toBe(true);
    const blocked = children.filter((f) => f.links.some((l) => l.relation === 'is blocked by'));
    expect(blocked.length).toBeGreaterThan(50);
    expect(blocked.some((f) => f.links.some((l) => l.key.split('-')[0] !== f.project))).toBe(true);
  });

  it('keeps dates consistent: created ≤ resolved ≤ updated ≤ now, resolved only when done', () => {
    for (const f of facts) {
      expect(f.created <= (f.updated as string)).toBe(true);
      expect(f.resolved !== null).toBe(f.category === 'done');
      if (f.resolved) expect(f.created <= f.resolved && f.resolved <= (f.updated as string)).toBe(true);
    }
    expect(facts.some((f) => f.due !== null)).toBe(true);
  });

  it('reads the --generate spec', () => {
    expect(parseGenerateSpec('epics=2000,children=50000,noise=100000,seed=1')).toEqual({ epics: 2000, children: 50000, noise: 100000, seed: 1 });
    expect(() => parseGenerateSpec('epics=2,kids=3')).toThrow('expected --generate epics=N,children=N,noise=N,seed=N, got "kids=3"');
  });
});

describe('a 150,000-issue site', () => {
  // Speed is bench:sync's to measure (it serves this site); here the size and the answer, with the times printed.
  it('generates 152,000 issues and answers a query over 100 epics as a full scan would', () => {
    let started = performance.now();
    const site = generateSite({ epics: 2000, children: 50000, noise: 100000, seed: 1 });
    const loadMs = performance.now() - started;
    expect(site.size).toBe(152000);
    const epics = [...site.issues()].slice(0, 100).map((i) => i.key);
    const jql = `parent in (${epics.join(', ')})`;
    started = performance.now();
    const outcome = runQuery(site, jql, { now: '2026-03-02T12:00:00Z', zoneOffsetMinutes: () => 0 });
    const queryMs = performance.now() - started;
    const compiled = compileJql(jql, { now: '2026-03-02T12:00:00Z' });
    const expected = [...site.issues()].filter((raw) => compiled.test(site.factsOf(raw))).length;
    expect(outcome.kind === 'ok' ? outcome.issues.length : -1).toBe(expected);
    console.log(`152,000 issues generated in ${(loadMs / 1000).toFixed(1)} s; parent in (100 epics) answered in ${queryMs.toFixed(1)} ms`);
  });
});
