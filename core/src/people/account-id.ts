/**
 * Owners are stored as Atlassian account ids once picked; older records hold what was typed (a
 * name or an email), which stays shown as typed until someone picks the person again.
 */

/** Atlassian's two account id forms: 24 letters and digits (the spec's own example has a g), or `NNNNNN:` and a UUID. */
const ACCOUNT_ID = /^(?:[0-9a-z]{24}|\d{1,10}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Whether an owner as stored is an account id (and so has a name and avatar in Jira). */
export function isAccountId(owner: string): boolean {
  return ACCOUNT_ID.test(owner.trim());
}

/** The account ids among owners, each once. */
export function accountIdsOf(owners: Iterable<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const o of owners) if (o && isAccountId(o)) out.add(o.trim());
  return [...out];
}
