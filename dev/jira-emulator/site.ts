/**
 * The emulated Jira site: issues stored in the raw REST v3 shape, indexed by id, key, parent
 * and project, with each issue's `IssueFacts` computed once and recomputed only when that
 * issue changes. Mutations go through `insert`, `update` and `remove`, which keep the indexes
 * and the facts cache right and bump `version` (search result caches key on it). It does not
 * know about HTTP or events.
 */
import type { JqlBound } from '../../core/src/jql';
import { OkrError } from '../../core/src/model/errors';
import { formatPath, issueSnapshotSchema, normalizeIssue, type IssueFacts, type RawIssue } from '../../core/src/model/issue';
import { ISSUE_TYPES, STATUSES, type IssueTypeObject, type ProjectObject, type StatusObject } from './catalog';

export interface SiteFieldIds {
  /** The story points custom field, `customfield_10016` by default. */
  readonly storyPointsField: string;
  /** The Flagged custom field, `customfield_10021` by default. */
  readonly flaggedField: string;
}

export type SiteOptions = Partial<SiteFieldIds>;

/** A person of the site as issues name them: Jira never shares more (no email, see the user endpoints). */
export interface SitePerson {
  readonly accountId: string;
  readonly displayName: string;
  readonly active: boolean;
  readonly accountType: 'atlassian' | 'app' | 'customer';
  /**
   * Set only for a person whose profile visibility lets others see their email: the snapshot's
   * user object carried `emailAddress`, as Jira's answers do for such a person.
   */
  readonly emailAddress?: string;
}

function personOf(value: unknown): SitePerson | null {
  const v = value as { accountId?: unknown; displayName?: unknown; active?: unknown; accountType?: unknown; emailAddress?: unknown } | null | undefined;
  if (!v || typeof v.accountId !== 'string' || typeof v.displayName !== 'string') return null;
  const accountType = v.accountType === 'app' || v.accountType === 'customer' ? v.accountType : 'atlassian';
  const email = typeof v.emailAddress === 'string' && v.emailAddress !== '' ? { emailAddress: v.emailAddress } : {};
  return { accountId: v.accountId, displayName: v.displayName, active: v.active !== false, accountType, ...email };
}

interface Entry {
  readonly raw: RawIssue;
  facts: IssueFacts | null;
}

function upper(s: string): string {
  return s.toUpperCase();
}

function addTo(index: Map<string, Set<Entry>>, key: string, entry: Entry): void {
  const set = index.get(key);
  if (set) set.add(entry);
  else index.set(key, new Set([entry]));
}

export class Site {
  readonly fieldIds: SiteFieldIds;
  /** Bumped by every change; cached search results are valid for one version. */
  version = 0;
  readonly statuses = new Map<string, StatusObject>();
  readonly issueTypes = new Map<string, IssueTypeObject>();
  readonly projects = new Map<string, ProjectObject>();
  /** The people met in the data (assignees, reporters, creators), by account id. */
  readonly people = new Map<string, SitePerson>();
  private readonly byId = new Map<string, Entry>();
  private readonly byKey = new Map<string, Entry>();
  private readonly byParent = new Map<string, Set<Entry>>();
  private readonly byProject = new Map<string, Set<Entry>>();
  private nextId = 10000;
  private readonly nextNumber = new Map<string, number>();

