import { cardOf, startTestStack, type TestStack } from './testing';

const REFUSAL = { ok: false, error: { code: 'not-allowed', message: "only the key result's owner or the department's owners can check in" } };

let stack: TestStack;
/** When set, the Forge web trigger answers check-ins with this refusal (403), as the Jira app does for someone not allowed. */
let refuseCheckIns = false;
beforeAll(async () => {
  const forward: typeof fetch = async (input, init) => {
    const action = typeof init?.body === 'string' ? (JSON.parse(init.body) as { action?: string }).action : undefined;
    if (refuseCheckIns && action === 'check-in') return new Response(JSON.stringify(REFUSAL), { status: 403, headers: { 'content-type': 'application/json' } });
    return fetch(input, init);
  };
  stack = await startTestStack({ service: { fetch: forward } });
});
afterAll(() => stack.close());
beforeEach(() => {
  refuseCheckIns = false;
});

const TOM = { id: '29:tom', name: 'Tom', email: 'Tom@Acme.example', userPrincipalName: 'tom.upn@acme.example' };
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

describe('a check-in names the person by the email Teams gave for them', () => {
  it('sends the email recorded from the verified activity, lower case, with the display name', async () => {
    const answer = await checkInFrom(TOM);
    expect(answer.status).toBe(200);
    expect(stack.forge.calls.at(-1)).toEqual({ connection: 'conn-acme', request: { action: 'check-in', kr: 'eng-o2-kr2', value: 1.4, author: 'Tom', authorEmail: 'tom@acme.example' } });
  });

  it('sends the UPN when Teams gave no email, and no address when it gave neither', async () => {
    await checkInFrom({ id: '29:mei', name: 'Mei', userPrincipalName: 'Mei@Acme.example' });
    expect(stack.forge.calls.at(-1)?.request).toEqual({ action: 'check-in', kr: 'eng-o2-kr2', value: 1.4, author: 'Mei', authorEmail: 'mei@acme.example' });
    await checkInFrom({ id: '29:anon', name: 'Anon' });
    expect(stack.forge.calls.at(-1)?.request).toEqual({ action: 'check-in', kr: 'eng-o2-kr2', value: 1.4, author: 'Anon' });
  });

  it("shows Forge's refusal to the person who clicked, leaves the card as it was and answers 200, not 500", async () => {
    await stack.say('19:general', 'status eng');
    const statusCard = stack.connector.activities('19:general').at(-1)!;
    const cardBefore = JSON.stringify(cardOf(statusCard.activity));
    refuseCheckIns = true;
    const answer = await checkInFrom({ id: '29:mallory', name: 'Mallory', email: 'mallory@acme.example' }, statusCard.id);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 200, value: "Check-in not saved. Jira said no: only the key result's owner or the department's owners can check in" });
    expect(statusCard.versions).toHaveLength(1);
    expect(JSON.stringify(cardOf(stack.connector.activities('19:general').at(-1)!.activity))).toBe(cardBefore);
  });
});
