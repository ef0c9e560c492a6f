/**
 * Reads an org file (YAML or JSON text) into a validated `Org`: the shape through zod, then
 * the references between its parts (departments, objectives, key results, dependencies,
 * check-ins) and the graphs that must not loop (the department tree, alignments). Every
 * problem is reported with the file, the path, the line when known, and what was expected.
 */
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { Document } from 'yaml';
import { checkReferences } from './check-references';
import { OkrError } from './errors';
import type { OkrErrorCode, OkrIssue } from './errors';
import { formatPath } from './issue';
import { orgSchema } from './org';
import type { Org } from './org';
import { orgPartsOf, salvageOrgParts } from './org-parts';
import { validateInSlices } from './validate-slices';
import { checkNesting, MAX_NESTING, toPlainData } from './yaml-data';
import { loadYamlFast } from './yaml-fast';

/** Where a path of the org file is: `file:line:col path`. */
export type Located = (path: readonly PropertyKey[]) => string;

/** Parses org file text. `source` (a file name) prefixes every error location. */
export function parseOrg(text: string, source = 'org file'): Org {
  return parseOrgFile(text, source).org;
}

/**
 * Parses org file text and keeps the means to locate any path of it, for callers that check
 * more later (a report over a snapshot checks the JQL it evaluates) and must say where.
 */
export function parseOrgFile(text: string, source = 'org file'): { readonly org: Org; readonly locate: Located } {
  checkNesting(text, source);
  // A long list is validated slice by slice as it is read (`validate-slices.ts`).
  const slices = validateInSlices();
  const fast = loadYamlFast(text, MAX_NESTING, undefined, slices.onSlice);
  if (fast) {
    // Positions are only needed for errors: the `yaml` document is built then, not before.
    let located: Located | undefined;
    const locate: Located = (path) => (located ??= readDocument(text, source).locate)(path);
    if (!slices.sliced()) return { org: validateOrg(fast.value, locate), locate };
    const org = slices.finish(fast.value);
    if (org) return { org, locate };
    // Something is wrong: read and validate the file whole, which names every problem.
    return { org: validateOrg(loadYamlFast(text, MAX_NESTING)?.value, locate), locate };
  }
  const { data, locate } = readDocument(text, source);
  return { org: validateOrg(data(), locate), locate };
}

/** The text through the `yaml` library: syntax errors and alias errors located, and a locator for paths. */
function readDocument(text: string, source: string): { readonly data: () => unknown; readonly locate: Located } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new OkrError(
      'invalid-org-file',
      capIssues(
        doc.errors.map((e) => {
          const pos = e.linePos?.[0];
          return { where: pos ? `${source}:${pos.line}:${pos.col}` : source, message: (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '') };
        }),
      ),
    );
  }
  return { data: () => toPlainData(doc, lineCounter, source), locate: locator(doc, lineCounter, source) };
}

/** Validates an already-parsed org object (for callers that hold JSON, like resolvers). */
export function validateOrg(input: unknown, locate: Located = (p) => formatPath(p)): Org {
  const parsed = orgSchema.safeParse(input);
  const shapeIssues = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path, message: i.message }));
  // A file with broken shapes still has its references checked, over the parts that are whole.
  const parts = parsed.success ? orgPartsOf(parsed.data) : salvageOrgParts(input);
  const problems = parts ? checkReferences(parts) : [];
  if (parsed.success && problems.length === 0) return parsed.data;
  const codes = new Set<OkrErrorCode>(problems.map((p) => p.code));
  if (shapeIssues.length > 0) codes.add('invalid-org-file');
  const code: OkrErrorCode = codes.size === 1 ? [...codes][0]! : 'invalid-org-file';
  const found = [...shapeIssues, ...problems];
  const issues = found.slice(0, MAX_REPORTED_ISSUES).map((p) => ({ where: locate(p.path), message: p.message }));
  throw new OkrError(code, capIssues([...issues, ...found.slice(MAX_REPORTED_ISSUES).map((p) => ({ where: '', message: p.message }))]));
}

/** At most `MAX_REPORTED_ISSUES`, then one line saying how many more: a broken huge file gets a readable answer fast. */
export const MAX_REPORTED_ISSUES = 100;

function capIssues(issues: readonly OkrIssue[]): readonly OkrIssue[] {
  if (issues.length <= MAX_REPORTED_ISSUES) return issues;
  const more = issues.length - MAX_REPORTED_ISSUES;
  return [...issues.slice(0, MAX_REPORTED_ISSUES), { where: '', message: `…and ${more} more problem${more === 1 ? '' : 's'} like these` }];
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
