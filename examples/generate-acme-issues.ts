/**
 * Generates the Jira snapshot of the Acme example (`examples/acme-issues.json`) from
 * `examples/acme.yaml`, in the Jira Cloud REST v3 shape that `/rest/api/3/search/jql` returns:
 * every epic a jira key result names with its child issues, the declared dependencies'
 * deliverables and the issues on the other end of their links, the issues the JQL key result
 * matches, sub-tasks (which never count) and some unrelated noise.
 *
 * The output depends only on the org file: a seeded PRNG (mulberry32) stands in for chance
 * and the snapshot is taken at ACME_SNAPSHOT_AT, so regenerating gives byte-identical JSON.
 * The hand-written scenario below (deliverables, links) is what the README promises; the
 * generator throws when the org file and the scenario stop matching.
 *
 *   npx tsx examples/generate-acme-issues.ts > examples/acme-issues.json
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOrg } from '../core/src/model/parse-org';
import type { Org } from '../core/src/model/org';
import { seededRandom } from '@okr-bridge/core/testing';

/** The instant the snapshot was taken: no timestamp in it is later. */
export const ACME_SNAPSHOT_AT = '2026-11-15T18:00:00Z';

type StatusName = 'To Do' | 'In Progress' | 'In Review' | 'Blocked' | 'Done';
type IssueTypeName = 'Epic' | 'Story' | 'Task' | 'Bug' | 'Sub-task';

interface StatusJson {
  readonly name: StatusName;
  readonly statusCategory: { readonly key: 'new' | 'indeterminate' | 'done'; readonly name: string };
}

interface LinkedIssueJson {
  readonly id: string;
  readonly key: string;
  readonly self: string;
  readonly fields: { readonly summary: string; readonly status: StatusJson; readonly issuetype: { readonly name: IssueTypeName } };
}

export interface IssueLinkJson {
  readonly id: string;
  readonly type: { readonly name: 'Blocks'; readonly inward: 'is blocked by'; readonly outward: 'blocks' };
  readonly inwardIssue?: LinkedIssueJson;
  readonly outwardIssue?: LinkedIssueJson;
}

/** One issue as the Jira search API returns it (the custom field ids come from the org file). */
export interface JiraIssueJson {
  readonly id: string;
  readonly key: string;
  readonly self: string;
  readonly fields: Record<string, unknown> & { readonly issuelinks: readonly IssueLinkJson[] };
}

export interface AcmeIssueSnapshot {
  readonly issues: readonly JiraIssueJson[];
}

/** Dependency deliverables and the other issues the README talks about, by key. */
interface Named {
  readonly key: string;
  readonly epic: string;
  readonly summary: string;
  readonly status: StatusName;
  readonly flagged?: true;
  readonly resolved?: string;
}

const NAMED: readonly Named[] = [
  { key: 'ENG-142', epic: 'ENG-101', summary: 'SAML single sign-on for Okta and Microsoft Entra ID', status: 'Blocked' },
  { key: 'ENG-143', epic: 'ENG-102', summary: 'SCIM 2.0 user provisioning API', status: 'In Progress' },
  { key: 'ENG-171', epic: 'ENG-107', summary: 'Expose account health scores to Customer Success', status: 'In Progress', flagged: true },
  { key: 'PROD-58', epic: 'PROD-31', summary: 'Final spec for the analytics workspace launch', status: 'In Review' },
  { key: 'PROD-59', epic: 'PROD-31', summary: 'Beta release notes and feature guide', status: 'To Do' },
  { key: 'MKT-88', epic: 'MKT-64', summary: 'Mid-market battlecards for account executives', status: 'Done', resolved: '2026-11-04T15:20:00Z' },
  { key: 'SALES-47', epic: 'SALES-22', summary: 'Deduplicate renewal records in the CRM', status: 'In Progress' },
  { key: 'SALES-48', epic: 'SALES-22', summary: 'Export renewal history from the old CRM', status: 'In Progress' },
  { key: 'PLAT-37', epic: 'PLAT-13', summary: 'Public status page at status.acme.example', status: 'In Progress' },
  { key: 'PLAT-38', epic: 'PLAT-13', summary: 'Email subscriptions for status page updates', status: 'To Do' },
  { key: 'PLAT-41', epic: 'PLAT-14', summary: 'Export usage metering events to the billing system', status: 'Blocked' },
  { key: 'SALES-39', epic: 'SALES-21', summary: 'Add the battlecards to the opportunity page', status: 'In Progress' },
  { key: 'CS-27', epic: 'CS-11', summary: 'Playbook for accounts with falling health scores', status: 'To Do' },
  { key: 'CS-35', epic: 'CS-13', summary: 'Link the status page from the help center and the app', status: 'To Do' },
  { key: 'MKT-79', epic: 'MKT-62', summary: 'Write the launch blog post', status: 'To Do' },
  { key: 'MKT-83', epic: 'MKT-63', summary: 'Pay the first referral partners', status: 'To Do' },
  { key: 'FIN-24', epic: 'FIN-11', summary: 'Recognize renewal revenue automatically', status: 'In Progress' },
  { key: 'FIN-29', epic: 'FIN-12', summary: 'Set up partner payouts in the billing system', status: 'In Progress' },
  { key: 'FIN-31', epic: 'FIN-13', summary: 'Turn metered usage into invoice lines', status: 'To Do' },
];

