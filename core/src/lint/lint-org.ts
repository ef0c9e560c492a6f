/**
 * Lints an org file for the common ways department OKRs fail: silos (unaligned objectives,
 * hidden dependencies), vague metrics (no measure, no target), and overload (too many
 * objectives, too many key results on one owner, stale check-ins). Hidden dependencies are
 * computed from the issues by the dependency graph and passed in, so lint reads no issues.
 */
import { flatText } from '../progress/format';
import type { HiddenDependency } from '../dependencies/types';
import type { Org } from '../model/org';
import { lintStaleCheckIns } from './check-in-rules';
import { lintOwnerOverload, lintOwners } from './ownership-rules';
import { lintAlignment, lintMeasures, lintObjectiveCounts, lintTargets } from './structure-rules';
import type { LintCode, LintFinding } from './types';

export interface LintContext {
  /** The instant or date the lint is run at. */
  readonly at: string;
  readonly hidden: readonly HiddenDependency[];
}

const CODE_ORDER: readonly LintCode[] = [
  'objective-count',
  'kr-no-measure',
  'kr-no-target',
  'no-owner',
  'unaligned-objective',
  'hidden-dependency',
  'stale-check-in',
  'owner-overload',
];
const RANK = new Map(CODE_ORDER.map((c, i) => [c, i]));

type Chunks = readonly (string | number)[];

/** Splits a subject into text and number runs so that "ENG-9" sorts before "ENG-10". */
function naturalChunks(s: string): Chunks {
  return (s.match(/\d+|\D+/g) ?? []).map((c) => (/^\d/.test(c) ? Number(c) : c));
}

function compareChunks(a: Chunks, b: Chunks): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

/** `hidden-dependency`: one warning per hidden dependency, its subject "ENG-12→MKT-5". */
export function lintHiddenDependencies(org: Org, hidden: readonly HiddenDependency[]): LintFinding[] {
  const names = new Map(org.departments.map((d) => [d.id, d.name]));
  const name = (id: string) => names.get(id) ?? id;
  return hidden.map((h) => {
    const from = name(h.from.department);
    const to = name(h.to.department);
    return {
      code: 'hidden-dependency',
      severity: 'warning',
      subject: `${h.from.key}→${h.to.key}`,
      message: `${h.from.key} (${from}) ${h.relation} ${h.to.key} (${to}), but no dependency between ${from} and ${to} declares it; expected a dependency listing one of these issues or its epic as a deliverable`,
    };
  });
}

/**
 * Runs every lint rule over `org` at `context.at` (thresholds from `org.settings.lint`) and
 * returns the findings ordered by code (objective-count, kr-no-measure, kr-no-target,
 * no-owner, unaligned-objective, hidden-dependency, stale-check-in, owner-overload), then by
 * subject. An empty list means the org is clean.
 */
export function lintOrg(org: Org, context: LintContext): LintFinding[] {
  const findings = [
    ...lintObjectiveCounts(org),
    ...lintMeasures(org),
    ...lintTargets(org),
    ...lintOwners(org),
    ...lintAlignment(org),
    ...lintHiddenDependencies(org, context.hidden),
    ...lintStaleCheckIns(org, context.at),
    ...lintOwnerOverload(org),
  ];
  const keyed = findings.map((f) => ({ f, rank: RANK.get(f.code)!, chunks: naturalChunks(f.subject) }));
  keyed.sort((a, b) => a.rank - b.rank || compareChunks(a.chunks, b.chunks) || (a.f.subject < b.f.subject ? -1 : a.f.subject > b.f.subject ? 1 : 0));
  // Messages kept flat: one finding per key result of a large org.
  return keyed.map((k) => (flatText(k.f.message), k.f));
}

/** True when any finding is an error (a broken OKR, not just a smell): the CLI fails on these. */
export function hasLintErrors(findings: readonly LintFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
