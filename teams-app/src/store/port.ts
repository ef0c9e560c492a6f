/**
 * The Teams service's storage port: small interfaces, each six methods or fewer, with no
 * vendor types in their signatures. Two adapters implement all of them (`sqlite-store.ts`,
 * `postgres-store.ts`) and pass one contract suite (`store-contract.ts`). Times are epoch
 * milliseconds; JSON values are plain data the adapters serialise.
 */

/** What is needed to message a conversation proactively (a Bot Framework conversation reference, as stored). */
export interface StoredReference {
  readonly serviceUrl: string;
  readonly channelId: string;
  readonly conversation: { readonly id: string; readonly tenantId?: string; readonly conversationType?: string; readonly isGroup?: boolean; readonly name?: string };
  readonly agent?: { readonly id: string; readonly name?: string };
  readonly user?: { readonly id: string; readonly name?: string };
  readonly locale?: string;
}

export interface ConversationRecord {
  readonly id: string;
  readonly tenantId: string;
  readonly reference: StoredReference;
  readonly installed: boolean;
  /** An IANA time zone for reminders (from the activity), or null when unknown. */
  readonly timeZone: string | null;
  readonly updatedAt: number;
}

export interface ConversationStore {
  /** Inserts or replaces a conversation and marks it installed. */
  saveConversation(record: Omit<ConversationRecord, 'installed'>): Promise<void>;
  getConversation(id: string): Promise<ConversationRecord | undefined>;
  /** Marks a conversation uninstalled: nothing is sent there any more. */
  markUninstalled(id: string, atMs: number): Promise<void>;
  listConversations(tenantId: string): Promise<ConversationRecord[]>;
}

export interface FollowStore {
  /** True when the follow is new. */
  follow(conversationId: string, department: string): Promise<boolean>;
  /** True when there was a follow to remove. */
  unfollow(conversationId: string, department: string): Promise<boolean>;
  departmentsFollowedBy(conversationId: string): Promise<string[]>;
  /** The installed conversations of `tenantId` following any of `departments`, sorted by id. */
  followersOf(tenantId: string, departments: readonly string[]): Promise<string[]>;
}

/** A Teams tenant's link to a Jira site. The secret is stored, never logged. */
export interface ConnectionRecord {
  readonly id: string;
  readonly tenantId: string;
  /** The Forge web trigger URL. */
  readonly url: string;
  readonly secret: string;
  readonly siteUrl: string;
  readonly siteName: string;
  readonly createdAt: number;
}

/** Whether a connection was saved, or refused because its id belongs to another tenant. */
export type SaveConnectionResult = { readonly kind: 'saved' } | { readonly kind: 'taken' };

export interface ConnectionStore {
  /**
   * Inserts or replaces; a tenant has at most one connection (a new one replaces the old).
   * An id already saved by another tenant is refused (`taken`) and changes nothing.
   */
  saveConnection(record: ConnectionRecord): Promise<SaveConnectionResult>;
  connectionById(id: string): Promise<ConnectionRecord | undefined>;
  connectionForTenant(tenantId: string): Promise<ConnectionRecord | undefined>;
}

export type OutboxKind = 'send' | 'update';
export type OutboxState = 'pending' | 'sending' | 'sent' | 'dropped';

/** An outbox entry to create: one activity for one conversation because of one event. */
export interface NewOutboxEntry {
  readonly eventId: string;
  readonly conversationId: string;
  readonly tenantId: string;
  /** `send` posts a new activity; `update` replaces the activity an earlier `send` of the same subject posted. */
  readonly kind: OutboxKind;
  /** What the activity is about (e.g. `dependency:dep-1`); updates find their card by it. */
  readonly subject: string;
  /** The activity to send (JSON). */
  readonly activity: unknown;
  readonly notBefore: number;
}

export interface OutboxEntry extends NewOutboxEntry {
  /** Creation order. */
  readonly seq: number;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly nextAttemptAt: number;
  readonly activityId: string | null;
  readonly lastError: string | null;
}

export interface OutboxKey {
  readonly eventId: string;
  readonly conversationId: string;
}

export interface ClaimSkip {
  readonly conversations?: readonly string[];
  readonly tenants?: readonly string[];
}

export interface OutboxStore {
  /**
   * Claims up to `limit` due entries, oldest first: pending ones whose time has come and
   * `sending` ones whose lease ran out (their sender died). Each claimed entry becomes
   * `sending` until `nowMs + leaseMs`. Entries of the conversations and tenants in `skip`
   * (busy or rate-limited right now) are left alone.
   */
  claimDue(nowMs: number, limit: number, leaseMs: number, skip?: ClaimSkip): Promise<OutboxEntry[]>;
  /** Records the activity id the connector returned and marks the entry sent, in one write. */
  markSent(key: OutboxKey, activityId: string, nowMs: number): Promise<void>;
  /**
   * Puts a claimed entry back to pending. With an error it counts as a failed attempt; with
   * null it is a deferral (rate limit, waiting for the card it updates) and counts nothing.
   * `as: 'send'` turns an update whose card can no longer be updated into a new card, which
   * later updates then find.
   */
  reschedule(key: OutboxKey, nextAttemptAt: number, error: string | null, as?: OutboxKind): Promise<void>;
  /** Gives up on an entry (uninstalled conversation, permanent error). */
  drop(key: OutboxKey, error: string): Promise<void>;
  /** The latest `send` entry of `subject` in a conversation created before `beforeSeq`. */
  findCard(conversationId: string, subject: string, beforeSeq: number): Promise<OutboxEntry | undefined>;
  /** Every entry, in creation order (for diagnostics and tests). */
  listOutbox(): Promise<OutboxEntry[]>;
}

