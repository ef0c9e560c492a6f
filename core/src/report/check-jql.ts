/**
 * Before a report evaluates key result JQL over a snapshot itself: every JQL must be in the
 * subset core evaluates (`core/src/jql/README.md`). A JQL that Jira would answer but the
 * subset does not (another field, a function) is named with its key result and path, so the
 * user can run the report live (`--jira`) or rewrite the query.
 */
import { compileJql } from '../jql';
import { isOkrError, OkrError } from '../model/errors';
import type { Org } from '../model/org';
import type { Located } from '../model/parse-org';

/** Throws `OkrError('invalid-jql')` naming each key result whose JQL the subset cannot evaluate at `now`. */
export function checkSnapshotJql(org: Org, now: string, locate: Located): void {
  const issues: { where: string; message: string }[] = [];
  org.objectives.forEach((o, i) =>
    o.keyResults.forEach((kr, j) => {
      if (kr.kind !== 'jira' || kr.jql === undefined) return;
      try {
        compileJql(kr.jql, { now });
      } catch (e) {
        if (!isOkrError(e)) throw e;
        issues.push({ where: locate(['objectives', i, 'keyResults', j, 'jql']), message: `key result ${kr.id}: ${e.message}; a report over a snapshot evaluates this JQL itself, so it must use the subset (or run the report with --jira)` });
      }
    }),
  );
  if (issues.length > 0) throw new OkrError('invalid-jql', issues);
}
