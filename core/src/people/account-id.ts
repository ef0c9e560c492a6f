/**
 * Owners are stored as Atlassian account ids once picked; older records hold what was typed (a
 * name or an email), which stays shown as typed until someone picks the person again.
 */

/** Atlassian's two account id forms: 24 letters and digits (the spec's own example has a g), or `NNNNNN:` and a UUID. */
const ACCOUNT_ID = /^(?:[0-9a-z]{24}|\d{1,10}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Account ids inside a sentence (a core text that names an owner as stored): either form, as a whole word. */
const ACCOUNT_ID_IN_TEXT = /(?<![\w:-])(?:\d{1,10}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-z]{24})(?![\w:-])/gi;

/** The account ids a sentence holds, in order, each once. */
export function accountIdsInText(text: string): string[] {
  return [...new Set(text.match(ACCOUNT_ID_IN_TEXT) ?? [])];
}

/** `text` with each account id in it replaced by `replace(id)`. */
export function replaceAccountIds(text: string, replace: (id: string) => string): string {
  return text.replace(ACCOUNT_ID_IN_TEXT, (id) => replace(id));
}

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
