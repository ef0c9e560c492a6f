/**
 * `POST /api/messages`: the Bot Framework channel's activities. The body is checked for the
 * fields every activity has; the bearer token is validated (production) or, in the explicit
 * local mode only, no token is needed; then the Agents SDK's CloudAdapter runs the turn.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AgentApplication, CloudAdapter, TurnState } from '@microsoft/agents-hosting';
import { z } from 'zod';
import type { BotAuthVerifier } from './bot-auth';
import { BodyTooLarge, readBody, sendJson, toWebResponse } from './io';

const activitySchema = z.looseObject({
  type: z.string({ error: 'expected an activity with a type' }).min(1),
  conversation: z.looseObject({ id: z.string({ error: 'expected conversation.id' }).min(1) }, { error: 'expected an activity with a conversation' }),
  serviceUrl: z.url({ error: 'expected serviceUrl to be a URL' }).optional(),
});

export interface MessagesRouteDeps {
  readonly adapter: CloudAdapter;
  readonly app: AgentApplication<TurnState>;
  /** null only in the local anonymous mode. */
  readonly verifier: BotAuthVerifier | null;
  /** Sees each activity as it came over the wire, once its token was checked, before the turn runs. */
  readonly onVerified?: (activity: Record<string, unknown>) => Promise<void>;
  readonly log?: (line: string) => void;
}

/** Handles one request to /api/messages. */
export async function handleMessages(deps: MessagesRouteDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'expected POST' }, { allow: 'POST' });
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (error instanceof BodyTooLarge) return sendJson(res, 413, { error: error.message });
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return sendJson(res, 400, { error: 'expected a JSON activity' });
  }
  const parsed = activitySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return sendJson(res, 400, { error: issue ? `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}` : 'expected an activity' });
  }
  let user: Record<string, unknown> = {};
  if (deps.verifier) {
    const verdict = await deps.verifier.verify(typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined, parsed.data);
    if (verdict.kind === 'refused') return sendJson(res, 401, { error: verdict.reason }, { 'www-authenticate': 'Bearer' });
    user = verdict.claims as Record<string, unknown>;
  }
  await deps.onVerified?.(parsed.data);
  const request = { body: parsed.data as Record<string, unknown>, headers: req.headers as Record<string, string | string[] | undefined>, method: req.method, user };
  const web = toWebResponse(res);
  try {
    await deps.adapter.process(request, web, (context) => deps.app.run(context));
  } catch (error) {
    deps.log?.(`messages: turn failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!res.headersSent) return sendJson(res, 500, { error: 'the turn failed' });
  }
  if (!res.writableEnded) res.end();
}
