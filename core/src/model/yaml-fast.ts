/**
 * The fast way to read an org file: `js-yaml` builds plain data straight from the text, about
 * ten times faster and with a tenth of the memory of the `yaml` library's document (which
 * keeps every node with its position, for located errors). The two must read every file the
 * same way, so the schema here resolves plain scalars with exactly the rules of the `yaml`
 * library's YAML 1.2 core schema, and anything this path is not sure of (aliases, tags it does
 * not know, duplicate keys, any syntax error) makes it step aside: the caller then reads the
 * file with `yaml`, which either agrees or names the line. `fast-read.test.ts` holds the two
 * to the same answers.
 */
import { defineScalarTag, load, mapTag, NOT_RESOLVED, Schema, seqTag, strTag } from 'js-yaml';
import { loadInSlices } from './yaml-slices';
import type { OnSlice } from './yaml-slices';

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

// Explicit tags (`!!int 3`) are left to the `yaml` library: `implicit` only, never explicit.
// Load-only tags: nothing is dumped with this schema (`identify` never matches).
const loadOnly = () => false;
const nullTag = defineScalarTag<null>('tag:yaml.org,2002:null', {
  implicit: true,
  identify: loadOnly,
  resolve: (s, explicit) => (!explicit && NULL.test(s) ? null : NOT_RESOLVED),
});
const boolTag = defineScalarTag<boolean>('tag:yaml.org,2002:bool', {
  implicit: true,
  identify: loadOnly,
  resolve: (s, explicit) => (!explicit && BOOL.test(s) ? s[0] === 't' || s[0] === 'T' : NOT_RESOLVED),
});
const intTag = defineScalarTag<number>('tag:yaml.org,2002:int', {
  implicit: true,
  identify: loadOnly,
  resolve: (s, explicit) => {
    if (explicit) return NOT_RESOLVED;
    if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
    if (INT.test(s)) return parseInt(s, 10);
    if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
    return NOT_RESOLVED;
  },
});
const floatTag = defineScalarTag<number>('tag:yaml.org,2002:float', {
  implicit: true,
  identify: loadOnly,
  resolve: (s, explicit) => {
    if (explicit) return NOT_RESOLVED;
    if (FLOAT_NAN.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
    if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
    return NOT_RESOLVED;
  },
});

const YAML_CORE = new Schema([strTag, seqTag, mapTag, nullTag, boolTag, intTag, floatTag]);

/**
 * Plain data of `text`, or null when the fast path steps aside (the caller reads it with `yaml`).
 * `onSlice` sees each slice of a long top-level list as it is read (`yaml-slices.ts`).
 */
export function loadYamlFast(text: string, maxDepth: number, sliceItems?: number, onSlice?: OnSlice): { readonly value: unknown } | null {
  const whole = (part: string) => loadWhole(part, maxDepth);
  // A long sequence is read a slice at a time (`yaml-slices.ts`): the same value, a fraction of the memory.
  const sliced = loadInSlices(text, whole, sliceItems, onSlice);
  return sliced === undefined ? whole(text) : sliced;
}

function loadWhole(text: string, maxDepth: number): { readonly value: unknown } | null {
  try {
    return { value: load(text, { schema: YAML_CORE, maxAliases: 0, maxDepth, json: false }) };
  } catch {
    // Not a failure: the `yaml` library reads the file again and names what is wrong.
    return null;
  }
}