/** [blocker, blocked]. All cross-department pairs are declared dependencies except MKT-83 ← FIN-29. */
const BLOCKS: readonly (readonly [string, string])[] = [
  ['MKT-88', 'SALES-39'],
  ['ENG-171', 'CS-27'],
  ['PROD-58', 'MKT-79'],
  ['SALES-47', 'FIN-24'],
  ['SALES-48', 'SALES-47'],
  ['PLAT-37', 'CS-35'],
  ['PLAT-41', 'FIN-31'],
  ['FIN-29', 'MKT-83'],
];

/** Epic summary and the topic its child issues are about. */
const EPICS: Readonly<Record<string, readonly [string, string]>> = {
  'ENG-101': ['SAML single sign-on', 'single sign-on'], 'ENG-102': ['SCIM user provisioning', 'SCIM provisioning'],
  'ENG-103': ['Admin audit log', 'the audit log'], 'ENG-104': ['Dashboard performance backlog', 'dashboard performance'],
  'ENG-105': ['Workspace query engine', 'the query engine'], 'ENG-106': ['Workspace chart library', 'workspace charts'],
  'ENG-107': ['Account health scores in the app', 'health scores'], 'ENG-108': ['Right-size compute and storage', 'compute sizing'],
  'PLAT-11': ['Automated database failover', 'database failover'], 'PLAT-12': ['New deploy pipeline rollout', 'the deploy pipeline'],
  'PLAT-13': ['Public status page', 'the status page'], 'PLAT-14': ['Usage metering export', 'usage metering'],
  'PROD-31': ['Analytics workspace design and specs', 'the analytics workspace'], 'PROD-32': ['First-run onboarding flow', 'onboarding'],
  'PROD-33': ['Plan limits and upgrade paths', 'plan limits'], 'MKT-61': ['Account-based campaigns', 'the ABM campaigns'],
  'MKT-62': ['Analytics workspace launch', 'the workspace launch'], 'MKT-63': ['Partner referral program', 'the referral program'],
  'MKT-64': ['Pricing page and battlecards', 'the pricing page'], 'SALES-21': ['New CRM stages and playbooks', 'the new CRM stages'],
  'SALES-22': ['Renewal data cleanup', 'renewal data'], 'CS-11': ['Health score playbooks', 'at-risk accounts'],
  'CS-12': ['Help center rewrite', 'the help center'], 'CS-13': ['Proactive incident notifications', 'incident notifications'],
  'FIN-11': ['Revenue recognition automation', 'revenue recognition'], 'FIN-12': ['Partner payouts', 'partner payouts'],
  'FIN-13': ['Usage billing', 'usage billing'],
};

