/**
 * Owners as people: the panel asks `getPeople` once for the account ids and owner emails it
 * shows (a cached read on the server, no Jira call per person seen in the last day) and every
 * owner below reads names and avatars from here. An email Jira shows on nobody, and owners typed
 * as names, are shown as written.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { PersonCard } from '../../../contract';
import { invokeResolver } from '../../api/invoke';
import { accountIdsOf, isAccountId, isOwnerEmail, ownerEmailsOf } from './account-id';

export type PeopleMap = ReadonlyMap<string, PersonCard>;

const PeopleContext = createContext<PeopleMap>(new Map());

/** The people known to the panel, by account id and by the (lower-case) owner email they were found for. */
export function usePeopleMap(): PeopleMap {
  return useContext(PeopleContext);
}

/** Loads the cards of the account ids among `owners` (again when that set changes) for everything inside. */
export function PeopleProvider({ owners, children }: { readonly owners: readonly (string | null | undefined)[]; readonly children: ReactNode }) {
  const key = [...accountIdsOf(owners), ...ownerEmailsOf(owners).map((e) => e.toLowerCase())].sort().join(' ');
  const [people, setPeople] = useState<PeopleMap>(new Map());
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    if (key === '') return undefined;
    let live = true;
    const asked = key.split(' ');
    void invokeResolver('getPeople', { accountIds: asked.filter((o) => !o.includes('@')), emails: asked.filter((o) => o.includes('@')) }).then(
      (res) => {
        if (!live) return;
        if (res.ok) setPeople(new Map(res.data.people.flatMap((p) => [[p.accountId, p] as const, ...(p.email ? [[p.email, p] as const] : [])])));
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

/** The person an owner as stored names: a known account, or the person Jira shows with that email. */
export function personCardOf(owner: string, people: PeopleMap): PersonCard | undefined {
  if (isAccountId(owner)) return people.get(owner.trim());
  return isOwnerEmail(owner) ? people.get(owner.trim().toLowerCase()) : undefined;
}

/** How an owner reads in text: the display name of the person it names, else what is stored. */
export function ownerText(owner: string, people: PeopleMap): string {
  return personCardOf(owner, people)?.displayName ?? owner;
}
