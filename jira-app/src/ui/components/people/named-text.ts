import { replaceAccountIds } from '@okr-bridge/core/present';
import type { PersonCard } from '../../../contract';

/** A core sentence that names owners as stored (a lint finding, an agenda item's "(owner …)") with the accounts the panel knows named. */
export function namedText(text: string, people: ReadonlyMap<string, PersonCard>): string {
  return replaceAccountIds(text, (id) => people.get(id)?.displayName ?? id);
}
