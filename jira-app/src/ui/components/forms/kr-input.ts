/** The key result a `createKr`/`updateKr` payload carries, from the form's values and the chosen kind. */
import { metricTargetProblem } from '@okr-bridge/core/present';
import type { KeyResultInput } from '../../../contract';
import { chosen, chosenOwner, toNumber, toText } from './values';

/**
 * The message under the target field: the org schema's own rule on a metric's start and
 * target (core's `metricTargetProblem`), run on the form's values before anything is sent.
 */
export function targetProblem(target: string, values: Readonly<Record<string, unknown>>): string | undefined {
  const start = toNumber(values.start);
  const to = toNumber(target);
  if (start === undefined || to === undefined) return undefined;
  return metricTargetProblem({ start, target: to }) ?? undefined;
}

/** The payload's key result from the form's values. */
export function toKeyResultInput(kind: string, v: Record<string, unknown>, id?: string): KeyResultInput {
  const base = { ...(id ? { id } : {}), title: toText(v.title) ?? '', owner: chosenOwner(v.owner), weight: toNumber(v.weight) ?? 1 };
  if (kind === 'metric') return { ...base, kind, start: toNumber(v.start) ?? Number.NaN, target: toNumber(v.target), current: toNumber(v.current), unit: toText(v.unit) };
  if (kind === 'milestone') return { ...base, kind };
  if (kind === 'jira') {
    const epics = String(v.epics ?? '').split(/[\s,]+/).filter(Boolean).map((e) => e.toUpperCase());
    return { ...base, kind, epics, jql: toText(v.jql), measure: (chosen(v.measure) ?? 'issues') as 'issues' | 'points' | 'weighted' };
  }
  return { ...base, kind: 'rollup' };
}
