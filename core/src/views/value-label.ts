/** The short "what is this number made of" label of a key result. */
import type { KeyResult } from '../model/org';
import type { KrExplanation } from '../progress/types';

function num(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}

export function describeValue(kr: KeyResult, explain: KrExplanation): string {
  switch (kr.kind) {
    case 'metric': {
      const v = explain.value;
      if (!v) return 'no value yet';
      const unit = v.unit ?? '';
      return v.target === null
        ? `${num(v.current)}${unit}, no target`
        : `${num(v.current)}${unit} (from ${num(v.start)}${unit} to ${num(v.target)}${unit})`;
    }
    case 'milestone':
      return explain.numerator >= 1 ? 'Done' : 'Not done';
    case 'jira': {
      if (explain.empty) return 'no issues yet';
      const noun = explain.measure === 'points' ? 'points' : explain.measure === 'weighted' ? 'weighted issues' : 'issues';
      const extra = explain.unestimated ? `, ${explain.unestimated} unestimated` : '';
      return `${num(explain.numerator)} of ${num(explain.denominator)} ${noun} done${extra}`;
    }
    case 'rollup':
      return `${explain.aligned?.length ?? 0} aligned objective${explain.aligned?.length === 1 ? '' : 's'}`;
  }
}
