/**
 * A seeded generator of realistic Jira sites: department projects with epics and their child
 * stories, tasks and bugs (statuses To Do, In Progress, In Review, Blocked, Done with their
 * categories, story points with some unestimated, flags, Blocks links across projects, due,
 * created, updated and resolution dates), plus unrelated issues ("noise") among which
 * sub-tasks of stories. The same options give the same site, byte for byte.
 */
import type { RawIssue } from '../../core/src/model/issue';
import { FLAGGED_VALUE, ISSUE_TYPES, LINK_TYPES, RESOLUTION_DONE, STATUSES, jiraInstant, type ProjectObject, type StatusObject } from './catalog';
import { Site, type SiteOptions } from './site';
import { seededRandom } from '@okr-bridge/core/testing';

export interface GenerateOptions extends SiteOptions {
  readonly epics: number;
  readonly children: number;
  readonly noise: number;
  readonly seed: number;
  /** The instant dates are spread around; fixed by default so that output does not depend on the clock. */
  readonly now?: string;
}

const DAY = 86_400_000;
const DEPARTMENTS: readonly [string, string][] = [
  ['ENG', 'Engineering'], ['MOB', 'Mobile'], ['WEB', 'Web Platform'], ['DATA', 'Data Platform'],
  ['MKT', 'Marketing'], ['SALES', 'Sales Operations'], ['OPS', 'Operations'], ['SEC', 'Security'],
];
const OTHERS: readonly [string, string][] = [['SUP', 'Customer Support'], ['ITH', 'IT Helpdesk']];
const VERBS = ['Migrate', 'Add', 'Fix', 'Refactor', 'Document', 'Automate', 'Launch', 'Review', 'Design', 'Measure', 'Remove', 'Harden'];
const NOUNS = ['billing service', 'onboarding flow', 'search index', 'pricing page', 'audit log', 'SSO login', 'data pipeline', 'mobile checkout', 'campaign tracking', 'alerting rules', 'partner API', 'release process', 'cost dashboard', 'access reviews'];
const POINTS = [1, 2, 3, 5, 8, 13];
const POINT_WEIGHTS = [15, 20, 25, 20, 12, 8];
const [TODO, IN_PROGRESS, IN_REVIEW, BLOCKED, DONE] = STATUSES as [StatusObject, StatusObject, StatusObject, StatusObject, StatusObject];
const [EPIC, STORY, TASK, BUG, SUBTASK] = ISSUE_TYPES as [typeof ISSUE_TYPES[0], typeof ISSUE_TYPES[0], typeof ISSUE_TYPES[0], typeof ISSUE_TYPES[0], typeof ISSUE_TYPES[0]];
const BLOCKS = LINK_TYPES[0] as (typeof LINK_TYPES)[0];
const RELATES = LINK_TYPES[1] as (typeof LINK_TYPES)[0];

