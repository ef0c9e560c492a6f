/**
 * Records larger than one KVS value, stored as chunks under `<base>#000`, `<base>#001`, … and
 * read back with one prefixed query (20 chunks a page, 4 MB). A record that fits is one chunk
 * holding the value itself. Every chunk carries the record's revision and chunk count; writers
 * put chunk 0 last, so a reader that finds chunks of two revisions (a write split across
 * transactions, still under way) knows the record is torn and says so instead of mixing them.
 */
import { createHash } from 'node:crypto';
import { KVS_LIMITS, RECORD_CHUNK_BYTES, type KvsLike } from './kvs-port';

export interface Chunk {
  readonly rev: string;
  readonly i: number;
  readonly n: number;
  readonly data?: unknown;
  readonly text?: string;
}

export interface ChunkWrite {
  readonly key: string;
  /** null deletes the key. */
  readonly value: Chunk | null;
}

export class TornRecordError extends Error {
  constructor(base: string) {
    super(`the record ${base} is being rewritten; try again`);
    this.name = 'TornRecordError';
  }
}

export function chunkKey(base: string, i: number): string {
  return `${base}#${String(i).padStart(3, '0')}`;
}

const chunkSizes = new WeakMap<Chunk, number>();

/** The size of `value` as KVS stores it (JSON, UTF-8); known without serializing again for chunks `encodeRecord` made. */
export function bytes(value: unknown): number {
  const known = typeof value === 'object' && value !== null ? chunkSizes.get(value as Chunk) : undefined;
  return known ?? Buffer.byteLength(JSON.stringify(value), 'utf8');
}

function revisionOfJson(json: string): string {
  return createHash('sha256').update(json).digest('base64url').slice(0, 16);
}

/** The revision of a record: a hash of its JSON, carried by each of its chunks. */
export function revisionOf(value: unknown): string {
  return revisionOfJson(JSON.stringify(value));
}

/** `chunk` with its serialized size remembered (its JSON is `head` and `body`, `body` already measured). */
function sized(chunk: Chunk, size: number): Chunk {
  chunkSizes.set(chunk, size);
  return chunk;
}

/**
 * The chunks of `value` (chunk 0 last) and deletions of chunks a longer previous revision left.
 * The value is serialized once: its revision and every size come from that one JSON text.
 */
export function encodeRecord(base: string, value: unknown, previousCount = 0): ChunkWrite[] {
  const json = JSON.stringify(value);
  const rev = revisionOfJson(json);
  const jsonBytes = Buffer.byteLength(json, 'utf8');
  // {"rev":"…","i":0,"n":1,"data":<json>}: the envelope's size plus the value's.
  const singleBytes = Buffer.byteLength(JSON.stringify({ rev, i: 0, n: 1, data: 0 }), 'utf8') - 1 + jsonBytes;
  let chunks: Chunk[];
  if (singleBytes <= RECORD_CHUNK_BYTES) {
    chunks = [sized({ rev, i: 0, n: 1, data: value }, singleBytes)];
  } else {
    const pieces: string[] = [];
    let at = 0;
    while (at < json.length) {
      let size = Math.min(json.length - at, 100_000);
      while (Buffer.byteLength(JSON.stringify(json.slice(at, at + size)), 'utf8') > RECORD_CHUNK_BYTES) size = Math.floor(size / 2);
      pieces.push(json.slice(at, at + size));
      at += size;
    }
    chunks = pieces.map((text, i) => ({ rev, i, n: pieces.length, text }));
  }
  const writes: ChunkWrite[] = chunks.slice(1).map((c) => ({ key: chunkKey(base, c.i), value: c }));
  for (let i = chunks.length; i < previousCount; i++) writes.push({ key: chunkKey(base, i), value: null });
  writes.push({ key: chunkKey(base, 0), value: chunks[0]! });
  return writes;
}

/** Reads a chunked record: one query page per 20 chunks. Returns the value, its chunk count and its revision. */
export async function readRecord<T>(kvs: KvsLike, base: string): Promise<{ value: T; count: number; rev: string } | null> {
  const chunks = new Map<number, Chunk>();
  let cursor: string | undefined;
  do {
    let q = kvs.query().where('key', { condition: 'BEGINS_WITH', values: [`${base}#`] }).limit(KVS_LIMITS.maxQueryLimit);
    if (cursor !== undefined) q = q.cursor(cursor);
    const page = await q.getMany<Chunk>();
    for (const r of page.results) chunks.set(Number(r.key.slice(base.length + 1)), r.value);
    cursor = page.nextCursor;
    // Stop early once chunk 0 says every chunk is in hand.
    const head = chunks.get(0);
    if (head && chunks.size >= head.n && [...Array(head.n).keys()].every((i) => chunks.has(i))) break;
  } while (cursor !== undefined);
  const head = chunks.get(0);
  if (!head) return null;
  if (head.n === 1 && head.data !== undefined) return { value: head.data as T, count: Math.max(1, chunks.size), rev: head.rev };
  let text = '';
  for (let i = 0; i < head.n; i++) {
    const c = chunks.get(i);
    if (!c || c.rev !== head.rev || c.text === undefined) throw new TornRecordError(base);
    text += c.text;
  }
  return { value: JSON.parse(text) as T, count: Math.max(head.n, chunks.size), rev: head.rev };
}

/**
 * Writes chunk operations in as few transactions as KVS allows (25 operations, 4 MB each),
 * in order: when they do not fit one, earlier records land first and each record's chunk 0
 * last, so readers never see a half-written record as whole.
 */
export async function writeChunks(kvs: KvsLike, writes: readonly ChunkWrite[]): Promise<void> {
  let group: ChunkWrite[] = [];
  let groupBytes = 0;
  const flush = async () => {
    if (group.length === 0) return;
    let tx = kvs.transact();
    for (const w of group) tx = w.value === null ? tx.delete(w.key) : tx.set(w.key, w.value);
    await tx.execute();
    group = [];
    groupBytes = 0;
  };
  for (const w of writes) {
    const size = w.value === null ? w.key.length : bytes(w.value) + w.key.length;
    if (group.length + 1 > KVS_LIMITS.maxTransactionOps || groupBytes + size > KVS_LIMITS.maxTransactionBytes) await flush();
    group.push(w);
    groupBytes += size;
  }
  await flush();
}
