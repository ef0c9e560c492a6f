/** The short "what is this number made of" label of a key result. */
import type { KeyResult } from '../model/org';
import { formatNumber } from '../progress/format';
import type { KrExplanation } from '../progress/types';
import { formatQuantity, formatRangeStart } from './units';

/**
 * "520 leads (from 0 to 900 leads)", "3.1% (from 4% to 2.5%)", "12 of 40 issues done",
 * "Not done": what a key result's number is made of, units placed as people write them.
 */
export function describeValue(kr: KeyResult, explain: KrExplanation): string {
  switch (kr.kind) {
    case 'metric': {
      const v = explain.value;
      if (!v) return 'no value yet';
      const current = formatQuantity(v.current, v.unit);
      return v.target === null ? `${current}, no target` : `${current} (from ${formatRangeStart(v.start, v.unit)} to ${formatQuantity(v.target, v.unit)})`;
    }
    case 'milestone':
      return explain.numerator >= 1 ? 'Done' : 'Not done';
    case 'jira': {
      if (explain.empty) return 'no issues yet';
      const noun = explain.measure === 'points' ? 'points' : explain.measure === 'weighted' ? 'weighted issues' : 'issues';
      const extra = explain.unestimated ? `, ${explain.unestimated} unestimated` : '';
      return `${formatNumber(explain.numerator)} of ${formatNumber(explain.denominator)} ${noun} done${extra}`;
    }
    case 'rollup':
      return `${explain.aligned?.length ?? 0} aligned objective${explain.aligned?.length === 1 ? '' : 's'}`;
  }
}
