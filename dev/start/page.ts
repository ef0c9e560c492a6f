/**
 * The start page's server on 127.0.0.1: the links page, the conversations the Bot Connector
 * emulator received, and the buttons behind them (Jira admin changes, messages to the bot,
 * card actions relayed as Action.Execute invokes). A local tool, still guarded: a POST needs
 * the page's per-run token and a Host header naming this server (no cross-site form posts, no
 * DNS rebinding), and every form is checked with zod.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { Org } from '@okr-bridge/core';
import type { BotConnector } from '../bot-connector';
import type { JiraEmulator } from '../jira-emulator';
import { applyChanges, customTransitionSchema, runDemoAction, type ActionOutcome } from './actions';
import { collectActions, collectInputs } from './card-html';
import { renderConversations, renderIndex, type Note, type PageUrls, type ShownActivity } from './page-html';
import { readInvokeAnswer, type Conversation, type TeamsClient } from './teams-client';

export interface PageDeps {
  readonly port: number;
  readonly urls: PageUrls;
  readonly org: Org;
  readonly emulator: JiraEmulator;
  readonly connector: BotConnector;
  readonly client: TeamsClient;
  readonly conversations: readonly Conversation[];
}

export interface StartPage {
  readonly url: string;
  /** The token a POST must carry (tests post like the page does). */
  readonly token: string;
  close(): Promise<void>;
}

const tokenSchema = z.object({ token: z.string() });
const sayForm = z.object({ conversation: z.string().min(1), text: z.string().trim().min(1, { error: 'expected a message for the bot' }).max(500) });
const actForm = z.object({ conversation: z.string().min(1), activity: z.string().min(1), action: z.coerce.number().int().min(0) });

interface PrivateCard {
  readonly conversation: string;
  card: Record<string, unknown>;
}

