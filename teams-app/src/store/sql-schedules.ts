/**
 * Check-in reminder schedules and agenda requests over a `SqlDb`.
 */
import type { AgendaRequest, AgendaStore, ReminderSchedule, ReminderStore } from './port';
import type { Row, SqlDb } from './sql-db';

const toReminder = (r: Row): ReminderSchedule => ({
  conversationId: String(r.conversation_id),
  department: String(r.department),
  weekday: Number(r.weekday),
  time: String(r.time),
  timeZone: String(r.time_zone),
  nextDueAt: Number(r.next_due_at),
});

const toAgendaRequest = (r: Row): AgendaRequest => ({
  tenantId: String(r.tenant_id),
  scope: String(r.scope),
  subject: String(r.subject),
  title: String(r.title),
  addedBy: String(r.added_by),
  addedAt: Number(r.added_at),
});

/** The reminder and agenda parts of the store. */
export function createSqlSchedules(db: SqlDb): ReminderStore & AgendaStore {
  return {
    async saveReminder(s) {
      await db.run(
        `INSERT INTO reminders (conversation_id, department, weekday, time, time_zone, next_due_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (conversation_id, department) DO UPDATE SET weekday = excluded.weekday, time = excluded.time,
           time_zone = excluded.time_zone, next_due_at = excluded.next_due_at`,
        [s.conversationId, s.department, s.weekday, s.time, s.timeZone, s.nextDueAt],
      );
    },
    async removeReminder(conversationId, department) {
      await db.run('DELETE FROM reminders WHERE conversation_id = ? AND department = ?', [conversationId, department]);
    },
    async dueReminders(nowMs) {
      return (await db.query('SELECT * FROM reminders WHERE next_due_at <= ? ORDER BY next_due_at, conversation_id, department', [nowMs])).map(toReminder);
    },
    async listReminders(conversationId) {
      return (await db.query('SELECT * FROM reminders WHERE conversation_id = ? ORDER BY department', [conversationId])).map(toReminder);
    },
    async addAgendaRequest(a) {
      const n = await db.run(
        'INSERT INTO agenda_requests (tenant_id, scope, subject, title, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        [a.tenantId, a.scope, a.subject, a.title, a.addedBy, a.addedAt],
      );
      return n === 1;
    },
    async agendaRequests(tenantId, scope) {
      return (await db.query('SELECT * FROM agenda_requests WHERE tenant_id = ? AND scope = ? ORDER BY added_at, subject', [tenantId, scope])).map(toAgendaRequest);
    },
    async agendaRequestCount(tenantId) {
      return Number((await db.query('SELECT COUNT(*) AS n FROM agenda_requests WHERE tenant_id = ?', [tenantId]))[0]?.n ?? 0);
    },
  };
}
