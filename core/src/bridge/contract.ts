/**
 * The boundary between the Forge app (system of record, in Jira) and the Teams service: the
 * events Forge sends to `/api/events`, the calls the Teams service makes to the Forge web
 * trigger, their answers, and the one-time connection code. Both sides import these schemas;
 * neither sends anything by a bare string with a hand-copied type.
 */
import { z } from 'zod';
import { bridgePeopleSchema } from './people';
import { companyViewSchema, statusSchema, departmentTrendSchema, departmentViewSchema, dependencyViewSchema, krViewSchema, reviewAgendaSchema } from '../views/schemas';

const id = z.string().min(1).max(200);
const instant = z.iso.datetime({ offset: true, error: 'expected an ISO instant like 2026-11-15T09:00:00Z' });

// ── Events: Forge → Teams service (POST /api/events, signed) ──────────────────────────────

export const dependencyChangedEventSchema = z.object({
  type: z.literal('dependency.changed'),
  id,
  occurredAt: instant,
  /** The state before the change; null the first time the dependency is seen. */
  previousState: z.enum(['blocked', 'at-risk', 'open', 'done']).nullable(),
  dependency: dependencyViewSchema,
  /** The people the dependency's owners name (absent from apps that predate it). */
  people: bridgePeopleSchema.optional(),
});

export const krStatusChangedEventSchema = z.object({
  type: z.literal('kr.status-changed'),
  id,
  occurredAt: instant,
  previousStatus: statusSchema.nullable(),
  department: z.object({ id: z.string(), name: z.string() }),
  kr: krViewSchema,
  /** The person the key result's owner names (absent from apps that predate it). */
  people: bridgePeopleSchema.optional(),
});

/**
 * A number an open view shows moved (a key result's progress, a dependency's details) while no
 * status or dependency state changed: nothing to announce, but open Teams tabs reload.
 */
export const viewsChangedEventSchema = z.object({
  type: z.literal('views.changed'),
  id,
  occurredAt: instant,
});

export const bridgeEventSchema = z.discriminatedUnion('type', [dependencyChangedEventSchema, krStatusChangedEventSchema, viewsChangedEventSchema], {
  error: 'expected an event with type dependency.changed, kr.status-changed or views.changed',
});
export type BridgeEvent = z.infer<typeof bridgeEventSchema>;
export type DependencyChangedEvent = z.infer<typeof dependencyChangedEventSchema>;
export type KrStatusChangedEvent = z.infer<typeof krStatusChangedEventSchema>;
export type ViewsChangedEvent = z.infer<typeof viewsChangedEventSchema>;

// ── Calls: Teams service → Forge web trigger (POST, signed) ───────────────────────────────

/** A Teams user's Entra object id, as Teams' roster gives it for the sender of a verified activity (never the activity's own `from`). */
export const aadObjectIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'expected an Entra object id (letters, digits and dashes)' });

/** The alphabet of account link codes: Crockford's base32 (no I, L, O or U, which read like other characters). */
export const LINK_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** How many characters a link code has (50 bits), shown as two groups of five. */
export const LINK_CODE_LENGTH = 10;

/**
 * A one-time code a Jira user asks for in a Jira page and sends to the bot in Teams, to link
 * their Teams account to their Jira account. Read forgivingly: any case, spaces and dashes
 * ignored, and the letters people confuse (O, I, L) read as the digits they look like.
 */
export const linkCodeSchema = z
  .string()
  .max(40)
  .transform((raw) => raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1'))
  .pipe(z.string().regex(new RegExp(`^[${LINK_CODE_ALPHABET}]{${LINK_CODE_LENGTH}}$`), { error: `expected a code of ${LINK_CODE_LENGTH} letters and digits, like 7K2QF-M9XWD` }));

/** A link code as people read it: `7K2QF-M9XWD`. */
export function formatLinkCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export const checkInRequestSchema = z
  .object({
    action: z.literal('check-in'),
    kr: id,
    value: z.number().finite().optional(),
    done: z.boolean().optional(),
    confidence: z.enum(['low', 'medium', 'high']).optional(),
    note: z.string().max(2000).optional(),
    /** A decision the owner asks the review to take, as in the Jira check-in dialog. */
    decision: z.string().min(1).max(2000).optional(),
    /** Who checked in, as Teams knows them (display name or email). */
    author: z.string().min(1).max(200),
    /**
     * The email (or UPN) Teams gave for the person in a verified activity; Forge writes the
     * check-in only when it names the key result's owner or one of the department's owners.
     */
    authorEmail: z.string().trim().toLowerCase().regex(/^[^\s@]+@[^\s@]+$/, { error: 'expected authorEmail to be an email address' }).max(320).optional(),
    /** The person's Entra object id from Teams' roster: Forge accepts it for the Jira account it is linked to. */
    authorAadObjectId: aadObjectIdSchema.optional(),
  })
  .refine((r) => r.value !== undefined || r.done !== undefined, { error: 'expected a value (metric) or done (milestone)' });

export const webTriggerRequestSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('departments') }),
    z.object({ action: z.literal('company') }),
    z.object({ action: z.literal('department'), department: id }),
    /** With `withPeople`, the answer is `{ dependencies, people }`; without, the list alone (as before). */
    z.object({ action: z.literal('dependencies'), withPeople: z.literal(true).optional() }),
    z.object({
      action: z.literal('agenda'),
      department: id.optional(),
      since: z.iso.date().optional(),
      minutes: z.number().int().positive().max(480).optional(),
    }),
    checkInRequestSchema,
    /** Completes a connection: the Teams service tells Forge where to send events. */
    z.object({ action: z.literal('connect'), eventsUrl: z.url(), tenantId: id }),
    /** Links the Teams user who sent the bot a link code to the Jira account that asked for it. */
    z.object({ action: z.literal('link-account'), code: linkCodeSchema, aadObjectId: aadObjectIdSchema, name: z.string().trim().min(1, { error: 'expected name to be the sender\'s Teams name' }).max(200, { error: 'expected a name of at most 200 characters' }) }),
    /** Voids a link code that was seen where others could use it (posted in a channel or group chat). */
    z.object({ action: z.literal('void-link-code'), code: linkCodeSchema }),
  ],
  { error: 'expected action to be one of departments, company, department, dependencies, agenda, check-in, connect, link-account, void-link-code' },
);
export type WebTriggerRequest = z.infer<typeof webTriggerRequestSchema>;
export type WebTriggerAction = WebTriggerRequest['action'];

