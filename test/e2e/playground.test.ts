/**
 * The Teams service driven by Microsoft's own client, the Microsoft 365 Agents Playground
 * (channel `msteams`, headless, telemetry off), over the whole local stack `npm start` runs:
 * the Jira emulator, the local Forge host running the Forge app, and the Teams service as a
 * child process connected to the Playground's mock tenant. The Playground builds every activity
 * the bot receives and is its Bot Connector (replies, proactive posts, card updates, roster).
 * A recording proxy between the Playground and the bot keeps each activity as it was sent.
 * The steps build on each other and run in order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectActions } from '../../dev/start/card-html';
import { startPlayground, type Playground, type StreamedMessage } from '../../dev/playground/driver';
import { startE2eStack, type E2eStack } from './helpers';

jest.setTimeout(60_000);

let e2e: E2eStack;
let pg: Playground;
let proxy: Server;
let dir: string;
/** Every activity the Playground sent the bot, as sent. */
const received: Record<string, unknown>[] = [];

/** Forwards to the Teams service, keeping a copy of each activity. */
async function startRecordingProxy(target: string): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.url === '/api/messages' && body.length) received.push(JSON.parse(body.toString('utf8')) as Record<string, unknown>);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
      fetch(`${target}${req.url}`, { method: req.method, headers, ...(body.length ? { body } : {}) }).then(
        async (answer) => res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer())),
        (error: Error) => res.writeHead(502).end(error.message),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'okr-playground-e2e-'));
  e2e = await startE2eStack();
  proxy = await startRecordingProxy(e2e.stack.urls.teams);
  pg = await startPlayground({ botPort: (proxy.address() as AddressInfo).port, dataDir: dir });
}, 120_000);

