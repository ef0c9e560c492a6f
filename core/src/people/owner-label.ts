/**
 * Owners as a person reads them. An owner is stored as picked in Jira (an Atlassian account
 * id) or as the org file names them (an email, a name); the Jira app sends, beside each view,
 * the people its account ids name and the people Jira shows with its emails. Every surface labels an owner with these functions,
 * so no surface shows a raw account id. Pure and free of zod: the browser bundles import it.
 */
import { isAccountId, replaceAccountIds } from './account-id';
import { replaceEmails } from './owner-email';

/** A person an owner names, as the Jira app sends them over the bridge. */
export interface OwnerPerson {
  /** The owner as stored: an account id, or an email as the org file writes it. */
  readonly id: string;
  readonly displayName: string;
  /** Only when Jira reveals it (the person's profile visibility allows it), lower case. */
  readonly email?: string | undefined;
  readonly avatarUrl?: string | undefined;
}

export type PeopleIndex = ReadonlyMap<string, OwnerPerson>;

/** What an account id nobody could name reads as (Jira did not say, or the person left). */
export const UNNAMED_ACCOUNT_LABEL = 'someone in Jira';

/** The people sent with a view, by the owner string they name. */
export function indexPeople(people: readonly OwnerPerson[] | undefined): PeopleIndex {
  return new Map((people ?? []).map((p) => [p.id, p]));
}

/** The person `owner` names, when the Jira app sent them. */
export function personOf(owner: string, people: PeopleIndex): OwnerPerson | undefined {
  return people.get(owner.trim());
}

/** How `owner` reads: the person's name when known, an email or name as stored, never an account id. */
export function ownerLabel(owner: string, people: PeopleIndex): string {
  const person = personOf(owner, people);
  if (person) return person.displayName;
  return isAccountId(owner) ? UNNAMED_ACCOUNT_LABEL : owner.trim();
}

/**
 * The addresses (lower case) a host may match `owner` against (an email in the org file, or
 * the email Jira revealed for the account); empty when neither is known.
 */
export function ownerAddresses(owner: string, people: PeopleIndex): string[] {
  const stored = owner.trim().toLowerCase();
  const out = new Set<string>();
  if (stored.includes('@')) out.add(stored);
  const email = personOf(owner, people)?.email?.toLowerCase();
  if (email) out.add(email);
  return [...out];
}

/**
 * A core sentence with the owners it names as stored (an agenda item's "(owner …)", a lint
 * finding) made readable: each account id, and each email a person was sent for, becomes the
 * person's name. A 24-character word that
 * names nobody sent is left alone (it may be any id); an `NNNNNN:uuid` one reads as
 * `UNNAMED_ACCOUNT_LABEL`.
 */
export function nameOwnersIn(text: string, people: PeopleIndex): string {
  const named = replaceAccountIds(text, (id) => personOf(id, people)?.displayName ?? (id.includes(':') ? UNNAMED_ACCOUNT_LABEL : id));
  return replaceEmails(named, (email) => personOf(email, people)?.displayName ?? email);
}