/** Starts the page server. */
export async function startPage(deps: PageDeps): Promise<StartPage> {
  const token = randomBytes(18).toString('base64url');
  const notes: Note[] = [];
  const privateCards = new Map<string, PrivateCard>();
  let privateCount = 0;
  let port = 0;
  const note = (outcome: ActionOutcome | { kind: 'done' | 'refused'; message: string }) => {
    notes.push({ at: new Date().toISOString(), text: outcome.message, ok: outcome.kind === 'done' });
    if (notes.length > 6) notes.shift();
  };
  const takeNotes = () => notes.splice(0);

  /** Every conversation set up or written to, the one the bot wrote to last first (as Teams lists chats). */
  const conversationsShown = () => {
    const known = new Map(deps.conversations.map((c) => [c.id, c]));
    for (const a of deps.connector.allActivities()) if (!known.has(a.conversationId)) known.set(a.conversationId, { id: a.conversationId, name: a.conversationId, type: 'channel' });
    const latest = new Map<string, number>();
    for (const r of deps.connector.requests) if (r.conversationId && r.status < 300) latest.set(r.conversationId, Math.max(latest.get(r.conversationId) ?? 0, r.atMs));
    const ordered = [...known.values()].sort((a, b) => (latest.get(b.id) ?? 0) - (latest.get(a.id) ?? 0));
    return ordered.map((conversation) => {
      const shown: ShownActivity[] = deps.connector.activities(conversation.id).map((a) => ({ id: a.id, activity: a.activity, versions: a.versions.length, private: false }));
      for (const [id, p] of privateCards) if (p.conversation === conversation.id) shown.push({ id, activity: { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: p.card }] }, versions: 1, private: true });
      return { conversation, activities: shown };
    });
  };
  const conversationOf = (id: string) => deps.conversations.find((c) => c.id === id) ?? { id, name: id, type: 'channel' as const };

  /** Relays a click on action `index` of a card, with the card's inputs from the form. */
  async function act(form: URLSearchParams): Promise<ActionOutcome> {
    const parsed = actForm.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { kind: 'refused', message: parsed.error.issues[0]?.message ?? 'expected a card action' };
    const { conversation, activity, action } = parsed.data;
    const mine = privateCards.get(activity);
    const recorded = mine ? null : deps.connector.activities(conversation).find((a) => a.id === activity);
    const attachments = (recorded?.activity.attachments as { content?: Record<string, unknown> }[] | undefined) ?? [];
    const card = mine?.card ?? attachments[0]?.content;
    if (!card) return { kind: 'refused', message: `expected a card the bot sent to ${conversation}, got ${activity}` };
    const chosen = collectActions(card)[action];
    if (!chosen?.verb && !(chosen?.type === 'Action.Submit')) return { kind: 'refused', message: `expected a button of that card, got action ${action}` };
    const inputs: Record<string, string> = {};
    for (const input of collectInputs(card)) {
      const values = form.getAll(`input.${input.id}`);
      inputs[input.id] = input.type === 'Input.Toggle' ? (values[0] ?? 'false') : values.join(',');
    }
    const data = { ...(chosen.data ?? {}), ...inputs };
    const verb = chosen.verb ?? String((chosen.data as { verb?: unknown } | undefined)?.verb ?? '');
    const versionsBefore = recorded?.versions.length ?? 0;
    const answer = readInvokeAnswer(await deps.client.execute(conversationOf(conversation), verb, data, mine ? undefined : activity));
    if (answer.kind !== 'card') return { kind: answer.kind === 'message' ? 'done' : 'refused', message: answer.text };
    if (mine) mine.card = answer.card;
    else if ((recorded?.versions.length ?? 0) === versionsBefore) privateCards.set(`private-${++privateCount}`, { conversation, card: answer.card });
    return { kind: 'done', message: `${chosen.title}: done` };
  }

  async function post(path: string, form: URLSearchParams): Promise<{ outcome: ActionOutcome; back: string }> {
    if (path === '/actions') {
      const action = form.get('action') ?? '';
      if (action !== 'transition') return { outcome: runDemoAction(deps.emulator, action), back: '/' };
      const parsed = customTransitionSchema.safeParse({ key: form.get('key') ?? '', status: form.get('status') ?? '' });
      if (!parsed.success) return { outcome: { kind: 'refused', message: parsed.error.issues[0]?.message ?? 'expected a key and a status' }, back: '/' };
      return { outcome: applyChanges(deps.emulator, `Move ${parsed.data.key} to ${parsed.data.status}`, [{ kind: 'transition', ...parsed.data }]), back: '/' };
    }
    if (path === '/conversations/say') {
      const parsed = sayForm.safeParse(Object.fromEntries(form));
      if (!parsed.success) return { outcome: { kind: 'refused', message: parsed.error.issues[0]?.message ?? 'expected a message' }, back: '/conversations' };
      const answer = await deps.client.say(conversationOf(parsed.data.conversation), parsed.data.text);
      return { outcome: answer.status === 200 ? { kind: 'done', message: `sent "${parsed.data.text}"` } : { kind: 'refused', message: `the bot answered ${answer.status}` }, back: `/conversations#${encodeURIComponent(parsed.data.conversation)}` };
    }
    if (path === '/conversations/act') return { outcome: await act(form), back: `/conversations#${encodeURIComponent(form.get('conversation') ?? '')}` };
    return { outcome: { kind: 'refused', message: `expected a POST to /actions, /conversations/say or /conversations/act, got ${path}` }, back: '/' };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return void res.writeHead(421, { 'content-type': 'text/plain' }).end(`expected Host 127.0.0.1:${port}`);
    const path = new URL(req.url ?? '/', `http://${host}`).pathname;
    const html = (body: string) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
    if (req.method === 'GET' && path === '/') return html(renderIndex({ urls: deps.urls, org: deps.org, token, notes: takeNotes(), received: deps.connector.allActivities().length }));
    if (req.method === 'GET' && path === '/conversations') return html(renderConversations({ conversations: conversationsShown(), token, notes: takeNotes() }));
    if (req.method === 'GET' && path === '/changes') {
      const s = deps.connector.stats();
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end(`${s.sends}.${s.updates}.${privateCount}.${deps.emulator.site.version}.${notes.length}`);
    }
    if (req.method !== 'POST') return void res.writeHead(404, { 'content-type': 'text/plain' }).end(`expected GET /, /conversations or /changes, got ${req.method} ${path}`);
    let body = '';
    for await (const chunk of req) {
      body += String(chunk);
      if (body.length > 65_536) return void res.writeHead(413, { 'content-type': 'text/plain' }).end('expected a form under 64 KiB');
    }
    const form = new URLSearchParams(body);
    const given = tokenSchema.safeParse(Object.fromEntries(form));
    if (!given.success || given.data.token !== token) return void res.writeHead(403, { 'content-type': 'text/plain' }).end('expected the form of the start page (its token); reload the page');
    const { outcome, back } = await post(path, form);
    note(outcome);
    res.writeHead(303, { location: back }).end();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end(`the start page failed: ${(error as Error).message}`);
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(deps.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
