/**
 * A resolver call without the payload check: the panels' reads go through here so a panel
 * opens without loading the org schemas (zod and all of `core`'s models). The resolver parses
 * every payload itself, so nothing reaches storage unchecked; forms use `callResolver`, which
 * checks first and shows the server's message without a round trip. Transport failures come
 * back as an `internal` error, never as a throw.
 */
import { invoke } from '@forge/bridge';
import type { ResolverName, ResolverPayload, ResolverResponse } from '../../contract';

function isResponse(value: unknown): value is { ok: boolean } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** Calls resolver `name`; resolves with the contract's `{ ok, data }` or `{ ok: false, error }`. */
export async function invokeResolver<N extends ResolverName>(name: N, payload: ResolverPayload<N>): Promise<ResolverResponse<N>> {
  let answer: unknown;
  try {
    answer = await invoke(name, payload as Record<string, unknown>);
  } catch (e) {
    return { ok: false, error: { code: 'internal', message: `The app could not reach its backend (${name}): ${(e as Error).message}` } };
  }
  if (!isResponse(answer)) return { ok: false, error: { code: 'internal', message: `The app's backend gave an answer this panel does not understand (${name}).` } };
  return answer as ResolverResponse<N>;
}
