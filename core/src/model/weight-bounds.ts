/**
 * The bound on weights (of key results in their objective, of alignments in a roll-up): a
 * weight says how much one part counts beside its siblings, so a hundredfold spread is plenty,
 * and a bound keeps one part from drowning every other in a roll-up it shares.
 */
import { z } from 'zod';

export const MAX_WEIGHT = 100;

/** A weight from 0 to `MAX_WEIGHT` (default 1), with a message that says the bound. */
export const boundedWeightSchema = z
  .number({ error: 'expected a weight (a number)' })
  .finite()
  .min(0, { error: 'expected a weight of 0 or more' })
  .max(MAX_WEIGHT, { error: `expected a weight of at most ${MAX_WEIGHT}` })
  .default(1);
