/** Progress of a `rollup` key result: the weighted mean of the objectives aligned to it. */
import type { Objective } from '../model/org';
import { formatNumber } from '../progress/format';
import type { KrProgress } from '../progress/manual-progress';
import { computeWeightedMean } from './weighted-mean';

export interface AlignedObjective {
  readonly objective: Objective;
  /** The alignment's weight (`alignedTo[].weight`). */
  readonly weight: number;
}

/**
 * Σ w·p / Σ w over the objectives aligned to a rollup key result, w being each alignment's
 * weight and p that objective's progress (read through `objectiveProgress`, which memoizes).
 * When every weight is 0 the plain mean is used; nothing aligned gives 0, and the rule says so.
 */
export function computeRollupKrProgress(aligned: readonly AlignedObjective[], objectiveProgress: (o: Objective) => number): KrProgress {
  if (aligned.length === 0) {
    return { progress: 0, explain: { kind: 'rollup', rule: 'no objective is aligned to it, so progress is 0', numerator: 0, denominator: 0, aligned: [] } };
  }
  const values = aligned.map((a) => objectiveProgress(a.objective));
  const weights = aligned.map((a) => a.weight);
  const mean = computeWeightedMean(values, weights);
  const n = aligned.length;
  const what = n === 1 ? 'the objective aligned to it' : `the ${n} objectives aligned to it`;
  const fraction = `${formatNumber(mean.numerator)} / ${formatNumber(mean.denominator)}`;
  const rule = mean.plain
    ? `mean progress of ${what} (all alignment weights are 0) = ${fraction}`
    : `weighted mean progress of ${what} = ${fraction}`;
  return {
    progress: mean.value,
    explain: {
      kind: 'rollup',
      rule,
      numerator: mean.numerator,
      denominator: mean.denominator,
      aligned: aligned.map((a, i) => ({ objective: a.objective.id, weight: a.weight, progress: values[i]! })),
    },
  };
}
