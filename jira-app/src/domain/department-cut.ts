/**
 * A department's cut of the org: the objectives its view shows or computes from (its own, the
 * objectives aligned to its roll-up key results, the objectives it aligns to and the ones above
 * them, the objectives on the other side of its dependencies), the departments those name, its
 * dependencies and their check-ins. Every lookup goes through `OrgIndex`, built once per org,
 * so cutting every department costs the org's size plus the cuts' sizes.
 */
import type { Department, Objective, Org } from '@okr-bridge/core';
import { deliverablesJql } from './org-assembly';

/** Appends `value` to the list at `key`, creating it. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The lookups every department's cut reads, built once per org. */
export interface OrgIndex {
  readonly org: Org;
  readonly departments: ReadonlyMap<string, Department>;
  /** Department id → its place in the file, to list a cut's departments in file order without a pass over them all. */
  readonly departmentPosition: ReadonlyMap<string, number>;
  /** Department id → its direct sub-departments. */
  readonly childrenOf: ReadonlyMap<string, readonly Department[]>;
  readonly dependencyPosition: ReadonlyMap<Org['dependencies'][number], number>;
  readonly objectiveOfKr: ReadonlyMap<string, Objective>;
  readonly objectivesOf: ReadonlyMap<string, readonly Objective[]>;
  /** Roll-up key result id → the objectives aligned to it. */
  readonly alignedTo: ReadonlyMap<string, readonly Objective[]>;
  readonly dependenciesOf: ReadonlyMap<string, readonly Org['dependencies'][number][]>;
  readonly checkInsOf: ReadonlyMap<string, readonly Org['checkIns'][number][]>;
  readonly position: ReadonlyMap<string, number>;
  readonly checkInPosition: ReadonlyMap<Org['checkIns'][number], number>;
  readonly deliverablesJql: string | null;
}

/** The indexes of `org` every cut reads. */
export function indexOrg(org: Org): OrgIndex {
  const objectiveOfKr = new Map<string, Objective>();
  const objectivesOf = new Map<string, Objective[]>();
  const alignedTo = new Map<string, Objective[]>();
  const position = new Map<string, number>();
  org.objectives.forEach((o, i) => {
    position.set(o.id, i);
    push(objectivesOf, o.department, o);
    for (const kr of o.keyResults) objectiveOfKr.set(kr.id, o);
    for (const a of o.alignedTo) push(alignedTo, a.kr, o);
  });
  const dependenciesOf = new Map<string, Org['dependencies'][number][]>();
  for (const d of org.dependencies) {
    push(dependenciesOf, d.needs.department, d);
    if (d.provider !== d.needs.department) push(dependenciesOf, d.provider, d);
  }
  const checkInsOf = new Map<string, Org['checkIns'][number][]>();
  for (const c of org.checkIns) push(checkInsOf, c.kr, c);
  const childrenOf = new Map<string, Department[]>();
  for (const d of org.departments) if (d.parent !== undefined) push(childrenOf, d.parent, d);
  return {
    org,
    departments: new Map(org.departments.map((d) => [d.id, d])),
    departmentPosition: new Map(org.departments.map((d, i) => [d.id, i])),
    childrenOf,
    dependencyPosition: new Map(org.dependencies.map((d, i) => [d, i])),
    objectiveOfKr,
    objectivesOf,
    alignedTo,
    dependenciesOf,
    checkInsOf,
    position,
    checkInPosition: new Map(org.checkIns.map((c, i) => [c, i])),
    deliverablesJql: deliverablesJql(org),
  };
}

/**
 * Department `id` and every department below it: a department's review covers its
 * sub-departments, as `scopeDepartments` (core's agenda) does, here through the index.
 */
function scopeOf(ix: OrgIndex, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    if (seen.has(cur)) continue;
    seen.add(cur);
    out.push(cur);
    for (const child of ix.childrenOf.get(cur) ?? []) stack.push(child.id);
  }
  return out;
}

