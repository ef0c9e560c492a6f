/** An owner where a panel lists it: avatar and name for a Jira account or an email Jira shows on a person, the text as typed otherwise. */
import { UNNAMED_ACCOUNT_LABEL } from '@okr-bridge/core/present';
import { deferred, Deferred } from '../deferred';
import { isAccountId } from './account-id';
import { personCardOf, usePeopleMap } from './people-context';

const OwnerChip = deferred(() => import('./owner-chip.js').then((m) => m.OwnerChip));

export function OwnerName({ owner, empty = 'no owner' }: { readonly owner: string | null | undefined; readonly empty?: string }) {
  const people = usePeopleMap();
  if (!owner) return <>{empty}</>;
  const card = personCardOf(owner, people);
  if (!card) return <span data-testid="owner-name">{isAccountId(owner) ? UNNAMED_ACCOUNT_LABEL : owner}</span>;
  return (
    <Deferred fallback={<span data-testid="owner-name">{card.displayName}</span>}>
      <OwnerChip card={card} />
    </Deferred>
  );
}
