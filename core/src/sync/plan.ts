/**
 * Reconcile planning: from the jira key results of an org, the fewest bounded searches that
 * read every relevant issue once, with only the fields core needs. Epics are batched into
 * `parent in (…)` chunks; JQLs equal once printed canonically (`core/src/jql`) are read once;
 * a JQL that only restricts `parent` is folded into the epic chunks; incremental mode adds `updated >= …` to every query. It plans;
 * it does not search (the app runs the queries through an `IssueSource`).
 */
import type { JqlExpr } from '../jql/ast';
import { compareIssueKeys } from '../jql/order';
import { parseJql } from '../jql/parser';
import { printJqlExpr } from '../jql/print';
import { isOkrError, OkrError } from '../model/errors';
import { issueKeySchema, type JiraKr, type Org } from '../model/org';
import { normalizeJqlText } from './jql-text';

export type SyncMode = 'full' | 'incremental';

/**
 * Epics per `parent in (…)` query. Jira Cloud's search starts failing "around the few
 * thousands" of operands in one list (JRACLOUD-84010) and always fails near 25,000; 500 keys
 * (4 to 8 KB of JQL, sent by POST so no URL limit applies) stay well under that, while keeping
 * the number of chunks small: every chunk costs at least one call, and its last, partial page
 * is the only page a full reconcile reads short. 2,000 epics → 4 chunks.
 */
export const DEFAULT_MAX_EPICS_PER_QUERY = 500;
export const DEFAULT_SKEW_MINUTES = 5;

export interface ReconcileKr {
  readonly id: string;
  readonly epics?: readonly string[];
  readonly jql?: string | undefined;
}

export interface ReconcileInput {
  readonly krs: readonly ReconcileKr[];
  readonly storyPointsField?: string | undefined;
  readonly flaggedField?: string | undefined;
  readonly mode: SyncMode;
  /** ISO instant of the last successful sync; required in incremental mode. */
  readonly watermark?: string | undefined;
  readonly skewMinutes?: number;
  readonly maxEpicsPerQuery?: number;
  /**
   * ISO instant the queries are sent at; required in incremental mode. The window is written
   * relative to it (`updated >= "-65m"`): Jira reads absolute JQL dates in the searching
   * account's time zone, which the app cannot know, but a relative period means the same
   * instant in every zone.
   */
  readonly now?: string | undefined;
}

export type QueryPurpose =
  | { readonly kind: 'epics'; readonly epics: readonly string[] }
  | { readonly kind: 'jql'; readonly jql: string; readonly krs: readonly string[] };

export interface ReconcileQuery {
  readonly jql: string;
  readonly fields: readonly string[];
  readonly purpose: QueryPurpose;
  /** Always POST: a chunk of 500 keys does not fit a URL. */
  readonly method: 'POST';
}

/** A key result JQL that only restricts `parent`: its issues are those epics' children. */
export interface FoldedJql {
  readonly jql: string;
  readonly epics: readonly string[];
  readonly krs: readonly string[];
}

export interface ReconcilePlan {
  readonly mode: SyncMode;
  /** The JQL period of the incremental clause (`-65m`: back to the watermark minus skew); null in full mode. */
  readonly since: string | null;
  /** Every epic read, sorted: linked epics and the epics of folded JQLs. */
  readonly epics: readonly string[];
  readonly folded: readonly FoldedJql[];
  readonly queries: readonly ReconcileQuery[];
}

/** The fields every reconcile query asks for: what `normalizeIssue` reads, and no more. */
export function reconcileFields(storyPointsField?: string, flaggedField?: string): string[] {
  const fields = ['parent', 'status', 'issuetype', 'created', 'updated', 'resolutiondate', 'duedate', 'issuelinks', 'summary'];
  if (storyPointsField) fields.push(storyPointsField);
  if (flaggedField) fields.push(flaggedField);
  return fields;
}

/** The jira key results of an org as reconcile input, in file order. */
export function reconcileKrsOf(org: Org): ReconcileKr[] {
  return org.objectives.flatMap((o) => o.keyResults.filter((kr): kr is JiraKr => kr.kind === 'jira')).map((kr) => ({ id: kr.id, epics: kr.epics, jql: kr.jql }));
}

function invalid(where: string, message: string): OkrError {
  return new OkrError('invalid-argument', [{ where, message }]);
}

/** The epic keys of an expression made only of `parent =` / `parent IN` clauses joined by OR; null otherwise. */
function parentsOnly(expr: JqlExpr): string[] | null {
  if (expr.kind === 'or') {
    const keys: string[] = [];
    for (const operand of expr.operands) {
      const more = parentsOnly(operand);
      if (more === null) return null;
      keys.push(...more);
    }
    return keys;
  }
  if (expr.kind !== 'clause' || expr.field !== 'parent' || (expr.operator !== '=' && expr.operator !== 'in')) return null;
  if (expr.values.some((v) => v === null || !issueKeySchema.safeParse(v.toUpperCase()).success)) return null;
  return expr.values.map((v) => (v as string).toUpperCase());
}

