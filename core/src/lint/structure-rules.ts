/**
 * Lint rules on the shape of the OKRs: how many objectives a department has, whether each
 * key result can be measured and has a target, and whether department objectives align to
 * anything above them.
 */
import type { Org } from '../model/org';
import type { LintFinding } from './types';

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `objective-count`: a department with fewer than `minObjectives` or more than `maxObjectives` objectives. */
export function lintObjectiveCounts(org: Org): LintFinding[] {
  const { minObjectives: min, maxObjectives: max } = org.settings.lint;
  const counts = new Map<string, number>();
  for (const o of org.objectives) counts.set(o.department, (counts.get(o.department) ?? 0) + 1);
  const expected = min === max ? `${min}` : `${min} to ${max}`;
  return org.departments.flatMap((d) => {
    const n = counts.get(d.id) ?? 0;
    if (n >= min && n <= max) return [];
    return [{ code: 'objective-count', severity: 'error', subject: d.id, message: `${d.name} has ${count(n, 'objective')}; expected ${expected}` }];
  });
}

/** `kr-no-measure`: a rollup key result that no objective aligns to, so there is nothing to roll up. */
export function lintMeasures(org: Org): LintFinding[] {
  const alignedTo = new Set(org.objectives.flatMap((o) => o.alignedTo.map((a) => a.kr)));
  return org.objectives.flatMap((o) =>
    o.keyResults
      .filter((kr) => kr.kind === 'rollup' && !alignedTo.has(kr.id))
      .map((kr): LintFinding => ({
        code: 'kr-no-measure',
        severity: 'error',
        subject: kr.id,
        message: `Key result ${kr.id} ("${kr.title}") is a rollup that no objective aligns to, so it has nothing to measure; expected an objective aligned to it, or a metric, milestone or jira key result`,
      })),
  );
}

/**
 * `kr-no-target`: a metric key result with no target. (A target equal to its start is the org
 * schema's refusal, `metricTargetProblem`, so no valid org reaches lint with one.)
 */
export function lintTargets(org: Org): LintFinding[] {
  const out: LintFinding[] = [];
  for (const o of org.objectives) {
    for (const kr of o.keyResults) {
      if (kr.kind !== 'metric' || kr.target !== undefined) continue;
      out.push({
        code: 'kr-no-target',
        severity: 'error',
        subject: kr.id,
        message: `Key result ${kr.id} ("${kr.title}") has no target; expected a target different from its start of ${kr.start}`,
      });
    }
  }
  return out;
}

/** `unaligned-objective`: a department objective aligned to no key result above it. */
export function lintAlignment(org: Org): LintFinding[] {
  const names = new Map(org.departments.map((d) => [d.id, d.name]));
  return org.objectives
    .filter((o) => o.department !== org.company.id && o.alignedTo.length === 0)
    .map((o) => ({
      code: 'unaligned-objective',
      severity: 'warning',
      subject: o.id,
      message: `Objective ${o.id} ("${o.title}") of ${names.get(o.department) ?? o.department} is aligned to nothing; expected it to align to a company or parent-department key result`,
    }));
}
