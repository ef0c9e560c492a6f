/**
 * The signed client of the Forge web trigger: every call the Teams service makes to the Jira
 * side (views, agenda, check-ins, completing a connection) goes through `call`, which signs
 * the body with the connection's secret, validates the request before sending and the answer
 * after, and returns a tagged outcome. It never logs the secret or the signature.
 */
import { signBridgeRequest, webTriggerRequestSchema, webTriggerResponseSchema, webTriggerResultSchemas, type WebTriggerAction, type WebTriggerRequest } from '@okr-bridge/core';
import type { z } from 'zod';

/** What the client needs of a stored connection. */
export interface ForgeConnection {
  /** The connection id both sides sign with. */
  readonly id: string;
  /** The Forge web trigger URL. */
  readonly url: string;
  readonly secret: string;
}

export interface ForgeClientOptions {
  /** Defaults to the global fetch. */
  readonly fetch?: typeof fetch;
  /** The clock, in epoch milliseconds. */
  readonly nowMs: () => number;
  /** A fresh request id per call (the other side refuses a replayed one). */
  readonly newId: () => string;
  /** Per-call timeout; 10 s by default. */
  readonly timeoutMs?: number;
}

export type ForgeResult<A extends WebTriggerAction> = z.infer<(typeof webTriggerResultSchemas)[A]>;

/** A call's outcome: the data, an error Forge answered with, or a transport/contract failure. */
export type ForgeOutcome<A extends WebTriggerAction> =
  | { readonly kind: 'ok'; readonly data: ForgeResult<A> }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }
  | { readonly kind: 'unavailable'; readonly message: string };

export interface ForgeClient {
  call<R extends WebTriggerRequest>(request: R): Promise<ForgeOutcome<R['action']>>;
}

/** Creates a client that signs every call to `connection.url` with `connection.secret`. */
export function createForgeClient(connection: ForgeConnection, options: ForgeClientOptions): ForgeClient {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async call<R extends WebTriggerRequest>(request: R): Promise<ForgeOutcome<R['action']>> {
      const parsed = webTriggerRequestSchema.safeParse(request);
      if (!parsed.success) throw new Error(`broken invariant: invalid web trigger request: ${parsed.error.issues[0]?.message ?? ''}`);
      const body = JSON.stringify(parsed.data);
      const headers = signBridgeRequest(connection.secret, { connection: connection.id, id: options.newId(), nowMs: options.nowMs(), body });
      let response: Response;
      try {
        response = await doFetch(connection.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        return { kind: 'unavailable', message: `the Jira app did not answer (${error instanceof Error ? error.message : String(error)})` };
      }
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return { kind: 'unavailable', message: `the Jira app answered ${response.status} with a body that is not JSON` };
      }
      const answer = webTriggerResponseSchema(request.action as R['action']).safeParse(json);
      if (!answer.success) {
        return { kind: 'unavailable', message: `the Jira app answered ${response.status} with an unexpected body: ${answer.error.issues[0]?.message ?? ''}` };
      }
      const result = answer.data as { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };
      if (!result.ok) return { kind: 'refused', code: result.error.code, message: result.error.message };
      return { kind: 'ok', data: result.data as ForgeResult<R['action']> };
    },
  };
}
