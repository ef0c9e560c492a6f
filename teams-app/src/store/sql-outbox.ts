/**
 * Received events, replay ids and the outbox over a `SqlDb`. Ingesting an event and creating
 * its outbox entries happen in one transaction, so an event is either stored with all its
 * entries or not at all.
 */
import type { EventStore, OutboxEntry, OutboxKind, OutboxState, OutboxStore, ReceivedEvent } from './port';
import type { Row, SqlDb } from './sql-db';

const toEntry = (r: Row): OutboxEntry => ({
  seq: Number(r.seq),
  eventId: String(r.event_id),
  conversationId: String(r.conversation_id),
  tenantId: String(r.tenant_id),
  kind: String(r.kind) as OutboxKind,
  subject: String(r.subject),
  activity: JSON.parse(String(r.activity)) as unknown,
  state: String(r.state) as OutboxState,
  attempts: Number(r.attempts),
  nextAttemptAt: Number(r.next_attempt_at),
  notBefore: Number(r.next_attempt_at),
  activityId: r.activity_id === null ? null : String(r.activity_id),
  lastError: r.last_error === null ? null : String(r.last_error),
});

/** The event and outbox parts of the store. */
export function createSqlOutbox(db: SqlDb): EventStore & OutboxStore {
  const lock = db.dialect === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : '';
  return {
    async hasRequest(connectionId, requestId) {
      return (await db.query('SELECT 1 AS hit FROM bridge_requests WHERE connection_id = ? AND request_id = ?', [connectionId, requestId])).length > 0;
    },
    async ingestEvent(request, event, entries) {
      return db.transaction(async (tx) => {
        await tx.run('INSERT INTO bridge_requests (connection_id, request_id, received_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
          request.connectionId,
          request.requestId,
          event.receivedAt,
        ]);
        const inserted = await tx.run('INSERT INTO events (connection_id, id, type, body, received_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING', [
          event.connectionId,
          event.id,
          event.type,
          JSON.stringify(event.body),
          event.receivedAt,
        ]);
        if (inserted === 0) return 'duplicate';
        await tx.run('INSERT INTO event_counters (connection_id, events) VALUES (?, 1) ON CONFLICT (connection_id) DO UPDATE SET events = event_counters.events + 1', [
          event.connectionId,
        ]);
        for (const e of entries) {
          await tx.run(
            `INSERT INTO outbox (event_id, conversation_id, tenant_id, kind, subject, activity, state, attempts, next_attempt_at)
             VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?) ON CONFLICT (event_id, conversation_id) DO NOTHING`,
            [e.eventId, e.conversationId, e.tenantId, e.kind, e.subject, JSON.stringify(e.activity), e.notBefore],
          );
        }
        return 'stored';
      });
    },
    async getEvent(id, connectionId) {
      const rows =
        connectionId === undefined
          ? await db.query('SELECT * FROM events WHERE id = ? ORDER BY received_at LIMIT 1', [id])
          : await db.query('SELECT * FROM events WHERE connection_id = ? AND id = ?', [connectionId, id]);
      const r = rows[0];
      if (!r) return undefined;
      const event: ReceivedEvent = { id: String(r.id), connectionId: String(r.connection_id), type: String(r.type), body: JSON.parse(String(r.body)), receivedAt: Number(r.received_at) };
      return event;
    },
    async eventsVersion(connectionId) {
      // One row read: the counter moves with every stored event, even two in one millisecond.
      const rows = await db.query('SELECT events FROM event_counters WHERE connection_id = ?', [connectionId]);
      return rows[0] ? String(Number(rows[0].events)) : null;
    },
    async conversationsWithCard(tenantId, subject) {
      const rows = await db.query(`SELECT DISTINCT conversation_id FROM outbox WHERE tenant_id = ? AND subject = ? AND kind = 'send' AND state <> 'dropped' ORDER BY conversation_id`, [
        tenantId,
        subject,
      ]);
      return rows.map((r) => String(r.conversation_id));
    },
    async pruneRequests(beforeMs) {
      return db.run('DELETE FROM bridge_requests WHERE received_at < ?', [beforeMs]);
    },
    async pruneEvents(beforeMs) {
      return db.run('DELETE FROM events WHERE received_at < ?', [beforeMs]);
    },

    async claimDue(nowMs, limit, leaseMs, skip = {}) {
      const conversations = skip.conversations ?? [];
      const tenants = skip.tenants ?? [];
      const notIn = (column: string, values: readonly string[]) => (values.length ? ` AND ${column} NOT IN (${values.map(() => '?').join(', ')})` : '');
      return db.transaction(async (tx) => {
        const due = await tx.query(
          `SELECT seq FROM outbox WHERE ((state = 'pending' AND next_attempt_at <= ?) OR (state = 'sending' AND lease_until <= ?))` +
            `${notIn('conversation_id', conversations)}${notIn('tenant_id', tenants)} ORDER BY seq LIMIT ?${lock}`,
          [nowMs, nowMs, ...conversations, ...tenants, limit],
        );
        if (due.length === 0) return [];
        const seqs = due.map((r) => Number(r.seq));
        const marks = seqs.map(() => '?').join(', ');
        await tx.run(`UPDATE outbox SET state = 'sending', lease_until = ? WHERE seq IN (${marks})`, [nowMs + leaseMs, ...seqs]);
        return (await tx.query(`SELECT * FROM outbox WHERE seq IN (${marks}) ORDER BY seq`, seqs)).map(toEntry);
      });
    },
    async markSent(key, activityId) {
      await db.run(`UPDATE outbox SET state = 'sent', activity_id = ?, attempts = attempts + 1, lease_until = NULL, last_error = NULL WHERE event_id = ? AND conversation_id = ?`, [
        activityId,
        key.eventId,
        key.conversationId,
      ]);
    },
    async reschedule(key, nextAttemptAt, error, as) {
      // A deferral (rate limit, waiting for the card to update) is not an attempt; a failure is.
      await db.run(
        `UPDATE outbox SET state = 'pending', next_attempt_at = ?, lease_until = NULL, attempts = attempts + ?, last_error = COALESCE(?, last_error), kind = COALESCE(?, kind)
         WHERE event_id = ? AND conversation_id = ? AND state = 'sending'`,
        [nextAttemptAt, error === null ? 0 : 1, error, as ?? null, key.eventId, key.conversationId],
      );
    },
    async drop(key, error) {
      await db.run(`UPDATE outbox SET state = 'dropped', lease_until = NULL, last_error = ? WHERE event_id = ? AND conversation_id = ?`, [error, key.eventId, key.conversationId]);
    },
    async findCard(conversationId, subject, beforeSeq) {
      const rows = await db.query(`SELECT * FROM outbox WHERE conversation_id = ? AND subject = ? AND kind = 'send' AND seq < ? ORDER BY seq DESC LIMIT 1`, [
        conversationId,
        subject,
        beforeSeq,
      ]);
      return rows[0] ? toEntry(rows[0]) : undefined;
    },
    async listOutbox() {
      return (await db.query('SELECT * FROM outbox ORDER BY seq')).map(toEntry);
    },
  };
}
