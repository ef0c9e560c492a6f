/**
 * The long lists of an org file validated a slice at a time, as they are read
 * (`yaml-slices.ts`): the plain data of one slice (200 objectives) is dropped as soon as its
 * validated copy exists, instead of the plain data of the whole file being held beside the
 * validated org. Only a file that is whole and valid is read this way: at the first problem
 * it stops, and the caller reads and validates the file in one piece, which names every
 * problem in the usual order, located.
 */
import { z } from 'zod';
import { checkReferences } from './check-references';
import { checkInSchema, departmentSchema, dependencySchema, objectiveSchema, orgSchema, reviewSchema } from './org';
import type { Org } from './org';
import { orgPartsOf } from './org-parts';
import type { OnSlice } from './yaml-slices';

/** The org file's top-level lists, each with the schema of a slice of it. */
const LISTS: Readonly<Record<string, z.ZodType<unknown[]>>> = {
  departments: z.array(departmentSchema),
  objectives: z.array(objectiveSchema),
  dependencies: z.array(dependencySchema),
  checkIns: z.array(checkInSchema),
  reviews: z.array(reviewSchema),
};

/** Lists already validated pass through the org's schema as they are. */
const VALIDATED = z.array(z.unknown());

export interface SliceValidation {
  readonly onSlice: OnSlice;
  /** Whether any list was read in slices (and validated so far). */
  readonly sliced: () => boolean;
  /**
   * The org, when every slice, the rest of the file and the references between its parts are
   * valid; undefined otherwise (the caller validates the file whole).
   */
  readonly finish: (value: unknown) => Org | undefined;
}

export function validateInSlices(): SliceValidation {
  const validated = new Set<string>();
  let failed = false;
  return {
    onSlice: (key, items) => {
      const schema = Object.hasOwn(LISTS, key) ? LISTS[key] : undefined;
      const parsed = failed || schema === undefined ? undefined : schema.safeParse(items);
      if (!parsed?.success) {
        failed = true;
        return items;
      }
      validated.add(key);
      return parsed.data;
    },
    sliced: () => failed || validated.size > 0,
    finish: (value) => {
      if (failed) return undefined;
      const rest = orgSchema.extend(Object.fromEntries([...validated].map((key) => [key, VALIDATED])));
      const parsed = rest.safeParse(value);
      if (!parsed.success) return undefined;
      // The lists passed through are the validated copies made by `onSlice`: together, an `Org`.
      const org = parsed.data as unknown as Org;
      return checkReferences(orgPartsOf(org)).length === 0 ? org : undefined;
    },
  };
}