const TECH = ['Design the data model for {t}', 'Build the API for {t}', 'Build the admin screens for {t}', 'Add metrics and alerts for {t}', 'Write end-to-end tests for {t}', 'Load-test {t}', 'Handle error cases in {t}', 'Document {t} for Support', 'Roll out {t} behind a feature flag', 'Security review of {t}', 'Migrate existing data for {t}', 'Spike: options for {t}'];
const WORK: Readonly<Record<string, readonly string[]>> = {
  ENG: TECH,
  PLAT: TECH,
  PROD: ['Run research interviews on {t}', 'Write the spec for {t}', 'Design mockups for {t}', 'Usability-test {t}', 'Define success metrics for {t}', 'Review {t} with Engineering', 'Prototype {t}', 'Write in-app help for {t}', 'Analyse beta feedback on {t}', 'Prioritise the backlog for {t}'],
  MKT: ['Write copy for {t}', 'Design assets for {t}', 'Build the landing page for {t}', 'Set up the email sequence for {t}', 'Brief the agency on {t}', 'Plan paid social for {t}', 'Review {t} with Sales', 'Report results of {t}', 'Record a video for {t}', 'Translate {t} for DACH and France'],
  SALES: ['Draft the playbook section on {t}', 'Train the team on {t}', 'Update CRM fields for {t}', 'Build the pipeline report for {t}', 'Pilot {t} with two account executives', 'Collect feedback on {t}', 'Clean up records for {t}', 'Review {t} with Finance'],
  CS: ['Draft the playbook for {t}', 'Train the team on {t}', 'Build the dashboard for {t}', 'Contact the first accounts about {t}', 'Write the help article on {t}', 'Review results of {t}', 'Automate reminders for {t}', 'Set up support macros for {t}'],
  FIN: ['Document the process for {t}', 'Configure the ERP for {t}', 'Reconcile accounts for {t}', 'Test {t} with October data', 'Review {t} with the auditors', 'Automate journal entries for {t}', 'Build the report for {t}', 'Sign off {t} with the controller'],
};
const SUBTASKS = ['Review', 'Write tests', 'Update documentation', 'QA check', 'Get sign-off'];
const CUSTOMER_BUGS = ['CSV export drops rows over 10,000', 'Invoice PDF shows the wrong VAT number', 'Dashboard filters reset after login', 'Password reset email arrives late', 'Timezone wrong on scheduled reports', 'Seat count not updated after downgrade', 'Chart tooltips overlap on small screens', 'Slack alerts sent twice', 'Cannot remove a user who left', 'Search misses accented names', 'Report sharing link expires early', 'Mobile app crashes on empty workspace', 'Import fails on semicolon CSV files', 'Wrong currency on the billing page', 'API rate limit error has no retry hint', 'Audit trail missing bulk edits', 'Calendar sync duplicates events', 'Logo upload rejects SVG files'];
const ENG_BUGS = ['Flaky build on the api service', 'Nightly backup job logs a false warning', 'Stale feature flags in the web app'];
const BACKLOG = ['Quarterly access review', 'Tidy up old dashboards', 'Update the team onboarding page', 'Retro actions from September', 'Renew the conference booth booking', 'Archive closed projects'];
const PEOPLE: Readonly<Record<string, readonly string[]>> = {
  ENG: ['Ana Costa', 'Tom Becker', 'Priya Nair', 'Kenji Sato', 'Elena Rossi', 'Raj Patel'],
  PLAT: ['Mei Lin', 'Jonas Berg', 'Ahmed Khan'],
  PROD: ['Sofia Alvarez', 'Ben Carter', 'Chloe Martin'],
  MKT: ['Liam Walsh', 'Nora Hughes', 'Ivan Petrov'],
  SALES: ['Grace Kim', 'Marco Silva', 'Zoe Adams'],
  CS: ['Omar Haddad', 'Lucia Romero', 'Sam Taylor'],
  FIN: ['Hannah Weber', 'Victor Dubois'],
  OPS: ['Pat Morgan', 'Dana Okafor'],
};
/**
 * Who hides their email in their Atlassian profile: Jira then leaves `emailAddress` out of their
 * user objects. Everyone else shows theirs (first name at acme.example, as the org file writes
 * owners), so the app can name those owners and must leave these as written.
 */
const EMAIL_HIDDEN: ReadonlySet<string> = new Set(['Priya Nair', 'Jonas Berg', 'Lucia Romero']);
const NOISE_PROJECT = { key: 'OPS', name: 'IT Operations' };

const SEED = 20261001;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface Draft {
  key: string;
  project: string;
  type: IssueTypeName;
  summary: string;
  parent: string | null;
  status: StatusName;
  created: number;
  updated: number;
  resolved: number | null;
  due: string | null;
  points: number | null;
  flagged: boolean;
  assignee: string | null;
}

