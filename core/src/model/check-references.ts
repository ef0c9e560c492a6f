/**
 * The checks an org file needs beyond its shape: ids unique across kinds, references that
 * name something that exists, graphs that must not loop (the department tree, alignments),
 * and key result JQL that is well-formed. Every check is linear in the file's size (maps, one pass
 * per graph, no recursion), so a hostile or huge file costs time in proportion to its bytes.
 */
import { isOkrError } from './errors';
import type { OkrErrorCode } from './errors';
import { parseJql } from '../jql/parser';
import type { Indexed, OrgParts } from './org-parts';
import type { Department } from './org';

export interface ReferenceProblem {
  readonly code: OkrErrorCode;
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** The reference problems of `parts`, in file order within each kind of check. */
export function checkReferences(parts: OrgParts): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const fail = (code: OkrErrorCode, path: PropertyKey[], message: string) => problems.push({ code, path, message });
  const departments = new Map(parts.departments.map((d) => [d.value.id, d.value]));
  const knownDepartment = (id: string) => departments.has(id) || parts.looseDepartments === null || parts.looseDepartments.has(id);
  const seen = new Map<string, string>();
  const claim = (id: string, what: string, path: PropertyKey[]) => {
    const before = seen.get(id);
    if (before) fail('duplicate-id', path, `expected a unique id, but "${id}" is already used by ${before}`);
    else seen.set(id, what);
  };
  if (parts.companyId !== undefined) claim(parts.companyId, 'the company', ['company', 'id']);
  for (const { at, value: d } of parts.departments) claim(d.id, `department ${d.id}`, ['departments', at, 'id']);
  for (const { at, value: d } of parts.departments) {
    if (d.parent !== undefined && !knownDepartment(d.parent)) fail('unknown-reference', ['departments', at, 'parent'], `expected a department id, got "${d.parent}"`);
  }
  const treeLoop = findDepartmentLoop(parts.departments);
  if (treeLoop) fail('alignment-cycle', ['departments'], `the department tree loops: ${treeLoop.join(' → ')}`);

  const krOwner = new Map<string, { objective: string; department: string }>();
  for (const { at: i, value: o, keyResults } of parts.objectives) {
    claim(o.id, `objective ${o.id}`, ['objectives', i, 'id']);
    if (o.department !== parts.companyId && !knownDepartment(o.department)) {
      fail('unknown-reference', ['objectives', i, 'department'], `expected the company id "${parts.companyId ?? ''}" or a department id, got "${o.department}"`);
    }
    for (const { at: j, value: kr } of keyResults) {
      claim(kr.id, `key result ${kr.id}`, ['objectives', i, 'keyResults', j, 'id']);
      krOwner.set(kr.id, { objective: o.id, department: o.department });
      if (kr.kind !== 'jira') continue;
      if (kr.epics.length === 0 && kr.jql === undefined) fail('invalid-org-file', ['objectives', i, 'keyResults', j], 'expected a jira key result to name epics or a jql');
      if (kr.jql !== undefined) {
        const error = jqlError(kr.jql);
        if (error !== null) fail('invalid-jql', ['objectives', i, 'keyResults', j, 'jql'], `key result ${kr.id}: ${error}`);
      }
    }
  }
  const knownKr = (id: string) => krOwner.has(id) || parts.looseKrs === null || parts.looseKrs.has(id);
  for (const { at: i, value: o } of parts.objectives) {
    o.alignedTo.forEach((a, j) => {
      const parent = krOwner.get(a.kr);
      if (parent === undefined) {
        if (!knownKr(a.kr)) fail('unknown-reference', ['objectives', i, 'alignedTo', j, 'kr'], `expected a key result id, got "${a.kr}"`);
      } else if (parent.objective === o.id) fail('alignment-cycle', ['objectives', i, 'alignedTo', j, 'kr'], `objective ${o.id} cannot align to its own key result ${a.kr}`);
    });
  }
  const loop = findAlignmentCycle(parts, krOwner);
  if (loop) fail('alignment-cycle', ['objectives'], `alignments form a cycle: ${loop.join(' → ')}`);