afterAll(async () => {
  await pg?.stop();
  await new Promise<void>((resolve) => (proxy ? proxy.close(() => resolve()) : resolve()));
  await e2e?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const channel = () => pg.config.team.channels[0]!.id;
const bot = () => pg.config.bot.id;
const cardText = (m: StreamedMessage | undefined) => JSON.stringify(m?.attachments[0]?.content ?? null);
/** The bot's first message after index `from` in `conversationId`. */
const botMessageIn = (from: number, conversationId: string) => pg.next(from, (m) => m.action === 'createMessage' && m.fromId === bot() && m.conversationId === conversationId);
/** Writes `text` as a new post in the channel (mentioning the bot, as a channel needs) and waits for the bot's reply in its thread. */
async function postInChannel(text: string): Promise<{ thread: string; reply: StreamedMessage }> {
  const from = pg.messages.length;
  const said = await pg.say(channel(), text, { mentionBot: true });
  expect(said.postConversationId).toBe(`${channel()};messageid=${said.messageId}`);
  return { thread: said.postConversationId!, reply: await botMessageIn(from, said.postConversationId!) };
}
async function replyInThread(thread: string, text: string): Promise<StreamedMessage> {
  const from = pg.messages.length;
  await pg.say(thread, text, { mentionBot: true });
  return botMessageIn(from, thread);
}
const krOf = async (id: string) => {
  // What the Department OKRs panel in Jira loads, through the Forge app's resolver on the local Forge host.
  const answer = (await e2e.stack.forge.invoke('getDepartmentView', { projectKey: 'ENG' }, { accountId: 'raj@acme.example' })) as { ok: boolean; data: { view: { objectives: { keyResults: { id: string; valueLabel: string; progressLabel: string; rule: string }[] }[] } } };
  return answer.data.view.objectives.flatMap((o) => o.keyResults).find((k) => k.id === id)!;
};

describe('the bot, driven by the Microsoft 365 Agents Playground', () => {
  let firstThread = '';

  test('installed in a channel, it posts its welcome as a new channel post', async () => {
    const from = pg.messages.length;
    expect(await pg.install(channel())).toBe(200);
    const welcome = await botMessageIn(from, channel());
    expect(welcome.postConversationId).toBe(`${channel()};messageid=${welcome.messageId}`);
    expect(cardText(welcome)).toContain('Input.ChoiceSet');
  });

  test('help and status in channel posts answer in each post\'s thread', async () => {
    const help = await postInChannel('help');
    expect(cardText(help.reply)).toContain('follow <department>');
    const status = await postInChannel('status');
    expect(cardText(status.reply)).toContain('Acme');
  });

  test('follow eng and follow mkt as two posts land on one channel; unfollow eng works from a reply in another thread', async () => {
    const eng = await postInChannel('follow eng');
    firstThread = eng.thread;
    expect(cardText(eng.reply)).toContain('This channel follows Engineering.');
    const mkt = await postInChannel('follow mkt');
    expect(cardText(mkt.reply)).toContain('This channel follows Engineering and Marketing.');
    const unfollowed = await replyInThread(eng.thread, 'unfollow eng');
    expect(cardText(unfollowed)).toContain('This channel follows Marketing.');
    const followedAgain = await replyInThread(mkt.thread, 'follow eng');
    expect(cardText(followedAgain)).toContain('This channel follows Engineering and Marketing.');
  });

  test('agenda answers with the review agenda of the channel\'s first department', async () => {
    const agenda = await replyInThread(firstThread, 'agenda');
    expect(cardText(agenda)).toContain('Engineering OKR review');
  });

  test('the key result\'s owner checks in from the card: the Forge app stores it and the key result moves', async () => {
    const before = await krOf('eng-o2-kr2');
    const { thread, reply: status } = await postInChannel('status eng');
    const form = collectActions(status.attachments[0]!.content).find((a) => a.verb === 'check-in-form')!;
    // Tom owns eng-o2-kr2; the Playground sends his click with only his id, name and Entra object id.
    const opened = await pg.execute(thread, status.messageId, '29:tom', form.verb!, form.data ?? {});
    expect(opened.status).toBe(200);
    const formCard = (opened.body as { value: Record<string, unknown> }).value;
    expect(JSON.stringify(formCard)).toContain('Check in: Engineering');
    // Engineering has several key results that take check-ins: each opens its own form.
    const own = collectActions(formCard).find((a) => a.verb === 'check-in-form' && (a.data as { kr?: string } | undefined)?.kr === 'eng-o2-kr2')!;
    const krForm = await pg.execute(thread, status.messageId, '29:tom', own.verb!, own.data ?? {});
    expect(krForm.status).toBe(200);
    const krCard = (krForm.body as { value: Record<string, unknown> }).value;
    expect(JSON.stringify(krCard)).toContain('Check in: Cut p95 dashboard load time');
    const submit = collectActions(krCard).find((a) => a.verb === 'check-in')!;
    const from = pg.messages.length;
    const saved = await pg.execute(thread, status.messageId, '29:tom', submit.verb!, { ...submit.data, kr: 'eng-o2-kr2', value: '2', done: 'false', confidence: 'high', note: 'CDN cache on' });
    expect(saved.status).toBe(200);
    expect(JSON.stringify((saved.body as { value: unknown }).value)).toContain('Checked in: Cut p95 dashboard load time');
    // The card is updated in place for everyone, through the Playground's connector.
    const updated = await pg.next(from, (m) => m.action === 'updateMessage' && m.messageId === status.messageId);
    expect(cardText(updated)).toContain('Checked in');
    const after = await krOf('eng-o2-kr2');
    // From the example's check-in (1.9 s, 56%) to Tom's: (2 − 2.8) / (1.2 − 2.8) = 50%, dated today.
    expect([before.valueLabel, before.progressLabel]).toEqual(['1.9 s (from 2.8 to 1.2 s)', '56%']);
    expect([after.valueLabel, after.progressLabel]).toEqual(['2 s (from 2.8 to 1.2 s)', '50%']);
    expect(after.rule).toContain(`check-in of ${new Date().toISOString().slice(0, 10)}`);
  });

  test('the same check-in by someone else is refused with a clear card, and the key result does not move', async () => {
    const { thread, reply: status } = await postInChannel('status eng');
    const answer = await pg.execute(thread, status.messageId, '29:liam', 'check-in', { department: 'eng', kr: 'eng-o2-kr2', value: '1.5', done: 'false' });
    expect(answer.status).toBe(200);
    const card = JSON.stringify((answer.body as { value: unknown }).value);
    expect(card).toContain('Check-in not saved');
    expect(card).toContain("Teams' roster lists you as liam@acme.example.");
    expect((await krOf('eng-o2-kr2')).progressLabel).toBe('50%');
  });

  test('answers in the personal chat and, when mentioned, in the group chat', async () => {
    let from = pg.messages.length;
    await pg.say(pg.config.personalChat.id, 'help');
    expect(cardText(await botMessageIn(from, pg.config.personalChat.id))).toContain('follow <department>');
    from = pg.messages.length;
    await pg.say(pg.config.groupChat.id, 'help', { mentionBot: true });
    expect(cardText(await botMessageIn(from, pg.config.groupChat.id))).toContain('follow <department>');
  });

  test('no activity the Playground sent carries an email or UPN in from', () => {
    const senders = received.map((a) => a.from as Record<string, unknown>);
    expect(received.length).toBeGreaterThan(10);
    expect(new Set(senders.flatMap((f) => Object.keys(f)))).toEqual(new Set(['id', 'name', 'aadObjectId']));
    expect(JSON.stringify(senders)).not.toContain('@');
    expect(new Set(senders.map((f) => f.id))).toEqual(new Set(['29:raj', '29:tom', '29:liam']));
  });
});