export const departmentSummarySchema = z.object({ id: z.string(), name: z.string(), parent: z.string().nullable(), owners: z.array(z.string()) });

/** `people`: the persons the answer's owners name (absent from apps that predate it). */
const withPeople = { people: bridgePeopleSchema.optional() };

/** The data each action answers with. */
export const webTriggerResultSchemas = {
  departments: z.object({ company: z.object({ id: z.string(), name: z.string() }), departments: z.array(departmentSummarySchema), ...withPeople }),
  company: companyViewSchema.extend(withPeople),
  /** The department view with its trend, computed once in Jira (absent from apps that predate it). */
  department: departmentViewSchema.extend({ trend: departmentTrendSchema.optional(), ...withPeople }),
  /** The list alone, or with the people its owners name when asked `withPeople` (an app that predates it answers the list). */
  dependencies: z.union([z.array(dependencyViewSchema), z.object({ dependencies: z.array(dependencyViewSchema), people: bridgePeopleSchema })]),
  agenda: reviewAgendaSchema.extend(withPeople),
  'check-in': z.object({ kr: krViewSchema, ...withPeople }),
  connect: z.object({ siteUrl: z.string(), siteName: z.string() }),
  /** The Jira account now linked, and its name when Jira tells it. */
  'link-account': z.object({ accountId: z.string(), displayName: z.string().nullable() }),
  /** Whether a code was voided (false: unknown, expired or used already). */
  'void-link-code': z.object({ voided: z.boolean() }),
} as const satisfies Record<WebTriggerAction, z.ZodType>;

export const bridgeErrorSchema = z.object({ code: z.string(), message: z.string() });

/** Every web trigger answer: `{ ok: true, data }` or `{ ok: false, error }`. */
export function webTriggerResponseSchema<A extends WebTriggerAction>(action: A) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data: webTriggerResultSchemas[action] }), z.object({ ok: z.literal(false), error: bridgeErrorSchema })]);
}

// ── The one-time connection code (shown in the Forge admin page, entered in Teams) ─────────

export const connectionCodePayloadSchema = z.object({
  v: z.literal(1),
  /**
   * The Forge web trigger URL the Teams service calls. Only http(s) here; the code is not
   * signed, so the Teams service also checks the host before calling it.
   */
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) web trigger URL' }),
  connection: id,
  secret: z.string().min(32),
  site: z.string(),
  expiresAt: instant,
});
export type ConnectionCodePayload = z.infer<typeof connectionCodePayloadSchema>;

const CODE_PREFIX = 'okrc1.';

export function encodeConnectionCode(payload: ConnectionCodePayload): string {
  return CODE_PREFIX + Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export type DecodedConnectionCode = { readonly kind: 'ok'; readonly payload: ConnectionCodePayload } | { readonly kind: 'invalid'; readonly message: string };

/** Decodes a pasted connection code; `nowMs` decides expiry. */
export function decodeConnectionCode(code: string, nowMs: number): DecodedConnectionCode {
  const trimmed = code.trim();
  if (!trimmed.startsWith(CODE_PREFIX)) return { kind: 'invalid', message: `expected a connection code starting with ${CODE_PREFIX} (copy it from OKR settings in Jira)` };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(trimmed.slice(CODE_PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    return { kind: 'invalid', message: 'the connection code is damaged; copy it again from OKR settings in Jira' };
  }
  const parsed = connectionCodePayloadSchema.safeParse(json);
  if (!parsed.success) return { kind: 'invalid', message: 'the connection code is damaged; copy it again from OKR settings in Jira' };
  if (Date.parse(parsed.data.expiresAt) <= nowMs) return { kind: 'invalid', message: 'the connection code has expired; create a new one in OKR settings in Jira' };
  return { kind: 'ok', payload: parsed.data };
}

/** The `dependencies` answer in one shape, whichever the Jira app gave. */
export function dependenciesAnswerOf(data: z.infer<(typeof webTriggerResultSchemas)['dependencies']>): { dependencies: z.infer<typeof dependencyViewSchema>[]; people: z.infer<typeof bridgePeopleSchema> } {
  return Array.isArray(data) ? { dependencies: data, people: [] } : data;
}
