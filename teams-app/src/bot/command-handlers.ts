/**
 * What each command answers. Data comes from the tenant's Forge web trigger (signed); follows
 * and reminders are stored here. Every answer is a list of replies (cards or text).
 */
import { dependenciesAnswerOf, indexPeople, linkCodeSchema } from '@okr-bridge/core';
import { buildCheckInCard, buildFollowingCard, buildHelpCard, buildNoticeCard } from '../cards/interaction-cards';
import { buildAgendaCard, buildBlockedListCard, buildCompanyStatusCard, buildDepartmentStatusCard } from '../cards/view-cards';
import type { ForgeClient } from '../forge/forge-client';
import type { Command } from './commands';
import { resolveDepartment } from './commands';
import { authorOf, verifiedSenderOf, type ActionRoster } from './card-actions';
import { connectTenant } from './connect';
import { followDepartment, unfollowDepartment } from './follows';
import { cardReply, forgeFor, forgeProblem, NOT_CONNECTED, type BotServices, type Reply, type TurnInfo } from './services';

const notice = (title: string, message: string, tone: 'good' | 'warning' | 'attention' = 'warning'): Reply => cardReply(buildNoticeCard(title, message, tone), title);

/** Runs one command for one turn. */
export async function runCommand(services: BotServices, turn: TurnInfo, command: Command, who?: ActionRoster): Promise<Reply[]> {
  if (command.kind === 'help') return [cardReply(buildHelpCard(), 'Help')];
  if (command.kind === 'unknown') return [cardReply(buildHelpCard(command.reason), 'Help')];
  if (command.kind === 'connect') return connectTenant(services, turn, command.code);
  const forge = await forgeFor(services, turn.tenantId);
  if (!forge) return [notice('Not connected', NOT_CONNECTED)];
  if (command.kind === 'link') return [await linkAccount(services, forge, turn, command.code, who)];
  const listed = await forge.call({ action: 'departments' });
  if (listed.kind !== 'ok') return [forgeProblem(listed)];
  const org = listed.data;
  const find = (query: string) => resolveDepartment(org.departments, query);
  const unknownDepartment = (query: string) => notice('Unknown department', `I know no department "${query}". Try one of: ${org.departments.map((d) => `${d.id} (${d.name})`).join(', ')}.`);

  switch (command.kind) {
    case 'status': {
      if (command.department) {
        const d = find(command.department);
        return d ? [await departmentStatus(forge, d.id)] : [unknownDepartment(command.department)];
      }
      const followed = await services.store.departmentsFollowedBy(turn.conversationId);
      if (followed.length === 0) {
        const company = await forge.call({ action: 'company' });
        return [company.kind === 'ok' ? cardReply(buildCompanyStatusCard(company.data), `${company.data.name} status`) : forgeProblem(company)];
      }
      return Promise.all(followed.slice(0, 3).map((id) => departmentStatus(forge, id)));
    }
    case 'agenda': {
      let scope: string | undefined;
      if (command.scope && command.scope.toLowerCase() !== 'company' && command.scope.toLowerCase() !== org.company.id) {
        const d = find(command.scope);
        if (!d) return [unknownDepartment(command.scope)];
        scope = d.id;
      } else if (!command.scope) {
        scope = (await services.store.departmentsFollowedBy(turn.conversationId))[0];
      }
      const agenda = await forge.call(scope ? { action: 'agenda', department: scope } : { action: 'agenda' });
      if (agenda.kind !== 'ok') return [forgeProblem(agenda)];
      const added = await services.store.agendaRequests(turn.tenantId, scope ?? org.company.id);
      return [cardReply(buildAgendaCard(agenda.data, added), agenda.data.title)];
    }
    case 'checkin': {
      // The department named, else the first one this conversation follows.
      const named = command.department ? find(command.department) : null;
      if (command.department && !named) return [unknownDepartment(command.department)];
      const id = named?.id ?? (await services.store.departmentsFollowedBy(turn.conversationId))[0];
      if (!id) return [notice('Which department?', 'Type `checkin <department>`, or `follow <department>` first.')];
      const view = await forge.call({ action: 'department', department: id });
      if (view.kind !== 'ok') return [forgeProblem(view)];
      const stale = view.data.lint.filter((f) => f.code === 'stale-check-in').map((f) => f.subject);
      return [cardReply(buildCheckInCard(view.data, view.data.objectives.flatMap((o) => o.keyResults), { stale, named: indexPeople(view.data.people) }), `Check in: ${view.data.name}`)];
    }
    case 'blocked': {
      const answer = await forge.call({ action: 'dependencies', withPeople: true });
      if (answer.kind !== 'ok') return [forgeProblem(answer)];
      const { dependencies, people } = dependenciesAnswerOf(answer.data);
      return [cardReply(buildBlockedListCard(dependencies, new Map(), indexPeople(people)), 'Blocked dependencies')];
    }
    case 'follow':
    case 'unfollow': {
      const d = find(command.department);
      if (!d) return [unknownDepartment(command.department)];
      if (command.kind === 'follow') await followDepartment(services, turn.conversationId, d.id);
      else await unfollowDepartment(services, turn.conversationId, d.id);
      return [cardReply(buildFollowingCard(org.departments, await services.store.departmentsFollowedBy(turn.conversationId)), 'Departments followed')];
    }
  }
}

/**
 * `link <code>`: links the sender to the Jira account that asked a Jira page for the code. Who
 * sent it is the Entra object id Teams' roster gives for the sender (never anything the
 * activity or the message says); the code is checked by the contract before it leaves and by
 * Jira (known, unexpired, unused). A code sent where others can see it is voided at once.
 */
async function linkAccount(services: BotServices, forge: ForgeClient, turn: TurnInfo, raw: string, who: ActionRoster | undefined): Promise<Reply> {
  const code = linkCodeSchema.safeParse(raw);
  if (!code.success) return notice('Not linked', `${code.error.issues[0]?.message ?? 'expected a link code'}. Get one from "Link Microsoft Teams" on a Jira OKR page.`);
  if (turn.conversationType !== 'personal') {
    // Anyone in the conversation saw the code and could use it before its owner does.
    const voided = await forge.call({ action: 'void-link-code', code: code.data });
    const state = voided.kind === 'ok' ? (voided.data.voided ? 'I voided it so nobody can use it. ' : '') : 'I could not void it (Jira did not answer): it expires within 15 minutes. ';
    return notice('Not linked', `Send \`link <code>\` to me in a personal chat, never in a channel or group chat: everyone here can see this code. ${state}Ask Jira for a new one and send that to me privately.`, 'attention');
  }
  const sender = await verifiedSenderOf(services, turn, who);
  if (!sender.aadObjectId) return notice('Not linked', "Teams did not tell me which Microsoft Entra account you are, so I cannot link it. Send `link <code>` from your own account in Microsoft Teams.");
  const linked = await forge.call({ action: 'link-account', code: code.data, aadObjectId: sender.aadObjectId, name: authorOf(turn) });
  if (linked.kind !== 'ok') return linked.kind === 'refused' ? notice('Not linked', linked.message) : forgeProblem(linked);
  const whom = linked.data.displayName ?? 'your Jira account';
  return notice('Linked', `Your Teams account is now linked to ${whom} in Jira: check-ins you make in Teams count as that account's.`, 'good');
}

async function departmentStatus(forge: ForgeClient, id: string): Promise<Reply> {
  const view = await forge.call({ action: 'department', department: id });
  return view.kind === 'ok' ? cardReply(buildDepartmentStatusCard(view.data), `${view.data.name} status`) : forgeProblem(view);
}
