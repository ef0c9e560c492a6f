/**
 * Drives the Microsoft 365 Agents Playground headless, through the HTTP and WebSocket API its
 * own web page uses (read from the package's server code, version 0.2.28):
 *   POST /_conversation/v1/conversations/{id}/messages   a person writes (`from` must be the
 *        current user; in a channel a new post, reaching the bot only when it is @mentioned)
 *   POST /_conversation/v1/invoke                        a card button (adaptiveCard/action),
 *        from any user of the mock tenant; answers the bot's invoke response
 *   POST /_debug/conversation/{id}/installation          the bot is installed there
 *   ws   /_ws_conversation/v1/conversations/stream       what the bot posts and updates
 * The Playground is the Bot Connector here: the bot's replies, proactive messages and roster
 * calls go to its `/_connector` serviceUrl, and it builds every activity the bot receives.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'undici';
import { parse } from 'yaml';
import { z } from 'zod';
import { pickFreePort } from '../start/ports';
import { PLAYGROUND_CONFIG, playgroundCommand } from './command';

/** The mock tenant of m365agentsplayground.yml. */
const configSchema = z.object({
  tenantId: z.string(),
  bot: z.object({ id: z.string(), name: z.string() }),
  currentUser: z.object({ id: z.string(), name: z.string() }),
  users: z.array(z.object({ id: z.string(), name: z.string() })),
  personalChat: z.object({ id: z.string() }),
  groupChat: z.object({ id: z.string(), name: z.string() }),
  team: z.object({ id: z.string(), name: z.string(), channels: z.array(z.object({ id: z.string(), name: z.string() })) }),
});
export type PlaygroundConfig = z.infer<typeof configSchema>;

export function readPlaygroundConfig(path = PLAYGROUND_CONFIG): PlaygroundConfig {
  return configSchema.parse(parse(readFileSync(path, 'utf8')));
}

/** A message as the Playground streams it to its page. */
export interface StreamedMessage {
  readonly action: 'createMessage' | 'updateMessage';
  /** The conversation the page shows it in (a channel's id for a new post). */
  readonly conversationId: string;
  readonly messageId: string;
  /** For a new post: its thread's conversation id (`<channel>;messageid=<post>`). */
  readonly postConversationId?: string;
  readonly fromId: string;
  readonly text?: string;
  readonly attachments: readonly { contentType: string; content: Record<string, unknown> }[];
}

const streamSchema = z.object({
  action: z.string(),
  actionConversationId: z.string().optional(),
  message: z
    .object({
      messageId: z.string(),
      postConversationId: z.string().optional(),
      from: z.object({ id: z.string() }),
      text: z.string().optional(),
      attachments: z.array(z.object({ contentType: z.string(), content: z.unknown() })).default([]),
    })
    .optional(),
});

export interface Playground {
  readonly url: string;
  readonly config: PlaygroundConfig;
  /** Everything streamed so far, in order. */
  readonly messages: StreamedMessage[];
  /** The current user writes `text`; `mentionBot` prefixes the bot's @mention (needed in a channel). Answers the new message's ids. */
  say(conversationId: string, text: string, options?: { mentionBot?: boolean }): Promise<{ messageId: string; postConversationId?: string }>;
  /** `userId` clicks an Action.Execute button of message `replyToId` in `conversationId`; answers the bot's invoke response. */
  execute(conversationId: string, replyToId: string, userId: string, verb: string, data: Readonly<Record<string, unknown>>): Promise<{ status: number; body: unknown }>;
  install(conversationId: string): Promise<number>;
  /** Resolves with the first message streamed from index `from` on that `match` accepts; rejects after `timeoutMs`. */
  next(from: number, match: (m: StreamedMessage) => boolean, timeoutMs?: number): Promise<StreamedMessage>;
  /** The Playground's log so far. */
  log(): string;
  stop(): Promise<void>;
}

export interface PlaygroundDriverOptions {
  /** The bot's /api/messages. */
  readonly botPort: number;
  readonly dataDir: string;
  readonly startTimeoutMs?: number;
}

/** Starts the Playground (telemetry off, 127.0.0.1 only, the mock tenant) against the bot and connects to its stream. */
export async function startPlayground(options: PlaygroundDriverOptions): Promise<Playground> {
  mkdirSync(options.dataDir, { recursive: true });
  const config = readPlaygroundConfig();
  const port = await pickFreePort();
  const { args, env } = playgroundCommand({ port, teamsPort: options.botPort, open: false, dataDir: options.dataDir }, process.env);
  const child: ChildProcess = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => void (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;
  const log = () => {
    let file = '';
    try {
      file = readFileSync(join(options.dataDir, 'playground.log'), 'utf8');
    } catch {
      // no log file yet
    }
    return `${output}\n${file}`.slice(-4000);
  };
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  for (;;) {
    const pong = await fetch(`${url}/_debug/ping`).then((r) => r.text(), () => '');
    if (pong === 'pong') break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`the Agents Playground did not start on ${url}: ${log()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const messages: StreamedMessage[] = [];
  const socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('error', () => reject(new Error(`the Agents Playground's stream did not open: ${log()}`)));
  });
  socket.addEventListener('message', (event) => {
    const parsed = streamSchema.safeParse(JSON.parse(String(event.data)));
    if (!parsed.success || !parsed.data.message || (parsed.data.action !== 'createMessage' && parsed.data.action !== 'updateMessage')) return;
    const m = parsed.data.message;
    messages.push({
      action: parsed.data.action,
      conversationId: parsed.data.actionConversationId ?? '',
      messageId: m.messageId,
      ...(m.postConversationId ? { postConversationId: m.postConversationId } : {}),
      fromId: m.from.id,
      ...(m.text !== undefined ? { text: m.text } : {}),
      attachments: m.attachments.map((a) => ({ contentType: a.contentType, content: (a.content ?? {}) as Record<string, unknown> })),
    });
  });

  const postJson = async (path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // a plain answer stays text
    }
    return { status: res.status, body: parsed };
  };

  return {
    url,
    config,
    messages,
    async say(conversationId, text, sayOptions = {}) {
      const mention = `<at>${config.bot.name}</at>`;
      const body = {
        from: { id: config.currentUser.id },
        text: sayOptions.mentionBot ? `${mention} ${text}` : text,
        textFormat: 'plain',
        ...(sayOptions.mentionBot ? { mentions: [{ mentioned: { id: config.bot.id }, text: mention }] } : {}),
      };
      const answer = await postJson(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body);
      if (answer.status !== 200) throw new Error(`the Playground refused the message (${answer.status}): ${JSON.stringify(answer.body)}`);
      return answer.body as { messageId: string; postConversationId?: string };
    },
    execute: (conversationId, replyToId, userId, verb, data) =>
      postJson('/_conversation/v1/invoke', { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, from: { id: userId }, conversation: { id: conversationId }, replyToId }),
    install: async (conversationId) => (await postJson(`/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {})).status,
    async next(from, match, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.slice(from).find(match);
        if (found) return found;
        if (Date.now() > until) throw new Error(`no such message from the Playground in ${timeoutMs} ms; streamed: ${JSON.stringify(messages.slice(from).map((m) => [m.action, m.conversationId, m.text ?? m.attachments[0]?.content?.type]))}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    log,
    async stop() {
      socket.close();
      await stop();
    },
  };
}
