/**
 * Teams mentions in Adaptive Cards: `<at>Name</at>` in a TextBlock or a Fact, and one entity
 * per person under the card's `msteams.entities` (type `mention`, the text as written, and the
 * user's Teams id and name), the format Teams documents for cards sent by bots. A person the
 * bot has not seen stays plain text.
 */

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
  /** `<at>Name</at>` when `owner` (an email or UPN) is a known person, else `owner` as given. */
  label(owner: string): string;
  /** The entities of the people labelled so far, once each, in order. */
  entities(): MentionEntity[];
}

// Characters that would break the <at> tag or be read as markdown inside it.
const displayName = (name: string) => name.replace(/[<>\\*_[\]`#]/g, '').trim() || 'someone';

/** A mentioner over the people known in one conversation. */
export function createMentioner(people: readonly MentionablePerson[]): Mentioner {
  const used = new Map<string, MentionEntity>();
  return {
    label(owner) {
      const address = owner.toLowerCase();
      const person = people.find((p) => p.addresses.includes(address));
      if (!person) return owner;
      const text = `<at>${displayName(person.name)}</at>`;
      if (!used.has(person.id)) used.set(person.id, { type: 'mention', text, mentioned: { id: person.id, name: person.name } });
      return text;
    },
    entities: () => [...used.values()],
  };
}
