/**
 * `requestJira` for the backend, against the Jira emulator: `asApp` and `asUser` both go to
 * the emulator (it has one permission scheme: everyone sees everything), with the caller of
 * the current invocation carried in AsyncLocalStorage as Forge carries it implicitly. The one
 * call the emulator does not answer, `GET /rest/api/3/mypermissions`, the host answers from
 * its list of Jira admins — the narrowest stand-in for Jira's permission system. Calls are
 * counted per kind, so a panel load's Jira cost can be measured.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import type { IssueFacts } from './context';

/** A request as the platform proxy passes it on. */
export interface HttpInit {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export type RequestJira = (path: string, init?: HttpInit) => Promise<Response>;

export interface Caller {
  readonly accountId: string | undefined;
}

export interface JiraCounts {
  asUser: number;
  asApp: number;
  /** `mypermissions` calls the host answered itself (counted in asUser/asApp too). */
  permissionChecks: number;
}

export interface JiraAccess {
  readonly asUser: RequestJira;
  readonly asApp: RequestJira;
  readonly counts: JiraCounts;
  /** Runs `fn` with `caller` as the user of every `asUser` call it makes. */
  runAs<T>(caller: Caller, fn: () => Promise<T>): Promise<T>;
  /** An issue's id, type and project from the emulator's admin API (not a counted Jira call). */
  issueFacts(key: string): Promise<IssueFacts | null>;
}

const rawIssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.looseObject({
    issuetype: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
    project: z.looseObject({ id: z.string().optional(), key: z.string().optional() }).optional(),
  }),
});

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Jira access over `emulatorUrl`; `isAdmin` says which accounts administer Jira. */
export function createJiraAccess(emulatorUrl: string, isAdmin: (accountId: string) => boolean, authorization?: string): JiraAccess {
  const callers = new AsyncLocalStorage<Caller>();
  const counts: JiraCounts = { asUser: 0, asApp: 0, permissionChecks: 0 };
  const headersOf = (init?: HttpInit): Record<string, string> => ({ ...(init?.headers ?? {}), ...(authorization ? { authorization } : {}) });

  const send = async (path: string, init: HttpInit | undefined, accountId: string | undefined): Promise<Response> => {
    if (!path.startsWith('/')) throw new Error(`expected a Jira REST path starting with "/", got "${path}"`);
    const url = new URL(path, emulatorUrl);
    if (url.pathname === '/rest/api/3/mypermissions') {
      counts.permissionChecks++;
      const keys = (url.searchParams.get('permissions') ?? '').split(',').filter(Boolean);
      const permissions = Object.fromEntries(keys.map((k) => [k, { key: k, type: 'GLOBAL', havePermission: k === 'ADMINISTER' && accountId !== undefined && isAdmin(accountId) }]));
      return jsonResponse(200, { permissions });
    }
    return fetch(url, { method: init?.method ?? 'GET', headers: headersOf(init), ...(init?.body !== undefined ? { body: init.body } : {}) });
  };

  return {
    counts,
    asUser: (path, init) => {
      counts.asUser++;
      return send(path, init, callers.getStore()?.accountId);
    },
    asApp: (path, init) => {
      counts.asApp++;
      return send(path, init, undefined);
    },
    runAs: (caller, fn) => callers.run(caller, fn),
    async issueFacts(key) {
      const res = await fetch(new URL(`/_emulator/issues/${encodeURIComponent(key)}`, emulatorUrl), { headers: headersOf() });
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`the Jira emulator answered ${res.status} for issue ${key}`);
      const raw = rawIssueSchema.parse(await res.json());
      return {
        id: raw.id,
        key: raw.key,
        type: raw.fields.issuetype?.name ?? 'Issue',
        typeId: raw.fields.issuetype?.id ?? '',
        project: { id: raw.fields.project?.id ?? '', key: raw.fields.project?.key ?? key.slice(0, key.lastIndexOf('-')) },
      };
    },
  };
}
