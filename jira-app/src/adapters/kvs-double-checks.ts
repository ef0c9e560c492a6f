/**
 * The checks the KVS double makes of every key and value, as KVS documents them: key length
 * and characters, value size and depth; for custom entities, the entity and attributes the
 * manifest declares, the documented attribute types and the conditions on them. Errors carry
 * KVS's error codes where it documents one.
 */
import { KVS_LIMITS, type KvsFilter, type KvsFilterItem } from './kvs-port';

export class KvsDoubleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'KvsDoubleError';
  }
}

export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';
export type EntitySchemas = Readonly<Record<string, Readonly<Record<string, AttributeType>>>>;

export interface ParsedConditions {
  readonly operator: 'and' | 'or';
  readonly items: readonly KvsFilterItem[];
}

function depthOf(value: unknown, depth = 0): number {
  if (typeof value !== 'object' || value === null) return depth;
  let max = depth + 1;
  for (const v of Object.values(value)) max = Math.max(max, depthOf(v, depth + 1));
  return max;
}

export function checkKey(key: string): void {
  if (typeof key !== 'string' || key.length < 1) throw new KvsDoubleError('KEY_TOO_SHORT', 'expected a key of at least one character');
  if (key.length > KVS_LIMITS.maxKeyLength) throw new KvsDoubleError('KEY_TOO_LONG', `expected a key of at most ${KVS_LIMITS.maxKeyLength} characters, got ${key.length}`);
  if (!KVS_LIMITS.keyPattern.test(key)) throw new KvsDoubleError('INVALID_KEY', `expected a key matching ${String(KVS_LIMITS.keyPattern)}, got "${key}"`);
}

export function encodeValue(value: unknown): string {
  if (value === undefined) throw new KvsDoubleError('INVALID_VALUE', 'expected a value, got undefined');
  const json = JSON.stringify(value);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > KVS_LIMITS.maxValueBytes) throw new KvsDoubleError('MAX_SIZE', `expected a value of at most ${KVS_LIMITS.maxValueBytes} bytes, got ${bytes}`);
  if (depthOf(value) > KVS_LIMITS.maxDepth) throw new KvsDoubleError('MAX_DEPTH', `expected a value nested at most ${KVS_LIMITS.maxDepth} deep`);
  return json;
}

const INT32 = { min: -2_147_483_648, max: 2_147_483_647 };

function fitsType(type: AttributeType, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) && v >= INT32.min && v <= INT32.max;
    case 'float':
      return typeof v === 'number' && Number.isFinite(v);
    case 'any':
      return true;
  }
}

/** A custom entity item: an object whose attributes are declared for the entity, each of its type. */
export function checkEntityValue(entity: string, schema: Readonly<Record<string, AttributeType>>, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new KvsDoubleError('INVALID_VALUE', `expected an object of attributes for entity ${entity}`);
  for (const [name, v] of Object.entries(value)) {
    const type = schema[name];
    if (!type) throw new KvsDoubleError('INVALID_VALUE', `expected only the declared attributes of entity ${entity} (${Object.keys(schema).join(', ')}), got "${name}"`);
    if (!fitsType(type, v)) throw new KvsDoubleError('INVALID_VALUE', `expected attribute ${name} of entity ${entity} to be of type ${type}`);
  }
}

/** Conditions of a transaction operation, read the way `@forge/kvs` serializes them (`{ and|or: filters }`). */
export function checkConditions(entity: string, schema: Readonly<Record<string, AttributeType>>, filter: KvsFilter): ParsedConditions {
  const items = filter.filters();
  if (items.length === 0) throw new KvsDoubleError('INVALID_CONDITIONS', 'Builder must have at least one condition set');
  for (const item of items) {
    if (typeof item.property !== 'string' || !schema[item.property]) throw new KvsDoubleError('INVALID_CONDITIONS', `expected a condition on a declared attribute of entity ${entity}, got "${String(item.property)}"`);
    if (item.values.length !== 1) throw new KvsDoubleError('INVALID_CONDITIONS', `expected one value for ${item.condition}`);
  }
  return { operator: filter.operator(), items: [...items] };
}

/**
 * Whether a stored item meets conditions. An item that does not exist has no attributes: EXISTS
 * and EQUAL_TO fail on it, NOT_EXISTS holds.
 */
export function meetsConditions(item: Record<string, unknown> | undefined, conditions: ParsedConditions): boolean {
  const holds = (c: KvsFilterItem): boolean => {
    const v = item?.[String(c.property)];
    if (c.condition === 'EQUAL_TO') return v !== undefined && v === c.values[0];
    if (c.condition === 'EXISTS') return v !== undefined;
    if (c.condition === 'NOT_EXISTS') return v === undefined;
    throw new KvsDoubleError('INVALID_CONDITIONS', `the double does not model the condition ${String(c.condition)}`);
  };
  return conditions.operator === 'and' ? conditions.items.every(holds) : conditions.items.some(holds);
}
