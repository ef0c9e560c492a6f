/**
 * Reads an org file (YAML or JSON text) into a validated `Org`: the shape through zod, then
 * the references between its parts (departments, objectives, key results, dependencies,
 * check-ins) and the graphs that must not loop (the department tree, alignments). Every
 * problem is reported with the file, the path, the line when known, and what was expected.
 */
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { Document } from 'yaml';
import { OkrError } from './errors';
import type { OkrErrorCode, OkrIssue } from './errors';
import { formatPath } from './issue';
import { orgSchema } from './org';
import type { Org } from './org';

type Located = (path: readonly PropertyKey[]) => string;

/** Parses org file text. `source` (a file name) prefixes every error location. */
export function parseOrg(text: string, source = 'org file'): Org {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new OkrError(
      'invalid-org-file',
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        return { where: pos ? `${source}:${pos.line}:${pos.col}` : source, message: (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '') };
      }),
    );
  }
  const locate = locator(doc, lineCounter, source);
  return validateOrg(doc.toJS(), locate);
}

/** Validates an already-parsed org object (for callers that hold JSON, like resolvers). */
export function validateOrg(input: unknown, locate: Located = (p) => formatPath(p)): Org {
  const parsed = orgSchema.safeParse(input);
  if (!parsed.success) {
    throw new OkrError(
      'invalid-org-file',
      parsed.error.issues.map((i) => ({ where: locate(i.path), message: i.message })),
    );
  }
  checkReferences(parsed.data, locate);
  return parsed.data;
}

function locator(doc: Document, lines: LineCounter, source: string): Located {
  return (path) => {
    // Walk down as far as the document has nodes, so a missing key points at its parent.
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) {
        const { line, col } = lines.linePos(node.range[0]);
        return `${source}:${line}:${col} ${formatPath(path)}`;
      }
    }
    return `${source} ${formatPath(path)}`;
  };
}

