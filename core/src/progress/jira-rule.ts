/** The one-sentence rule a jira key result's explanation opens with. */
import type { JiraMeasure } from '../model/org';
import { formatList, formatNumber } from './format';
import type { StatusWeights } from './jira-progress';

export interface Tally {
  readonly count: number;
  readonly numerator: number;
  readonly denominator: number;
  readonly unestimated: number;
}

const MAX_LISTED_EPICS = 5;

/**
 * The rule sentence of a jira key result: the measure, the epics (deduplicated, the first five
 * named) and JQL it reads, and the numbers, e.g. "story points done / story points total over
 * the children of ENG-1, ENG-2 = 34 / 80 (3 unestimated)". Says why progress is 0 when there
 * are no issues or no story points.
 */
export function describeJiraRule(epics: readonly string[], jql: string | undefined, measure: JiraMeasure, weights: StatusWeights, t: Tally): string {
  const over = describeScope(epics, jql);
  if (t.count === 0) return `no issues found ${over}, so progress is 0`;
  const fraction = `${measureWords(measure, weights)} ${over} = ${formatNumber(t.numerator)} / ${formatNumber(t.denominator)}`;
  if (measure === 'points' && t.denominator === 0) {
    const why = t.unestimated === t.count ? `all ${t.count} issue${t.count === 1 ? ' is' : 's are'} unestimated` : 'no story points to count';
    return `${fraction}: ${why}, so progress is 0`;
  }
  return measure === 'points' && t.unestimated > 0 ? `${fraction} (${t.unestimated} unestimated)` : fraction;
}

function measureWords(measure: JiraMeasure, w: StatusWeights): string {
  if (measure === 'issues') return 'issues done / issues total';
  if (measure === 'points') return 'story points done / story points total';
  return `status weights (to do ${formatNumber(w.new)}, in progress ${formatNumber(w.indeterminate)}, done ${formatNumber(w.done)}) / issues total`;
}

function describeScope(epics: readonly string[], jql: string | undefined): string {
  const children = epics.length > 0 ? `the children of ${formatList(epics, MAX_LISTED_EPICS, 'epics')}` : '';
  const matching = jql === undefined ? '' : `the issues matching \`${jql}\``;
  return `over ${children && matching ? `${children} and ${matching}` : children || matching}`;
}
