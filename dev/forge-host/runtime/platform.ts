/**
 * The platform behind `__forge_fetch__`: what Forge's proxy answers to the calls `@forge/api`,
 * `@forge/kvs` and `@forge/events` make, and nothing more.
 * - `{ type: 'kvs' }` → the KVS service (`kvs-service.ts`).
 * - `{ type: 'fpp', remote: 'jira' }` → the Jira emulator, as the app (`asApp`) or as the user
 *   (`asUser`: the invoking user; a function no user invoked has none, and is refused).
 * - `{ type: 'fpp', remote: 'stargate' }` → the two gateway calls the app makes: the
 *   `createWebTriggerUrl` GraphQL mutation (`webTrigger.getUrl`) and the queue's
 *   `/webhook/queue/publish/…` (`Queue.push`, answered 201 as the queue service does).
 * Anything else answers 501 naming the call, so a new platform use fails here, visibly.
 */
import { z } from 'zod';
import type { ForgeFetchTarget, Invocation, Platform, ProxiedAnswer } from './function-runner';
import type { KvsService } from './kvs-service';
import type { JiraAccess } from '../jira-access';

export interface QueuedPush {
  readonly queueName: string;
  readonly events: readonly { readonly body: Record<string, unknown>; readonly delayInSeconds?: number }[];
}

export interface PlatformOptions {
  readonly kvs: KvsService;
  readonly jira: JiraAccess;
  /** The URL `webTrigger.getUrl(key)` answers. */
  readonly webTriggerUrl: (key: string) => string;
  /** Called once the push is accepted; the consumer runs after the pushing invocation. */
  readonly push: (push: QueuedPush) => void;
}

const json = (status: number, body: unknown): ProxiedAnswer => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const notServed = (what: string): ProxiedAnswer => json(501, { message: `the local Forge host does not serve ${what}` });

const graphqlSchema = z.object({ query: z.string(), variables: z.record(z.string(), z.unknown()).optional() });
const webTriggerInput = z.object({ input: z.object({ triggerKey: z.string() }) });
const pushSchema = z.object({
  queueName: z.string(),
  jobId: z.string(),
  payload: z.array(z.object({ body: z.record(z.string(), z.unknown()), delayInSeconds: z.number().min(0).max(900).optional() })).min(1).max(50),
});

function parseBody(body: string | undefined): unknown {
  try {
    return body === undefined ? undefined : (JSON.parse(body) as unknown);
  } catch {
    return undefined;
  }
}

async function answerOf(res: Response): Promise<ProxiedAnswer> {
  return { status: res.status, statusText: res.statusText, headers: Object.fromEntries(res.headers.entries()), body: await res.text() };
}

/** The platform over the host's KVS, Jira access, web trigger URL and queue. */
export function createPlatform(o: PlatformOptions): Platform {
  async function jira(target: ForgeFetchTarget, path: string, init: Parameters<Platform>[2], invocation: Invocation): Promise<ProxiedAnswer> {
    const request = { method: init.method, headers: init.headers, ...(init.body !== undefined ? { body: init.body } : {}) };
    if (target.provider === 'app') return answerOf(await o.jira.asApp(path, request));
    if (target.provider === 'user') {
      const accountId = target.accountId ?? invocation.accountId;
      if (!accountId) return json(401, { message: `asUser() in function ${invocation.functionKey}, which no user invoked: there is no user to act as` });
      return answerOf(await o.jira.runAs({ accountId }, () => o.jira.asUser(path, request)));
    }
    return notServed(`requestJira with provider "${target.provider ?? 'none'}" (use asApp() or asUser())`);
  }

  function stargate(path: string, init: Parameters<Platform>[2]): ProxiedAnswer {
    const body = parseBody(init.body);
    if (path === '/graphql') {
      const gql = graphqlSchema.safeParse(body);
      if (!gql.success) return json(400, { errors: [{ message: 'expected a GraphQL body { query, variables }' }] });
      if (!/\bcreateWebTriggerUrl\b/.test(gql.data.query)) return notServed(`the GraphQL operation ${gql.data.query.trim().split(/\s+/).slice(0, 2).join(' ')}`);
      const input = webTriggerInput.safeParse(gql.data.variables);
      if (!input.success) return json(400, { errors: [{ message: 'expected variables.input.triggerKey' }] });
      return json(200, { data: { createWebTriggerUrl: { url: o.webTriggerUrl(input.data.input.triggerKey) } } });
    }
    if (path.startsWith('/webhook/queue/publish/')) {
      const push = pushSchema.safeParse(body);
      if (!push.success) return json(400, { message: push.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      o.push({ queueName: push.data.queueName, events: push.data.payload });
      return json(201, {});
    }
    return notServed(`the gateway path ${path}`);
  }

  return async (target, path, init, invocation) => {
    if (target.type === 'kvs') {
      const answer = o.kvs.handle(path, parseBody(init.body));
      return answer.status === 204 ? { status: 204, headers: {} } : json(answer.status, answer.body ?? null);
    }
    if (target.type === 'fpp' && target.remote === 'jira') return jira(target, path, init, invocation);
    if (target.type === 'fpp' && target.remote === 'stargate') return stargate(path, init);
    return notServed(`__forge_fetch__ to ${JSON.stringify(target)} ${path}`);
  };
}
