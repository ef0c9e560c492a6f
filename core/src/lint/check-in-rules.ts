/**
 * Lint rule on manual key results (metric, milestone) that nobody has checked in for too
 * long. Key results that are already done need no more check-ins; jira and rollup key
 * results move by themselves.
 */
import type { CheckIn, KeyResult, Org } from '../model/org';
import { toDay } from '../time/dates';
import type { LintFinding } from './types';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** True when a metric has reached its target or a milestone is done, as of the check-ins given (oldest first). */
function isManualKrDone(kr: KeyResult, checkIns: readonly CheckIn[]): boolean {
  if (kr.kind === 'milestone') {
    const said = checkIns.findLast((c) => c.done !== undefined);
    return said ? said.done === true : kr.done;
  }
  if (kr.kind !== 'metric' || kr.target === undefined || kr.target === kr.start) return false;
  const value = checkIns.findLast((c) => c.value !== undefined)?.value ?? kr.current ?? kr.start;
  return kr.target > kr.start ? value >= kr.target : value <= kr.target;
}

/**
 * `stale-check-in`: a manual key result, not done, whose latest check-in dated on or before
 * `at` is more than `staleCheckInDays` days old; with no check-in, once the cycle start is
 * more than that many days before `at`. Check-ins dated after `at` are ignored.
 */
export function lintStaleCheckIns(org: Org, at: string): LintFinding[] {
  const limit = org.settings.lint.staleCheckInDays;
  const today = Math.floor(toDay(at));
  const byKr = new Map<string, CheckIn[]>();
  for (const c of org.checkIns) {
    if (toDay(c.date) > today) continue;
    const list = byKr.get(c.kr);
    if (list) list.push(c);
    else byKr.set(c.kr, [c]);
  }
  for (const list of byKr.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const out: LintFinding[] = [];
  for (const o of org.objectives) {
    for (const kr of o.keyResults) {
      if (kr.kind !== 'metric' && kr.kind !== 'milestone') continue;
      const checkIns = byKr.get(kr.id) ?? [];
      if (isManualKrDone(kr, checkIns)) continue;
      const last = checkIns.at(-1);
      const since = last ? last.date : org.cycle.start;
      const age = today - toDay(since);
      if (!(age > limit)) continue;
      const what = last
        ? `was last checked in on ${since}, ${plural(age, 'day')} ago`
        : `has had no check-in since the cycle started on ${since}, ${plural(age, 'day')} ago`;
      out.push({
        code: 'stale-check-in',
        severity: 'warning',
        subject: kr.id,
        message: `Key result ${kr.id} ("${kr.title}") ${what}; expected a check-in at least every ${plural(limit, 'day')}`,
      });
    }
  }
  return out;
}
