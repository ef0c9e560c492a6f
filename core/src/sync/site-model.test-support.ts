/**
 * An in-memory model of a Jira site for the sync property tests: plain issue records changed
 * by the operations people perform (transition, flag, points, link, create, move, delete),
 * each change turned into the Forge event Jira would send, with its changelog. Events come
 * "full" (every field core reads) or "sparse" (Forge's documented minimum: summary, status
 * without its category, created, updated), so that both the zero-call path and the fetch path
 * are exercised. A later suite drives the Jira emulator with the same operations.
 */
import fc from 'fast-check';
import type { RawIssue, StatusCategory } from '../model/issue';

export const POINTS_FIELD = 'customfield_10016';
export const FLAG_FIELD = 'customfield_10021';
export const TRACKED_EPICS = ['ENG-1', 'ENG-2', 'OPS-1'];
const ALL_EPICS = [...TRACKED_EPICS, 'ENG-3'];

export interface SiteStatus {
  readonly id: string;
  readonly name: string;
  readonly category: StatusCategory;
}

export const SITE_STATUSES: readonly SiteStatus[] = [
  { id: '10000', name: 'To Do', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10004', name: 'Done', category: 'done' },
  // Not used by the initial issues: their categories are learned from events or fetches.
  { id: '10001', name: 'Backlog', category: 'new' },
  { id: '10002', name: 'In Review', category: 'indeterminate' },
  { id: '10003', name: 'Blocked', category: 'indeterminate' },
  { id: '10005', name: "Won't Do", category: 'done' },
];

interface SiteIssue {
  id: string;
  key: string;
  epic: boolean;
  parent: string | null;
  status: SiteStatus;
  points: number | null;
  flagged: boolean;
  blockedBy: string[];
  created: string;
  updated: string;
  resolved: string | null;
}

export interface Site {
  readonly issues: Map<string, SiteIssue>;
  next: number;
  clockMs: number;
  lastEvents: unknown[];
}

export interface SeedIssue {
  readonly parent: number;
  readonly status: number;
  readonly points: number | null;
  readonly flagged: boolean;
}

export type SiteOp =
  | { readonly kind: 'transition'; readonly pick: number; readonly status: number; readonly sparse: boolean }
  | { readonly kind: 'flag'; readonly pick: number; readonly sparse: boolean }
  | { readonly kind: 'points'; readonly pick: number; readonly value: number | null; readonly sparse: boolean }
  | { readonly kind: 'link'; readonly pick: number; readonly blocker: number; readonly sparse: boolean }
  | { readonly kind: 'unlink'; readonly pick: number; readonly which: number; readonly sparse: boolean }
  | { readonly kind: 'create'; readonly seed: SeedIssue; readonly sparse: boolean }
  | { readonly kind: 'move'; readonly pick: number; readonly parent: number; readonly variant: number; readonly sparse: boolean }
  | { readonly kind: 'delete'; readonly pick: number }
  | { readonly kind: 'deleteEpic'; readonly epic: number }
  | { readonly kind: 'redeliver' };

const pointsArb = fc.constantFrom(null, 0.5, 1, 2, 3, 5, 8);
const seedArb = (statuses: number): fc.Arbitrary<SeedIssue> =>
  fc.record({ parent: fc.nat(ALL_EPICS.length), status: fc.nat(statuses - 1), points: pointsArb, flagged: fc.boolean() });

export const seedArbitrary = fc.array(seedArb(3), { maxLength: 12 });

export function opArbitrary(sparse: fc.Arbitrary<boolean>): fc.Arbitrary<SiteOp> {
  const pick = fc.nat(50);
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('transition' as const), pick, status: fc.nat(SITE_STATUSES.length - 1), sparse }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('flag' as const), pick, sparse }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('points' as const), pick, value: pointsArb, sparse }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('link' as const), pick, blocker: fc.nat(50), sparse }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('unlink' as const), pick, which: fc.nat(5), sparse }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), seed: seedArb(SITE_STATUSES.length), sparse }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('move' as const), pick, parent: fc.nat(ALL_EPICS.length), variant: fc.nat(2), sparse }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteEpic' as const), epic: fc.nat(ALL_EPICS.length - 1) }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'redeliver' as const }) },
  );
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

function tick(site: Site): string {
  site.clockMs += 60_000;
  return stamp(site.clockMs);
}

/** The epic a `parent` choice `n` names on the site as it is now (past the epics: none). */
export function epicChoice(site: Site, n: number): string | null {
  const epics = ALL_EPICS.filter((k) => site.issues.has(k));
  return n % (epics.length + 1) === epics.length ? null : (epics[n % (epics.length + 1)] as string);
}

