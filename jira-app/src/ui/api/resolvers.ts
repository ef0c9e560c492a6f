/**
 * The panels' writes to their backend: a resolver call by its name in `contract.ts`, the
 * payload checked against the contract's schema before it leaves the browser (so a form shows
 * the same message the server would give, without a round trip), the answer typed by the
 * contract. Reads go through `invokeResolver`, which skips the check to keep panels light.
 */
import { payloadSchemas, type ResolverError, type ResolverName, type ResolverPayload, type ResolverResponse } from '../../contract';
import { invokeResolver } from './invoke';

/** zod issues as the contract's `ResolverIssue`s: the path joined with dots. */
function toIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ResolverError['issues'] {
  return issues.map((i) => ({ where: i.path.map(String).join('.') || '(payload)', message: i.message }));
}

/** Calls resolver `name` once its payload passes the contract's schema; resolves with `{ ok, data }` or `{ ok: false, error }`. */
export async function callResolver<N extends ResolverName>(name: N, payload: ResolverPayload<N>): Promise<ResolverResponse<N>> {
  const parsed = payloadSchemas[name].safeParse(payload);
  if (!parsed.success) {
    const issues = toIssues(parsed.error.issues);
    const first = issues?.[0];
    return { ok: false, error: { code: 'invalid-payload', message: first ? `${first.where}: ${first.message}` : 'The form is not complete.', ...(issues ? { issues } : {}) } };
  }
  return invokeResolver(name, payload);
}
