/**
 * Following a department from a channel: the follow itself and the weekly check-in reminder
 * that goes with it (Monday 09:00 in the team's time zone by default).
 */
import { isTimeZone, nextWeeklyOccurrence } from './reminder-time';
import type { BotServices } from './services';

export const DEFAULT_REMINDER = { weekday: 1, time: '09:00' } as const;

/** Follows `department` in a conversation and schedules its reminder; true when new. */
export async function followDepartment(services: BotServices, conversationId: string, department: string): Promise<boolean> {
  const added = await services.store.follow(conversationId, department);
  const conversation = await services.store.getConversation(conversationId);
  const zone = conversation?.timeZone && isTimeZone(conversation.timeZone) ? conversation.timeZone : services.defaultTimeZone;
  const existing = (await services.store.listReminders(conversationId)).find((r) => r.department === department);
  if (!existing) {
    await services.store.saveReminder({
      conversationId,
      department,
      ...DEFAULT_REMINDER,
      timeZone: zone,
      nextDueAt: nextWeeklyOccurrence(services.nowMs(), DEFAULT_REMINDER.weekday, DEFAULT_REMINDER.time, zone),
    });
  }
  return added;
}

/** Stops following `department` in a conversation, and its reminder; true when it was followed. */
export async function unfollowDepartment(services: BotServices, conversationId: string, department: string): Promise<boolean> {
  await services.store.removeReminder(conversationId, department);
  return services.store.unfollow(conversationId, department);
}

/** Makes the conversation follow exactly `departments` (the follow picker's answer). */
export async function setFollows(services: BotServices, conversationId: string, departments: readonly string[]): Promise<string[]> {
  const before = await services.store.departmentsFollowedBy(conversationId);
  for (const d of before) if (!departments.includes(d)) await unfollowDepartment(services, conversationId, d);
  for (const d of departments) if (!before.includes(d)) await followDepartment(services, conversationId, d);
  return services.store.departmentsFollowedBy(conversationId);
}
