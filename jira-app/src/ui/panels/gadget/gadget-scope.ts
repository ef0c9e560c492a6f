/** The gadget's saved configuration, read from the context with the contract's scope schema. */
import { z } from 'zod';
import { gadgetScopeSchema } from '../../../contract';

export type GadgetScope = z.output<typeof gadgetScopeSchema>;

const configSchema = z.looseObject({ scope: gadgetScopeSchema });

/** The scope in `config`, or null when the gadget has not been configured (or holds something else). */
export function readGadgetScope(config: Readonly<Record<string, unknown>>): GadgetScope | null {
  const parsed = configSchema.safeParse(config);
  return parsed.success ? parsed.data.scope : null;
}
