/** Every resolver of the contract, by call name: used by the Forge entry and the local Forge host. */
import type { ResolverName } from '../contract';
import type { AppDeps } from '../app/deps';
import type { ResolverHandler } from './define';
import { alignmentResolvers } from './edit-alignment-resolvers';
import { editResolvers } from './edit-resolvers';
import { peopleResolvers } from './people-resolvers';
import { settingsResolvers } from './settings-resolvers';
import { viewResolvers } from './view-resolvers';

export type ResolverHandlers = { readonly [N in ResolverName]: ResolverHandler<N> };

/** The resolver functions over `deps`; each parses its payload, checks permissions and answers the contract's response. */
export function createResolverHandlers(deps: AppDeps): ResolverHandlers {
  return { ...viewResolvers(deps), ...editResolvers(deps), ...alignmentResolvers(deps), ...settingsResolvers(deps), ...peopleResolvers(deps) };
}
