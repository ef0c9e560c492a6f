/**
 * Numbers with their units as people write them: "520 leads", "1 case study", "3.1%",
 * "450k USD", "$38.5". A unit is read as an optional prefix symbol ($, €, £), an attached part
 * (%, or a scale letter k/M/B before a word) and a word part written after a space.
 */
import { formatNumber } from '../progress/format';

interface UnitParts {
  readonly prefix: string;
  readonly attached: string;
  readonly word: string;
}

const PREFIXES = new Set(['$', '€', '£']);

function splitUnit(unit: string | undefined): UnitParts {
  const u = (unit ?? '').trim();
  if (u === '') return { prefix: '', attached: '', word: '' };
  if (PREFIXES.has(u)) return { prefix: u, attached: '', word: '' };
  if (u === '%' || u === 'k' || u === 'M' || u === 'B') return { prefix: '', attached: u, word: '' };
  const scaled = /^([kMB])\s+(.+)$/.exec(u);
  if (scaled) return { prefix: '', attached: scaled[1]!, word: scaled[2]! };
  return { prefix: '', attached: '', word: u };
}

/** The singular of a plural unit word for a count of one: "case studies" → "case study", "leads" → "lead"; short symbols ("ms", "s") stay. */
export function singularUnit(word: string): string {
  const m = /^(.*?)([a-z-]+)$/.exec(word);
  if (!m) return word;
  const [, head, last] = m as unknown as [string, string, string];
  if (last.length <= 3 || !last.endsWith('s') || last.endsWith('ss')) return word;
  if (last.endsWith('ies')) return `${head}${last.slice(0, -3)}y`;
  return `${head}${last.slice(0, -1)}`;
}

/** `x` with its unit in full: "520 leads", "1 case study", "3.1%", "450k USD", "$38.5", "2.8 s". */
export function formatQuantity(x: number, unit?: string): string {
  const { prefix, attached, word } = splitUnit(unit);
  const n = formatNumber(x);
  const w = word === '' ? '' : ` ${n === '1' && attached === '' ? singularUnit(word) : word}`;
  return `${prefix}${n}${attached}${w}`;
}

/**
 * `x` with only the part of its unit that sticks to the number, for the start of a range:
 * "0" (leads), "120k" (k USD), "4%"; a scale letter is left off zero ("0", not "0k").
 */
export function formatRangeStart(x: number, unit?: string): string {
  const { prefix, attached } = splitUnit(unit);
  const n = formatNumber(x);
  return `${prefix}${n}${attached === '%' || n !== '0' ? attached : ''}`;
}
