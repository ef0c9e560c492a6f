import { emptyMetrics, evaluateOrg, metricsToIssues } from '@okr-bridge/core';
import { loadAcme, reconciledMetrics } from '../testing/test-deps';
import { evaluateStored, storedJqlIssues } from './evaluate-stored';

const AT = '2026-11-15T12:00:00.000Z';

describe('evaluating stored metrics', () => {
  const { org, issues } = loadAcme();
  const metrics = reconciledMetrics(org, issues, AT);
  const core = evaluateOrg(org, issues, { at: AT });
  const stored = evaluateStored(org, metrics, { at: AT });

  it('scores the JQL key result from the matches the reconcile stored: 11 of the 18 CS bugs, as core does on the snapshot', () => {
    const kr = stored.progress.keyResults.find((k) => k.id === 'cs-o2-kr1')!;
    expect(kr.progress).toBeCloseTo(11 / 18, 12);
    expect([kr.explain.numerator, kr.explain.denominator]).toEqual([11, 18]);
    // Core alone over the stored facts cannot tell a bug from a task: the JQL matches nothing.
    expect(evaluateOrg(org, metricsToIssues(metrics), { at: AT }).progress.keyResults.find((k) => k.id === 'cs-o2-kr1')!.progress).toBe(0);
  });

  it('gives every key result, objective, department and the company the progress core computes from the snapshot', () => {
    const pick = (e: typeof core) => ({
      krs: e.progress.keyResults.map((k) => [k.id, k.progress, k.status]),
      objectives: e.progress.objectives.map((o) => [o.id, o.progress, o.status]),
      departments: e.progress.departments.map((d) => [d.id, d.progress]),
      company: e.progress.company,
      dependencies: e.dependencies.dependencies.map((d) => [d.id, d.state]),
    });
    expect(pick(stored)).toEqual(pick(core));
  });

  it('gives the review agenda the JQL key result as it stood at the last review, as core does', () => {
    const agenda = { scope: { kind: 'department', id: 'cs' } } as const;
    const items = (e: typeof core) => [...e.agenda.items, ...e.agenda.overflow].map((i) => [i.id, i.detail]);
    const fromStore = items(evaluateStored(org, metrics, { at: AT, agenda }));
    expect(fromStore).toContainEqual(['moved-kr:cs-o2-kr1', '+26% since 2026-11-09, now 61%.']);
    expect(fromStore).toEqual(items(evaluateOrg(org, issues, { at: AT, agenda })));
  });

  it('matches nothing for a JQL the reconcile has not read yet, and reads a parent-only JQL as its epics children', () => {
    const select = storedJqlIssues(emptyMetrics(), metricsToIssues(metrics), AT);
    expect(select('project = CS AND issuetype = Bug')).toEqual([]);
    const children = select('parent = CS-11').map((i) => i.key);
    expect(children).toEqual(metrics.epics['CS-11']!.issues.map((i) => i.key));
    expect(children.length).toBeGreaterThan(0);
  });
});
