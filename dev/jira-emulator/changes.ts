/**
 * Changes people make to a Jira site, applied to an emulated one: transition, link and
 * unlink, flag, set points, create, move to another epic, delete. Each bumps `updated` of the
 * issues it changes and returns the Forge events Jira would send, with their changelogs. A
 * change that changes nothing (a transition to the current status) returns no event.
 */
import { z } from 'zod';
import type { RawIssue } from '../../core/src/model/issue';
import { FLAGGED_VALUE, LINK_TYPES, RESOLUTION_DONE, findByName, jiraInstant, type StatusObject } from './catalog';
import { DEFAULT_ACTOR, changeItem, issueEvent, type ChangelogItem, type ForgeIssueEvent } from './events';
import type { Site } from './site';

const key = z.string().min(1);
const actor = z.string().min(1).optional();

export const siteChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('transition'), key, status: z.string().min(1), actor }),
  z.strictObject({ kind: z.literal('link'), key, to: key, type: z.string().default('Blocks'), actor }),
  z.strictObject({ kind: z.literal('unlink'), key, to: key, type: z.string().optional(), actor }),
  z.strictObject({ kind: z.literal('flag'), key, flagged: z.boolean(), actor }),
  z.strictObject({ kind: z.literal('set-points'), key, points: z.number().finite().nullable(), actor }),
  z.strictObject({
    kind: z.literal('create'),
    project: z.string().min(1),
    type: z.string().default('Story'),
    summary: z.string().default('New issue'),
    parent: key.nullable().optional(),
    status: z.string().optional(),
    points: z.number().finite().nullable().optional(),
    actor,
  }),
  z.strictObject({ kind: z.literal('move'), key, parent: key.nullable(), actor }),
  z.strictObject({ kind: z.literal('delete'), key, actor }),
]);
export type SiteChange = z.input<typeof siteChangeSchema>;

export type ChangeOutcome =
  | { readonly kind: 'applied'; readonly issue: { readonly id: string; readonly key: string }; readonly events: readonly ForgeIssueEvent[] }
  | { readonly kind: 'not-found'; readonly message: string }
  | { readonly kind: 'invalid'; readonly message: string };

const UPDATED: ForgeIssueEvent['eventType'] = 'avi:jira:updated:issue';
const none = { id: null, text: null };

