/**
 * Teams mentions in Adaptive Cards: `<at>Name</at>` in a TextBlock or a Fact, and one entity
 * per person under the card's `msteams.entities` (type `mention`, the text as written, and the
 * user's Teams id and name), the format Teams documents for cards sent by bots. An owner is
 * matched to someone the bot has seen by email or UPN: the owner's own (an org file's email)
 * or the one Jira revealed for the account id. Anyone else is their name in plain text, by
 * core's `ownerLabel`, never an account id.
 */
import { ownerAddresses, ownerLabel, type PeopleIndex } from '@okr-bridge/core/present';
import { plain } from './elements';

/** How a card writes an owner it does not mention: the name (or email) as text. */
export function ownerText(owner: string, named: PeopleIndex): string {
  return plain(ownerLabel(owner, named));
}

/** A person the bot can mention: someone it has seen in the conversation, with their addresses. */
export interface MentionablePerson {
  /** The Teams user id (`29:…`) or Microsoft Entra object id. */
  readonly id: string;
  readonly name: string;
  /** Email and UPN, lower case. */
  readonly addresses: readonly string[];
}

export interface MentionEntity {
  readonly type: 'mention';
  readonly text: string;
  readonly mentioned: { readonly id: string; readonly name: string };
}

export interface Mentioner {
  /** `<at>Name</at>` when `owner` matches a known person, else the owner's name as text (`ownerText`). */
  label(owner: string): string;
  /** The entities of the people labelled so far, once each, in order. */
  entities(): MentionEntity[];
}

// Characters that would break the <at> tag or be read as markdown inside it.
const displayName = (name: string) => name.replace(/[<>\\*_[\]`#]/g, '').trim() || 'someone';

/**
 * A mentioner over the people known in one conversation; `named` holds the people the Jira
 * app sent for the owners (account ids), with emails where Jira revealed them.
 */
export function createMentioner(people: readonly MentionablePerson[], named: PeopleIndex = new Map()): Mentioner {
  const used = new Map<string, MentionEntity>();
  return {
    label(owner) {
      const addresses = ownerAddresses(owner, named);
      const person = people.find((p) => p.addresses.some((a) => addresses.includes(a)));
      if (!person) return ownerText(owner, named);
      const text = `<at>${displayName(person.name)}</at>`;
      if (!used.has(person.id)) used.set(person.id, { type: 'mention', text, mentioned: { id: person.id, name: person.name } });
      return text;
    },
    entities: () => [...used.values()],
  };
}
