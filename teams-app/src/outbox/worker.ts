/**
 * Delivers the outbox: claims due entries, paces them through the rate limiter, sends or
 * updates through the sender, and records the outcome.
 *
 * The guarantee, exactly: every entry is delivered at least once unless it is given up
 * (a permanent error, the conversation uninstalled, or `maxAttempts` failures). Entries are
 * unique by (event, conversation), so one event never yields two entries for a channel. An
 * entry is claimed under a lease before it is sent; a process killed after the claim leaves
 * it `sending`, and it is claimed again once the lease runs out. The connector's answer (the
 * activity id) and the `sent` state are written in one statement right after the answer, so
 * the only way to send a card twice is a kill in the few milliseconds between the
 * connector's 2xx and that write (or the database away for longer than that write is retried,
 * record-through-outage.ts); Teams offers no idempotency key to close that window.
 * Updates are idempotent (a PUT of the same card to the same activity id), so a repeated
 * update changes nothing. Within a conversation one entry is in flight at a time, and an
 * update waits until the card it replaces has been sent; a conversation with a request in
 * flight is never claimed again by this process, so a slow answer that outlives the lease
 * cannot cause a second send. Run one worker per database: on PostgreSQL the service starts it
 * only while holding the delivery lock (delivery-gate.ts).
 */
import type { ClaimSkip, ConversationRecord, OutboxEntry, OutboxKey, TeamsStore } from '../store/port';
import { recordOutcome } from './outcome';
import { recordThroughOutage } from './record-through-outage';
import { TEAMS_CONVERSATION_LIMITS, TEAMS_TENANT_LIMITS, withMargin, type RateLimiter, type WindowLimit } from './rate-limiter';
import type { ActivitySender, SendOutcome } from './sender';

export interface OutboxWorkerOptions {
  readonly store: TeamsStore;
  readonly sender: ActivitySender;
  readonly limiter: RateLimiter;
  readonly nowMs: () => number;
  /** In [0, 1), for backoff jitter. */
  readonly random: () => number;
  readonly concurrency?: number;
  readonly leaseMs?: number;
  readonly pollMs?: number;
  readonly maxAttempts?: number;
  readonly conversationLimits?: readonly WindowLimit[];
  readonly tenantLimits?: readonly WindowLimit[];
  readonly log?: (line: string) => void;
}

export interface OutboxWorker {
  start(): void;
  /** Stops claiming and waits for the sends in flight. */
  stop(): Promise<void>;
  /** Wakes the worker now (new entries were stored). */
  wake(): void;
}

const DEFAULT_MARGIN_MS = 50;
/**
 * Spreads a tenant's requests (one per 33 ms at most) instead of bursts of 30: with the
 * 30-per-1.05-s window, any 31 consecutive requests then span at least 1.05 s, so jitter of
 * up to 50 ms on the way to the connector cannot put 31 of them in one of its seconds.
 */
const TENANT_PACING: WindowLimit = { count: 1, windowMs: 33 };
/** A claimed entry waits in memory for the limiter up to this long, else goes back to the database. */
const MAX_WAIT_MS = 1_000;