/** Generates the raw issues of a site: epics first, then their children, then the noise. */
export function generateIssues(options: GenerateOptions): RawIssue[] {
  const random = seededRandom(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const chance = (p: number) => random() < p;
  const nowMs = Date.parse(options.now ?? '2026-03-02T12:00:00.000Z');
  const pointsField = options.storyPointsField ?? 'customfield_10016';
  const flaggedField = options.flaggedField ?? 'customfield_10021';
  const project = (pair: readonly [string, string], i: number): ProjectObject =>
    Object.freeze({ id: String(10000 + i), key: pair[0], name: pair[1], projectTypeKey: 'software', simplified: false });
  const departments = DEPARTMENTS.map(project);
  const others = OTHERS.map((p, i) => project(p, DEPARTMENTS.length + i));
  const users = Array.from({ length: 60 }, (_, i) =>
    Object.freeze({ accountId: `5b10a2844c20165700ede${String(i).padStart(3, '0')}`, accountType: 'atlassian', active: true, displayName: `User ${i + 1}` }),
  );
  const counters = new Map<string, number>();
  let nextId = 10000;
  const issues: RawIssue[] = [];

  function weighted<T>(values: readonly T[], weights: readonly number[]): T {
    let r = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < values.length; i++) if ((r -= weights[i] as number) < 0) return values[i] as T;
    return values[values.length - 1] as T;
  }
  function dateAround(fromDays: number, toDays: number): string {
    return jiraInstant(nowMs + (fromDays + random() * (toDays - fromDays)) * DAY).slice(0, 10);
  }
  function make(p: ProjectObject, type: typeof EPIC, status: StatusObject, extra: Record<string, unknown>): RawIssue {
    const n = (counters.get(p.key) ?? 0) + 1;
    counters.set(p.key, n);
    const created = nowMs - (10 + random() * 355) * DAY;
    const updated = nowMs - (nowMs - created) * random() * random();
    const done = status.statusCategory.key === 'done';
    const resolved = done ? Math.min(updated, created + (updated - created) * (0.8 + 0.2 * random())) : null;
    const raw: RawIssue = {
      id: String(nextId++),
      key: `${p.key}-${n}`,
      fields: {
        summary: `${pick(VERBS)} ${pick(NOUNS)}`,
        issuetype: type,
        project: p,
        status,
        issuelinks: [],
        duedate: null,
        created: jiraInstant(created),
        updated: jiraInstant(updated),
        resolutiondate: resolved === null ? null : jiraInstant(resolved),
        resolution: done ? RESOLUTION_DONE : null,
        assignee: chance(0.75) ? pick(users) : null,
        [pointsField]: null,
        [flaggedField]: null,
        ...extra,
      },
    };
    issues.push(raw);
    return raw;
  }
  function workStatus(progress: number): StatusObject {
    if (random() < progress) return DONE;
    return weighted([TODO, IN_PROGRESS, IN_REVIEW, BLOCKED], [40, 35, 15, 10]);
  }
  function estimate(type: typeof EPIC): number | null {
    return chance(type === BUG ? 0.4 : 0.12) ? null : weighted(POINTS, POINT_WEIGHTS);
  }
  function link(from: RawIssue, to: RawIssue, type: typeof BLOCKS, id: string): void {
    const brief = (r: RawIssue) => ({ id: r.id, key: r.key, fields: { summary: r.fields.summary, status: r.fields.status, issuetype: r.fields.issuetype } });
    from.fields.issuelinks?.push({ id, type, outwardIssue: brief(to) });
    to.fields.issuelinks?.push({ id, type, inwardIssue: brief(from) });
  }

  const epics: { raw: RawIssue; progress: number }[] = [];
  for (let i = 0; i < options.epics; i++) {
    const progress = chance(0.1) ? 0 : chance(0.1) ? 1 : random();
    const status = progress >= 0.95 ? DONE : progress > 0.05 ? IN_PROGRESS : TODO;
    const raw = make(pick(departments), EPIC, status, { duedate: chance(0.7) ? dateAround(-15, 120) : null });
    epics.push({ raw, progress });
  }
  const active = epics.filter(() => chance(0.95));
  const children: RawIssue[] = [];
  for (let i = 0; i < options.children && active.length > 0; i++) {
    const epic = pick(active);
    const p = chance(0.85) ? (epic.raw.fields.project as unknown as ProjectObject) : pick(departments);
    const type = weighted([STORY, TASK, BUG], [60, 25, 15]);
    const status = workStatus(epic.progress);
    children.push(
      make(p, type, status, {
        parent: { id: epic.raw.id, key: epic.raw.key },
        duedate: chance(0.35) ? dateAround(-30, 90) : null,
        [pointsField]: estimate(type),
        [flaggedField]: chance(status === BLOCKED ? 0.5 : 0.02) ? FLAGGED_VALUE : null,
      }),
    );
  }
  let linkId = 20000;
  for (const child of children) {
    if (!chance(0.06)) continue;
    const other = pick(children);
    if (other !== child) link(child, other, BLOCKS, String(linkId++));
  }
  const plain: RawIssue[] = [];
  for (let i = 0; i < options.noise; i++) {
    const parentPool = plain.length > 0 && chance(0.5) ? plain : children;
    if (chance(0.15) && parentPool.length > 0) {
      const parent = pick(parentPool);
      make(parent.fields.project as unknown as ProjectObject, SUBTASK, workStatus(0.4), { parent: { id: parent.id, key: parent.key } });
      continue;
    }
    const type = weighted([STORY, TASK, BUG], [30, 40, 30]);
    const raw = make(chance(0.5) ? pick(others) : pick(departments), type, workStatus(0.5), { [pointsField]: chance(0.5) ? estimate(type) : null });
    if (plain.length > 0 && chance(0.02)) link(raw, pick(plain), RELATES, String(linkId++));
    plain.push(raw);
  }
  return issues;
}

/** A site generated from `options` (see `generateIssues`). */
export function generateSite(options: GenerateOptions): Site {
  return new Site(generateIssues(options), options);
}

/** Reads `epics=2000,children=50000,noise=100000,seed=1` (missing counts are 0, the seed 1). */
export function parseGenerateSpec(spec: string): GenerateOptions {
  const values: Record<string, number> = { epics: 0, children: 0, noise: 0, seed: 1 };
  for (const part of spec.split(',').filter(Boolean)) {
    const [name, value] = part.split('=').map((s) => s.trim());
    if (name === undefined || !(name in values) || value === undefined || !/^\d+$/.test(value)) {
      throw new Error(`expected --generate epics=N,children=N,noise=N,seed=N, got "${part}"`);
    }
    values[name] = Number(value);
  }
  return { epics: values.epics as number, children: values.children as number, noise: values.noise as number, seed: values.seed as number };
}
