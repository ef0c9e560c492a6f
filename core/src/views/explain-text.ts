/**
 * What "Explain" shows for a key result, as ready sentences: the rule with its numbers, then
 * what went into them (the value and where it came from, each epic's share, the aligned
 * objectives, unestimated issues, scope added, no issues yet). The Jira panels and the Teams
 * tab render these lines as they are, so the two never word one fact two ways.
 */
import { formatNumber } from '../progress/format';
import type { KrExplanation } from '../progress/types';
import { issueLink, percentLabel, type IssueLinkView } from './labels';
import { formatQuantity } from './units';

/** One sentence; `issue`, when set, is the issue the sentence opens with ("ENG-1: …"), for a surface to link. */
export interface ExplanationLine {
  readonly issue: IssueLinkView | null;
  readonly text: string;
}

const SOURCES = { 'check-in': 'the latest check-in', file: 'the org file', start: 'the start value' } as const;

function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** The whole sentence of a line, issue key included, for a surface that prints plain text. */
export function explanationSentence(line: ExplanationLine): string {
  return line.issue ? `${line.issue.key}: ${line.text}` : line.text;
}

/**
 * The lines of a key result's explanation. `head` is the rule line ("issues done / total … →
 * 67% (4 of 6 issues done)"); `objectiveTitles` names the objectives a roll-up averages.
 */
export function describeExplanation(
  head: { readonly rule: string; readonly progressLabel: string; readonly valueLabel: string },
  e: KrExplanation,
  context: { readonly baseUrl: string | undefined; readonly objectiveTitles: ReadonlyMap<string, string> },
): ExplanationLine[] {
  const lines: ExplanationLine[] = [{ issue: null, text: `${head.rule} → ${head.progressLabel} (${head.valueLabel})` }];
  const line = (text: string) => lines.push({ issue: null, text });
  if (e.value) {
    const { start, target, current, source, unit } = e.value;
    line(`Now ${formatQuantity(current, unit)}, from ${SOURCES[source]}; start ${formatQuantity(start, unit)}, target ${target === null ? 'not set' : formatQuantity(target, unit)}.`);
  }
  for (const epic of e.epics ?? []) {
    lines.push({ issue: issueLink(context.baseUrl, epic.key), text: `${epic.done} of ${plural(epic.children, 'child issue', 'child issues')} done, counts ${formatNumber(epic.credit)} of ${formatNumber(epic.size)}.` });
  }
  for (const a of e.aligned ?? []) {
    const title = context.objectiveTitles.get(a.objective);
    line(`Objective ${title === undefined ? a.objective : `"${title}"`}: ${percentLabel(a.progress)} at weight ${formatNumber(a.weight)}.`);
  }
  if (e.unestimated) {
    line(`${plural(e.unestimated, 'issue has', 'issues have')} no story points, so ${e.unestimated === 1 ? 'it adds' : 'they add'} nothing to the points done or to the total.`);
  }
  if (e.scopeAdded && (e.scopeAdded.issues > 0 || e.scopeAdded.points > 0)) {
    line(`Scope added since the cycle start: ${plural(e.scopeAdded.issues, 'issue', 'issues')}, ${plural(e.scopeAdded.points, 'point', 'points')}.`);
  }
  if (e.empty) line('No issues yet: progress is 0 until the linked epics have child issues.');
  return lines;
}
