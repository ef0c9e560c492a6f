/**
 * Owners written in an org file as email addresses (the usual case for imported orgs): the
 * Jira app looks each up in Jira's user search and names it as the person Jira shows, while the
 * owner stays stored as written.
 */

/** An address as the bridge accepts one: something@somewhere, no spaces, at most 320 characters. */
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Whether an owner as stored is an email address. */
export function isOwnerEmail(owner: string): boolean {
  const o = owner.trim();
  return o.length <= 320 && EMAIL.test(o);
}

/** The owners (trimmed, as stored) that are email addresses, each once, in order. */
export function ownerEmailsOf(owners: Iterable<string | null | undefined>): string[] {
  const out = new Set<string>();
  for (const o of owners) if (o && isOwnerEmail(o)) out.add(o.trim());
  return [...out];
}

/** An email address inside a sentence, a full stop after it left out. */
const EMAIL_IN_TEXT = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** The email addresses a sentence holds (an agenda item's "(owner …)"), in order, each once. */
export function emailsInText(text: string): string[] {
  return [...new Set(text.match(EMAIL_IN_TEXT) ?? [])];
}

/** `text` with each email address in it replaced by `replace(email)`. */
export function replaceEmails(text: string, replace: (email: string) => string): string {
  return text.replace(EMAIL_IN_TEXT, (email) => replace(email));
}
