/**
 * `callResolver` loaded on first use: a panel's writes (link, save, create a code) check their
 * payload against the contract's schemas, which are too heavy to load before the panel shows.
 */
import type { ResolverName, ResolverPayload, ResolverResponse } from '../../contract';

/** Loads the checked caller, then calls resolver `name` with `payload`. */
export async function callChecked<N extends ResolverName>(name: N, payload: ResolverPayload<N>): Promise<ResolverResponse<N>> {
  const { callResolver } = await import('./resolvers.js');
  return callResolver(name, payload);
}
