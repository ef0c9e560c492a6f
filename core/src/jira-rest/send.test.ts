import { z } from 'zod';
import { createSender, type JiraAttempt, type JiraTransport } from './send';
import { defaultRetryPolicy } from './retry';
import { createStatsCounter } from './stats';
import type { JiraRequestError } from './errors';

const json = (status: number, text: string, headers: Record<string, string> = {}): JiraAttempt => ({
  kind: 'response',
  status,
  text,
  headers: new Headers({ 'content-type': 'application/json;charset=UTF-8', ...headers }),
});

function senderOver(attempts: JiraAttempt[], deadlineMs?: number) {
  let t = 0;
  const waits: number[] = [];
  const sent: string[] = [];
  const transport: JiraTransport = async (req) => {
    sent.push(`${req.method} ${req.path}`);
    return attempts.shift() ?? json(200, '{"count":1}');
  };
  const stats = createStatsCounter();
  const sender = createSender({ transport, retry: defaultRetryPolicy, secrets: ['s3cret'], now: () => t, sleep: async (ms) => {
      waits.push(ms);
      t += ms;
    }, random: () => 0, deadlineMs, stats });
  return { sender, waits, sent, stats };
}

const count = z.object({ count: z.number() });
const call = { method: 'POST' as const, path: '/rest/api/3/search/approximate-count', body: { jql: 'project = ENG' } };

async function failureOf(p: Promise<unknown>): Promise<JiraRequestError> {
  try {
    await p;
  } catch (e) {
    return e as JiraRequestError;
  }
  throw new Error('expected a failure');
}

describe('createSender', () => {
  it('retries a JSON body cut short, a timeout, a network error and a 503, honouring Retry-After', async () => {
    const { sender, waits, stats } = senderOver([json(200, '{"cou'), { kind: 'timeout', afterMs: 10_000 }, { kind: 'network', message: 'ECONNRESET' }, json(503, '', { 'retry-after': '3' })]);
    expect(await sender.send(call, count, 'a count')).toEqual({ count: 1 });
    expect(waits).toEqual([250, 500, 1000, 3000]);
    expect(stats.snapshot()).toMatchObject({ totalCalls: 5, retries: 4 });
  });

  it('does not retry a login page served as 200, a 400 or a body of the wrong shape', async () => {
    const page: JiraAttempt = { kind: 'response', status: 200, text: '<html>Log in</html>', headers: new Headers({ 'content-type': 'text/html' }) };
    const a = await failureOf(senderOver([page]).sender.send(call, count, 'a count'));
    expect([a.kind, a.attempts, a.retryable]).toEqual(['malformed', 1, false]);
    const b = await failureOf(senderOver([json(400, '{"errorMessages":["bad s3cret"],"errors":{}}')]).sender.send(call, count, 'a count'));
    expect(b.message).toBe('POST /rest/api/3/search/approximate-count failed with 400 after 1 attempt: bad ***');
    const c = await failureOf(senderOver([json(200, '{"total":3}')]).sender.send(call, count, 'a count'));
    expect([c.kind, c.retryable]).toEqual(['malformed', false]);
  });

  it('stops before a Retry-After that would end past the deadline', async () => {
    const { sender, waits } = senderOver([json(429, '{"errorMessages":["Rate limit exceeded."],"errors":{}}', { 'retry-after': '30' })], 20_000);
    const e = await failureOf(sender.send(call, count, 'a count'));
    expect(e.message).toBe('POST /rest/api/3/search/approximate-count failed with 429 after 1 attempt (Retry-After 30 s; gave up: the next wait of 30 s would pass the deadline, 20 s left): Rate limit exceeded.');
    expect([e.retryable, waits]).toEqual([true, []]);
  });
});
