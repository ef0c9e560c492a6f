/**
 * What KVS keeps to link Teams users to Jira accounts: the one-time codes Jira users ask for
 * (each kept until it expires, used at most once) and the links themselves, one per Teams
 * user of a Teams tenant. Keys hash what comes from outside (codes, tenant and object ids).
 */
import { z } from 'zod';
import { claimKey, hashedKeyPart } from './kvs-bridge-store';
import type { KvsLike } from './kvs-port';

const linkCodeRecordSchema = z.object({ accountId: z.string().min(1), /** Epoch milliseconds. */ expiresAt: z.number() });
const teamsLinkRecordSchema = z.object({ accountId: z.string().min(1), /** The Teams name of the person when they linked. */ name: z.string(), linkedAt: z.string() });

/** The Teams users linked to one Jira account (newest first, at most `MAX_LINKS_PER_ACCOUNT`), so its owner can see and undo them. */
const accountLinksSchema = z.object({ links: z.array(z.object({ aadObjectId: z.string().min(1), name: z.string(), linkedAt: z.string() })) });

/** How many Teams accounts one Jira account keeps linked; linking another drops the oldest. */
export const MAX_LINKS_PER_ACCOUNT = 5;

export type LinkCodeRecord = z.infer<typeof linkCodeRecordSchema>;
export type AccountLink = z.infer<typeof accountLinksSchema>['links'][number];
export type TeamsLinkRecord = z.infer<typeof teamsLinkRecordSchema>;

/** A stored record read back, or null when absent or not of its shape (never trusted as cast). */
const readAs = <T>(schema: z.ZodType<T>, value: unknown): T | null => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

const codeKey = (code: string) => `teams-link-code:${hashedKeyPart(code)}`;
const usedKey = (code: string) => `teams-link-used:${hashedKeyPart(code)}`;
const linkKey = (tenantId: string, aadObjectId: string) => `teams-link:${hashedKeyPart(`${tenantId}\n${aadObjectId.toLowerCase()}`)}`;
const accountKey = (tenantId: string, accountId: string) => `teams-linked:${hashedKeyPart(`${tenantId}\n${accountId}`)}`;

export interface TeamsLinkStore {
  saveCode(code: string, record: LinkCodeRecord, ttlSeconds: number): Promise<void>;
  /** The code's record, claimed so that no other call can use it; null when unknown, expired or already used. */
  takeCode(code: string, nowMs: number, ttlSeconds: number): Promise<LinkCodeRecord | null>;
  /** Links `aadObjectId` to the link's account (replacing its earlier link); the account keeps its newest links listed. */
  saveLink(tenantId: string, aadObjectId: string, link: TeamsLinkRecord): Promise<void>;
  linkOf(tenantId: string, aadObjectId: string): Promise<TeamsLinkRecord | null>;
  /** The Teams users linked to `accountId` now (an entry whose Teams user linked another account since is left out). */
  linksOfAccount(tenantId: string, accountId: string): Promise<AccountLink[]>;
  /** Undoes the link of `aadObjectId` to `accountId`; false when there was none. */
  removeLink(tenantId: string, accountId: string, aadObjectId: string): Promise<boolean>;
}

/** Takes a Teams user off an account's list of links (no write when they are not on it). */
async function dropFromList(kvs: KvsLike, key: string, aadObjectId: string): Promise<void> {
  const listed = readAs(accountLinksSchema, await kvs.get<unknown>(key))?.links ?? [];
  const rest = listed.filter((l) => l.aadObjectId.toLowerCase() !== aadObjectId.toLowerCase());
  if (rest.length !== listed.length) await kvs.set(key, { links: rest });
}

export function createKvsTeamsLinkStore(kvs: KvsLike): TeamsLinkStore {
  return {
    async saveCode(code, record, ttlSeconds) {
      await kvs.set(codeKey(code), record, { ttl: { value: ttlSeconds, unit: 'SECONDS' }, keyPolicy: 'FAIL_IF_EXISTS' });
    },
    async takeCode(code, nowMs, ttlSeconds) {
      const record = readAs(linkCodeRecordSchema, await kvs.get<unknown>(codeKey(code)));
      if (!record || record.expiresAt <= nowMs) return null;
      // Two messages with the same code at once: one claims it, the other is told it was used.
      if (!(await claimKey(kvs, usedKey(code), ttlSeconds))) return null;
      await kvs.delete(codeKey(code));
      return record;
    },
    async saveLink(tenantId, aadObjectId, link) {
      // A Teams user linking another account leaves the list of the one they linked before.
      const before = await this.linkOf(tenantId, aadObjectId);
      if (before && before.accountId !== link.accountId) await dropFromList(kvs, accountKey(tenantId, before.accountId), aadObjectId);
      const key = accountKey(tenantId, link.accountId);
      const listed = readAs(accountLinksSchema, await kvs.get<unknown>(key))?.links ?? [];
      const kept = [{ aadObjectId, name: link.name, linkedAt: link.linkedAt }, ...listed.filter((l) => l.aadObjectId.toLowerCase() !== aadObjectId.toLowerCase())];
      const dropped = kept.slice(MAX_LINKS_PER_ACCOUNT);
      await kvs.set(linkKey(tenantId, aadObjectId), link);
      await kvs.set(key, { links: kept.slice(0, MAX_LINKS_PER_ACCOUNT) });
      for (const old of dropped) await this.removeLink(tenantId, link.accountId, old.aadObjectId);
    },
    async linkOf(tenantId, aadObjectId) {
      return readAs(teamsLinkRecordSchema, await kvs.get<unknown>(linkKey(tenantId, aadObjectId)));
    },
    async linksOfAccount(tenantId, accountId) {
      const listed = readAs(accountLinksSchema, await kvs.get<unknown>(accountKey(tenantId, accountId)))?.links ?? [];
      const current = await Promise.all(listed.map(async (l) => ((await this.linkOf(tenantId, l.aadObjectId))?.accountId === accountId ? l : null)));
      return current.filter((l): l is AccountLink => l !== null);
    },
    async removeLink(tenantId, accountId, aadObjectId) {
      await dropFromList(kvs, accountKey(tenantId, accountId), aadObjectId);
      // The Teams user's link goes only while it still names this account (they may have linked another since).
      const forward = await this.linkOf(tenantId, aadObjectId);
      if (forward?.accountId !== accountId) return false;
      await kvs.delete(linkKey(tenantId, aadObjectId));
      return true;
    },
  };
}