/**
 * A user JQL in canonical form without `ORDER BY` (order does not matter to a reconcile), and
 * its epics when it restricts nothing but `parent`. JQL outside the subset core parses (Jira
 * accepts more) is kept as written, with whitespace collapsed: Jira will judge it.
 */
export function normalizeUserJql(text: string): { readonly jql: string; readonly parents: readonly string[] | null } {
  try {
    const { where } = parseJql(text);
    if (where === null) return { jql: '', parents: null };
    return { jql: printJqlExpr(where), parents: parentsOnly(where) };
  } catch (e) {
    if (!isOkrError(e)) throw e;
    return { jql: normalizeJqlText(text), parents: null };
  }
}

function sinceOf(input: ReconcileInput): string | null {
  if (input.mode === 'full') return null;
  if (input.watermark === undefined) throw invalid('planReconcile', 'expected a watermark (the ISO instant of the last successful sync) for an incremental reconcile, got none; run a full reconcile first');
  const ms = Date.parse(input.watermark);
  if (!Number.isFinite(ms)) throw invalid('planReconcile', `expected the watermark to be an ISO instant like 2026-03-01T10:00:00Z, got "${input.watermark}"`);
  const skew = input.skewMinutes ?? DEFAULT_SKEW_MINUTES;
  if (!(skew >= 0)) throw invalid('planReconcile', `expected skewMinutes to be 0 or more, got ${skew}`);
  const now = input.now === undefined ? NaN : Date.parse(input.now);
  if (!Number.isFinite(now)) throw invalid('planReconcile', `expected now (the ISO instant the queries are sent at) for an incremental reconcile, got ${input.now === undefined ? 'none' : `"${input.now}"`}`);
  // Whole minutes, rounded up: the window may only grow.
  return `-${Math.max(0, Math.ceil((now - ms) / 60_000)) + Math.ceil(skew)}m`;
}

/**
 * Plans a reconcile of the given key results. Every query is bounded, asks for
 * `reconcileFields` only, and says what it is for (`purpose`). In incremental mode each query
 * also reads only issues updated since the watermark minus `skewMinutes` (default 5), written as
 * a period before `now` so that no time zone moves it: changes land while a sync runs and
 * clocks differ. Incremental mode cannot see deletions or issues
 * moved to an untracked epic: run a full one when `shouldSweep` says so.
 */
export function planReconcile(input: ReconcileInput): ReconcilePlan {
  const chunkSize = input.maxEpicsPerQuery ?? DEFAULT_MAX_EPICS_PER_QUERY;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw invalid('planReconcile', `expected maxEpicsPerQuery to be a whole number of 1 or more, got ${chunkSize}`);
  const since = sinceOf(input);
  const fields = reconcileFields(input.storyPointsField, input.flaggedField);
  const epics = new Set<string>();
  const jqls = new Map<string, string[]>();
  const folded = new Map<string, { epics: string[]; krs: string[] }>();
  for (const kr of input.krs) {
    for (const epic of kr.epics ?? []) {
      if (!issueKeySchema.safeParse(epic).success) throw invalid(`key result ${kr.id}`, `expected a Jira issue key like ENG-42, got "${epic}"`);
      epics.add(epic);
    }
    if (kr.jql === undefined) continue;
    const { jql, parents } = normalizeUserJql(kr.jql);
    if (jql === '') throw invalid(`key result ${kr.id}`, 'expected a bounded JQL, got an empty one');
    if (parents) {
      for (const epic of parents) epics.add(epic);
      const entry = folded.get(jql) ?? { epics: [...parents], krs: [] };
      entry.krs.push(kr.id);
      folded.set(jql, entry);
    } else {
      jqls.set(jql, [...(jqls.get(jql) ?? []), kr.id]);
    }
  }
  const sorted = [...epics].sort(compareIssueKeys);
  const clause = since === null ? '' : ` AND updated >= "${since}"`;
  const queries: ReconcileQuery[] = [];
  for (let i = 0; i < sorted.length; i += chunkSize) {
    const chunk = sorted.slice(i, i + chunkSize);
    queries.push({ jql: `parent in (${chunk.join(', ')})${clause}`, fields, purpose: { kind: 'epics', epics: chunk }, method: 'POST' });
  }
  for (const [jql, krs] of jqls) {
    queries.push({ jql: since === null ? jql : `(${jql})${clause}`, fields, purpose: { kind: 'jql', jql, krs }, method: 'POST' });
  }
  return {
    mode: input.mode,
    since,
    epics: sorted,
    folded: [...folded].map(([jql, f]) => ({ jql, epics: f.epics, krs: f.krs })),
    queries,
  };
}

/**
 * Whether the next reconcile should be a full sweep: never swept, an unreadable last sweep, or
 * at least `intervalHours` since the last one. Incremental reconciles miss deletions and issues
 * moved out of tracked epics; the sweep bounds how long such drift lasts.
 */
export function shouldSweep(lastFullSweep: string | null, now: string, intervalHours: number): boolean {
  if (lastFullSweep === null) return true;
  const last = Date.parse(lastFullSweep);
  const at = Date.parse(now);
  if (!Number.isFinite(last) || !Number.isFinite(at)) return true;
  return at - last >= intervalHours * 3_600_000;
}
