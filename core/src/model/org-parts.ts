/**
 * The parts of an org file that the reference checks read, each with its index in the file.
 * A file that passed the schema gives every part; a file that did not still gives the parts
 * that are valid on their own (`salvageOrgParts`), so that one round of errors names the
 * broken references too, not only the broken shapes. Ids read from parts that failed their
 * schema are kept as "loose": a reference to them is not reported as unknown a second time.
 */
import { z } from 'zod';
import type { CheckIn, Department, Dependency, KeyResult, Objective, Org, Review } from './org';
import { checkInSchema, companySchema, departmentSchema, dependencySchema, keyResultSchema, objectiveSchema, reviewSchema } from './org';

export interface Indexed<T> {
  /** The index of this part in its list in the file. */
  readonly at: number;
  readonly value: T;
}

export interface IndexedObjective extends Indexed<Objective> {
  /** The valid key results of this objective (its `value.keyResults`), with their index in the file. */
  readonly keyResults: readonly Indexed<KeyResult>[];
}

export interface OrgParts {
  readonly companyId: string | undefined;
  readonly departments: readonly Indexed<Department>[];
  readonly objectives: readonly IndexedObjective[];
  readonly dependencies: readonly Indexed<Dependency>[];
  readonly checkIns: readonly Indexed<CheckIn>[];
  readonly reviews: readonly Indexed<Review>[];
  /** Department ids of departments that failed their schema; null when the list itself is unreadable (any id passes). */
  readonly looseDepartments: ReadonlySet<string> | null;
  /** Key result ids of key results that failed their schema; null when unreadable. */
  readonly looseKrs: ReadonlySet<string> | null;
}

function indexed<T>(list: readonly T[]): Indexed<T>[] {
  return list.map((value, at) => ({ at, value }));
}

/** The parts of a valid org. */
export function orgPartsOf(org: Org): OrgParts {
  return {
    companyId: org.company.id,
    departments: indexed(org.departments),
    objectives: org.objectives.map((value, at) => ({ at, value, keyResults: indexed(value.keyResults) })),
    dependencies: indexed(org.dependencies),
    checkIns: indexed(org.checkIns),
    reviews: indexed(org.reviews),
    looseDepartments: new Set(),
    looseKrs: new Set(),
  };
}

const objectiveShellSchema = objectiveSchema.extend({ keyResults: z.array(z.unknown()).default([]) });

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function rawId(x: unknown): string | undefined {
  return isRecord(x) && typeof x.id === 'string' ? x.id : undefined;
}

/** A list field: its items, [] when absent, null when present but not a list. */
function listOf(input: Record<string, unknown>, key: string): readonly unknown[] | null {
  const v = input[key];
  return v === undefined ? [] : Array.isArray(v) ? v : null;
}

function salvage<T>(items: readonly unknown[] | null, schema: z.ZodType<T>, loose?: Set<string>): Indexed<T>[] {
  const out: Indexed<T>[] = [];
  (items ?? []).forEach((item, at) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push({ at, value: parsed.data });
    else {
      const id = rawId(item);
      if (id !== undefined) loose?.add(id);
    }
  });
  return out;
}

/** The parts of an org input that failed the schema that are valid on their own; null when the input is not an object. */
export function salvageOrgParts(input: unknown): OrgParts | null {
  if (!isRecord(input)) return null;
  const company = companySchema.safeParse(input.company);
  const departmentItems = listOf(input, 'departments');
  const objectiveItems = listOf(input, 'objectives');
  const looseDepartments = new Set<string>();
  const looseKrs = new Set<string>();
  const departments = salvage(departmentItems, departmentSchema, looseDepartments);
  const objectives: IndexedObjective[] = [];
  (objectiveItems ?? []).forEach((item, at) => {
    const shell = objectiveShellSchema.safeParse(item);
    const krItems = shell.success ? shell.data.keyResults : isRecord(item) && Array.isArray(item.keyResults) ? item.keyResults : [];
    if (!shell.success) {
      for (const kr of krItems) {
        const id = rawId(kr);
        if (id !== undefined) looseKrs.add(id);
      }
      return;
    }
    const keyResults = salvage(krItems, keyResultSchema, looseKrs);
    objectives.push({ at, value: { ...shell.data, keyResults: keyResults.map((k) => k.value) }, keyResults });
  });
  return {
    companyId: company.success ? company.data.id : rawId(input.company),
    departments,
    objectives,
    dependencies: salvage(listOf(input, 'dependencies'), dependencySchema),
    checkIns: salvage(listOf(input, 'checkIns'), checkInSchema),
    reviews: salvage(listOf(input, 'reviews'), reviewSchema),
    looseDepartments: departmentItems === null ? null : looseDepartments,
    looseKrs: objectiveItems === null ? null : looseKrs,
  };
}