function checkReferences(org: Org, locate: Located): void {
  const problems: { code: OkrErrorCode; issue: OkrIssue }[] = [];
  const fail = (code: OkrErrorCode, path: PropertyKey[], message: string) => problems.push({ code, issue: { where: locate(path), message } });

  const departments = new Map(org.departments.map((d) => [d.id, d]));
  const seen = new Map<string, string>();
  const claim = (id: string, what: string, path: PropertyKey[]) => {
    const before = seen.get(id);
    if (before) fail('duplicate-id', path, `expected a unique id, but "${id}" is already used by ${before}`);
    else seen.set(id, what);
  };
  claim(org.company.id, 'the company', ['company', 'id']);
  org.departments.forEach((d, i) => claim(d.id, `department ${d.id}`, ['departments', i, 'id']));

  org.departments.forEach((d, i) => {
    if (d.parent !== undefined && !departments.has(d.parent)) {
      fail('unknown-reference', ['departments', i, 'parent'], `expected a department id, got "${d.parent}"`);
    }
  });
  const treeLoop = findDepartmentLoop(org);
  if (treeLoop) fail('alignment-cycle', ['departments'], `the department tree loops: ${treeLoop.join(' → ')}`);

  const krOwner = new Map<string, string>();
  org.objectives.forEach((o, i) => {
    claim(o.id, `objective ${o.id}`, ['objectives', i, 'id']);
    if (o.department !== org.company.id && !departments.has(o.department)) {
      fail('unknown-reference', ['objectives', i, 'department'], `expected the company id "${org.company.id}" or a department id, got "${o.department}"`);
    }
    o.keyResults.forEach((kr, j) => {
      claim(kr.id, `key result ${kr.id}`, ['objectives', i, 'keyResults', j, 'id']);
      krOwner.set(kr.id, o.id);
      if (kr.kind === 'jira' && kr.epics.length === 0 && kr.jql === undefined) {
        fail('invalid-org-file', ['objectives', i, 'keyResults', j], 'expected a jira key result to name epics or a jql');
      }
    });
  });
  org.objectives.forEach((o, i) =>
    o.alignedTo.forEach((a, j) => {
      const parent = krOwner.get(a.kr);
      if (parent === undefined) fail('unknown-reference', ['objectives', i, 'alignedTo', j, 'kr'], `expected a key result id, got "${a.kr}"`);
      else if (parent === o.id) fail('alignment-cycle', ['objectives', i, 'alignedTo', j, 'kr'], `objective ${o.id} cannot align to its own key result ${a.kr}`);
    }),
  );
  const loop = findAlignmentCycle(org, krOwner);
  if (loop) fail('alignment-cycle', ['objectives'], `alignments form a cycle: ${loop.join(' → ')}`);

  org.dependencies.forEach((d, i) => {
    claim(d.id, `dependency ${d.id}`, ['dependencies', i, 'id']);
    if (!departments.has(d.needs.department)) fail('unknown-reference', ['dependencies', i, 'needs', 'department'], `expected a department id, got "${d.needs.department}"`);
    if (!departments.has(d.provider)) fail('unknown-reference', ['dependencies', i, 'provider'], `expected a department id, got "${d.provider}"`);
    const objective = org.objectives.find((o) => o.id === krOwner.get(d.needs.kr));
    if (!objective) fail('unknown-reference', ['dependencies', i, 'needs', 'kr'], `expected a key result id, got "${d.needs.kr}"`);
    else if (objective.department !== d.needs.department) {
      fail('unknown-reference', ['dependencies', i, 'needs', 'kr'], `expected a key result of department ${d.needs.department}, but ${d.needs.kr} belongs to ${objective.department}`);
    }
    if (d.provider === d.needs.department) {
      fail('dependency-self-loop', ['dependencies', i, 'provider'], `dependency ${d.id} is a self-loop: ${d.needs.department} → ${d.provider}; expected the providing department to differ from the needing one`);
    }
  });
  org.checkIns.forEach((c, i) => {
    if (!krOwner.has(c.kr)) fail('unknown-reference', ['checkIns', i, 'kr'], `expected a key result id, got "${c.kr}"`);
  });
  org.reviews.forEach((r, i) => {
    if (r.department !== undefined && !departments.has(r.department)) fail('unknown-reference', ['reviews', i, 'department'], `expected a department id, got "${r.department}"`);
  });

  if (problems.length > 0) {
    const first = problems[0]!.code;
    const code = problems.every((p) => p.code === first) ? first : 'invalid-org-file';
    throw new OkrError(code, problems.map((p) => p.issue));
  }
}

function findDepartmentLoop(org: Org): string[] | null {
  const parent = new Map(org.departments.map((d) => [d.id, d.parent]));
  for (const d of org.departments) {
    const path = [d.id];
    let cur = parent.get(d.id);
    while (cur !== undefined) {
      if (cur === d.id) return [...path, cur];
      if (path.includes(cur) || path.length > org.departments.length) break;
      path.push(cur);
      cur = parent.get(cur);
    }
  }
  return null;
}

/**
 * An objective aligned to a key result depends on that key result's objective. A cycle in
 * that graph would make `rollup` key results depend on themselves. Returns the cycle as
 * objective ids, the first repeated at the end.
 */
function findAlignmentCycle(org: Org, krOwner: ReadonlyMap<string, string>): string[] | null {
  const edges = new Map<string, string[]>();
  for (const o of org.objectives) {
    edges.set(o.id, o.alignedTo.map((a) => krOwner.get(a.kr)).filter((p): p is string => p !== undefined && p !== o.id));
  }
  const state = new Map<string, 'open' | 'closed'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    state.set(id, 'open');
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      const s = state.get(next);
      if (s === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (s === undefined) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(id, 'closed');
    return null;
  };
  for (const o of org.objectives) {
    if (!state.has(o.id)) {
      const found = visit(o.id);
      if (found) return found;
    }
  }
  return null;
}
