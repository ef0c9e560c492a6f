import { buildIssueIndex } from '../model/issue-index';
import type { Org } from '../model/org';
import { parseOrg } from '../model/parse-org';
import { buildMetricKr, buildMilestoneKr, buildObjective, buildOrg } from '../testing';
import { objectiveChain } from '../testing/org-shapes';
import { computeProgress } from './compute-progress';

const AT = '2026-11-15';
const options = { jqlIssues: () => [], blockedKrs: new Set<string>() };

describe('computeProgress over user data of any depth or size', () => {
  it('rolls a chain of 5,000 aligned objectives up to the top without a call stack per link', () => {
    const org = parseOrg(objectiveChain(5000), 'chain.yaml');
    const result = computeProgress(org, buildIssueIndex([]), AT, options);
    expect(result.objectives).toHaveLength(5000);
    // The leaf metric is at 5 of 10; every roll-up above it carries that half to the top.
    expect(result.objectives[0]!.progress).toBe(0.5);
    expect(result.objectives[4999]!.progress).toBe(0.5);
    expect(result.company.progress).toBe(0.5);
  });
});

describe('numbers at the edge', () => {
  it('shows an objective of two key results weighted 1e308 at 50%, not 0%', () => {
    const valid = buildOrg({
      objectives: [buildObjective('C1', 'acme', [buildMilestoneKr('K1', { done: true }), buildMilestoneKr('K2', { done: false })])],
    });
    // The schema bounds weights; the arithmetic must hold whatever reaches it.
    const org: Org = { ...valid, objectives: valid.objectives.map((o) => ({ ...o, keyResults: o.keyResults.map((k) => ({ ...k, weight: 1e308 })) })) };
    expect(computeProgress(org, buildIssueIndex([]), AT, options).objectives[0]!.progress).toBe(0.5);
  });

  it('measures a metric from -1e308 to 1e308 at 100% when current is the target, and at 50% halfway', () => {
    const org = buildOrg({
      objectives: [
        buildObjective('C1', 'acme', [
          buildMetricKr('K1', { start: -1e308, target: 1e308, current: 1e308 }),
          buildMetricKr('K2', { start: -1e308, target: 1e308, current: 0 }),
          buildMetricKr('K3', { start: 1.7e308, target: -1.7e308, current: -1.7e308 }),
        ]),
      ],
    });
    const krs = computeProgress(org, buildIssueIndex([]), AT, options).keyResults;
    expect(krs.map((k) => k.progress)).toEqual([1, 0.5, 1]);
  });
});
