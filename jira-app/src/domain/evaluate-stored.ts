/**
 * Core's `evaluateOrg` over stored metrics instead of a snapshot. The difference is the JQL
 * of a key result: core evaluates it over the issues it is given, but stored issues keep only
 * the facts progress reads (no type, labels, components…), so `project = CS AND issuetype =
 * Bug` would match none of them. The reconcile already ran that JQL in Jira and stored its
 * matches under the normalized JQL (`metrics.queries`); this module answers a key result's
 * JQL with those matches. A JQL that only restricts `parent` is read as its epics' children
 * (so core's own evaluation over the stored children is exact); any other JQL not read yet
 * matches nothing until the next reconcile. Everything else is core's `evaluateOrg`.
 */
import {
  compileJql,
  evaluateOrg,
  metricsToIssues,
  normalizeUserJql,
  type EpicMetrics,
  type EvaluateOptions,
  type Evaluation,
  type IssueFacts,
  type JqlIssues,
  type Org,
} from '@okr-bridge/core';

/**
 * A key result JQL's issues, read from the stored matches of that JQL and taken from `issues`
 * (so a rewound list gives the matches as they stood then); a `parent`-only JQL is evaluated
 * over `issues` at `now` as core does. Each distinct JQL is answered once.
 */
export function storedJqlIssues(metrics: EpicMetrics, issues: readonly IssueFacts[], now: string): JqlIssues {
  const byKey = new Map(issues.map((i) => [i.key, i]));
  const memo = new Map<string, readonly IssueFacts[]>();
  return (text) => {
    const known = memo.get(text);
    if (known) return known;
    const { jql, parents } = normalizeUserJql(text);
    let hit: readonly IssueFacts[];
    if (Object.hasOwn(metrics.queries, jql)) {
      hit = metrics.queries[jql]!.issues.flatMap((f) => byKey.get(f.key) ?? []);
    } else if (parents !== null) {
      const compiled = compileJql(text, { now });
      hit = issues.filter((i) => compiled.test(i));
    } else {
      hit = [];
    }
    memo.set(text, hit);
    return hit;
  };
}

/** `evaluateOrg(org, metricsToIssues(metrics), options)`, with key result JQLs answered from the stored matches. */
export function evaluateStored(org: Org, metrics: EpicMetrics, options: EvaluateOptions): Evaluation {
  return evaluateOrg(org, metricsToIssues(metrics), { ...options, jqlIssues: (issues, now) => storedJqlIssues(metrics, issues, now) });
}