/**
 * The Acme issue snapshot for `org` (the parsed `examples/acme.yaml`): pure and
 * deterministic. Throws when the org file no longer names an epic or deliverable the
 * scenario relies on, or declares a deliverable the scenario does not know.
 */
export function generateAcmeIssues(org: Org): AcmeIssueSnapshot {
  const rng = seededRandom(SEED);
  const now = Date.parse(ACME_SNAPSHOT_AT);
  const start = Date.parse(`${org.cycle.start}T00:00:00Z`);
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const at = (lo: number, hi: number) => Math.floor((lo + rng() * (hi - lo)) / MINUTE) * MINUTE;

  const projectNames = new Map<string, string>();
  for (const d of org.departments) for (const p of d.jiraProjects) projectNames.set(p, d.name);
  projectNames.set(NOISE_PROJECT.key, NOISE_PROJECT.name);
  const epics = org.objectives.flatMap((o) => o.keyResults.flatMap((kr) => (kr.kind === 'jira' ? kr.epics : [])));
  const dueOf = new Map(org.dependencies.flatMap((d) => d.deliverables.map((k) => [k, d.due ?? null] as const)));
  for (const n of NAMED) if (!epics.includes(n.epic)) throw new Error(`the scenario puts ${n.key} under ${n.epic}, which no jira key result names`);
  for (const k of dueOf.keys()) if (!NAMED.some((n) => n.key === k)) throw new Error(`deliverable ${k} is declared in the org file but not in the scenario`);

  const reserved = new Set([...epics, ...NAMED.map((n) => n.key)]);
  const next = new Map<string, number>();
  const newKey = (project: string): string => {
    const numbers = [...reserved].filter((k) => k.startsWith(`${project}-`)).map((k) => Number(k.slice(project.length + 1)));
    let n = next.get(project) ?? (numbers.length > 0 ? Math.min(...numbers) : 1);
    while (reserved.has(`${project}-${n}`)) n++;
    next.set(project, n + 1);
    return `${project}-${n}`;
  };

  const drafts: Draft[] = [];
  const statusFor = (done: number): StatusName => {
    if (rng() < done) return 'Done';
    const r = rng();
    return r < 0.025 ? 'Blocked' : r < 0.4 ? 'In Progress' : r < 0.55 ? 'In Review' : 'To Do';
  };
  const points = (): number | null => (rng() < 0.12 ? null : pick([1, 2, 2, 3, 3, 3, 5, 5, 5, 8, 8, 13]));
  /** Adds an issue with plausible dates: created, then resolved (when done), then updated. */
  const add = (d: Omit<Draft, 'created' | 'updated' | 'resolved'>, created: number, resolved?: number): Draft => {
    let res: number | null = null;
    let updated: number;
    if (d.status === 'Done') {
      res = resolved ?? at(Math.max(created + 6 * HOUR, start - 14 * DAY), now - HOUR);
      updated = Math.min(now, res + at(0, 3 * DAY));
    } else {
      updated = at(created + HOUR, now);
    }
    const draft = { ...d, created, updated, resolved: res };
    drafts.push(draft);
    return draft;
  };
  const person = (project: string) => (rng() < 0.1 ? null : pick(PEOPLE[project] ?? PEOPLE.OPS!));
  const createdFor = (addedChance: number, from: number) => (rng() < addedChance ? at(start + DAY, now - 3 * DAY) : at(from, start - HOUR));
  const dueFor = () => (rng() < 0.25 ? new Date(at(start + 14 * DAY, start + 80 * DAY)).toISOString().slice(0, 10) : null);
  const subtasks = (story: Draft) => {
    if (story.type !== 'Story' || rng() >= 0.1) return;
    for (let i = int(1, 3); i > 0; i--) {
      const status: StatusName = story.status === 'Done' ? 'Done' : pick(['To Do', 'In Progress', 'Done'] as const);
      const created = at(story.created, Math.min(story.created + 10 * DAY, now - DAY));
      add({ key: newKey(story.project), project: story.project, type: 'Sub-task', summary: pick(SUBTASKS), parent: story.key, status, due: null, points: null, flagged: false, assignee: story.assignee }, created, status === 'Done' ? at(created + HOUR, now - HOUR) : undefined);
    }
  };
  const children = (epic: Draft, count: number, topic: string, done: number, types: readonly IssueTypeName[]) => {
    const templates = WORK[epic.project] ?? TECH;
    const offset = int(0, templates.length - 1);
    for (let i = 0; i < count; i++) {
      const round = Math.floor(i / templates.length);
      const summary = templates[(offset + i) % templates.length]!.replace('{t}', topic) + (round > 0 ? ` (part ${round + 1})` : '');
      const child = add({ key: newKey(epic.project), project: epic.project, type: pick(types), summary, parent: epic.key, status: statusFor(done), due: dueFor(), points: points(), flagged: false, assignee: person(epic.project) }, createdFor(0.2, epic.created + DAY));
      subtasks(child);
    }
  };
  const epicDraft = (key: string, project: string, summary: string) =>
    add({ key, project, type: 'Epic', summary, parent: null, status: 'In Progress', due: org.cycle.end, points: null, flagged: false, assignee: person(project) }, at(Date.parse('2026-08-03T08:00:00Z'), Date.parse('2026-08-20T18:00:00Z')));

  for (const key of epics) {
    const project = key.slice(0, key.lastIndexOf('-'));
    const [summary, topic] = EPICS[key] ?? [`Epic ${key}`, key];
    const epic = epicDraft(key, project, summary);
    const named = NAMED.filter((n) => n.epic === key);
    const done = 0.15 + rng() * 0.7;
    for (const n of named) {
      const resolved = n.resolved === undefined ? undefined : Date.parse(n.resolved);
      add({ key: n.key, project, type: 'Story', summary: n.summary, parent: key, status: n.status, due: dueOf.get(n.key) ?? null, points: points(), flagged: n.flagged === true, assignee: person(project) }, at(epic.created + DAY, start - HOUR), resolved);
    }
    const types: IssueTypeName[] = project === 'CS' ? ['Story', 'Story', 'Task'] : ['Story', 'Story', 'Story', 'Task', 'Bug'];
    children(epic, Math.max(int(5, 24), named.length + 3) - named.length, topic, done, types);
  }

  // Noise: an epic no key result names, bugs outside the JQL's project, backlog without an epic.
  const unrelated = epicDraft(newKey('ENG'), 'ENG', 'Upgrade services to Node.js 22');
  children(unrelated, 6, 'the Node.js 22 upgrade', 0.3, ['Task']);
  for (const kr of org.objectives.flatMap((o) => o.keyResults)) {
    if (kr.kind !== 'jira' || kr.jql === undefined) continue;
    const project = /project\s*=\s*([A-Z][A-Z0-9_]+)/.exec(kr.jql)?.[1];
    const type = /issuetype\s*=\s*(Bug|Story|Task)\b/.exec(kr.jql)?.[1] as IssueTypeName | undefined;
    if (project === undefined || type === undefined) continue;
    for (const summary of CUSTOMER_BUGS) {
      add({ key: newKey(project), project, type, summary, parent: null, status: statusFor(0.55), due: null, points: null, flagged: false, assignee: person(project) }, createdFor(0.45, start - 40 * DAY));
    }
  }
  for (const project of [...projectNames.keys()]) {
    const type: IssueTypeName = project === 'ENG' ? 'Bug' : 'Task';
    const summaries = type === 'Bug' ? ENG_BUGS : BACKLOG;
    const offset = int(0, summaries.length - 1);
    for (let i = 0; i < (project === 'OPS' ? 5 : project === 'ENG' ? 3 : 2); i++) {
      const summary = summaries[(offset + i) % summaries.length]!;
      add({ key: newKey(project), project, type, summary, parent: null, status: statusFor(0.3), due: null, points: type === 'Bug' ? null : points(), flagged: false, assignee: person(project) }, createdFor(0.3, start - 60 * DAY));
    }
  }
  return { issues: toJira(drafts, org, projectNames) };
}

