/**
 * The people and project pickers: Atlaskit's AsyncSelect over the `searchPeople` and
 * `searchProjects` resolvers (Jira's user and project search, as the viewer). People are stored
 * by account id, projects by key. An owner typed before the pickers stays, shown as typed,
 * until someone picks a person instead. Loaded only when a form or the settings page opens.
 */
import { useState } from 'react';
import Avatar from '@atlaskit/avatar';
import { ErrorMessage, Field, HelperMessage } from '@atlaskit/form';
import { AsyncSelect } from '@atlaskit/select';
import { UNNAMED_ACCOUNT_LABEL } from '@okr-bridge/core/present';
import { invokeResolver } from '../../api/invoke';
import { isAccountId } from './account-id';
import { personCardOf, usePeopleMap, type PeopleMap } from './people-context';

export interface PersonOption {
  readonly value: string;
  readonly label: string;
  readonly avatarUrl: string | null;
  /** Stored as typed (a name, or an email Jira shows on nobody): no person to show. */
  readonly typed?: boolean;
}

export interface ProjectOption {
  readonly value: string;
  readonly label: string;
}

/**
 * The option an owner as stored reads as: the person it names (an account, or an email Jira
 * shows on someone), kept under the value as stored; as typed when it names nobody Jira shows.
 */
export function personOption(owner: string, people: PeopleMap): PersonOption {
  const card = personCardOf(owner, people);
  if (card) return { value: owner, label: card.displayName, avatarUrl: card.avatarUrl ?? null };
  if (!isAccountId(owner)) return { value: owner, label: owner, avatarUrl: null, typed: true };
  return { value: owner, label: UNNAMED_ACCOUNT_LABEL, avatarUrl: null };
}

function formatPerson(o: PersonOption) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      {!o.typed && <Avatar size="xsmall" {...(o.avatarUrl ? { src: o.avatarUrl } : {})} name={o.label} borderColor="transparent" />}
      {o.typed ? `${o.label} (as typed; pick the person)` : o.label}
    </span>
  );
}

/** Loaders that report a failed search under the field instead of showing an empty list silently. */
function useSearches() {
  const [error, setError] = useState<string | null>(null);
  const people = async (query: string): Promise<PersonOption[]> => {
    const res = await invokeResolver('searchPeople', { query: query.trim().slice(0, 100) });
    setError(res.ok ? null : `People search failed: ${res.error.message}`);
    return res.ok ? res.data.people.map((p) => ({ value: p.accountId, label: p.displayName, avatarUrl: p.avatarUrl })) : [];
  };
  const projects = async (query: string): Promise<ProjectOption[]> => {
    const res = await invokeResolver('searchProjects', { query: query.trim().slice(0, 100) });
    setError(res.ok ? null : `Project search failed: ${res.error.message}`);
    return res.ok ? res.data.projects.map((p) => ({ value: p.key, label: `${p.key} · ${p.name}` })) : [];
  };
  return { error, people, projects };
}

/** A form field (Atlaskit Form) holding one person; its value is a `PersonOption` or null. */
export function PersonField({ name, label, helper, owner }: { readonly name: string; readonly label: string; readonly helper?: string; readonly owner: string | null | undefined }) {
  const people = usePeopleMap();
  const search = useSearches();
  return (
    <Field<PersonOption | null> name={name} label={label} defaultValue={owner ? personOption(owner, people) : null}>
      {({ fieldProps: { id, ...rest } }) => (
        <>
          <AsyncSelect<PersonOption, false>
            {...(rest as object)}
            inputId={id}
            loadOptions={search.people}
            defaultOptions
            cacheOptions
            isClearable
            placeholder="Search people in Jira"
            formatOptionLabel={formatPerson}
          />
          {search.error ? <ErrorMessage>{search.error}</ErrorMessage> : helper ? <HelperMessage>{helper}</HelperMessage> : null}
        </>
      )}
    </Field>
  );
}

interface CellProps {
  readonly id: string;
  readonly label: string;
  readonly value: readonly string[];
  readonly onChange: (v: string[]) => void;
  readonly autoFocus?: boolean;
}

/** Several people (settings: a department's or the company's owners), stored by account id. */
export function PeopleCell({ id, label, value, onChange, autoFocus }: CellProps) {
  const known = usePeopleMap();
  const search = useSearches();
  // Those picked here since the page loaded: the page's people map does not know them yet.
  const [picked, setPicked] = useState<ReadonlyMap<string, PersonOption>>(new Map());
  const people: PeopleMap = new Map([...known, ...[...picked.values()].map((o) => [o.value, { accountId: o.value, displayName: o.label, avatarUrl: o.avatarUrl }] as const)]);
  return (
    <div style={{ minWidth: 200 }}>
      <AsyncSelect<PersonOption, true>
        inputId={id}
        aria-label={label}
        isMulti
        autoFocus={autoFocus ?? false}
        spacing="compact"
        value={value.map((o) => personOption(o, people))}
        onChange={(chosen) => {
          setPicked(new Map([...picked, ...chosen.filter((o) => !o.typed).map((o) => [o.value, o] as const)]));
          onChange(chosen.map((o) => o.value));
        }}
        loadOptions={search.people}
        defaultOptions
        cacheOptions
        placeholder="Search people"
        formatOptionLabel={formatPerson}
      />
      {search.error && <ErrorMessage>{search.error}</ErrorMessage>}
    </div>
  );
}

/** One person (settings: the Jira account an org-file name stands for), stored by account id; `value` holds at most one. */
export function PersonCell({ id, label, value, onChange, autoFocus }: CellProps) {
  const people = usePeopleMap();
  const search = useSearches();
  const [picked, setPicked] = useState<PersonOption | null>(null);
  const current = value[0];
  const option = current === undefined ? null : picked?.value === current ? picked : personOption(current, people);
  return (
    <div style={{ minWidth: 200 }}>
      <AsyncSelect<PersonOption, false>
        inputId={id}
        aria-label={label}
        autoFocus={autoFocus ?? false}
        spacing="compact"
        value={option}
        onChange={(chosen) => {
          setPicked(chosen);
          onChange(chosen ? [chosen.value] : []);
        }}
        loadOptions={search.people}
        defaultOptions
        cacheOptions
        isClearable
        placeholder="Search people"
        formatOptionLabel={formatPerson}
      />
      {search.error && <ErrorMessage>{search.error}</ErrorMessage>}
    </div>
  );
}

/** Several Jira projects (settings: a department's), stored by key. */
export function ProjectsCell({ id, label, value, onChange, autoFocus }: CellProps) {
  const search = useSearches();
  return (
    <div style={{ minWidth: 160 }}>
      <AsyncSelect<ProjectOption, true>
        inputId={id}
        aria-label={label}
        isMulti
        autoFocus={autoFocus ?? false}
        spacing="compact"
        value={value.map((key) => ({ value: key, label: key }))}
        onChange={(chosen) => onChange(chosen.map((o) => o.value))}
        loadOptions={search.projects}
        defaultOptions
        cacheOptions
        placeholder="Search projects"
      />
      {search.error && <ErrorMessage>{search.error}</ErrorMessage>}
    </div>
  );
}
