/**
 * The shape every resolver shares: parse the payload with the contract's schema (a clear
 * `invalid-payload` error naming each problem, and nothing touched), open a session, run, and
 * turn any failure into the contract's error answer.
 */
import { payloadSchemas, type ParsedPayload, type ResolverName, type ResolverResponse, type ResolverResult } from '../contract';
import type { AppDeps, ResolverRequest } from '../app/deps';
import { toResolverError, zodIssues } from '../app/failure';
import { openSession, type Session } from '../app/session';

export interface Call<N extends ResolverName> {
  readonly payload: ParsedPayload<N>;
  readonly session: Session;
  readonly accountId: string | undefined;
}

export type ResolverHandler<N extends ResolverName = ResolverName> = (request: ResolverRequest) => Promise<ResolverResponse<N>>;

export function defineResolver<N extends ResolverName>(deps: AppDeps, name: N, run: (call: Call<N>) => Promise<ResolverResult<N>>): ResolverHandler<N> {
  return async (request) => {
    const parsed = payloadSchemas[name].safeParse(request?.payload ?? {});
    if (!parsed.success) {
      const issues = zodIssues(parsed.error.issues);
      const first = issues[0];
      return { ok: false, error: { code: 'invalid-payload', message: `${name}: ${first ? `${first.where}: ${first.message}` : 'unexpected payload'}`, issues } };
    }
    try {
      const session = openSession(deps);
      const data = await run({ payload: parsed.data as ParsedPayload<N>, session, accountId: request?.context?.accountId });
      return { ok: true, data };
    } catch (e) {
      return { ok: false, error: toResolverError(e, deps.log) };
    }
  };
}