export interface ReceivedEvent {
  readonly id: string;
  readonly connectionId: string;
  readonly type: string;
  readonly body: unknown;
  readonly receivedAt: number;
}

export type IngestOutcome = 'stored' | 'duplicate';

export interface EventStore {
  /** Whether a signed request id of this connection was already accepted (replay). */
  hasRequest(connectionId: string, requestId: string): Promise<boolean>;
  /**
   * In one transaction: records the request id, stores the event unless its id is known, and
   * (only when new) inserts the outbox entries, ignoring any whose key already exists.
   */
  ingestEvent(request: { connectionId: string; requestId: string }, event: ReceivedEvent, entries: readonly NewOutboxEntry[]): Promise<IngestOutcome>;
  /** The event `id` as stored; with `connectionId`, only that connection's (ids are unique per connection). */
  getEvent(id: string, connectionId?: string): Promise<ReceivedEvent | undefined>;
  /** The tenant's conversations that got a `send` entry of `subject` (for updates in place), sorted. */
  conversationsWithCard(tenantId: string, subject: string): Promise<string[]>;
  /** Forgets request ids accepted before `beforeMs` (older requests fail the time window anyway). */
  pruneRequests(beforeMs: number): Promise<number>;
  /** Forgets events received before `beforeMs` (the version stamp does not move back). */
  pruneEvents(beforeMs: number): Promise<number>;
  /**
   * A stamp that changes whenever an event of the connection is stored (null before the first),
   * a counter kept beside the events, so pruning old events never brings back an earlier stamp:
   * open tab views poll it, in one read, to learn that the Jira site changed.
   */
  eventsVersion(connectionId: string): Promise<string | null>;
}

/** A weekly check-in reminder of one department in one conversation. */
export interface ReminderSchedule {
  readonly conversationId: string;
  readonly department: string;
  /** 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** Local time, HH:MM. */
  readonly time: string;
  readonly timeZone: string;
  readonly nextDueAt: number;
}

export interface ReminderStore {
  /** Inserts or replaces the schedule of (conversation, department). */
  saveReminder(schedule: ReminderSchedule): Promise<void>;
  removeReminder(conversationId: string, department: string): Promise<void>;
  dueReminders(nowMs: number): Promise<ReminderSchedule[]>;
  listReminders(conversationId: string): Promise<ReminderSchedule[]>;
}

/** Items people added to a review agenda from a card, per tenant and department. */
export interface AgendaRequest {
  readonly tenantId: string;
  /** A department id, or the company id. */
  readonly scope: string;
  readonly subject: string;
  readonly title: string;
  readonly addedBy: string;
  readonly addedAt: number;
}

export interface AgendaStore {
  /** False when the subject is already on that agenda. */
  addAgendaRequest(request: AgendaRequest): Promise<boolean>;
  agendaRequests(tenantId: string, scope: string): Promise<AgendaRequest[]>;
  /** How many agenda requests the tenant has: requests are only ever added, so it moves with each one. */
  agendaRequestCount(tenantId: string): Promise<number>;
}

/**
 * A member of a conversation as Teams' roster API (`GET /v3/conversations/{id}/members/{member}`
 * and `…/pagedmembers`) described them: a cache, refetched once `fetchedAt` is older than the
 * bot's expiry. Keyed by the conversation key (a channel's id for channel posts).
 */
export interface MemberRecord {
  readonly conversationId: string;
  readonly tenantId: string;
  /** The Teams user id (`29:…`) the bot knows them by. */
  readonly userId: string;
  readonly aadObjectId: string | null;
  readonly name: string;
  /** Lower case; null when the roster gave none. */
  readonly email: string | null;
  /** The user principal name, lower case; null when the roster gave none. */
  readonly upn: string | null;
  /** When the roster said so. */
  readonly fetchedAt: number;
}

export interface MemberStore {
  /** Inserts or replaces members: the roster's latest answer wins, field by field. */
  saveMembers(members: readonly MemberRecord[]): Promise<void>;
  /** Forgets members who left a conversation. */
  removeMembers(conversationId: string, userIds: readonly string[]): Promise<void>;
  /** The members of `conversationIds` whose email or UPN is one of `addresses` (any case), by conversation then user id. */
  membersByAddress(conversationIds: readonly string[], addresses: readonly string[]): Promise<MemberRecord[]>;
  /** The member `userId` of `conversationId` as last fetched, or null when never fetched there. */
  memberOf(conversationId: string, userId: string): Promise<MemberRecord | null>;
  /** When any member of `conversationId` was last fetched, or null when none was. */
  rosterFetchedAt(conversationId: string): Promise<number | null>;
}

/**
 * The right to deliver the outbox when several processes share one database: held by one
 * process at a time, for as long as its database session lives.
 */
export interface DeliveryLock {
  /** Takes the lock when it is free, or checks it is still held; true while this process holds it. Never throws. */
  acquire(): Promise<boolean>;
  /** `listener` is called as soon as a held lock is lost (its database session ended). */
  onLost(listener: () => void): void;
  /** Lets go of the lock (ends its session), so another process can take it. */
  release(): Promise<void>;
}

export interface DeliveryLockStore {
  /** A new delivery lock, or null when the database belongs to one process (SQLite): its worker always runs. */
  deliveryLock(): DeliveryLock | null;
}

/** Everything the service stores. */
export interface TeamsStore extends ConversationStore, FollowStore, ConnectionStore, OutboxStore, EventStore, ReminderStore, AgendaStore, MemberStore, DeliveryLockStore {
  close(): Promise<void>;
}