function addIssue(site: Site, seed: SeedIssue, project: string): SiteIssue {
  const at = tick(site);
  const status = SITE_STATUSES[seed.status] as SiteStatus;
  const issue: SiteIssue = {
    id: String(10_000 + site.next),
    key: `${project}-${site.next}`,
    epic: false,
    parent: epicChoice(site, seed.parent),
    status,
    points: seed.points,
    flagged: seed.flagged,
    blockedBy: [],
    created: at,
    updated: at,
    resolved: status.category === 'done' ? at : null,
  };
  site.next += 1;
  site.issues.set(issue.key, issue);
  return issue;
}

/** A site with the four epics (three tracked) and the seeded issues (a parent past the epics means none). */
export function createSite(seeds: readonly SeedIssue[]): Site {
  const site: Site = { issues: new Map(), next: 10, clockMs: Date.parse('2026-03-02T09:00:00Z'), lastEvents: [] };
  for (const [i, key] of ALL_EPICS.entries()) {
    const at = stamp(site.clockMs);
    site.issues.set(key, { id: String(100 + i), key, epic: true, parent: null, status: SITE_STATUSES[1] as SiteStatus, points: null, flagged: false, blockedBy: [], created: at, updated: at, resolved: null });
  }
  for (const [i, seed] of seeds.entries()) addIssue(site, seed, i % 2 === 0 ? 'ENG' : 'OPS');
  return site;
}

const BLOCKS = { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };

function linksOf(site: Site, issue: SiteIssue): unknown[] {
  const links: unknown[] = issue.blockedBy.map((key) => ({ type: BLOCKS, inwardIssue: { key } }));
  for (const other of site.issues.values()) if (other.blockedBy.includes(issue.key)) links.push({ type: BLOCKS, outwardIssue: { key: other.key } });
  return links;
}

/** The issue as `/rest/api/3/search/jql` returns it, or null when it does not exist. */
export function rawIssueOf(site: Site, key: string): RawIssue | null {
  const issue = site.issues.get(key);
  if (!issue) return null;
  const parent = issue.parent ? site.issues.get(issue.parent) : undefined;
  return {
    id: issue.id,
    key: issue.key,
    fields: {
      summary: `Issue ${issue.key}`,
      issuetype: { name: issue.epic ? 'Epic' : 'Story', subtask: false },
      parent: parent ? { key: parent.key, id: parent.id } : null,
      status: { id: issue.status.id, name: issue.status.name, statusCategory: { key: issue.status.category } },
      issuelinks: linksOf(site, issue) as RawIssue['fields']['issuelinks'],
      created: issue.created,
      updated: issue.updated,
      resolutiondate: issue.resolved,
      [POINTS_FIELD]: issue.points,
      [FLAG_FIELD]: issue.flagged ? [{ value: 'Impediment' }] : null,
    },
  };
}

export function snapshotOf(site: Site): RawIssue[] {
  return [...site.issues.keys()].map((k) => rawIssueOf(site, k) as RawIssue);
}

function eventFields(site: Site, issue: SiteIssue, sparse: boolean): Record<string, unknown> {
  const raw = rawIssueOf(site, issue.key) as RawIssue;
  if (!sparse) return raw.fields;
  return { summary: raw.fields.summary, status: { id: issue.status.id, name: issue.status.name }, created: issue.created, updated: issue.updated };
}

type Item = Record<string, string | null>;

function updated(site: Site, issue: SiteIssue, items: Item[], sparse: boolean): unknown {
  return { eventType: 'avi:jira:updated:issue', issue: { id: issue.id, key: issue.key, fields: eventFields(site, issue, sparse) }, atlassianId: '557058:abc', changelog: { id: String(site.clockMs / 60_000), items } };
}

const pointsText = (p: number | null): string | null => (p === null ? null : String(p));
const flagText = (f: boolean): string | null => (f ? 'Impediment' : null);

/** The non-epic issue a `pick` names on the site as it is now. */
export function pickIssue(site: Site, n: number): SiteIssue | undefined {
  const issues = [...site.issues.values()].filter((i) => !i.epic);
  return issues.length === 0 ? undefined : issues[n % issues.length];
}

function parentItems(site: Site, from: string | null, to: string | null, variant: number): Item[] {
  const id = (k: string | null): string | null => (k === null ? null : (site.issues.get(k)?.id ?? null));
  const change = { from: id(from), fromString: from, to: id(to), toString: to };
  if (variant === 0) return [{ field: 'IssueParentAssociation', fieldtype: 'jira', ...change }];
  if (variant === 1) return [{ field: 'Parent', fieldtype: 'jira', fieldId: 'parent', ...change }, { field: 'IssueParentAssociation', fieldtype: 'jira', ...change }];
  return [{ field: 'Epic Link', fieldtype: 'custom', fieldId: 'customfield_10014', ...change }];
}

