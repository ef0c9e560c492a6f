/**
 * A Bot Connector emulator: a node:http server on 127.0.0.1 that stands in for the Teams
 * `serviceUrl` (the one part of Microsoft's cloud the bot talks to). It records every activity
 * sent or updated per conversation, answers the roster from its directory (directory.ts),
 * enforces Teams' rate limits with 429 + Retry-After, can inject 412/502/504/403
 * MessageWritesBlocked faults, and exposes what it received.
 *
 *   POST /v3/conversations/{id}/activities               send      → 201 { id }: to a channel's
 *        id a new post, to a post's thread (`<channel>;messageid=<post>`) a reply in it
 *   POST /v3/conversations/{id}/activities/{replyToId}   reply     → 201 { id }
 *   PUT  /v3/conversations/{id}/activities/{activityId}  update    → 200 { id }; 404 for an
 *        activity it does not have (never sent, from an earlier run, or deleted)
 *   POST /v3/conversations                               create    → 201 { id, activityId? }
 *   GET  /v3/conversations/{id}/members/{memberId}       roster    → TeamsChannelAccount; 404
 *   GET  /v3/conversations/{id}/pagedmembers             roster    → { members, continuationToken? }
 * (`{id}` of a roster call: a team, one of its channels or posts, or a chat.)
 *
 * Ids carry a random part drawn once per run (`act-3f9c01ab-1`, `conv-3f9c01ab-2`), so an id
 * kept from an earlier run never names an activity of this one: an update of it is a 404.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { channelOf, TeamsDirectory, toChannelAccount } from './directory';
import { CONVERSATION_LIMITS, TENANT_LIMITS, WindowCounter } from './limits';

export { TeamsDirectory, channelOf, type TeamsUser, type TeamsTeam, type TeamsChat } from './directory';
export { createActivityFactory, placeOf, type ActivityFactory, type Place, type TeamsActivity } from './activities';

export interface RecordedActivity {
  readonly id: string;
  readonly conversationId: string;
  /** The activity as last sent or updated. */
  activity: Record<string, unknown>;
  /** Every version, the first being the one sent. */
  readonly versions: Record<string, unknown>[];
  readonly replyToId: string | null;
}

export interface ConnectorRequest {
  readonly method: string;
  readonly path: string;
  readonly conversationId: string | null;
  readonly status: number;
  readonly atMs: number;
  readonly authorization: string | null;
}

export interface InjectedFault {
  /** Only requests to this conversation; any conversation when absent. */
  readonly conversationId?: string;
  readonly status: 403 | 404 | 412 | 429 | 500 | 502 | 504;
  /** How many requests get the fault. */
  readonly times: number;
  readonly retryAfterSeconds?: number;
  /** The error code in the body; 403 defaults to MessageWritesBlocked. */
  readonly code?: string;
}

export interface BotConnectorOptions {
  readonly port?: number;
  /** When set, every request must carry `Authorization: Bearer <token>`, else 401. */
  readonly expectToken?: string;
  /** Enforce Teams' rate limits (on by default). */
  readonly enforceLimits?: boolean;
  readonly nowMs?: () => number;
  /**
   * Waits this long after a request arrives before acting on it. A request whose caller has
   * gone by the time it would be acted on (killed mid-call) is dropped, as lost in flight.
   */
  readonly latencyMs?: number;
  /** Who is in which team and chat, for the roster endpoints (an empty directory by default). */
  readonly directory?: TeamsDirectory;
}

