/**
 * What the Teams bridge keeps in KVS: each connection's secret (KVS's encrypted secret store,
 * never a plain value) with its state, pending until the Teams service completes it with the
 * one-time code's request, and the request ids already accepted, each kept 10 minutes (twice
 * the signature window) so a replay inside the window is refused. Keys hash the ids, which come
 * from outside and may hold characters KVS keys cannot.
 */
import { createHash } from 'node:crypto';
import type { KvsLike } from './kvs-port';

export interface ConnectionSecret {
  readonly secret: string;
  readonly state: 'pending' | 'connected';
  /** When a pending connection's code stops working (ISO instant). */
  readonly expiresAt: string | null;
}

export interface BridgeStore {
  loadConnection(connection: string): Promise<ConnectionSecret | null>;
  savePending(connection: string, secret: string, expiresAt: string, ttlSeconds: number): Promise<void>;
  markConnected(connection: string, secret: string): Promise<void>;
  deleteConnection(connection: string): Promise<void>;
  wasSeen(connection: string, requestId: string): Promise<boolean>;
  /** Records the request id atomically; false when it was already recorded (a replay, or a concurrent twin). */
  claim(connection: string, requestId: string): Promise<boolean>;
}

/** A KVS key part for an id that comes from outside (it may hold characters KVS keys cannot): its SHA-256, base64url. */
export const hashedKeyPart = (s: string) => createHash('sha256').update(s).digest('base64url');
const secretKey = (connection: string) => `bridge-conn:${hashedKeyPart(connection)}`;
const replayKey = (connection: string, id: string) => `bridge-seen:${hashedKeyPart(`${connection}\n${id}`)}`;

export const REPLAY_MEMORY_SECONDS = 600;

export function createKvsBridgeStore(kvs: KvsLike): BridgeStore {
  return {
    async loadConnection(connection) {
      return (await kvs.getSecret<ConnectionSecret>(secretKey(connection))) ?? null;
    },
    async savePending(connection, secret, expiresAt, ttlSeconds) {
      await kvs.setSecret<ConnectionSecret>(secretKey(connection), { secret, state: 'pending', expiresAt }, { ttl: { value: ttlSeconds, unit: 'SECONDS' } });
    },
    async markConnected(connection, secret) {
      await kvs.setSecret<ConnectionSecret>(secretKey(connection), { secret, state: 'connected', expiresAt: null });
    },
    async deleteConnection(connection) {
      await kvs.deleteSecret(secretKey(connection));
    },
    async wasSeen(connection, requestId) {
      return (await kvs.get<number>(replayKey(connection, requestId))) !== undefined;
    },
    async claim(connection, requestId) {
      return claimKey(kvs, replayKey(connection, requestId), REPLAY_MEMORY_SECONDS);
    },
  };
}

/** Writes `key` only if absent, for `ttlSeconds`: true for the one caller that wrote it, false when it was there already. */
export async function claimKey(kvs: KvsLike, key: string, ttlSeconds: number): Promise<boolean> {
  try {
    await kvs.set(key, 1, { ttl: { value: ttlSeconds, unit: 'SECONDS' }, keyPolicy: 'FAIL_IF_EXISTS' });
    return true;
  } catch (e) {
    // KVS refuses an existing key with an error; any other failure is passed on.
    if ((await kvs.get<number>(key)) !== undefined) return false;
    throw e;
  }
}
