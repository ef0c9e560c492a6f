/**
 * The Forge issue events the app's trigger receives (`avi:jira:created|updated|deleted:issue`),
 * as documented in Forge's Jira events reference: `eventType`, `issue` (`id`, `key`, `fields`),
 * the optional `atlassianId` (other documented fields such as `associatedUsers` pass through
 * unchecked: core does not read them), and on updates a `changelog` with `items`
 * in Jira's change-details shape (`field`, `fieldtype`, `fieldId`, `from`, `fromString`, `to`,
 * `toString`). Unknown fields pass through; the documented ones must have their shape.
 */
import { z } from 'zod';
import { formatPath, rawIssueSchema } from '../model/issue';

export const forgeIssueEventTypes = ['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue'] as const;
export type ForgeIssueEventType = (typeof forgeIssueEventTypes)[number];

const changeValue = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === undefined || v === null ? null : String(v)));

/**
 * `toString` is also a property every object inherits: read it only when the item has it as
 * its own, so that an item without it is read as null instead of failing on a function.
 */
function ownStrings(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const own = value as Record<string, unknown>;
  return {
    ...own,
    toString: Object.hasOwn(own, 'toString') ? own.toString : null,
    fromString: Object.hasOwn(own, 'fromString') ? own.fromString : null,
  };
}

export const changelogItemSchema = z.preprocess(
  ownStrings,
  z.looseObject({
    field: z.string({ error: 'expected the changed field name as a string' }),
    fieldtype: z.string().optional(),
    fieldId: z.string().optional(),
    from: changeValue,
    fromString: changeValue,
    to: changeValue,
    toString: changeValue,
  }),
);
export type ChangelogItem = z.output<typeof changelogItemSchema>;

const rawFields = rawIssueSchema.shape.fields.shape;

const eventStatusSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string(),
  statusCategory: z.looseObject({ key: z.string() }).optional(),
});

/** Fields are whatever the event carries: all optional, typed where core reads them. */
export const eventFieldsSchema = z.looseObject({
  summary: z.string().optional(),
  issuetype: rawFields.issuetype,
  parent: rawFields.parent,
  status: eventStatusSchema.optional(),
  issuelinks: rawFields.issuelinks,
  created: z.string().optional(),
  updated: z.string().nullish(),
  resolutiondate: z.string().nullish(),
});

export const forgeIssueEventSchema = z.looseObject({
  eventType: z.enum(forgeIssueEventTypes, {
    error: (iss) => `expected eventType to be one of ${forgeIssueEventTypes.join(', ')}, got ${JSON.stringify(iss.input)}`,
  }),
  issue: z.looseObject({
    id: z.union([z.string(), z.number()]).transform(String),
    key: z.string({ error: 'expected the issue key as a string' }),
    fields: eventFieldsSchema.optional(),
  }),
  atlassianId: z.string().optional(),
  changelog: z.looseObject({ id: z.union([z.string(), z.number()]).optional(), items: z.array(changelogItemSchema) }).nullish(),
});
export type ForgeIssueEvent = z.output<typeof forgeIssueEventSchema>;
export type EventFields = z.output<typeof eventFieldsSchema>;

export type ParsedEvent = { readonly kind: 'event'; readonly event: ForgeIssueEvent } | { readonly kind: 'invalid'; readonly message: string };

/**
 * Validates a Forge issue event (already JSON-parsed). A wrong shape is refused with one
 * message naming each bad path, e.g. `changelog.items[0].field: expected the changed field
 * name as a string`.
 */
export function parseForgeIssueEvent(json: unknown): ParsedEvent {
  const parsed = forgeIssueEventSchema.safeParse(json);
  if (parsed.success) return { kind: 'event', event: parsed.data };
  const problems = parsed.error.issues.slice(0, 5).map((i) => `${formatPath(i.path)}: ${i.message}`);
  return { kind: 'invalid', message: `invalid Forge issue event: ${problems.join('; ')}` };
}