export interface BotConnector {
  /** The serviceUrl, ending with a slash as Teams' do. */
  readonly serviceUrl: string;
  readonly requests: ConnectorRequest[];
  readonly directory: TeamsDirectory;
  /**
   * Activities sent to a conversation, in the order they were sent. For a channel's id: every
   * activity in the channel, its posts and the replies in their threads.
   */
  activities(conversationId: string): RecordedActivity[];
  /** The new posts of a channel (not replies in a thread). */
  posts(channelId: string): RecordedActivity[];
  /** The recorded activity `id`. */
  find(id: string): RecordedActivity | undefined;
  /** Deletes an activity, as a person deleting a message does: updating it is a 404 from then on. */
  forget(id: string): void;
  allActivities(): RecordedActivity[];
  inject(fault: InjectedFault): void;
  /** Holds every request that arrives from now on, unanswered, until `resume` (or the caller goes). */
  pause(): void;
  resume(): void;
  /** How many held requests still have a live caller (a killed caller's requests are dropped). */
  held(): number;
  stats(): { accepted: number; throttled: number; faults: number; sends: number; updates: number };
  /** Resolves when `predicate` holds, polling every 10 ms; rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the emulator on 127.0.0.1 (a free port unless `options.port`); rejects with a message
 * naming the address when it cannot listen (a port already taken).
 */
export async function startBotConnector(options: BotConnectorOptions = {}): Promise<BotConnector> {
  const nowMs = options.nowMs ?? Date.now;
  const enforce = options.enforceLimits ?? true;
  const directory = options.directory ?? new TeamsDirectory();
  const byConversation = new Map<string, RecordedActivity[]>();
  const byId = new Map<string, RecordedActivity>();
  const requests: ConnectorRequest[] = [];
  const faults: { fault: InjectedFault; left: number }[] = [];
  const counter = new WindowCounter();
  const totals = { accepted: 0, throttled: 0, faults: 0, sends: 0, updates: 0 };
  const run = randomBytes(4).toString('hex');
  let nextId = 0;
  let paused: { promise: Promise<void>; release: () => void } | null = null;
  const holding = new Set<IncomingMessage>();

  const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    if (paused) {
      holding.add(req);
      await paused.promise;
      holding.delete(req);
    }
    if (req.socket.destroyed) return;
    const at = nowMs();
    const path = (req.url ?? '/').split('?')[0]!;
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    const conversationId = parts[0] === 'v3' && parts[1] === 'conversations' && parts[2] ? parts[2] : null;
    const log = (status: number) => requests.push({ method: req.method ?? '', path, conversationId, status, atMs: at, authorization: req.headers.authorization ?? null });
    const send = (status: number, body: unknown, headers?: Record<string, string>) => {
      log(status);
      reply(res, status, body, headers);
    };

    if (options.expectToken && req.headers.authorization !== `Bearer ${options.expectToken}`) {
      return send(401, { error: { code: 'Unauthorized', message: 'expected the bot token' } });
    }
    let body: Record<string, unknown>;
    try {
      body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    } catch {
      return send(400, { error: { code: 'BadArgument', message: 'expected a JSON body' } });
    }
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return send(404, { error: { code: 'NotFound', message: `no route ${path}` } });

    if (req.method === 'POST' && parts.length === 2) {
      const id = `conv-${run}-${++nextId}`;
      return send(201, { id, activityId: null });
    }
    if (conversationId && req.method === 'GET' && (parts[3] === 'members' || parts[3]?.toLowerCase() === 'pagedmembers')) {
      return roster(conversationId, parts[3] === 'members' ? (parts[4] ?? null) : undefined, new URL(req.url ?? '/', 'http://x').searchParams, send);
    }
    if (!conversationId || parts[3] !== 'activities') return send(404, { error: { code: 'NotFound', message: `no route ${path}` } });

    const fault = faults.find((f) => f.left > 0 && (!f.fault.conversationId || f.fault.conversationId === conversationId));
    if (fault) {
      fault.left--;
      totals.faults++;
      const code = fault.fault.code ?? (fault.fault.status === 403 ? 'MessageWritesBlocked' : `Injected${fault.fault.status}`);
      const headers: Record<string, string> = fault.fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.fault.retryAfterSeconds) } : {};
      return send(fault.fault.status, { error: { code, message: `injected ${fault.fault.status}` } }, headers);
    }

    if (enforce) {
      const conversation = body.conversation as { tenantId?: string } | undefined;
      const channelData = body.channelData as { tenant?: { id?: string } } | undefined;
      const tenantKey = `tenant:${conversation?.tenantId ?? channelData?.tenant?.id ?? 'default'}`;
      const wait = Math.max(counter.waitMs(`conv:${conversationId}`, CONVERSATION_LIMITS, at), counter.waitMs(tenantKey, TENANT_LIMITS, at));
      if (wait > 0) {
        totals.throttled++;
        return send(429, { error: { code: 'Throttled', message: 'Too many requests' } }, { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) });
      }
      counter.record(`conv:${conversationId}`, at, 3_600_000);
      counter.record(tenantKey, at, 1_000);
    }

    if (req.method === 'POST') {
      const id = `act-${run}-${++nextId}`;
      const thread = conversationId.split(';messageid=')[1];
      const record: RecordedActivity = { id, conversationId, activity: body, versions: [body], replyToId: parts[4] ?? thread ?? null };
      byConversation.set(conversationId, [...(byConversation.get(conversationId) ?? []), record]);
      byId.set(id, record);
      totals.accepted++;
      totals.sends++;
      return send(201, { id });
    }
    if (req.method === 'PUT' && parts[4]) {
      // Message ids are the channel's: a post or reply is found through the channel or its thread.
      const record = byId.get(parts[4]);
      if (!record || channelOf(record.conversationId) !== channelOf(conversationId)) return send(404, { error: { code: 'ActivityNotFound', message: `no activity ${parts[4]}` } });
      record.activity = body;
      record.versions.push(body);
      totals.accepted++;
      totals.updates++;
      return send(200, { id: record.id });
    }
    return send(405, { error: { code: 'MethodNotAllowed', message: `${req.method} ${path}` } });
  };

  /** The roster endpoints: one member (by Teams id or Entra object id), or a page of them. */
  const roster = (conversationId: string, memberId: string | null | undefined, query: URLSearchParams, send: (status: number, body: unknown) => void) => {
    const members = directory.rosterOf(conversationId);
    if (!members) return send(404, { error: { code: 'ConversationNotFound', message: `no conversation ${conversationId}` } });
    if (memberId !== undefined) {
      const member = members.find((m) => m.id === memberId || m.aadObjectId === memberId);
      if (!member) return send(404, { error: { code: 'MemberNotFoundInConversation', message: 'The member could not be found in the conversation.' } });
      return send(200, toChannelAccount(member));
    }
    // Chats are not paged: the whole roster comes back. Teams: under 50 counts as 50, over 500 as 500.
    if (directory.chat(conversationId)) return send(200, { members: members.map(toChannelAccount) });
    const size = Math.min(500, Math.max(50, Number(query.get('pageSize')) || 200));
    const start = Number(query.get('continuationToken') ?? 0) || 0;
    const page = members.slice(start, start + size).map(toChannelAccount);
    return send(200, { members: page, ...(start + size < members.length ? { continuationToken: String(start + size) } : {}) });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => reply(res, 500, { error: { code: 'InternalError', message: String(error) } }));
  });
  const port0 = options.port ?? 0;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? 'the port is already in use' : error.message;
      reject(new Error(`bot connector: cannot listen on 127.0.0.1:${port0}: ${why}`));
    };
    server.once('error', onError);
    server.listen(port0, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    requests,
    directory,
    activities: (id) => (id.includes(';messageid=') ? (byConversation.get(id) ?? []) : [...byId.values()].filter((r) => channelOf(r.conversationId) === id)),
    posts: (channelId) => byConversation.get(channelId) ?? [],
    find: (id) => byId.get(id),
    forget: (id) => {
      const record = byId.get(id);
      if (!record) return;
      byId.delete(id);
      byConversation.set(record.conversationId, (byConversation.get(record.conversationId) ?? []).filter((r) => r.id !== id));
    },
    allActivities: () => [...byConversation.values()].flat(),
    inject: (fault) => void faults.push({ fault, left: fault.times }),
    pause: () => {
      if (paused) return;
      let release!: () => void;
      const promise = new Promise<void>((resolve) => (release = resolve));
      paused = { promise, release };
    },
    resume: () => {
      paused?.release();
      paused = null;
    },
    held: () => [...holding].filter((r) => !r.socket.destroyed).length,
    stats: () => ({ ...totals }),
    waitFor: async (predicate, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('bot connector: condition not met in time');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
