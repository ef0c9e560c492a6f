/**
 * From a parsed YAML document to plain data, with the failures that only show then (aliases)
 * turned into located errors: an alias to an anchor not set before it, and aliases that
 * expand past `MAX_ALIAS_EXPANSION` nodes (an "alias bomb": a few lines that would expand to
 * millions of values). Anchors and aliases are found in one walk of the document.
 */
import { isAlias, isNode, visit } from 'yaml';
import type { Alias, Document, LineCounter } from 'yaml';
import { OkrError } from './errors';

/** Nesting no org file needs: the deepest path of the format is 7 levels. */
export const MAX_NESTING = 64;
/** Block nesting is bounded through the indentation (and the `- ` and `? ` marks before the content). */
export const MAX_INDENT = 256;

/**
 * Refuses text nested deeper than any org file is, before the YAML parser (which recurses per
 * level) sees it: flow brackets `[` `{` open more than `MAX_NESTING` deep, or a line whose
 * content starts past column `MAX_INDENT`. Brackets inside quoted text count too: the bound is
 * far above what a real file holds, and a cheap scan cannot tell YAML's quoting rules apart.
 */
export function checkNesting(text: string, source: string): void {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  let indent = 0;
  let inIndent = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line += 1;
      lineStart = i + 1;
      indent = 0;
      inIndent = true;
      continue;
    }
    if (inIndent) {
      if (c === 32 || c === 9 || c === 45 || c === 63 || c === 58) {
        indent += 1;
        if (indent > MAX_INDENT) fail(source, line, i - lineStart + 1, `expected content to start within ${MAX_INDENT} columns (an org file nests a few levels), but it starts further in`);
      } else inIndent = false;
    }
    if (c === 91 || c === 123) {
      depth += 1;
      if (depth > MAX_NESTING) fail(source, line, i - lineStart + 1, `expected brackets nested at most ${MAX_NESTING} deep (an org file nests a few levels), but they nest deeper`);
    } else if ((c === 93 || c === 125) && depth > 0) depth -= 1;
  }
}

function fail(source: string, line: number, col: number, message: string): never {
  throw new OkrError('invalid-org-file', [{ where: `${source}:${line}:${col}`, message }]);
}

/** The YAML library's own bound on alias expansion (`maxAliasCount`). */
export const MAX_ALIAS_EXPANSION = 100;

function where(node: { range?: readonly number[] | null } | undefined, lines: LineCounter, source: string): string {
  const start = node?.range?.[0];
  if (start === undefined) return source;
  const { line, col } = lines.linePos(start);
  return `${source}:${line}:${col}`;
}

/** The document as plain data; throws `OkrError('invalid-org-file')` located at the alias at fault. */
export function toPlainData(doc: Document, lines: LineCounter, source: string): unknown {
  const anchors = new Set<string>();
  const aliases: Alias[] = [];
  let unresolved: Alias | undefined;
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        aliases.push(node);
        if (!anchors.has(node.source)) unresolved ??= node;
      } else if (isNode(node) && node.anchor) anchors.add(node.anchor);
    },
  });
  if (unresolved) {
    throw new OkrError('invalid-org-file', [
      { where: where(unresolved, lines, source), message: `expected the anchor &${unresolved.source} to be set before the alias *${unresolved.source}, but it is not` },
    ]);
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (e) {
    if (!(e instanceof Error) || aliases.length === 0) throw e;
    throw new OkrError('invalid-org-file', [
      {
        where: where(aliases[0], lines, source),
        message: `expected aliases to expand to at most ${MAX_ALIAS_EXPANSION} values, but they expand to more (aliases of aliases grow exponentially); write the values out instead`,
      },
    ]);
  }
}
