/**
 * The panels' only way to their backend: a resolver call by its name in `contract.ts`, the
 * payload checked against the contract's schema before it leaves the browser (so a form shows
 * the same message the server would give, without a round trip), the answer typed by the
 * contract. Transport failures come back as an `internal` error, never as a throw.
 */
import { invoke } from '@forge/bridge';
import { payloadSchemas, type ResolverError, type ResolverName, type ResolverPayload, type ResolverResponse } from '../../contract';

/** zod issues as the contract's `ResolverIssue`s: the path joined with dots. */
function toIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ResolverError['issues'] {
  return issues.map((i) => ({ where: i.path.map(String).join('.') || '(payload)', message: i.message }));
}

function isResponse(value: unknown): value is { ok: boolean } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** Calls resolver `name`; resolves with the contract's `{ ok, data }` or `{ ok: false, error }`. */
export async function callResolver<N extends ResolverName>(name: N, payload: ResolverPayload<N>): Promise<ResolverResponse<N>> {
  const parsed = payloadSchemas[name].safeParse(payload);
  if (!parsed.success) {
    const issues = toIssues(parsed.error.issues);
    const first = issues?.[0];
    return { ok: false, error: { code: 'invalid-payload', message: first ? `${first.where}: ${first.message}` : 'The form is not complete.', ...(issues ? { issues } : {}) } };
  }
  let answer: unknown;
  try {
    answer = await invoke(name, payload as Record<string, unknown>);
  } catch (e) {
    return { ok: false, error: { code: 'internal', message: `The app could not reach its backend (${name}): ${(e as Error).message}` } };
  }
  if (!isResponse(answer)) return { ok: false, error: { code: 'internal', message: `The app's backend gave an answer this panel does not understand (${name}).` } };
  return answer as ResolverResponse<N>;
}
