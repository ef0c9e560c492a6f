/**
 * A long block sequence of an org file (20,000 objectives) read a slice of items at a time.
 * `js-yaml` records every event of the text before it builds anything, so reading a 5 MB
 * file whole holds about 100 MB of events; read in slices of `SLICE_ITEMS` items, it holds
 * the events of one slice and the data built so far.
 *
 * A slice is read as the item lines alone (a block sequence), cut where a line starts a new item of
 * the sequence (`- ` at the sequence's own indentation), which is where the sequence would
 * start its next item anyway. A cut that fell inside something spanning lines (a quoted
 * scalar, a flow collection) leaves that slice unterminated: it fails to read, and the
 * whole file steps aside as any file the fast path is unsure of. The rest of the file (the
 * "skeleton", with each sliced sequence written `key: []`) must be a block mapping whose
 * key is that very line, checked with the `yaml` library, so a line that only looks like a
 * top-level key (inside a flow collection or a quoted scalar) is never sliced.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

export type LoadWhole = (text: string) => { readonly value: unknown } | null;

/**
 * What becomes of the items of one slice of the list under `key` before they join the value:
 * the caller may validate them there, so only one slice of plain data is held at a time.
 */
export type OnSlice = (key: string, items: unknown[]) => readonly unknown[];

/** Items per slice; a sequence is sliced only when it has more. */
export const SLICE_ITEMS = 200;

const KEY_LINE = /^([A-Za-z][A-Za-z0-9_-]*):[ ]*\r?$/;

interface Span {
  readonly key: string;
  /** Offset of the key line, of the first item, of the end of the sequence (a top-level line, or the end of the text). */
  readonly keyAt: number;
  readonly items: readonly number[];
  readonly end: number;
}

/**
 * The value of `text` read in slices, through `loadWhole` for each part; `undefined` when the
 * text has no sequence long enough to slice (the caller reads it whole), null when the fast
 * path steps aside.
 */
export function loadInSlices(text: string, loadWhole: LoadWhole, sliceItems = SLICE_ITEMS, onSlice?: OnSlice): { readonly value: unknown } | null | undefined {
  // Directives (`%YAML 1.1`) change how scalars resolve, for the whole stream: never sliced.
  if (text.startsWith('%') || text.includes('\n%')) return undefined;
  const spans = findSpans(text, sliceItems);
  if (spans === undefined || spans.length === 0) return undefined;
  let skeleton = '';
  let from = 0;
  const keyOffsets: number[] = [];
  for (const span of spans) {
    skeleton += text.slice(from, span.keyAt);
    keyOffsets.push(skeleton.length);
    skeleton += `${span.key}: []\n`;
    from = span.end;
  }
  skeleton += text.slice(from);
  if (!isBlockMappingWithKeys(skeleton, spans, keyOffsets)) return null;
  const top = loadWhole(skeleton);
  if (top === null || !isRecord(top.value)) return null;
  const value = top.value;
  for (const span of spans) {
    const list = value[span.key];
    if (!Array.isArray(list) || list.length !== 0) return null;
    for (let i = 0; i < span.items.length; i += sliceItems) {
      // The item lines alone, as the sequence they are (at any indentation, a top-level block
      // sequence): a slice of the text, not a copy, so the strings read from it are slices of
      // the text too and hold no second copy of it.
      const slice = loadWhole(text.slice(span.items[i], span.items[i + sliceItems] ?? span.end));
      if (slice === null || !Array.isArray(slice.value)) return null;
      for (const item of onSlice ? onSlice(span.key, slice.value) : slice.value) list.push(item);
    }
  }
  return { value };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The skeleton is a block mapping, each sliced key one of its own keys, its value the empty flow sequence written for it. */
function isBlockMappingWithKeys(skeleton: string, spans: readonly Span[], keyOffsets: readonly number[]): boolean {
  const doc = parseDocument(skeleton, { uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.flow) return false;
  const pairs = doc.contents.items;
  return spans.every((span, i) =>
    pairs.some((p) => isScalar(p.key) && p.key.range?.[0] === keyOffsets[i] && p.key.value === span.key && isSeq(p.value) && p.value.flow === true && p.value.items.length === 0),
  );
}

/**
 * The top-level keys (`key:` alone on a line at column 0) whose value is a block sequence of
 * more than `minItems` items; undefined when a line is indented in a way the scan does not
 * follow (a tab, or a line less indented than the items that is not a top-level line).
 */
function findSpans(text: string, minItems: number): Span[] | undefined {
  const spans: Span[] = [];
  let pos = 0;
  while (pos < text.length) {
    const next = lineEnd(text, pos);
    const m = text.charCodeAt(pos) > 64 ? KEY_LINE.exec(text.slice(pos, next.end)) : null;
    if (!m) {
      pos = next.start;
      continue;
    }
    const span = scanSequence(text, next.start);
    if (span === undefined) return undefined;
    if (span !== null && span.items.length > minItems) {
      spans.push({ key: m[1]!, keyAt: pos, items: span.items, end: span.end });
      pos = span.end;
    } else pos = next.start;
  }
  return spans;
}

function lineEnd(text: string, pos: number): { end: number; start: number } {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? { end: text.length, start: text.length } : { end: nl, start: nl + 1 };
}

/** The items of the block sequence that starts at `from` (null when it is not one), and where it ends. */
function scanSequence(text: string, from: number): { items: number[]; end: number } | null | undefined {
  const items: number[] = [];
  let indent = -1;
  let pos = from;
  while (pos < text.length) {
    const { start: next } = lineEnd(text, pos);
    let i = pos;
    while (text.charCodeAt(i) === 32) i++;
    const c = text.charCodeAt(i);
    if (c === 9) return undefined;
    const blank = i >= text.length || c === 10 || c === 13 || c === 35;
    if (!blank) {
      const at = i - pos;
      const d = text.charCodeAt(i + 1);
      const item = c === 45 && (d === 32 || d === 10 || d === 13 || i + 1 >= text.length);
      if (indent < 0) {
        if (!item) return null;
        indent = at;
      }
      if (at === indent && item) items.push(pos);
      else if (at === 0) return { items, end: pos };
      else if (at < indent || (at === indent && !item)) return undefined;
    }
    pos = next;
  }
  return indent < 0 ? null : { items, end: text.length };
}
