/**
 * The people a view names, sent beside it over the bridge: for each owner stored as an
 * Atlassian account id, or as an email Jira shows on a person, the name Jira shows, the email
 * only when Jira reveals it, and the avatar. The views keep every owner as stored (an email
 * stays an email, names stay names); receivers label owners with `ownerLabel`
 * (core/src/people) and never show an account id.
 */
import { z } from 'zod';
import { accountIdsInText } from '../people/account-id';
import { emailsInText } from '../people/owner-email';
import type { OwnerPerson } from '../people/owner-label';

/** Bounds a list far above a company view's owners and far below the bridge's body limits. */
export const MAX_BRIDGE_PEOPLE = 1000;

const PERSON_SHAPE = 'expected a person { id, displayName, email?, avatarUrl? }';

export const bridgePersonSchema = z.strictObject(
  {
    id: z.string({ error: 'expected id to be the owner as stored (an account id or an email)' }).trim().min(1, { error: 'expected id to be the owner as stored (an account id or an email)' }).max(200, { error: 'expected an id of at most 200 characters' }),
    displayName: z.string({ error: 'expected displayName to be the name Jira shows' }).trim().min(1, { error: 'expected displayName to be the name Jira shows' }).max(256, { error: 'expected a displayName of at most 256 characters' }),
    email: z
      .string({ error: 'expected email to be an email address (or absent when Jira hides it)' })
      .trim()
      .toLowerCase()
      .max(320, { error: 'expected an email of at most 320 characters' })
      .regex(/^[^\s@]+@[^\s@]+$/, { error: 'expected email to be an email address (or absent when Jira hides it)' })
      .optional(),
    avatarUrl: z.url({ protocol: /^https$/, error: 'expected avatarUrl to be an https URL' }).max(2000, { error: 'expected an avatarUrl of at most 2000 characters' }).optional(),
  },
  { error: PERSON_SHAPE },
);

export const bridgePeopleSchema = z
  .array(bridgePersonSchema, { error: 'expected people to be a list of persons { id, displayName, email?, avatarUrl? }' })
  .max(MAX_BRIDGE_PEOPLE, { error: `expected at most ${MAX_BRIDGE_PEOPLE} people` })
  .refine((people) => new Set(people.map((p) => p.id)).size === people.length, { error: 'expected each person once in people (ids repeat)' });

export type BridgePerson = z.infer<typeof bridgePersonSchema>;

// A compile-time tie: what the bridge carries is what the labels read.
const _sameShape: (p: BridgePerson) => OwnerPerson = (p) => p;
void _sameShape;

const OWNER_KEYS = new Set(['owner', 'owners', 'presenter']);

/**
 * The owner strings a view names (a key result's `owner`, a department's or provider's
 * `owners`, an agenda item's `presenter`) and the account ids and emails its sentences hold
 * (an agenda item's "(owner …)"), each once, in the order met. Walks plain JSON, so one function serves
 * every view the bridge carries.
 */
export function ownersNamedIn(value: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, key: string | null): void => {
    if (typeof v === 'string') {
      if (key !== null && OWNER_KEYS.has(key) && v.trim() !== '') out.add(v.trim());
      else if (!/^(?:https?|mailto):/.test(v)) for (const id of [...accountIdsInText(v), ...emailsInText(v)]) out.add(id);
      return;
    }
    if (Array.isArray(v)) {
      for (const item of v) walk(item, key === 'owners' ? key : null);
      return;
    }
    if (v !== null && typeof v === 'object') for (const [k, child] of Object.entries(v)) walk(child, k);
  };
  walk(value, null);
  return [...out];
}
