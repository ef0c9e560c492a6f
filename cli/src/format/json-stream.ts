/**
 * `JSON.stringify(value, null, 2)` and a newline, written in pieces (`pieces.ts`): the same
 * text, without holding it whole (the JSON report of 20,000 objectives is 19 MB of text). The
 * outer `STREAMED_LEVELS` levels of objects and arrays are written a member at a time;
 * anything deeper is one `JSON.stringify` per member, indented in place.
 */
import { pieceWriter } from './pieces';

const STREAMED_LEVELS = 2;

export function writeJsonDocument(value: unknown, write: (text: string) => void): void {
  const { put, end } = pieceWriter(write);
  const top = prepared(value, '');
  if (top === undefined) throw new TypeError('expected a value JSON can write');
  member(top, '', 0, put);
  put('\n');
  end();
}

/** The value as `JSON.stringify` sees it (after `toJSON`), or undefined when it writes nothing for it. */
function prepared(value: unknown, key: string): unknown {
  const v = typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON: (k: string) => unknown }).toJSON(key) : value;
  return v === undefined || typeof v === 'function' || typeof v === 'symbol' ? undefined : v;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function member(v: unknown, indent: string, level: number, put: (text: string) => void): void {
  const inner = `${indent}  `;
  if (level < STREAMED_LEVELS && Array.isArray(v) && v.length > 0) {
    put('[');
    for (let i = 0; i < v.length; i++) {
      put(i === 0 ? `\n${inner}` : `,\n${inner}`);
      const item = prepared(v[i], String(i));
      if (item === undefined) put('null');
      else member(item, inner, level + 1, put);
    }
    put(`\n${indent}]`);
    return;
  }
  if (level < STREAMED_LEVELS && isPlain(v)) {
    let first = true;
    for (const key of Object.keys(v)) {
      const item = prepared(v[key], key);
      if (item === undefined) continue;
      put(`${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `);
      first = false;
      member(item, inner, level + 1, put);
    }
    put(first ? '{}' : `\n${indent}}`);
    return;
  }
  const text = JSON.stringify(v, null, 2);
  put(indent === '' ? text : text.replace(/\n/g, `\n${indent}`));
}
