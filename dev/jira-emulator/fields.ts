/**
 * Issue fields as Jira exposes them: the catalog `GET /rest/api/3/field` returns, and the
 * `fields` parameter of search and bulk fetch (`*all`, `*navigable`, field ids, `-field` to
 * leave one out, `id` / `key` alone for the cheapest pages), applied to a stored issue.
 */
import type { RawIssue } from '../../core/src/model/issue';
import type { SiteFieldIds } from './site';

export interface FieldDetails {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly custom: boolean;
  readonly orderable: boolean;
  readonly navigable: boolean;
  readonly searchable: boolean;
  readonly clauseNames: readonly string[];
  readonly schema?: { readonly type: string; readonly system?: string; readonly custom?: string; readonly customId?: number; readonly items?: string };
}

const SYSTEM: readonly [id: string, name: string, type: string, clauses: readonly string[], items?: string][] = [
  ['issuekey', 'Key', '', ['id', 'issue', 'issuekey', 'key']],
  ['summary', 'Summary', 'string', ['summary']],
  ['issuetype', 'Issue Type', 'issuetype', ['issuetype', 'type']],
  ['parent', 'Parent', '', ['parent']],
  ['project', 'Project', 'project', ['project']],
  ['status', 'Status', 'status', ['status']],
  ['issuelinks', 'Linked Issues', 'array', ['issueLink'], 'issuelinks'],
  ['duedate', 'Due date', 'date', ['due', 'duedate']],
  ['created', 'Created', 'datetime', ['created', 'createdDate']],
  ['updated', 'Updated', 'datetime', ['updated', 'updatedDate']],
  ['resolutiondate', 'Resolved', 'datetime', ['resolutiondate', 'resolved']],
  ['resolution', 'Resolution', 'resolution', ['resolution']],
  ['assignee', 'Assignee', 'user', ['assignee']],
];

/** The fields of a site, as `GET /rest/api/3/field` lists them. */
export function listFieldDetails(ids: SiteFieldIds): FieldDetails[] {
  const fields: FieldDetails[] = SYSTEM.map(([id, name, type, clauseNames, items]) => ({
    id,
    key: id,
    name,
    custom: false,
    orderable: type !== '' && id !== 'created' && id !== 'updated' && id !== 'resolutiondate',
    navigable: true,
    searchable: true,
    clauseNames,
    ...(type === '' ? {} : { schema: { type, system: id, ...(items ? { items } : {}) } }),
  }));
  const custom = (id: string, name: string, type: string, plugin: string, items?: string): FieldDetails => {
    const customId = Number(id.replace('customfield_', ''));
    return {
      id, key: id, name, custom: true, orderable: true, navigable: true, searchable: true,
      clauseNames: [`cf[${customId}]`, name],
      schema: { type, custom: `com.atlassian.jira.plugin.system.customfieldtypes:${plugin}`, customId, ...(items ? { items } : {}) },
    };
  };
  fields.push(custom(ids.storyPointsField, 'Story Points', 'number', 'float'));
  fields.push(custom(ids.flaggedField, 'Flagged', 'array', 'multicheckboxes', 'option'));
  return fields;
}

/** What a `fields` parameter asks for. */
export interface FieldSelection {
  /** `all` for `*all` / `*navigable` (every stored field), otherwise the listed ids. */
  readonly include: 'all' | ReadonlySet<string>;
  readonly exclude: ReadonlySet<string>;
  /** Nothing but `id` and/or `key`: pages may hold 5,000 issues. */
  readonly idKeyOnly: boolean;
  readonly wantsKey: boolean;
}

/** Reads `fields` (each entry may itself be comma-separated); `fallback` applies when none are given. */
export function readFieldSelection(fields: readonly string[] | undefined, fallback: 'id' | '*navigable'): FieldSelection {
  const tokens = (fields ?? []).flatMap((f) => f.split(',')).map((f) => f.trim()).filter(Boolean);
  const list = tokens.length > 0 ? tokens : [fallback];
  const include = new Set<string>();
  const exclude = new Set<string>();
  let all = false;
  for (const t of list) {
    if (t === '*all' || t === '*navigable') all = true;
    else if (t.startsWith('-')) exclude.add(t.slice(1));
    else include.add(t);
  }
  if (!all && include.size === 0) all = true;
  const plain = [...include].filter((f) => f !== 'id' && f !== 'key');
  return {
    include: all ? 'all' : new Set(plain),
    exclude,
    idKeyOnly: !all && plain.length === 0,
    wantsKey: all || plain.length > 0 || include.has('key'),
  };
}

/** An issue as the API returns it under `selection`; `self` points at `baseUrl`. */
export function renderIssue(raw: RawIssue, selection: FieldSelection, baseUrl: string, known: ReadonlySet<string>): Record<string, unknown> {
  if (selection.idKeyOnly) return selection.wantsKey ? { id: raw.id, key: raw.key } : { id: raw.id };
  const source = raw.fields as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  if (selection.include === 'all') {
    for (const [name, value] of Object.entries(source)) if (!selection.exclude.has(name)) fields[name] = value;
  } else {
    for (const name of selection.include) {
      if (selection.exclude.has(name)) continue;
      if (name in source) fields[name] = source[name];
      else if (known.has(name)) fields[name] = null;
    }
  }
  return { expand: '', id: raw.id, self: `${baseUrl}/rest/api/3/issue/${raw.id}`, key: raw.key, fields };
}