  for (const { at: i, value: d } of parts.dependencies) {
    claim(d.id, `dependency ${d.id}`, ['dependencies', i, 'id']);
    if (!knownDepartment(d.needs.department)) fail('unknown-reference', ['dependencies', i, 'needs', 'department'], `expected a department id, got "${d.needs.department}"`);
    if (!knownDepartment(d.provider)) fail('unknown-reference', ['dependencies', i, 'provider'], `expected a department id, got "${d.provider}"`);
    const owner = krOwner.get(d.needs.kr);
    if (!owner) {
      if (!knownKr(d.needs.kr)) fail('unknown-reference', ['dependencies', i, 'needs', 'kr'], `expected a key result id, got "${d.needs.kr}"`);
    } else if (owner.department !== d.needs.department) {
      fail('unknown-reference', ['dependencies', i, 'needs', 'kr'], `expected a key result of department ${d.needs.department}, but ${d.needs.kr} belongs to ${owner.department}`);
    }
    if (d.provider === d.needs.department) {
      fail('dependency-self-loop', ['dependencies', i, 'provider'], `dependency ${d.id} is a self-loop: ${d.needs.department} → ${d.provider}; expected the providing department to differ from the needing one`);
    }
  }
  for (const { at: i, value: c } of parts.checkIns) {
    if (!knownKr(c.kr)) fail('unknown-reference', ['checkIns', i, 'kr'], `expected a key result id, got "${c.kr}"`);
  }
  for (const { at: i, value: r } of parts.reviews) {
    if (r.department !== undefined && !knownDepartment(r.department)) fail('unknown-reference', ['reviews', i, 'department'], `expected a department id, got "${r.department}"`);
  }
  return problems;
}

/**
 * Jira's own wording for a JQL that is not JQL at all (`core/src/jql/errors.ts`); the subset's
 * other refusals (a field or function it does not evaluate) are JQL that Jira answers, and are
 * refused only where the subset is evaluated: a report over a snapshot.
 */
const JQL_SYNTAX_ERROR = 'Error in the JQL Query:';

/** The message of a JQL with a syntax error; null when it is well-formed JQL. */
function jqlError(jql: string): string | null {
  try {
    parseJql(jql);
    return null;
  } catch (e) {
    if (!isOkrError(e)) throw e;
    return e.message.startsWith(JQL_SYNTAX_ERROR) ? e.message : null;
  }
}

/**
 * The first loop of the department tree, in file order, as ids with the first repeated at the
 * end; null when it is a tree. Each department has at most one parent, so one walk per
 * department that stops at any department already walked visits each department once.
 */
function findDepartmentLoop(departments: readonly Indexed<Department>[]): string[] | null {
  const parent = new Map(departments.map((d) => [d.value.id, d.value.parent]));
  const done = new Set<string>();
  for (const { value: d } of departments) {
    const onPath = new Map<string, number>();
    const path: string[] = [];
    let cur: string | undefined = d.id;
    while (cur !== undefined && parent.has(cur) && !done.has(cur)) {
      const seenAt = onPath.get(cur);
      if (seenAt !== undefined) return [...path.slice(seenAt), cur];
      onPath.set(cur, path.length);
      path.push(cur);
      cur = parent.get(cur);
    }
    for (const id of path) done.add(id);
  }
  return null;
}

/**
 * An objective aligned to a key result depends on that key result's objective; a cycle there
 * would make `rollup` key results depend on themselves. Objectives that lead to no cycle are
 * peeled off first (those aligned to nothing left, repeatedly); every objective left has an
 * edge to another one left, so a walk from the first of them in file order meets a cycle.
 * Returns the cycle as objective ids, the first repeated at the end.
 */
function findAlignmentCycle(parts: OrgParts, krOwner: ReadonlyMap<string, { objective: string }>): string[] | null {
  const edges = new Map<string, string[]>();
  const incoming = new Map<string, string[]>();
  for (const { value: o } of parts.objectives) {
    const out: string[] = [];
    for (const a of o.alignedTo) {
      const p = krOwner.get(a.kr)?.objective;
      if (p === undefined || p === o.id) continue;
      out.push(p);
      const list = incoming.get(p);
      if (list) list.push(o.id);
      else incoming.set(p, [o.id]);
    }
    edges.set(o.id, out);
  }
  const outDegree = new Map<string, number>();
  const sinks: string[] = [];
  for (const [id, out] of edges) {
    outDegree.set(id, out.length);
    if (out.length === 0) sinks.push(id);
  }
  while (sinks.length > 0) {
    const id = sinks.pop()!;
    outDegree.delete(id);
    for (const from of incoming.get(id) ?? []) {
      const n = outDegree.get(from);
      if (n === undefined) continue;
      outDegree.set(from, n - 1);
      if (n - 1 === 0) sinks.push(from);
    }
  }
  if (outDegree.size === 0) return null;
  const start = parts.objectives.find((o) => outDegree.has(o.value.id))!.value.id;
  const onPath = new Map<string, number>();
  const path: string[] = [];
  let cur = start;
  while (!onPath.has(cur)) {
    onPath.set(cur, path.length);
    path.push(cur);
    cur = edges.get(cur)!.find((next) => outDegree.has(next))!;
  }
  return [...path.slice(onPath.get(cur)), cur];
}