  constructor(issues: Iterable<RawIssue>, options: SiteOptions = {}) {
    this.fieldIds = { storyPointsField: options.storyPointsField ?? 'customfield_10016', flaggedField: options.flaggedField ?? 'customfield_10021' };
    for (const s of STATUSES) this.statuses.set(s.name.toLowerCase(), s);
    for (const t of ISSUE_TYPES) this.issueTypes.set(t.name.toLowerCase(), t);
    for (const raw of issues) this.insert(raw);
    for (const entry of this.byId.values()) entry.facts = normalizeIssue(entry.raw, this.fieldIds);
    this.version = 0;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Every issue, in insertion order. */
  *issues(): IterableIterator<RawIssue> {
    for (const e of this.byId.values()) yield e.raw;
  }

  /** The issue with this key (case-insensitively) or numeric id. */
  get(keyOrId: string): RawIssue | undefined {
    return (this.byKey.get(upper(keyOrId)) ?? this.byId.get(keyOrId))?.raw;
  }

  /** The facts of a stored issue, computed on first use after each change. */
  factsOf(raw: RawIssue): IssueFacts {
    const entry = this.byId.get(raw.id);
    if (!entry || entry.raw !== raw) return normalizeIssue(raw, this.fieldIds);
    entry.facts ??= normalizeIssue(raw, this.fieldIds);
    return entry.facts;
  }

  /** Issues that may match bounds (the union of the indexed sets), without duplicates. */
  candidates(bounds: readonly JqlBound[]): RawIssue[] {
    const found = new Set<Entry>();
    const addAll = (set: Iterable<Entry> | undefined) => {
      for (const e of set ?? []) found.add(e);
    };
    for (const { field, values } of bounds) {
      for (const value of values) {
        if (field === 'key') {
          const e = this.byKey.get(upper(value)) ?? this.byId.get(value);
          if (e) found.add(e);
        } else if (field === 'parent') {
          const key = /^\d+$/.test(value) ? this.byId.get(value)?.raw.key : value;
          if (key !== undefined) addAll(this.byParent.get(upper(key)));
        } else {
          addAll(this.byProject.get(upper(value)));
        }
      }
    }
    return [...found].map((e) => e.raw);
  }

  /** The children (sub-tasks included) whose parent is `key`. */
  childrenOf(key: string): RawIssue[] {
    return [...(this.byParent.get(upper(key)) ?? [])].map((e) => e.raw);
  }

  /** Adds an issue (a new id and key). */
  insert(raw: RawIssue): void {
    if (this.byId.has(raw.id) || this.byKey.has(upper(raw.key))) {
      throw new OkrError('duplicate-id', [{ where: `issue ${raw.key}`, message: `expected a new issue, got a second ${raw.key} (id ${raw.id})` }]);
    }
    const entry: Entry = { raw, facts: null };
    this.byId.set(raw.id, entry);
    this.byKey.set(upper(raw.key), entry);
    this.index(entry);
    this.learn(raw);
    this.version++;
  }

  /** Changes a stored issue in place with `mutate`, keeping indexes and facts right. */
  update(raw: RawIssue, mutate: (raw: RawIssue) => void): void {
    const entry = this.byId.get(raw.id);
    if (!entry) throw new Error(`update of an issue not in the site: ${raw.key}`);
    this.unindex(entry);
    mutate(entry.raw);
    entry.facts = null;
    this.index(entry);
    this.version++;
  }

  /** Drops a stored issue. */
  remove(raw: RawIssue): void {
    const entry = this.byId.get(raw.id);
    if (!entry) return;
    this.unindex(entry);
    this.byId.delete(raw.id);
    this.byKey.delete(upper(raw.key));
    this.version++;
  }

  /** A fresh id and key in `project`. */
  allocate(project: string): { id: string; key: string } {
    const n = this.nextNumber.get(upper(project)) ?? 1;
    this.nextNumber.set(upper(project), n + 1);
    return { id: String(this.nextId++), key: `${upper(project)}-${n}` };
  }

  private index(entry: Entry): void {
    const f = entry.raw.fields;
    if (f.parent) addTo(this.byParent, upper(f.parent.key), entry);
    addTo(this.byProject, upper(f.project?.key ?? entry.raw.key.slice(0, entry.raw.key.lastIndexOf('-'))), entry);
  }

  private unindex(entry: Entry): void {
    const f = entry.raw.fields;
    if (f.parent) this.byParent.get(upper(f.parent.key))?.delete(entry);
    this.byProject.get(upper(f.project?.key ?? entry.raw.key.slice(0, entry.raw.key.lastIndexOf('-'))))?.delete(entry);
  }

  /** Remembers statuses, types and projects met in the data, and the next free id and number. */
  private learn(raw: RawIssue): void {
    const f = raw.fields;
    const statusName = f.status.name.toLowerCase();
    if (!this.statuses.has(statusName)) this.statuses.set(statusName, f.status as unknown as StatusObject);
    if (f.issuetype && !this.issueTypes.has(f.issuetype.name.toLowerCase())) {
      this.issueTypes.set(f.issuetype.name.toLowerCase(), f.issuetype as unknown as IssueTypeObject);
    }
    const dash = raw.key.lastIndexOf('-');
    const project = upper(raw.key.slice(0, dash));
    if (!this.projects.has(project)) {
      const p = f.project as Partial<ProjectObject> | undefined;
      this.projects.set(project, { id: p?.id ?? String(10000 + this.projects.size), key: project, name: p?.name ?? project, projectTypeKey: 'software', simplified: false });
    }
    for (const field of ['assignee', 'reporter', 'creator'] as const) {
      const person = personOf((f as Record<string, unknown>)[field]);
      if (person && !this.people.has(person.accountId)) this.people.set(person.accountId, person);
    }
    const n = Number(raw.key.slice(dash + 1));
    if (Number.isInteger(n) && n >= (this.nextNumber.get(project) ?? 1)) this.nextNumber.set(project, n + 1);
    const id = Number(raw.id);
    if (Number.isInteger(id) && id >= this.nextId) this.nextId = id + 1;
  }
}

/** A site from a snapshot (`{ "issues": [...] }`, already JSON-parsed), checked against the raw issue schema. */
export function siteFromSnapshot(json: unknown, options: SiteOptions = {}, source = 'snapshot'): Site {
  const parsed = issueSnapshotSchema.safeParse(json);
  if (!parsed.success) {
    throw new OkrError(
      'invalid-snapshot',
      parsed.error.issues.slice(0, 10).map((i) => ({ where: `${source} ${formatPath(i.path)}`, message: i.message })),
    );
  }
  return new Site(parsed.data.issues, options);
}
