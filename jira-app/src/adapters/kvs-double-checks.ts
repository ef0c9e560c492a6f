/**
 * The checks the KVS double makes of every key and value, as KVS documents them: key length
 * and characters, value size and depth. Errors carry KVS's error codes.
 */
import { KVS_LIMITS } from './kvs-port';

export class KvsDoubleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'KvsDoubleError';
  }
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
