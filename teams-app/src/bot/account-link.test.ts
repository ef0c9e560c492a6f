/**
 * `link <code>` over HTTP, against the Jira app's own web trigger: Tom owns an Engineering key
 * result as a Jira account (picked in Jira), and Jira keeps his email from apps, so the roster's
 * email for him names no owner and his check-ins from Teams are refused. He asks a Jira page for
 * a code and sends it to the bot in a personal chat; the bot passes his Entra object id from the
 * verified activity, and his check-ins count from then on. A code sent where others can see it
 * is refused before Jira is asked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOrg } from '@okr-bridge/core';
import { loadAcmeExample } from '../../../dev/forge-webtrigger';
import { cardOf, fromOf, PEOPLE, startTestStack, TENANT, type TestStack } from './testing';

const TOM = PEOPLE.find((p) => p.name === 'Tom')!;
const TOM_ACCOUNT = '712020:d430758b-dd00-ae3c-e3b6-b33826ecbca1';
const root = join(__dirname, '..', '..', '..');

let stack: TestStack;
beforeAll(async () => {
  const org = parseOrg(readFileSync(join(root, 'examples', 'acme.yaml'), 'utf8').replaceAll('tom@acme.example', TOM_ACCOUNT), 'acme.yaml');
  stack = await startTestStack({ webTrigger: { org, issues: loadAcmeExample().issues } });
  // Tom's personal chat with the bot: its roster is Tom alone.
  stack.connector.directory.addChat({ id: 'a:tom', type: 'personal', tenantId: TENANT, members: [TOM.id] });
});
afterAll(() => stack.close());

const lastCard = (conversationId: string) => JSON.stringify(cardOf(stack.connector.activities(conversationId).at(-1)?.activity));
/** A message from Tom; in a personal chat Teams sends no team or channel in `channelData`. */
const sayAs = (conversationId: string, conversationType: string, text: string, from: Record<string, unknown> = fromOf(TOM)) =>
  stack.post({
    ...stack.activity(conversationId, { type: 'message', text, from }),
    conversation: { id: conversationId, conversationType, tenantId: TENANT },
    ...(conversationType === 'personal' ? { channelData: { tenant: { id: TENANT } } } : {}),
  });
const checkIn = () =>
  stack.post(
    stack.activity('19:general', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      from: fromOf(TOM),
      value: { action: { type: 'Action.Execute', verb: 'check-in', data: { department: 'eng', kr: 'eng-o2-kr2', value: '1.5' } }, trigger: 'manual' },
    }),
  );

describe('linking a Teams account to a Jira account with `link <code>`', () => {
  it("refuses Tom's check-in until he links, then counts it as his Jira account's", async () => {
    expect((await checkIn()).status).toBe(200);
    expect(stack.forge.calls.at(-1)).toMatchObject({ status: 403, request: { action: 'check-in', authorAadObjectId: 'aad-tom', authorEmail: 'tom@acme.example' } });

    // In a channel everyone sees the code: not linked, and the code is voided at once.
    const seen = await stack.forge.createLinkCode(TOM_ACCOUNT);
    await sayAs('19:general', 'channel', `link ${seen}`);
    expect(lastCard('19:general')).toContain('to me in a personal chat, never in a channel or group chat: everyone here can see this code. I voided it so nobody can use it.');
    expect(stack.forge.calls.at(-1)).toMatchObject({ status: 200, request: { action: 'void-link-code', code: seen.replace('-', '') } });
    await sayAs('a:tom', 'personal', `link ${seen}`);
    expect(stack.forge.calls.at(-1)).toMatchObject({ status: 404, request: { action: 'link-account' } });

    const code = await stack.forge.createLinkCode(TOM_ACCOUNT);
    await sayAs('a:tom', 'personal', `link ${code.toLowerCase()}`);
    expect(stack.forge.calls.at(-1)).toEqual({ connection: stack.connection.id, status: 200, request: { action: 'link-account', code: code.replace('-', ''), aadObjectId: 'aad-tom', name: 'Tom' } });
    expect(lastCard('a:tom')).toContain('Your Teams account is now linked to');

    expect((await checkIn()).status).toBe(200);
    expect(stack.forge.calls.at(-1)).toMatchObject({ status: 200, request: { action: 'check-in', kr: 'eng-o2-kr2', value: 1.5, authorAadObjectId: 'aad-tom' } });
  });

  it("takes the object id from Teams' roster, never from the activity: a forged `from` links nobody", async () => {
    const code = await stack.forge.createLinkCode(TOM_ACCOUNT);
    const before = stack.forge.calls.length;
    // Someone the roster of Tom's chat does not know, claiming Tom's object id.
    await sayAs('a:tom', 'personal', `link ${code}`, { id: '29:mallory', name: 'Mallory', aadObjectId: 'aad-tom' });
    expect(lastCard('a:tom')).toContain('Teams did not tell me which Microsoft Entra account you are');
    expect(stack.forge.calls.length).toBe(before);
    // Not through Teams (Web Chat lets its client write `from`): no identity either.
    const replies = stack.connector.activities('a:tom').length;
    await stack.post({ ...stack.activity('a:tom', { type: 'message', text: `link ${code}`, from: fromOf(TOM), channelId: 'webchat' }), conversation: { id: 'a:tom', conversationType: 'personal', tenantId: TENANT }, channelData: { tenant: { id: TENANT } } });
    expect(stack.forge.calls.length).toBe(before);
    // Answered, not dropped: the bot says why it links nobody.
    expect(stack.connector.activities('a:tom').length).toBe(replies + 1);
    expect(lastCard('a:tom')).toContain('Teams did not tell me which Microsoft Entra account you are');
  });

  it('says what is wrong with a code, asking Jira only about well-formed ones', async () => {
    const before = stack.forge.calls.length;
    await sayAs('a:tom', 'personal', 'link hello');
    expect(lastCard('a:tom')).toContain('expected a code of 10 letters and digits, like 7K2QF-M9XWD');
    expect(stack.forge.calls.length).toBe(before);
    await sayAs('a:tom', 'personal', 'link 00000-00000');
    expect(stack.forge.calls.at(-1)).toMatchObject({ status: 404, request: { action: 'link-account' } });
    expect(lastCard('a:tom')).toContain('is not one Jira gave, has expired or was used already');
    await sayAs('a:tom', 'personal', 'link');
    expect(lastCard('a:tom')).toMatch(/expected .{1,6}link <code.{1,6} with the code from .{1,6}Link Microsoft Teams/);
  });
});