/** Creates a worker; nothing happens until `start`. */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const { store, sender, limiter, nowMs, random } = options;
  const concurrency = options.concurrency ?? 16;
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 250;
  const maxAttempts = options.maxAttempts ?? 15;
  const conversationLimits = options.conversationLimits ?? withMargin(TEAMS_CONVERSATION_LIMITS, DEFAULT_MARGIN_MS);
  const tenantLimits = options.tenantLimits ?? [...withMargin(TEAMS_TENANT_LIMITS, DEFAULT_MARGIN_MS), TENANT_PACING];
  const log = options.log ?? (() => undefined);
  const inFlight = new Map<string, Promise<void>>();
  const heldConversations = new Map<string, number>();
  const heldTenants = new Map<string, number>();
  let running = false;
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  const held = (map: Map<string, number>, now: number) => {
    for (const [k, until] of map) if (until <= now) map.delete(k);
    return [...map.keys()];
  };
  const keyOf = (e: OutboxEntry): OutboxKey => ({ eventId: e.eventId, conversationId: e.conversationId });

  const deliver = async (entry: OutboxEntry, conversation: ConversationRecord, targetActivityId: string | null): Promise<void> => {
    const outcome: SendOutcome =
      entry.kind === 'update' && targetActivityId
        ? await sender.update(conversation.reference, targetActivityId, entry.activity)
        : await sender.send(conversation.reference, entry.activity);
    const hold = await recordThroughOutage(() => recordOutcome({ store, entry, outcome, targetActivityId, nowMs: nowMs(), random: random(), maxAttempts, log }));
    if (hold !== null) {
      limiter.block(`conv:${entry.conversationId}`, hold);
      heldConversations.set(entry.conversationId, hold);
    }
  };

  const tenantTasks = new Map<string, number>();
  const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

  /**
   * One claimed entry, from checks to outcome. It waits in memory for its turn when the
   * limiter's answer is near (so requests leave exactly as spaced as allowed, with no
   * database round trip in between), and goes back to the database when it is far.
   */
  const handle = async (entry: OutboxEntry): Promise<void> => {
    const conversation = await store.getConversation(entry.conversationId);
    if (!conversation?.installed) return store.drop(keyOf(entry), 'conversation uninstalled');
    let target: string | null = null;
    if (entry.kind === 'update') {
      const card = await store.findCard(entry.conversationId, entry.subject, entry.seq);
      if (!card || card.state === 'dropped') return store.drop(keyOf(entry), 'no card to update');
      if (card.state !== 'sent') return store.reschedule(keyOf(entry), nowMs() + 250, null);
      target = card.activityId;
    }
    const keys = [
      { key: `conv:${entry.conversationId}`, limits: conversationLimits },
      { key: `tenant:${entry.tenantId}`, limits: tenantLimits },
    ];
    for (;;) {
      if (!running) return store.reschedule(keyOf(entry), nowMs(), null);
      const now = nowMs();
      const acquired = limiter.tryAcquire(keys, now);
      if (acquired.kind === 'allowed') break;
      if (acquired.retryAtMs - now > MAX_WAIT_MS) {
        // Far off: hold the full key so the next claims skip its entries, and let go of this one.
        if (acquired.key.startsWith('tenant:')) heldTenants.set(entry.tenantId, acquired.retryAtMs);
        else heldConversations.set(entry.conversationId, acquired.retryAtMs);
        return store.reschedule(keyOf(entry), acquired.retryAtMs, null);
      }
      await delay(acquired.retryAtMs - now);
    }
    // Nothing awaits between the limiter's stamp and the request.
    return deliver(entry, conversation, target);
  };

  const startTask = (entry: OutboxEntry) => {
    tenantTasks.set(entry.tenantId, (tenantTasks.get(entry.tenantId) ?? 0) + 1);
    const task = handle(entry)
      .catch((error: unknown) => log(`outbox: delivery of ${entry.eventId} → ${entry.conversationId} failed: ${String(error)}`))
      .finally(() => {
        inFlight.delete(entry.conversationId);
        tenantTasks.set(entry.tenantId, (tenantTasks.get(entry.tenantId) ?? 1) - 1);
        wakeUp?.();
      });
    inFlight.set(entry.conversationId, task);
  };

  const pump = async () => {
    // No tenant takes more than three quarters of the slots, so one busy tenant cannot starve the others.
    const perTenant = Math.max(2, Math.ceil((concurrency * 3) / 4));
    while (running) {
      const free = concurrency - inFlight.size;
      if (free <= 0) {
        await Promise.race(inFlight.values());
        continue;
      }
      const now = nowMs();
      const busyTenants = [...tenantTasks].filter(([, n]) => n >= perTenant).map(([t]) => t);
      const skip: ClaimSkip = {
        conversations: [...new Set([...held(heldConversations, now), ...inFlight.keys()])],
        tenants: [...new Set([...held(heldTenants, now), ...busyTenants])],
      };
      let entries: OutboxEntry[];
      try {
        entries = await store.claimDue(now, free, leaseMs, skip);
      } catch (error) {
        log(`outbox: claim failed: ${String(error)}`);
        await sleep(pollMs);
        continue;
      }
      for (const entry of entries) {
        // One entry per conversation at a time: a second one of the same batch waits a little.
        // Should the database be away for that write, the entry's lease brings it back.
        if (inFlight.has(entry.conversationId)) {
          await store.reschedule(keyOf(entry), now + 20, null).catch((error: unknown) => log(`outbox: could not defer ${entry.eventId} → ${entry.conversationId}: ${String(error)}`));
        } else startTask(entry);
      }
      if (entries.length === 0) {
        const holds = [...heldConversations.values(), ...heldTenants.values()].filter((t) => t > now);
        await sleep(Math.min(now + pollMs, ...holds) - nowMs());
      }
    }
  };

  return {
    start() {
      if (running) return;
      running = true;
      loop = pump();
    },
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
      await Promise.all(inFlight.values());
    },
    wake() {
      wakeUp?.();
    },
  };
}
