/**
 * Who checked in, as Forge hears it: the email (else UPN) Teams' roster API gives for the
 * person who clicked, never an address the activity's `from` carries (Teams puts no email
 * there), and the Entra object id the roster gives (Forge accepts it for a linked account),
 * never the one `from` claims.
 */
import { cardOf, fromOf, startTestStack, type TestStack } from './testing';

const TENANT = 'tenant-acme';

let stack: TestStack;
let nowMs = Date.now();
beforeAll(async () => {
  stack = await startTestStack({ service: { nowMs: () => nowMs } });
  // Mei is a guest: the roster gives her UPN and no email. Nobody is not in the team.
  stack.connector.directory.addUser({ id: '29:mei', name: 'Mei', aadObjectId: 'aad-mei', userPrincipalName: 'Mei@Acme.example', tenantId: TENANT, userRole: 'guest' });
  stack.connector.directory.addTeam({ id: 'team-1', name: 'Acme', tenantId: TENANT, channels: [], members: ['29:ann', '29:raj', '29:zoe', '29:tom', '29:mei'] });
});
afterAll(() => stack.close());

const TOM = { id: '29:tom', name: 'Tom', aadObjectId: 'aad-tom' };
const checkInFrom = (from: Record<string, unknown>, replyToId?: string) =>
  stack.post(
    stack.activity('19:general', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      from,
      value: { action: { type: 'Action.Execute', verb: 'check-in', data: { department: 'eng', kr: 'eng-o2-kr2', value: '1.4' } }, trigger: 'manual' },
      ...(replyToId ? { replyToId } : {}),
    }),
  );
const rosterCalls = () => stack.connector.requests.filter((r) => r.method === 'GET' && r.path.includes('/members/')).length;

describe('a check-in names the person by the email the roster gives for them', () => {
  it('asks the roster who clicked and sends their email, lower case, with the display name', async () => {
    const answer = await checkInFrom(fromOf(TOM));
    expect(answer.status).toBe(200);
    // Tom owns eng-o2-kr2: the Jira app applies it.
    expect(stack.forge.calls.at(-1)).toEqual({ connection: stack.connection.id, status: 200, request: { action: 'check-in', kr: 'eng-o2-kr2', value: 1.4, author: 'Tom', authorEmail: 'tom@acme.example', authorAadObjectId: 'aad-tom' } });
    expect(stack.connector.requests.filter((r) => r.method === 'GET').map((r) => [r.path, r.status]).at(-1)).toEqual(['/v3/conversations/team-1/members/29:tom', 200]);
  });

  it('caches the answer for a day, then asks again', async () => {
    const before = rosterCalls();
    await checkInFrom(fromOf(TOM));
    expect(rosterCalls()).toBe(before);
    // A day on (the signed call to Forge, stamped a day late, is refused: only the roster call counts here).
    nowMs += 24 * 60 * 60_000 + 1;
    try {
      await checkInFrom(fromOf(TOM));
    } finally {
      nowMs = Date.now();
    }
    expect(rosterCalls()).toBe(before + 1);
  });

  it('sends the UPN when the roster has no email, and no address or object id for someone the roster does not know', async () => {
    await checkInFrom({ id: '29:mei', name: 'Mei', aadObjectId: 'aad-mei' });
    expect(stack.forge.calls.at(-1)?.request).toEqual({ action: 'check-in', kr: 'eng-o2-kr2', value: 1.4, author: 'Mei', authorEmail: 'mei@acme.example', authorAadObjectId: 'aad-mei' });
    await checkInFrom({ id: '29:anon', name: 'Anon', aadObjectId: 'aad-anon' });
    expect(stack.forge.calls.at(-1)?.request).toEqual({ action: 'check-in', kr: 'eng-o2-kr2', value: 1.4, author: 'Anon' });
  });

  it('never takes an address from the activity: an email or UPN put in `from` is ignored', async () => {
    await checkInFrom({ id: '29:mallory', name: 'Mallory', email: 'raj@acme.example', userPrincipalName: 'raj@acme.example' });
    expect(stack.forge.calls.at(-1)?.request).toEqual({ action: 'check-in', kr: 'eng-o2-kr2', value: 1.4, author: 'Mallory' });
  });

  it("shows the Jira app's refusal of a non-owner's check-in to the person who clicked, leaves the card as it was and answers 200, not 500", async () => {
    await stack.say('19:general', 'status eng');
    const statusCard = stack.connector.activities('19:general').at(-1)!;
    const cardBefore = JSON.stringify(cardOf(statusCard.activity));
    // Zoe owns neither eng-o2-kr2 (Tom's) nor Engineering (Raj's): the app's own owner check refuses her.
    const answer = await checkInFrom({ id: '29:zoe', name: 'Zoe Martin', aadObjectId: 'aad-zoe' }, statusCard.id);
    expect(answer.status).toBe(200);
    expect(stack.forge.calls.at(-1)).toEqual({ connection: stack.connection.id, status: 403, request: { action: 'check-in', kr: 'eng-o2-kr2', value: 1.4, author: 'Zoe Martin', authorEmail: 'zoe@acme.example', authorAadObjectId: 'aad-zoe' } });
    expect(answer.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const refusal = JSON.stringify((answer.body as { value: unknown }).value);
    expect(refusal).toContain('Check-in not saved');
    expect(refusal).toContain("Jira said no: only the key result's owner or the department's owners can check in. Teams' roster lists you as zoe@acme.example.");
    expect(statusCard.versions).toHaveLength(1);
    expect(JSON.stringify(cardOf(stack.connector.activities('19:general').at(-1)!.activity))).toBe(cardBefore);
  });
});
