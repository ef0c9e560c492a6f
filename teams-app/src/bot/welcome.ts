/**
 * What the bot says when it is installed in a conversation: the follow picker with the
 * departments of the connected Jira site, or how to connect one first.
 */
import { buildFollowPickerCard, buildHelpCard, buildNoticeCard } from '../cards/interaction-cards';
import { cardReply, forgeFor, forgeProblem, NOT_CONNECTED, type BotServices, type Reply, type TurnInfo } from './services';

/** The replies to an install. */
export async function buildWelcome(services: BotServices, turn: TurnInfo): Promise<Reply[]> {
  const forge = await forgeFor(services, turn.tenantId);
  if (!forge) return [cardReply(buildNoticeCard('Hello! One step first', NOT_CONNECTED), 'Connect a Jira site'), cardReply(buildHelpCard(), 'Help')];
  const listed = await forge.call({ action: 'departments' });
  if (listed.kind !== 'ok') return [forgeProblem(listed)];
  const followed = await services.store.departmentsFollowedBy(turn.conversationId);
  return [cardReply(buildFollowPickerCard(listed.data.departments, followed), 'Which departments does this channel follow?')];
}
