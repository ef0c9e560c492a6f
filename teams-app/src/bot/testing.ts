/**
 * A whole local stack for tests and the bench: the service on 127.0.0.1 (anonymous local mode
 * unless told otherwise) over a SQLite store, the Bot Connector emulator as the serviceUrl
 * (its directory holds team-1 and the people below, with the emails only its roster API
 * gives), and the Jira app's own web trigger (over its KVS double, the Acme demo stored) with
 * the tenant connected as an admin does it: a code from OKR settings, then the signed `connect`. Helpers post Teams-shaped
 * activities over real HTTP: a channel message is a new post (`<channel>;messageid=<id>`).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBotConnector, TeamsDirectory, type BotConnector, type BotConnectorOptions, type TeamsUser } from '../../../dev/bot-connector';
import { startWebTrigger, type RunningWebTrigger, type WebTriggerOptions } from '../../../dev/forge-webtrigger';
import { createForgeClient } from '../forge/forge-client';
import { startService, type RunningService, type ServiceOptions } from '../server';
import type { TeamsStore } from '../store/port';
import { openSqliteStore } from '../store/sqlite-store';

export const TENANT = 'tenant-acme';
export const BOT = { id: '28:okr-bot', name: 'OKR' };
export const ANN = { id: '29:ann', name: 'Ann Lee', aadObjectId: 'aad-ann' };
export const TEAM_ID = 'team-1';

/** The people of the test tenant as Teams' roster knows them (activities carry only id, name and aadObjectId). */
export const PEOPLE: readonly TeamsUser[] = [
  { ...ANN, email: 'ann@acme.example', userPrincipalName: 'ann@acme.example', tenantId: TENANT },
  { id: '29:raj', name: 'Raj Patel', aadObjectId: 'aad-raj', email: 'raj@acme.example', userPrincipalName: 'raj.patel@acme.example', tenantId: TENANT },
  { id: '29:zoe', name: 'Zoe Martin', aadObjectId: 'aad-zoe', email: 'zoe@acme.example', userPrincipalName: 'zoe@acme.example', tenantId: TENANT },
  { id: '29:tom', name: 'Tom', aadObjectId: 'aad-tom', email: 'Tom@Acme.example', userPrincipalName: 'tom.upn@acme.example', tenantId: TENANT },
];

/** A directory with team-1 (any channel id the tests use is one of its channels' ids) and PEOPLE as its members. */
export function testDirectory(): TeamsDirectory {
  const directory = new TeamsDirectory();
  for (const person of PEOPLE) directory.addUser(person);
  return directory.addTeam({ id: TEAM_ID, name: 'Acme', tenantId: TENANT, channels: [], members: PEOPLE.map((p) => p.id) });
}

/** The `from` Teams sends for a person: id, name and Entra object id, never an email or UPN. */
export const fromOf = (person: Pick<TeamsUser, 'id' | 'name' | 'aadObjectId'>) => ({ id: person.id, name: person.name, aadObjectId: person.aadObjectId });

export interface TestStack {
  readonly service: RunningService;
  readonly connector: BotConnector;
  readonly forge: RunningWebTrigger;
  readonly store: TeamsStore;
  readonly connection: { readonly id: string; readonly secret: string };
  readonly dir: string;
  activity(conversationId: string, fields: Record<string, unknown>): Record<string, unknown>;
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  install(conversationId: string): Promise<{ status: number; body: unknown }>;
  say(conversationId: string, text: string): Promise<{ status: number; body: unknown }>;
  execute(conversationId: string, verb: string, data: Record<string, unknown>, replyToId?: string): Promise<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

export interface TestStackOptions {
  readonly service?: Partial<ServiceOptions>;
  readonly connector?: BotConnectorOptions;
  /** Store a connection for TENANT (default true). */
  readonly connected?: boolean;
  readonly storePath?: string;
  /** The team of each channel id the test uses (team-1 for the others). */
  readonly teamOf?: Readonly<Record<string, string>>;
  /** What the Jira app's web trigger stores (the Acme example by default). */
  readonly webTrigger?: WebTriggerOptions;
}

/** Starts the stack; `close()` stops everything and deletes the temporary files. */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const dir = mkdtempSync(join(tmpdir(), 'okr-teams-'));
  const forge = await startWebTrigger(options.webTrigger);
  const code = await forge.createCode();
  const connection = { id: code.id, secret: code.secret };
  const connector = await startBotConnector({ directory: testDirectory(), ...options.connector });
  const store = await openSqliteStore(options.storePath ?? join(dir, 'teams.sqlite'), Date.now());
  const service = await startService({ store, bot: { kind: 'anonymous' }, reminderIntervalMs: 0, random: () => 0, log: () => undefined, ...options.service });
  if (options.connected ?? true) {
    // What `connect <code>` does: the signed connect call, then the connection kept for the tenant.
    const connected = await createForgeClient({ ...connection, url: forge.url }, { nowMs: Date.now, newId: randomUUID }).call({ action: 'connect', eventsUrl: `${service.url}/api/events`, tenantId: TENANT });
    if (connected.kind !== 'ok') throw new Error(`connecting the test tenant failed: ${connected.message}`);
    await store.saveConnection({ ...connection, tenantId: TENANT, url: forge.url, siteUrl: connected.data.siteUrl, siteName: connected.data.siteName, createdAt: Date.now() });
  }
  let n = 0;
  // In a channel, a message without replyToId is a new post, whose id names its thread; a reply
  // or a card action is in the thread of the activity it answers.
  const activity = (conversationId: string, fields: Record<string, unknown>) => {
    const id = `in-${++n}`;
    const replyTo = typeof fields.replyToId === 'string' ? fields.replyToId : undefined;
    const thread = replyTo ? (connector.find(replyTo)?.replyToId ?? replyTo) : id;
    return {
      id,
      channelId: 'msteams',
      serviceUrl: connector.serviceUrl,
      timestamp: new Date().toISOString(),
      from: fromOf(ANN),
      recipient: BOT,
      conversation: { id: `${conversationId};messageid=${thread}`, conversationType: 'channel', isGroup: true, tenantId: TENANT },
      channelData: { tenant: { id: TENANT }, team: { id: options.teamOf?.[conversationId] ?? TEAM_ID }, channel: { id: conversationId } },
      ...fields,
    };
  };
  const post = async (body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await fetch(`${service.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // plain text answer
    }
    return { status: response.status, body: parsed };
  };
  return {
    service,
    connector,
    forge,
    store,
    connection,
    dir,
    activity,
    post,
    install: (id) => post(activity(id, { type: 'conversationUpdate', membersAdded: [BOT] })),
    say: (id, text) => post(activity(id, { type: 'message', text })),
    execute: (id, verb, data, replyToId) =>
      post(activity(id, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, ...(replyToId ? { replyToId } : {}) })),
    async close() {
      await service.close();
      await store.close();
      await connector.close();
      await forge.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The Adaptive Card in a recorded activity (first attachment), or undefined. */
export function cardOf(activity: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const attachments = activity?.attachments as { contentType?: string; content?: Record<string, unknown> }[] | undefined;
  return attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}
