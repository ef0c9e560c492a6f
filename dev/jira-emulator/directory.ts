/**
 * Who and what a Jira site has, as Jira Cloud's REST v3 tells it: `GET /rest/api/3/user/search`
 * (active users whose display name has a word starting with `query`, or whose visible email
 * address starts with it; `startAt`/`maxResults` over at most the first 1,000), `GET /rest/api/3/user` (one account), `GET /rest/api/3/user/bulk`
 * (a `PageBeanUser` of the accounts asked for) and `GET /rest/api/3/project/search` (a
 * `PageBeanProject`, `query` matched against key and name, at most 100 a page, `nextPage` while
 * not `isLast`). Users carry `emailAddress` only when the person's profile visibility allows it
 * (the spec: "Depending on the user's privacy setting, this may be returned as null"): the
 * emulator shows it for a person whose user object in the snapshot carried one, and for no one
 * else (the common case). People come from the issues
 * (assignees, reporters, creators); projects from the issues' projects.
 */
import { jiraError, ok, type Reply } from './http';
import type { Site, SitePerson } from './site';

/** User search looks at no more than the first 1,000 matches (the spec's "up to the thousandth user"). */
export const USER_SEARCH_LIMIT = 1000;
export const USER_PAGE_DEFAULT = 50;
export const USER_BULK_PAGE_DEFAULT = 10;
export const PROJECT_PAGE_DEFAULT = 50;
export const PROJECT_PAGE_LIMIT = 100;
/** `keys` and `id` filters take up to 50 values each. */
export const PROJECT_FILTER_LIMIT = 50;

const AVATAR_HOST = 'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net';

type Paging = { readonly kind: 'ok'; readonly startAt: number; readonly maxResults: number } | { readonly kind: 'invalid'; readonly reply: Reply };

function readInt(query: URLSearchParams, name: string, fallback: number): number | Reply {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) return jiraError(400, [`The value '${raw}' is invalid for the ${name} parameter.`]);
  return Number(raw);
}

function readPaging(query: URLSearchParams, defaultSize: number, limit: number): Paging {
  const startAt = readInt(query, 'startAt', 0);
  if (typeof startAt !== 'number') return { kind: 'invalid', reply: startAt };
  const max = readInt(query, 'maxResults', defaultSize);
  if (typeof max !== 'number') return { kind: 'invalid', reply: max };
  if (startAt < 0) return { kind: 'invalid', reply: jiraError(400, ["The 'startAt' parameter must not be negative."]) };
  if (max < 0) return { kind: 'invalid', reply: jiraError(400, ["The 'maxResults' parameter must not be negative."]) };
  return { kind: 'ok', startAt, maxResults: Math.min(max, limit) };
}

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? '?') + (words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '')).toUpperCase();
}

/** A `User` as Jira returns it to another user: no time zone, no locale, the email only where visible. */
export function renderUser(person: SitePerson, baseUrl: string): Record<string, unknown> {
  const png = `${AVATAR_HOST}/initials/${initials(person.displayName)}-${(person.accountId.length % 6) + 1}.png`;
  return {
    self: `${baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(person.accountId)}`,
    accountId: person.accountId,
    accountType: person.accountType,
    avatarUrls: { '48x48': `${png}?size=48&s=48`, '24x24': `${png}?size=24&s=24`, '16x16': `${png}?size=16&s=16`, '32x32': `${png}?size=32&s=32` },
    ...(person.emailAddress !== undefined ? { emailAddress: person.emailAddress } : {}),
    displayName: person.displayName,
    active: person.active,
  };
}

function renderProject(p: { id: string; key: string; name: string; projectTypeKey: string; simplified: boolean }, baseUrl: string): Record<string, unknown> {
  const avatar = (size: string) => `${baseUrl}/secure/projectavatar?size=${size}&pid=${p.id}`;
  return {
    self: `${baseUrl}/rest/api/3/project/${p.id}`,
    id: p.id,
    key: p.key,
    name: p.name,
    avatarUrls: { '48x48': avatar('large'), '24x24': avatar('small'), '16x16': avatar('xsmall'), '32x32': avatar('medium') },
    projectTypeKey: p.projectTypeKey,
    simplified: p.simplified,
    style: p.simplified ? 'next-gen' : 'classic',
    isPrivate: false,
    properties: {},
  };
}

/** Whether a word of `name` starts with `query` (case-insensitively), or the whole name does. */
function matchesPrefix(name: string, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const lower = name.toLowerCase();
  return lower.startsWith(q) || lower.split(/[\s.\-_@]+/).some((w) => w.startsWith(q));
}

/**
 * Whether user search's `query` finds `person`. Jira's spec: the query "is matched against user
 * attributes (`displayName`, and `emailAddress`)" and "can match the prefix of the attribute's
 * value" (query=john finds johnson@example.com); and "privacy controls are applied to the
 * response", so the answer leaves a hidden email out. Whether the query still matches an email
 * the person hides is not documented (Atlassian's profile visibility guide says only that apps
 * "will not be able to retrieve" hidden fields): the emulator takes the conservative reading, a
 * hidden email is NOT matched, so nothing here finds a person by an address Jira would not show.
 */
function matchesUser(person: SitePerson, query: string): boolean {
  if (matchesPrefix(person.displayName, query)) return true;
  const q = query.trim().toLowerCase();
  return q !== '' && person.emailAddress !== undefined && person.emailAddress.toLowerCase().startsWith(q);
}