/** Applies one change (already validated by `siteChangeSchema`) at instant `now`. */
export function applySiteChange(site: Site, input: SiteChange, now: string): ChangeOutcome {
  const change = siteChangeSchema.parse(input);
  const at = jiraInstant(Date.parse(now));
  const who = change.actor ?? DEFAULT_ACTOR;
  const events: ForgeIssueEvent[] = [];
  const notFound = (k: string): ChangeOutcome => ({ kind: 'not-found', message: `Issue does not exist or you do not have permission to see it: ${k}` });
  const edit = (raw: RawIssue, items: ChangelogItem[], mutate: (f: Record<string, unknown>) => void) => {
    site.update(raw, (r) => {
      mutate(r.fields as Record<string, unknown>);
      r.fields.updated = at;
    });
    events.push(issueEvent(UPDATED, raw, who, items));
  };
  const done = (raw: RawIssue): ChangeOutcome => ({ kind: 'applied', issue: { id: raw.id, key: raw.key }, events });

  if (change.kind === 'create') return createIssue(site, change, at, now, who);
  const raw = site.get(change.key);
  if (!raw) return notFound(change.key);
  const f = raw.fields as Record<string, unknown>;

  switch (change.kind) {
    case 'transition': {
      const target = findByName(site.statuses.values(), change.status);
      if (!target) return { kind: 'invalid', message: `Status '${change.status}' does not exist; the statuses are ${[...site.statuses.values()].map((s) => s.name).join(', ')}.` };
      const from = raw.fields.status as unknown as StatusObject;
      if (from.name === target.name) return done(raw);
      const items = [changeItem('status', 'status', 'jira', { id: from.id ?? null, text: from.name }, { id: target.id ?? null, text: target.name })];
      const wasDone = from.statusCategory.key === 'done';
      const isDone = target.statusCategory.key === 'done';
      if (wasDone !== isDone) {
        items.push(changeItem('resolution', 'resolution', 'jira', isDone ? none : { id: RESOLUTION_DONE.id, text: RESOLUTION_DONE.name }, isDone ? { id: RESOLUTION_DONE.id, text: RESOLUTION_DONE.name } : none));
      }
      edit(raw, items, (fields) => {
        fields.status = target;
        if (wasDone !== isDone) {
          fields.resolution = isDone ? RESOLUTION_DONE : null;
          fields.resolutiondate = isDone ? at : null;
        }
      });
      refreshLinkedStatus(site, raw);
      return done(raw);
    }
    case 'flag': {
      const field = site.fieldIds.flaggedField;
      const was = Array.isArray(f[field]) && (f[field] as unknown[]).length > 0;
      if (was === change.flagged) return done(raw);
      const flag = { id: null, text: 'Impediment' };
      edit(raw, [changeItem('Flagged', field, 'custom', was ? flag : none, change.flagged ? flag : none)], (fields) => {
        fields[field] = change.flagged ? FLAGGED_VALUE : null;
      });
      return done(raw);
    }
    case 'set-points': {
      const field = site.fieldIds.storyPointsField;
      const was = typeof f[field] === 'number' ? (f[field] as number) : null;
      if (was === change.points) return done(raw);
      const text = (v: number | null) => ({ id: null, text: v === null ? null : String(v) });
      edit(raw, [changeItem('Story Points', field, 'custom', text(was), text(change.points))], (fields) => {
        fields[field] = change.points;
      });
      return done(raw);
    }
    case 'move': {
      const target = change.parent === null ? null : site.get(change.parent);
      if (target === undefined) return notFound(change.parent as string);
      if (target !== null && target.id === raw.id) return { kind: 'invalid', message: `An issue cannot be its own parent: ${raw.key}` };
      const was = raw.fields.parent ?? null;
      if ((was?.key ?? null) === (target?.key ?? null)) return done(raw);
      const ref = (r: { id?: string; key: string } | null) => (r === null ? none : { id: r.id ?? null, text: r.key });
      edit(raw, [changeItem('IssueParentAssociation', 'parent', 'jira', ref(was), ref(target))], (fields) => {
        if (target === null) delete fields.parent;
        else fields.parent = { id: target.id, key: target.key };
      });
      return done(raw);
    }
    case 'link':
    case 'unlink':
      return changeLink(site, raw, change, edit, notFound) ?? done(raw);
    case 'delete':
      deleteIssue(site, raw, at, now, who, events);
      return done(raw);
  }
}

type Edit = (raw: RawIssue, items: ChangelogItem[], mutate: (f: Record<string, unknown>) => void) => void;

function changeLink(
  site: Site,
  raw: RawIssue,
  change: { kind: 'link' | 'unlink'; to: string; type?: string | undefined },
  edit: Edit,
  notFound: (k: string) => ChangeOutcome,
): ChangeOutcome | null {
  const other = site.get(change.to);
  if (!other) return notFound(change.to);
  if (other.id === raw.id) return { kind: 'invalid', message: `An issue cannot be linked to itself: ${raw.key}` };
  const type = change.type === undefined ? undefined : findByName(LINK_TYPES, change.type);
  if (change.type !== undefined && !type) return { kind: 'invalid', message: `Link type '${change.type}' does not exist; the link types are ${LINK_TYPES.map((t) => t.name).join(', ')}.` };
  const links = raw.fields.issuelinks ?? [];
  const existing = links.find((l) => l.outwardIssue?.key === other.key && (!type || l.type.name === type.name));
  const linkType = type ?? existing?.type;
  if (change.kind === 'link' ? existing !== undefined : existing === undefined || !linkType) return null;
  const lt = linkType as (typeof LINK_TYPES)[number];
  const brief = (r: RawIssue) => ({ id: r.id, key: r.key, fields: { summary: r.fields.summary, status: r.fields.status, issuetype: r.fields.issuetype } });
  const outward = { id: other.key, text: `This issue ${lt.outward} ${other.key}` };
  const inward = { id: raw.key, text: `This issue ${lt.inward} ${raw.key}` };
  if (change.kind === 'link') {
    const id = `${raw.id}${other.id}`;
    edit(raw, [changeItem('Link', 'issuelinks', 'jira', none, outward)], (f) => {
      f.issuelinks = [...links, { id, type: lt, outwardIssue: brief(other) }];
    });
    edit(other, [changeItem('Link', 'issuelinks', 'jira', none, inward)], (f) => {
      f.issuelinks = [...(other.fields.issuelinks ?? []), { id, type: lt, inwardIssue: brief(raw) }];
    });
  } else {
    const id = (existing as { id?: string }).id;
    edit(raw, [changeItem('Link', 'issuelinks', 'jira', outward, none)], (f) => {
      f.issuelinks = links.filter((l) => l !== existing);
    });
    edit(other, [changeItem('Link', 'issuelinks', 'jira', inward, none)], (f) => {
      f.issuelinks = (other.fields.issuelinks ?? []).filter((l) => !(l.inwardIssue?.key === raw.key && (l.id === id || l.type.name === lt.name)));
    });
  }
  return null;
}

