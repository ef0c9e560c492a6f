/**
 * Weekly check-in reminders: for each due (conversation, department) schedule, the key
 * results of the department whose check-ins are stale (the core's `stale-check-in` lint)
 * get a check-in card in the channel, naming their owners. A reminder goes through the
 * outbox as a local event whose id is the schedule and its due time, so running twice (a
 * restart before the schedule advanced) sends it once.
 */
import { buildCheckInCard } from '../cards/interaction-cards';
import { cardActivity } from '../events/plan-alerts';
import { nextWeeklyOccurrence } from './reminder-time';
import { indexPeople } from '@okr-bridge/core';
import { forgeFor, type BotServices } from './services';

/** The connection id under which locally generated events are stored. */
export const LOCAL_EVENTS = 'local:reminders';

/** Sends the due reminders; returns how many outbox entries were created. */
export async function runDueReminders(services: BotServices): Promise<number> {
  const { store } = services;
  let created = 0;
  for (const schedule of await store.dueReminders(services.nowMs())) {
    const advance = () => store.saveReminder({ ...schedule, nextDueAt: nextWeeklyOccurrence(Math.max(services.nowMs(), schedule.nextDueAt), schedule.weekday, schedule.time, schedule.timeZone) });
    const conversation = await store.getConversation(schedule.conversationId);
    const forge = conversation?.installed ? await forgeFor(services, conversation.tenantId) : null;
    if (!conversation || !forge) {
      await advance();
      continue;
    }
    const view = await forge.call({ action: 'department', department: schedule.department });
    if (view.kind !== 'ok') {
      services.log?.(`reminders: ${schedule.department} for ${schedule.conversationId}: ${view.message}`);
      await advance();
      continue;
    }
    const stale = view.data.lint.filter((f) => f.code === 'stale-check-in').map((f) => f.subject);
    if (stale.length > 0) {
      const krs = view.data.objectives.flatMap((o) => o.keyResults);
      const eventId = `reminder:${schedule.conversationId}:${schedule.department}:${schedule.nextDueAt}`;
      const activity = cardActivity(buildCheckInCard(view.data, krs, { reminder: true, stale, named: indexPeople(view.data.people) }), `Weekly check-in: ${view.data.name}`);
      const entry = { eventId, conversationId: schedule.conversationId, tenantId: conversation.tenantId, kind: 'send' as const, subject: `reminder:${schedule.department}`, activity, notBefore: services.nowMs() };
      const outcome = await store.ingestEvent(
        { connectionId: LOCAL_EVENTS, requestId: eventId },
        { id: eventId, connectionId: LOCAL_EVENTS, type: 'check-in.reminder', body: { schedule, stale }, receivedAt: services.nowMs() },
        [entry],
      );
      if (outcome === 'stored') created++;
    }
    await advance();
  }
  if (created > 0) services.wakeOutbox?.();
  return created;
}