/** The snapshot as the committed file holds it: JSON with 2-space indentation and a final newline. */
export function renderAcmeIssues(org: Org): string {
  return `${JSON.stringify(generateAcmeIssues(org), null, 2)}\n`;
}

const CATEGORY: Readonly<Record<StatusName, StatusJson['statusCategory']>> = {
  'To Do': { key: 'new', name: 'To Do' },
  'In Progress': { key: 'indeterminate', name: 'In Progress' },
  'In Review': { key: 'indeterminate', name: 'In Progress' },
  Blocked: { key: 'indeterminate', name: 'In Progress' },
  Done: { key: 'done', name: 'Done' },
};
const LINK_TYPE = { name: 'Blocks', inward: 'is blocked by', outward: 'blocks' } as const;

/** Jira writes instants like 2026-10-03T09:15:00.000+0000. */
function jiraTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

function accountId(name: string): string {
  let h = 0x811c9dc5;
  const hex: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (const ch of `${round}:${name}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    hex.push(h.toString(16).padStart(8, '0'));
  }
  return `712020:${hex[0]}-${hex[1]!.slice(0, 4)}-${hex[1]!.slice(4)}-${hex[2]!.slice(0, 4)}-${hex[2]!.slice(4)}${hex[3]!}`;
}

function toJira(drafts: readonly Draft[], org: Org, projectNames: ReadonlyMap<string, string>): JiraIssueJson[] {
  const base = org.jira.baseUrl ?? 'https://acme.atlassian.net';
  const pointsField = org.jira.storyPointsField ?? 'customfield_10016';
  const flaggedField = org.jira.flaggedField ?? 'customfield_10021';
  // Jira numbers issue ids in creation order.
  const byCreated = [...drafts].sort((a, b) => a.created - b.created || a.key.localeCompare(b.key));
  const idOf = new Map(byCreated.map((d, i) => [d.key, String(10001 + i)]));
  const byKey = new Map(drafts.map((d) => [d.key, d]));
  const self = (key: string) => `${base}/rest/api/3/issue/${idOf.get(key)!}`;
  const status = (d: Draft): StatusJson => ({ name: d.status, statusCategory: CATEGORY[d.status] });
  const linked = (key: string): LinkedIssueJson => {
    const d = byKey.get(key)!;
    return { id: idOf.get(key)!, key, self: self(key), fields: { summary: d.summary, status: status(d), issuetype: { name: d.type } } };
  };
  const links = new Map<string, IssueLinkJson[]>();
  BLOCKS.forEach(([blocker, blocked], i) => {
    if (!byKey.has(blocker) || !byKey.has(blocked)) throw new Error(`the scenario links ${blocker} and ${blocked}, but one of them was not generated`);
    const id = String(30001 + i);
    links.set(blocker, [...(links.get(blocker) ?? []), { id, type: LINK_TYPE, outwardIssue: linked(blocked) }]);
    links.set(blocked, [...(links.get(blocked) ?? []), { id, type: LINK_TYPE, inwardIssue: linked(blocker) }]);
  });
  const order = [...projectNames.keys()];
  const sorted = [...drafts].sort((a, b) => order.indexOf(a.project) - order.indexOf(b.project) || keyNumber(a.key) - keyNumber(b.key));
  return sorted.map((d) => ({
    id: idOf.get(d.key)!,
    key: d.key,
    self: self(d.key),
    fields: {
      summary: d.summary,
      issuetype: { name: d.type, subtask: d.type === 'Sub-task', hierarchyLevel: d.type === 'Epic' ? 1 : d.type === 'Sub-task' ? -1 : 0 },
      project: { key: d.project, name: projectNames.get(d.project)! },
      ...(d.parent === null ? {} : { parent: { id: idOf.get(d.parent)!, key: d.parent } }),
      status: status(d),
      issuelinks: links.get(d.key) ?? [],
      duedate: d.due,
      created: jiraTime(d.created),
      updated: jiraTime(d.updated),
      resolutiondate: d.resolved === null ? null : jiraTime(d.resolved),
      [pointsField]: d.points,
      [flaggedField]: d.flagged ? [{ id: '10019', value: 'Impediment' }] : null,
      assignee: d.assignee === null ? null : userOf(d.assignee),
    },
  }));
}

/** A user as Jira's issue answers carry one: the email only when the person lets others see it. */
function userOf(name: string): Record<string, unknown> {
  const email = EMAIL_HIDDEN.has(name) ? {} : { emailAddress: `${name.split(' ')[0]!.toLowerCase()}@acme.example` };
  return { accountId: accountId(name), ...email, displayName: name, active: true };
}

function keyNumber(key: string): number {
  return Number(key.slice(key.lastIndexOf('-') + 1));
}

function main(): void {
  const text = readFileSync(join(__dirname, 'acme.yaml'), 'utf8');
  process.stdout.write(renderAcmeIssues(parseOrg(text, 'examples/acme.yaml')));
}

if (require.main === module) main();
