/**
 * What KVS keeps to link Teams users to Jira accounts: the one-time codes Jira users ask for
 * (each kept until it expires, used at most once) and the links themselves, one per Teams
 * user of a Teams tenant. Keys hash what comes from outside (codes, tenant and object ids).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { KvsLike } from './kvs-port';

const linkCodeRecordSchema = z.object({ accountId: z.string().min(1), /** Epoch milliseconds. */ expiresAt: z.number() });
const teamsLinkRecordSchema = z.object({ accountId: z.string().min(1), /** The Teams name of the person when they linked. */ name: z.string(), linkedAt: z.string() });

export type LinkCodeRecord = z.infer<typeof linkCodeRecordSchema>;
export type TeamsLinkRecord = z.infer<typeof teamsLinkRecordSchema>;

/** A stored record read back, or null when absent or not of its shape (never trusted as cast). */
const readAs = <T>(schema: z.ZodType<T>, value: unknown): T | null => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

const hash = (s: string) => createHash('sha256').update(s).digest('base64url');
const codeKey = (code: string) => `teams-link-code:${hash(code)}`;
const usedKey = (code: string) => `teams-link-used:${hash(code)}`;
const linkKey = (tenantId: string, aadObjectId: string) => `teams-link:${hash(`${tenantId}\n${aadObjectId.toLowerCase()}`)}`;

export interface TeamsLinkStore {
  saveCode(code: string, record: LinkCodeRecord, ttlSeconds: number): Promise<void>;
  /** The code's record, claimed so that no other call can use it; null when unknown, expired or already used. */
  takeCode(code: string, nowMs: number, ttlSeconds: number): Promise<LinkCodeRecord | null>;
  saveLink(tenantId: string, aadObjectId: string, link: TeamsLinkRecord): Promise<void>;
  linkOf(tenantId: string, aadObjectId: string): Promise<TeamsLinkRecord | null>;
}

export function createKvsTeamsLinkStore(kvs: KvsLike): TeamsLinkStore {
  return {
    async saveCode(code, record, ttlSeconds) {
      await kvs.set(codeKey(code), record, { ttl: { value: ttlSeconds, unit: 'SECONDS' }, keyPolicy: 'FAIL_IF_EXISTS' });
    },
    async takeCode(code, nowMs, ttlSeconds) {
      const record = readAs(linkCodeRecordSchema, await kvs.get<unknown>(codeKey(code)));
      if (!record || record.expiresAt <= nowMs) return null;
      try {
        // Two messages with the same code at once: one claims it, the other is told it was used.
        await kvs.set(usedKey(code), 1, { ttl: { value: ttlSeconds, unit: 'SECONDS' }, keyPolicy: 'FAIL_IF_EXISTS' });
      } catch (e) {
        if ((await kvs.get<number>(usedKey(code))) !== undefined) return null;
        throw e;
      }
      await kvs.delete(codeKey(code));
      return record;
    },
    async saveLink(tenantId, aadObjectId, link) {
      await kvs.set(linkKey(tenantId, aadObjectId), link);
    },
    async linkOf(tenantId, aadObjectId) {
      return readAs(teamsLinkRecordSchema, await kvs.get<unknown>(linkKey(tenantId, aadObjectId)));
    },
  };
}
