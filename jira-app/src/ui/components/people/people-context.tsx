/**
 * Owners as people: the panel asks `getPeople` once for the account ids it shows (a cached
 * read on the server, no Jira call per person) and every owner below reads names and avatars
 * from here. Owners typed before the pickers (names, emails) are shown as typed.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { PersonCard } from '../../../contract';
import { invokeResolver } from '../../api/invoke';
import { accountIdsOf, isAccountId } from './account-id';

export type PeopleMap = ReadonlyMap<string, PersonCard>;

const PeopleContext = createContext<PeopleMap>(new Map());

/** The people known to the panel, by account id. */
export function usePeopleMap(): PeopleMap {
  return useContext(PeopleContext);
}

/** Loads the cards of the account ids among `owners` (again when that set changes) for everything inside. */
export function PeopleProvider({ owners, children }: { readonly owners: readonly (string | null | undefined)[]; readonly children: ReactNode }) {
  const key = accountIdsOf(owners).sort().join(' ');
  const [people, setPeople] = useState<PeopleMap>(new Map());
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (key === '') return undefined;
    let live = true;
    void invokeResolver('getPeople', { accountIds: key.split(' ') }).then(
      (res) => {
        if (!live) return;
        if (res.ok) setPeople(new Map(res.data.people.map((p) => [p.accountId, p])));
        else setFailed(res.error.message);
      },
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return (
    <PeopleContext.Provider value={people}>
      {failed !== null && <span hidden data-testid="people-error">{failed}</span>}
      {children}
    </PeopleContext.Provider>
  );
}

/** How an owner reads in text: the display name for a known account, else what is stored. */
export function ownerText(owner: string, people: PeopleMap): string {
  return (isAccountId(owner) ? people.get(owner.trim())?.displayName : undefined) ?? owner;
}