function byName(a: SitePerson, b: SitePerson): number {
  return a.displayName.localeCompare(b.displayName, 'en') || (a.accountId < b.accountId ? -1 : 1);
}

export function searchUsers(site: Site, query: URLSearchParams, baseUrl: string): Reply {
  const text = query.get('query');
  const accountId = query.get('accountId');
  const property = query.get('property');
  if (query.has('username')) return jiraError(400, ["The query parameter 'username' is not supported in GDPR strict mode."]);
  if (text === null && accountId === null && property === null) return jiraError(400, ["One of 'query', 'accountId' or 'property' query parameters must be provided."]);
  if (text !== null && accountId !== null) return jiraError(400, ["The 'query' and 'accountId' query parameters cannot be used together."]);
  if (property !== null) return jiraError(400, ['The property query is not valid.']);
  const paging = readPaging(query, USER_PAGE_DEFAULT, USER_SEARCH_LIMIT);
  if (paging.kind === 'invalid') return paging.reply;
  const matches = [...site.people.values()]
    .filter((p) => p.active && (accountId !== null ? p.accountId === accountId : matchesUser(p, text ?? '')))
    .sort(byName)
    .slice(0, USER_SEARCH_LIMIT);
  return ok(matches.slice(paging.startAt, paging.startAt + paging.maxResults).map((p) => renderUser(p, baseUrl)));
}

export function getUser(site: Site, query: URLSearchParams, baseUrl: string): Reply {
  if (query.has('username') || query.has('key')) return jiraError(400, ["The query parameter 'username' is not supported in GDPR strict mode."]);
  const accountId = query.get('accountId');
  if (accountId === null || accountId.trim() === '') return jiraError(400, ["The 'accountId' query parameter needs to be provided"]);
  const person = site.people.get(accountId);
  if (!person) return jiraError(404, ['Specified user does not exist or you do not have required permissions']);
  return ok(renderUser(person, baseUrl));
}

function pageBean(path: string, query: URLSearchParams, paging: { startAt: number; maxResults: number }, values: unknown[], total: number, baseUrl: string): Record<string, unknown> {
  const link = (startAt: number) => {
    const q = new URLSearchParams(query);
    q.set('startAt', String(startAt));
    q.set('maxResults', String(paging.maxResults));
    return `${baseUrl}${path}?${q.toString()}`;
  };
  const isLast = paging.startAt + values.length >= total;
  return {
    self: link(paging.startAt),
    ...(isLast ? {} : { nextPage: link(paging.startAt + paging.maxResults) }),
    maxResults: paging.maxResults,
    startAt: paging.startAt,
    total,
    isLast,
    values,
  };
}

export function bulkUsers(site: Site, query: URLSearchParams, baseUrl: string): Reply {
  const ids = query.getAll('accountId').filter((id) => id.trim() !== '');
  if (ids.length === 0) return jiraError(400, ["The 'accountId' query parameter needs to be provided"]);
  const paging = readPaging(query, USER_BULK_PAGE_DEFAULT, Number.MAX_SAFE_INTEGER);
  if (paging.kind === 'invalid') return paging.reply;
  const found = [...new Set(ids)].map((id) => site.people.get(id)).filter((p): p is SitePerson => p !== undefined);
  const values = found.slice(paging.startAt, paging.startAt + paging.maxResults).map((p) => renderUser(p, baseUrl));
  return ok(pageBean('/rest/api/3/user/bulk', query, paging, values, found.length, baseUrl));
}

const PROJECT_ORDERS: Readonly<Record<string, (a: { key: string; name: string }, b: { key: string; name: string }) => number>> = {
  key: (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  name: (a, b) => a.name.localeCompare(b.name, 'en'),
};

export function searchProjects(site: Site, query: URLSearchParams, baseUrl: string): Reply {
  const paging = readPaging(query, PROJECT_PAGE_DEFAULT, PROJECT_PAGE_LIMIT);
  if (paging.kind === 'invalid') return paging.reply;
  const order = query.get('orderBy') ?? 'key';
  const compare = PROJECT_ORDERS[order.replace(/^[+-]/, '')];
  if (!compare) return jiraError(400, [`The value '${order}' is invalid for the orderBy parameter.`]);
  const keys = query.getAll('keys').map((k) => k.toUpperCase());
  const ids = query.getAll('id');
  if (keys.length > PROJECT_FILTER_LIMIT || ids.length > PROJECT_FILTER_LIMIT) return jiraError(400, [`Up to ${PROJECT_FILTER_LIMIT} project keys or ids can be provided.`]);
  const text = (query.get('query') ?? '').trim().toLowerCase();
  const matches = [...site.projects.values()]
    .filter((p) => (keys.length === 0 || keys.includes(p.key)) && (ids.length === 0 || ids.includes(p.id)))
    .filter((p) => text === '' || p.key.toLowerCase().includes(text) || p.name.toLowerCase().includes(text))
    .sort((a, b) => (order.startsWith('-') ? -compare(a, b) : compare(a, b)));
  const values = matches.slice(paging.startAt, paging.startAt + paging.maxResults).map((p) => renderProject(p, baseUrl));
  return ok(pageBean('/rest/api/3/project/search', query, paging, values, matches.length, baseUrl));
}