/** Copies an issue's new status into the links other issues hold to it (Jira shows it live). */
function refreshLinkedStatus(site: Site, raw: RawIssue): void {
  for (const link of raw.fields.issuelinks ?? []) {
    const otherKey = (link.inwardIssue ?? link.outwardIssue)?.key;
    const other = otherKey === undefined ? undefined : site.get(otherKey);
    if (!other) continue;
    const mine = other.fields.issuelinks?.filter((l) => (l.inwardIssue ?? l.outwardIssue)?.key === raw.key) ?? [];
    if (mine.length === 0) continue;
    site.update(other, () => {
      for (const l of mine) {
        const end = (l.inwardIssue ?? l.outwardIssue) as { fields?: Record<string, unknown> };
        end.fields = { ...(end.fields ?? {}), status: raw.fields.status };
      }
    });
  }
}

function createIssue(site: Site, change: z.output<typeof siteChangeSchema> & { kind: 'create' }, at: string, now: string, who: string): ChangeOutcome {
  const project = site.projects.get(change.project.toUpperCase());
  if (!project) return { kind: 'invalid', message: `Project '${change.project}' does not exist; the projects are ${[...site.projects.keys()].join(', ')}.` };
  const type = site.issueTypes.get(change.type.toLowerCase());
  if (!type) return { kind: 'invalid', message: `Issue type '${change.type}' does not exist; the types are ${[...site.issueTypes.values()].map((t) => t.name).join(', ')}.` };
  const parent = change.parent ? site.get(change.parent) : null;
  if (parent === undefined) return { kind: 'not-found', message: `Issue does not exist or you do not have permission to see it: ${change.parent}` };
  if (type.subtask && parent === null) return { kind: 'invalid', message: 'A sub-task needs a parent issue.' };
  const status = change.status ? findByName(site.statuses.values(), change.status) : [...site.statuses.values()].find((s) => s.statusCategory.key === 'new');
  if (!status) return { kind: 'invalid', message: `Status '${change.status}' does not exist.` };
  const isDone = status.statusCategory.key === 'done';
  const { id, key: newKey } = site.allocate(project.key);
  const raw: RawIssue = {
    id,
    key: newKey,
    fields: {
      summary: change.summary,
      issuetype: type,
      project,
      status,
      issuelinks: [],
      duedate: null,
      created: at,
      updated: at,
      resolutiondate: isDone ? at : null,
      resolution: isDone ? RESOLUTION_DONE : null,
      assignee: null,
      [site.fieldIds.storyPointsField]: change.points ?? null,
      [site.fieldIds.flaggedField]: null,
      ...(parent ? { parent: { id: parent.id, key: parent.key } } : {}),
    },
  };
  site.insert(raw);
  return { kind: 'applied', issue: { id, key: newKey }, events: [issueEvent('avi:jira:created:issue', raw, who)] };
}

/** Deletes an issue with its sub-tasks; its other children lose their parent; links to it go. */
function deleteIssue(site: Site, raw: RawIssue, at: string, now: string, who: string, events: ForgeIssueEvent[]): void {
  for (const child of site.childrenOf(raw.key)) {
    if (child.fields.issuetype?.subtask) {
      deleteIssue(site, child, at, now, who, events);
    } else {
      site.update(child, (c) => {
        delete c.fields.parent;
        c.fields.updated = at;
      });
      events.push(issueEvent(UPDATED, child, who, [changeItem('IssueParentAssociation', 'parent', 'jira', { id: raw.id, text: raw.key }, none)]));
    }
  }
  for (const link of raw.fields.issuelinks ?? []) {
    const other = site.get((link.inwardIssue ?? link.outwardIssue)?.key ?? '');
    if (!other) continue;
    site.update(other, (o) => {
      o.fields.issuelinks = (o.fields.issuelinks ?? []).filter((l) => (l.inwardIssue ?? l.outwardIssue)?.key !== raw.key);
    });
  }
  events.push(issueEvent('avi:jira:deleted:issue', raw, who));
  site.remove(raw);
}
