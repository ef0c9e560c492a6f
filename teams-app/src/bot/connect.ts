/**
 * `connect <code>`: completes a connection with a one-time code from OKR settings in Jira.
 * The code is not signed, so its web trigger URL is checked before anything is called, and
 * the code (which carries the shared secret) is only accepted in a personal chat.
 */
import { decodeConnectionCode } from '@okr-bridge/core';
import { buildNoticeCard } from '../cards/interaction-cards';
import { createForgeClient } from '../forge/forge-client';
import { cardReply, forgeProblem, type BotServices, type Reply, type TurnInfo } from './services';

/** Hosts Forge web triggers are served from: `<id>.webtrigger.atlassian.app`, and `<id>.hello.atlassian-dev.net` before it. */
export const WEB_TRIGGER_HOST_SUFFIXES = ['.webtrigger.atlassian.app', '.atlassian-dev.net'] as const;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type WebTriggerUrlCheck = { readonly kind: 'ok'; readonly url: string } | { readonly kind: 'refused'; readonly message: string };

/**
 * Decides whether the service may call `raw` as a Forge web trigger: https on a Forge web
 * trigger host with the default port and no credentials; in local dev mode also http(s) on
 * 127.0.0.1, localhost or [::1].
 */
export function checkWebTriggerUrl(raw: string, options: { readonly localDev: boolean }): WebTriggerUrlCheck {
  const expected = `expected a Forge web trigger URL (https on a host ending in ${WEB_TRIGGER_HOST_SUFFIXES.join(' or ')})`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { kind: 'refused', message: `${expected}; the code's URL is not a URL` };
  }
  if (url.username || url.password) return { kind: 'refused', message: `${expected}; the code's URL carries credentials` };
  const host = url.hostname.toLowerCase();
  if (options.localDev && LOOPBACK_HOSTS.has(host) && (url.protocol === 'http:' || url.protocol === 'https:')) return { kind: 'ok', url: raw };
  if (url.protocol !== 'https:') return { kind: 'refused', message: `${expected}, got ${url.protocol} ${host}` };
  if (url.port !== '' || !WEB_TRIGGER_HOST_SUFFIXES.some((suffix) => host.endsWith(suffix))) return { kind: 'refused', message: `${expected}, got ${url.host}` };
  return { kind: 'ok', url: raw };
}

const notice = (title: string, message: string, tone: 'good' | 'warning' | 'attention' = 'warning'): Reply => cardReply(buildNoticeCard(title, message, tone), title);

/**
 * Completes a connection: the one-time code carries the web trigger URL, the connection id and
 * the shared secret; the `connect` call, signed with that secret, tells Forge where to send
 * events. Holding an unexpired code is the authorisation: only a Jira admin can create one,
 * and Forge accepts each code's `connect` once. A connection id another tenant holds is refused.
 */
export async function connectTenant(services: BotServices, turn: TurnInfo, code: string): Promise<Reply[]> {
  if (turn.conversationType !== 'personal') {
    return [notice('Not connected', 'The connection code carries a secret: send `connect <code>` to me in a personal chat (1:1 with the bot), not in a channel or group chat. Then create a new code in OKR settings in Jira, as this one was shown here.')];
  }
  const decoded = decodeConnectionCode(code, services.nowMs());
  if (decoded.kind === 'invalid') return [notice('Not connected', decoded.message)];
  const { payload } = decoded;
  const target = checkWebTriggerUrl(payload.url, { localDev: services.localDev ?? false });
  if (target.kind === 'refused') return [notice('Not connected', `The connection code is not one OKR settings in Jira makes: ${target.message}. Nothing was called.`)];
  const existing = await services.store.connectionById(payload.connection);
  if (existing && existing.tenantId !== turn.tenantId) return [notice('Not connected', TAKEN)];
  const client = createForgeClient({ id: payload.connection, url: target.url, secret: payload.secret }, { fetch: services.fetch, nowMs: services.nowMs, newId: services.newId });
  const outcome = await client.call({ action: 'connect', eventsUrl: `${services.publicUrl.replace(/\/$/, '')}/api/events`, tenantId: turn.tenantId });
  if (outcome.kind !== 'ok') return [forgeProblem(outcome)];
  const saved = await services.store.saveConnection({
    id: payload.connection,
    tenantId: turn.tenantId,
    url: target.url,
    secret: payload.secret,
    siteUrl: outcome.data.siteUrl,
    siteName: outcome.data.siteName,
    createdAt: services.nowMs(),
  });
  if (saved.kind === 'taken') return [notice('Not connected', TAKEN)];
  services.log?.(`connect: tenant ${turn.tenantId} connected to ${outcome.data.siteUrl} (connection ${payload.connection})`);
  return [notice('Connected', `This Teams tenant is now connected to ${outcome.data.siteName} (${outcome.data.siteUrl}). Channels can follow departments with \`follow <department>\`.`, 'good')];
}

const TAKEN = 'This connection code belongs to another Teams tenant. Create a new code in OKR settings in Jira and send `connect <code>` again.';
