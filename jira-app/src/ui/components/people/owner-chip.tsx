/** A person with their Jira avatar: loaded after the page's first view (Avatar is not needed to read it). */
import Avatar from '@atlaskit/avatar';
import type { PersonCard } from '../../../contract';

export function OwnerChip({ card }: { readonly card: PersonCard }) {
  return (
    <span data-testid="owner-name" data-avatar="loaded" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, verticalAlign: 'middle' }}>
      <Avatar size="xsmall" {...(card.avatarUrl ? { src: card.avatarUrl } : {})} name={card.displayName} borderColor="transparent" />
      {card.displayName}
    </span>
  );
}