function change(site: Site, op: Exclude<SiteOp, { kind: 'redeliver' }>): unknown[] {
  if (op.kind === 'create') {
    const issue = addIssue(site, op.seed, op.seed.parent % 2 === 0 ? 'ENG' : 'OPS');
    return [{ eventType: 'avi:jira:created:issue', issue: { id: issue.id, key: issue.key, fields: eventFields(site, issue, op.sparse) }, atlassianId: '557058:abc' }];
  }
  if (op.kind === 'deleteEpic') {
    const epic = site.issues.get(ALL_EPICS[op.epic] as string);
    if (!epic) return [];
    site.issues.delete(epic.key);
    for (const issue of site.issues.values()) {
      if (issue.parent === epic.key) issue.parent = null;
      issue.blockedBy = issue.blockedBy.filter((k) => k !== epic.key);
    }
    return [{ eventType: 'avi:jira:deleted:issue', issue: { id: epic.id, key: epic.key, fields: { summary: `Issue ${epic.key}` } } }];
  }
  const issue = pickIssue(site, op.pick);
  if (!issue) return [];
  if (op.kind === 'delete') {
    site.issues.delete(issue.key);
    for (const other of site.issues.values()) other.blockedBy = other.blockedBy.filter((k) => k !== issue.key);
    return [{ eventType: 'avi:jira:deleted:issue', issue: { id: issue.id, key: issue.key, fields: { summary: `Issue ${issue.key}` } } }];
  }
  const items: Item[] = [];
  const events: unknown[] = [];
  if (op.kind === 'transition') {
    const to = SITE_STATUSES[op.status] as SiteStatus;
    if (to.id === issue.status.id) return [];
    items.push({ field: 'status', fieldtype: 'jira', fieldId: 'status', from: issue.status.id, fromString: issue.status.name, to: to.id, toString: to.name });
    const wasDone = issue.status.category === 'done';
    issue.status = to;
    issue.updated = tick(site);
    if (wasDone !== (to.category === 'done')) {
      issue.resolved = to.category === 'done' ? issue.updated : null;
      items.push(to.category === 'done' ? { field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: '10000', toString: 'Done' } : { field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: '10000', fromString: 'Done', to: null, toString: null });
    }
  } else if (op.kind === 'flag') {
    items.push({ field: 'Flagged', fieldtype: 'custom', fieldId: FLAG_FIELD, from: null, fromString: flagText(issue.flagged), to: null, toString: flagText(!issue.flagged) });
    issue.flagged = !issue.flagged;
    issue.updated = tick(site);
  } else if (op.kind === 'points') {
    if (op.value === issue.points) return [];
    items.push({ field: 'Story Points', fieldtype: 'custom', fieldId: POINTS_FIELD, from: null, fromString: pointsText(issue.points), to: null, toString: pointsText(op.value) });
    issue.points = op.value;
    issue.updated = tick(site);
  } else if (op.kind === 'link' || op.kind === 'unlink') {
    const blocker = op.kind === 'link' ? [...site.issues.values()][op.blocker % site.issues.size] : site.issues.get(issue.blockedBy[op.which % Math.max(1, issue.blockedBy.length)] ?? '');
    if (!blocker || blocker.key === issue.key || (op.kind === 'link') === issue.blockedBy.includes(blocker.key)) return [];
    const add = op.kind === 'link';
    issue.blockedBy = add ? [...issue.blockedBy, blocker.key] : issue.blockedBy.filter((k) => k !== blocker.key);
    issue.updated = tick(site);
    blocker.updated = issue.updated;
    const item = (text: string, key: string): Item => (add ? { field: 'Link', fieldtype: 'jira', from: null, fromString: null, to: key, toString: text } : { field: 'Link', fieldtype: 'jira', from: key, fromString: text, to: null, toString: null });
    items.push(item(`This issue is blocked by ${blocker.key}`, blocker.key));
    events.push(updated(site, blocker, [item(`This issue blocks ${issue.key}`, issue.key)], op.sparse));
  } else {
    const to = epicChoice(site, op.parent);
    if (to === issue.parent) return [];
    items.push(...parentItems(site, issue.parent, to, op.variant));
    issue.parent = to;
    issue.updated = tick(site);
  }
  return [updated(site, issue, items, op.sparse), ...events];
}

/** Performs one operation on the site and returns the events Jira sends for it, in order; `redeliver` repeats the last ones (Forge delivers at least once). */
export function performOp(site: Site, op: SiteOp): unknown[] {
  if (op.kind === 'redeliver') return site.lastEvents;
  const events = change(site, op);
  if (events.length > 0) site.lastEvents = events;
  return events;
}