/** The dependencies of the departments in `scope` (needing or providing), each once, in file order. */
function dependenciesIn(ix: OrgIndex, scope: readonly string[]): Org['dependencies'][number][] {
  const out = new Set<Org['dependencies'][number]>();
  for (const id of scope) for (const d of ix.dependenciesOf.get(id) ?? []) out.add(d);
  return [...out].sort((a, b) => ix.dependencyPosition.get(a)! - ix.dependencyPosition.get(b)!);
}

/** The objectives department `id`'s view needs, in file order. */
function objectivesFor(ix: OrgIndex, scope: readonly string[], dependencies: readonly Org['dependencies'][number][]): Objective[] {
  const keep = new Set<string>();
  const down: Objective[] = scope.flatMap((d) => ix.objectivesOf.get(d) ?? []);
  const up: Objective[] = [];
  for (const d of dependencies) {
    const needing = ix.objectiveOfKr.get(d.needs.kr);
    if (needing) up.push(needing);
  }
  // Downwards: objectives aligned to roll-up key results of kept objectives.
  while (down.length > 0) {
    const o = down.pop()!;
    if (keep.has(o.id)) continue;
    keep.add(o.id);
    up.push(o);
    for (const k of o.keyResults) if (k.kind === 'rollup') down.push(...(ix.alignedTo.get(k.id) ?? []));
  }
  // Upwards: what kept objectives align to, to the top (titles, company objectives at risk).
  const kept: Objective[] = [];
  const seen = new Set<string>();
  while (up.length > 0) {
    const o = up.pop()!;
    if (seen.has(o.id)) continue;
    seen.add(o.id);
    kept.push(o);
    for (const a of o.alignedTo) {
      const parent = ix.objectiveOfKr.get(a.kr);
      if (parent && !seen.has(parent.id)) up.push(parent);
    }
  }
  return kept.sort((a, b) => ix.position.get(a.id)! - ix.position.get(b.id)!);
}

/**
 * The departments a cut names: its own, those of its objectives and dependencies, and the
 * parents between them and it (so a review agenda finds the departments below it), in file order.
 */
function departmentsFor(ix: OrgIndex, id: string, objectives: readonly Objective[], dependencies: readonly Org['dependencies'][number][]): Department[] {
  const keep = new Set<string>([id]);
  const add = (start: string) => {
    let cur: string | undefined = start;
    while (cur !== undefined && !keep.has(cur) && ix.departments.has(cur)) {
      keep.add(cur);
      cur = ix.departments.get(cur)!.parent;
    }
  };
  for (const o of objectives) add(o.department);
  for (const d of dependencies) {
    add(d.needs.department);
    add(d.provider);
  }
  // Sorted by place in the file: a cut names a few departments, the org may have thousands.
  return [...keep]
    .filter((d) => ix.departmentPosition.has(d))
    .sort((a, b) => ix.departmentPosition.get(a)! - ix.departmentPosition.get(b)!)
    .map((d) => ix.departments.get(d)!);
}

/**
 * The org cut for department `id`: the objectives and departments it needs, the dependencies
 * of it and of its sub-departments (the department's review covers them, as
 * `buildReviewAgenda` does over the whole org), their check-ins, every review.
 */
export function orgFor(ix: OrgIndex, id: string): { org: Org; deliverables: Set<string> } {
  const scope = scopeOf(ix, id);
  const dependencies = dependenciesIn(ix, scope);
  const objectives = objectivesFor(ix, scope, dependencies);
  const deliverables = new Set(dependencies.flatMap((d) => d.deliverables));
  const checkIns = objectives.flatMap((o) => o.keyResults.flatMap((k) => ix.checkInsOf.get(k.id) ?? []));
  checkIns.sort((a, b) => ix.checkInPosition.get(a)! - ix.checkInPosition.get(b)!);
  const departments = departmentsFor(ix, id, objectives, dependencies);
  return { org: { ...ix.org, departments, objectives, dependencies: [...dependencies], checkIns }, deliverables };
}
