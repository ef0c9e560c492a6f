import { replaceAccountIds, replaceEmails } from '@okr-bridge/core/present';
import type { PersonCard } from '../../../contract';

/**
 * A core sentence that names owners as stored (a lint finding, an agenda item's "(owner …)")
 * with the accounts the panel knows, and the emails Jira showed on a person, named.
 */
export function namedText(text: string, people: ReadonlyMap<string, PersonCard>): string {
  const named = replaceAccountIds(text, (id) => people.get(id)?.displayName ?? id);
  return replaceEmails(named, (email) => people.get(email.toLowerCase())?.displayName ?? email);
}
