/**
 * The Jira data plane end to end, over real HTTP on 127.0.0.1: the live CLI against the Jira
 * emulator serving the Acme snapshot (same report as the snapshot file, snapshots that read
 * back, wrong credentials refused without echoing them), and epic metrics kept by the
 * emulator's Forge events equal to a fresh full read after any sequence of admin changes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyFetchedIssue, applyIssueEvent, applyReconcile, buildEpicMetrics, emptyMetrics, normalizeIssue, parseForgeIssueEvent, planReconcile, reconcileFields } from '../core/src';
import type { EpicMetrics, IssueEventContext, RawIssue } from '../core/src';
import { generateSite, loadSnapshotFile, startJiraEmulator, STATUSES, type JiraEmulator, type SiteChange } from '../dev/jira-emulator';
import { basicAuth, call, listenForWebhooks } from '../dev/jira-emulator/testing';
import { createJiraClient, type JiraClient } from '../cli/src/jira-client';
import { readReconcilePlan } from '../cli/src/live';
import { runCli } from '../cli/src/main';

const root = join(__dirname, '..');
const acme = join(root, 'examples', 'acme.yaml');
const acmeIssues = join(root, 'examples', 'acme-issues.json');
const credentials = { email: 'lead@acme.example', token: 'acme-emulator-token-5f2c' };

async function okr(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, env: {}, now: () => '2026-11-15T09:00:00Z' });
  return { code, stdout, stderr };
}

describe('okr against the Jira emulator serving the Acme snapshot', () => {
  let emulator: JiraEmulator;
  beforeAll(async () => {
    emulator = await startJiraEmulator({ site: loadSnapshotFile(acmeIssues), auth: credentials });
  });
  afterAll(() => emulator.stop());
  const login = () => ['--jira', emulator.url, '--email', credentials.email, '--token', credentials.token];

  it('reports the same JSON live as from the snapshot file, and says what reading Jira cost', async () => {
    const fromFile = await okr('report', acme, '--issues', acmeIssues, '--at', '2026-11-15', '--json');
    const live = await okr('report', acme, ...login(), '--at', '2026-11-15', '--json');
    expect(live.code).toBe(0);
    expect(JSON.parse(live.stdout)).toEqual(JSON.parse(fromFile.stdout));
    expect(live.stdout).toBe(fromFile.stdout);
    // 448 epic children in 5 pages, the 18 bugs of the JQL key result in 1, the 27 epics in one bulk fetch.
    expect(live.stderr).toBe('Jira: 7 calls, 7 pages read, 0 retries (0 s waited)\n');
  });

  it('saves a snapshot that reads back into the same report', async () => {
    const snap = await okr('snapshot', acme, ...login());
    expect(snap.code).toBe(0);
    expect(snap.stderr).toBe('Jira: 7 calls, 7 pages read, 0 retries (0 s waited)\n');
    const saved = JSON.parse(snap.stdout) as { issues: RawIssue[] };
    expect(Object.keys(saved)).toEqual(['issues']);
    expect(saved.issues).toHaveLength(493);
    expect(saved.issues.slice(0, 3).map((i) => i.key)).toEqual(['CS-11', 'CS-12', 'CS-13']);
    // Sub-tasks, the unrelated epic and its children, and the noise are not read.
    expect(saved.issues.some((i) => i.key.startsWith('OPS-') || i.fields.issuetype?.subtask === true)).toBe(false);
    const file = join(mkdtempSync(join(tmpdir(), 'okr-snap-')), 'issues.json');
    writeFileSync(file, snap.stdout);
    const again = await okr('report', acme, '--issues', file, '--at', '2026-11-15', '--json');
    const fromFile = await okr('report', acme, '--issues', acmeIssues, '--at', '2026-11-15', '--json');
    expect(again.stdout).toBe(fromFile.stdout);
  });

  it('exits 2 with Jira\'s message on wrong credentials, never printing the token', async () => {
    const wrong = 'not-the-token-8c1e';
    const basic = await okr('report', acme, '--jira', emulator.url, '--email', credentials.email, '--token', wrong, '--json');
    expect(basic.code).toBe(2);
    expect(basic.stdout).toBe('');
    expect(basic.stderr).toBe(
      `okr report: cannot read Jira at ${emulator.url}: POST /rest/api/3/search/jql failed with 401 after 1 attempt: ` +
        'Client must be authenticated to access this resource. (check the email and API token, or the bearer token, given for this site)\n' +
        // Both planned queries were sent at once; each was refused.
        'Jira: 2 calls, 0 pages read, 0 retries (0 s waited)\n',
    );
    const bearer = await okr('snapshot', acme, '--jira', emulator.url, '--bearer', wrong);
    expect(bearer.code).toBe(2);
    expect(bearer.stderr).toContain('failed with 401 after 1 attempt: Client must be authenticated');
    for (const out of [basic.stderr, bearer.stderr]) {
      expect(out).not.toContain(wrong);
      expect(out).not.toContain(Buffer.from(`${credentials.email}:${wrong}`).toString('base64'));
    }
  });
});

// ---------------------------------------------------------------- events vs a fresh read

const fieldIds: IssueEventContext = { storyPointsField: 'customfield_10016', flaggedField: 'customfield_10021' };
const FIELDS = reconcileFields(fieldIds.storyPointsField, fieldIds.flaggedField);

type Op =
  | { kind: 'transition'; pick: number; status: number }
  | { kind: 'flag'; pick: number; flagged: boolean }
  | { kind: 'points'; pick: number; points: number | null }
  | { kind: 'link'; pick: number; other: number }
  | { kind: 'unlink'; pick: number }
  | { kind: 'create'; epic: number | null; status: number; points: number | null }
  | { kind: 'move'; pick: number; epic: number | null }
  | { kind: 'delete'; pick: number };

const pick = fc.nat(1000);
const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('transition' as const), pick, status: fc.nat(STATUSES.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('flag' as const), pick, flagged: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('points' as const), pick, points: fc.constantFrom(null, 1, 2, 3, 5, 8) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('link' as const), pick, other: pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unlink' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), epic: fc.option(pick, { nil: null, freq: 3 }), status: fc.nat(STATUSES.length - 1), points: fc.constantFrom(null, 2, 5) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), pick, epic: fc.option(pick, { nil: null }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick }) },
);

const at = <T>(list: readonly T[], i: number): T | undefined => (list.length === 0 ? undefined : list[i % list.length]);
const projectOf = (key: string) => key.slice(0, key.lastIndexOf('-'));

/** The admin change an op stands for on the site as it is now; null when it has nothing to act on. */
function changeFor(op: Op, issues: readonly RawIssue[]): SiteChange | null {
  const epics = epicsOf(issues);
  const work = issues.filter((i) => i.fields.issuetype?.name !== 'Epic' && i.fields.issuetype?.subtask !== true);
  const one = op.kind === 'create' ? undefined : at(issues, op.pick);
  switch (op.kind) {
    case 'transition':
      return one ? { kind: 'transition', key: one.key, status: STATUSES[op.status]!.name } : null;
    case 'flag':
      return one ? { kind: 'flag', key: one.key, flagged: op.flagged } : null;
    case 'points':
      return one ? { kind: 'set-points', key: one.key, points: op.points } : null;
    case 'link': {
      const other = at(issues, op.other);
      return one && other && other.key !== one.key ? { kind: 'link', key: one.key, to: other.key, type: 'Blocks' } : null;
    }
    case 'unlink': {
      const linked = at(issues.filter((i) => i.fields.issuelinks?.some((l) => l.outwardIssue)), op.pick);
      const to = linked?.fields.issuelinks?.find((l) => l.outwardIssue)?.outwardIssue?.key;
      return linked && to ? { kind: 'unlink', key: linked.key, to } : null;
    }
    case 'create': {
      const epic = op.epic === null ? undefined : at(epics, op.epic);
      // An issue under no epic goes to a project the generated site has (its epics' projects always exist).
      return { kind: 'create', project: projectOf(epic ?? epics[0]!), parent: epic ?? null, status: STATUSES[op.status]!.name, points: op.points };
    }
    case 'move': {
      const issue = at(work, op.pick);
      return issue ? { kind: 'move', key: issue.key, parent: op.epic === null ? null : (at(epics, op.epic) ?? null) } : null;
    }
    case 'delete':
      return one ? { kind: 'delete', key: one.key } : null;
  }
}

function epicsOf(issues: readonly RawIssue[]): string[] {
  return issues.filter((i) => i.fields.issuetype?.name === 'Epic').map((i) => i.key);
}

/** Child number `n` (in key order) of epic number `epic` of the site. */
function childOf(issues: readonly RawIssue[], epic: number, n: number): RawIssue {
  const key = epicsOf(issues)[epic];
  const child = issues.filter((i) => i.fields.parent?.key === key && i.fields.issuetype?.subtask !== true)[n];
  if (!child) throw new Error(`the site has no child ${n} under ${key}`);
  return child;
}

const isFlagged = (raw: RawIssue) => Array.isArray((raw.fields as Record<string, unknown>)[fieldIds.flaggedField!]);

/** Forge's documented minimum: summary, status without its category, created, updated. */
function sparse(event: { issue: { fields: Record<string, unknown> } } & Record<string, unknown>): unknown {
  const f = event.issue.fields;
  const status = f.status as { id?: string; name: string } | undefined;
  return { ...event, issue: { ...event.issue, fields: { summary: f.summary, ...(status ? { status: { id: status.id, name: status.name } } : {}), created: f.created, updated: f.updated } } };
}

interface EventRun {
  metrics: EpicMetrics;
  fetches: number;
  eventCalls: number;
  /** Created events whose fields carry no parent: Jira leaves `parent` out, so core cannot tell it from a sparse event. */
  orphanCreations: number;
  /** Fetches for events that neither create an issue nor move it (their changelog has no parent item). */
  otherFetches: number;
  fresh: EpicMetrics;
  initial: EpicMetrics['epics'];
  /** The admin changes made and the outcome of each event, in order: `applied`, `ignored` or `fetch`. */
  changes: SiteChange[];
  outcomes: string[];
}

/** A change to make, chosen on the site as it is when its turn comes; null to skip. */
type Step = (issues: readonly RawIssue[]) => SiteChange | null;

async function runEvents(seed: number, steps: readonly Step[], sparseEvents: boolean): Promise<EventRun> {
  const site = generateSite({ epics: 4, children: 24, noise: 12, seed });
  const emulator = await startJiraEmulator({ site, auth: credentials });
  const hook = await listenForWebhooks();
  try {
    const authorization = basicAuth(credentials.email, credentials.token);
    expect((await call(emulator.url, 'POST', '/_emulator/webhooks', { body: { url: hook.url }, authorization })).status).toBe(201);
    const client: JiraClient = createJiraClient({ baseUrl: emulator.url, auth: { kind: 'basic', ...credentials } });
    const allEpics = [...site.issues()].filter((i) => i.fields.issuetype?.name === 'Epic').map((i) => i.key);
    const tracked = allEpics.slice(0, -1); // the last epic stays untracked: issues move in and out of it
    const plan = planReconcile({ krs: [{ id: 'kr', epics: tracked }], ...fieldIds, mode: 'full' });
    let metrics = applyReconcile(emptyMetrics(), (await readReconcilePlan(client, plan, fieldIds)).pages, 'full').metrics;

    const initial = metrics.epics;
    const before = client.stats().totalCalls;
    let fetches = 0;
    let orphanCreations = 0;
    let otherFetches = 0;
    const changes: SiteChange[] = [];
    const outcomes: string[] = [];
    for (const step of steps) {
      const change = step([...site.issues()]);
      if (change === null) continue;
      changes.push(change);
      const res = await call(emulator.url, 'POST', '/_emulator/changes', { body: change, authorization });
      expect(res.status).toBe(200);
      const count = (res.body as { events: unknown[] }).events.length;
      const seen = hook.received.length;
      for (const json of (await hook.waitFor(seen + count)).slice(seen) as Parameters<typeof sparse>[0][]) {
        if (json.eventType === 'avi:jira:created:issue' && !Object.hasOwn(json.issue.fields, 'parent')) orphanCreations += 1;
        const parsed = parseForgeIssueEvent(sparseEvents ? sparse(json) : json);
        if (parsed.kind === 'invalid') throw new Error(parsed.message);
        const outcome = applyIssueEvent(metrics, parsed.event, fieldIds);
        outcomes.push(`${outcome.kind} ${parsed.event.issue.key}`);
        if (outcome.kind === 'applied') metrics = outcome.metrics;
        if (outcome.kind !== 'fetch') continue;
        fetches += 1;
        const places = json.eventType === 'avi:jira:created:issue' || ((json.changelog as { items?: { fieldId?: string }[] } | undefined)?.items ?? []).some((i) => i.fieldId === 'parent');
        if (!places) otherFetches += 1;
        const [raw] = await client.fetchIssues([outcome.key], FIELDS);
        const answer = applyFetchedIssue(metrics, outcome.key, raw ? normalizeIssue(raw, fieldIds) : null);
        if (answer.kind === 'applied') metrics = answer.metrics;
      }
    }
    const eventCalls = client.stats().totalCalls - before;

    const projects = [...new Set([...site.issues()].map((i) => projectOf(i.key)))].join(', ');
    const everything = await createJiraClient({ baseUrl: emulator.url, auth: { kind: 'basic', ...credentials } }).searchAll({ jql: `project in (${projects})`, fields: FIELDS });
    expect(everything).toHaveLength(site.size);
    const fresh = buildEpicMetrics(tracked, everything.map((raw) => normalizeIssue(raw, fieldIds)));
    return { metrics, fetches, eventCalls, orphanCreations, otherFetches, fresh, initial, changes, outcomes };
  } finally {
    await hook.close();
    await emulator.stop();
  }
}

describe('epic metrics kept by the emulator\'s Forge events', () => {
  it('equal a fresh full read after any sequence of admin changes, calling Jira only to answer a fetch', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(10_000), fc.array(opArbitrary, { minLength: 1, maxLength: 12 }), fc.boolean(), async (seed, ops, sparseEvents) => {
        const run = await runEvents(seed, ops.map((op) => (issues: readonly RawIssue[]) => changeFor(op, issues)), sparseEvents);
        expect(run.metrics.epics).toEqual(run.fresh.epics);
        for (const [status, category] of Object.entries(run.metrics.statusCategories)) {
          expect(STATUSES.find((s) => s.name === status)?.statusCategory.key).toBe(category);
        }
        // Every Jira call of the event path is the one bulk fetch of a `fetch` outcome.
        expect(run.eventCalls).toBe(run.fetches);
        // Documented events need Jira only to place an issue: a creation (its event does not name the
        // parent) or a move into a tracked epic of an issue not stored yet (its event lacks the facts).
        if (!sparseEvents) expect(run.otherFetches).toBe(0);
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it('make no Jira call for events that carry their change, and one fetch for a created child (its event does not name the parent)', async () => {
    const steps: Step[] = [
      (issues) => ({ kind: 'transition', key: childOf(issues, 0, 0).key, status: childOf(issues, 0, 0).fields.status.name === 'Done' ? 'In Progress' : 'Done' }),
      (issues) => ({ kind: 'flag', key: childOf(issues, 0, 1).key, flagged: !isFlagged(childOf(issues, 0, 1)) }),
      (issues) => ({ kind: 'set-points', key: childOf(issues, 1, 0).key, points: 21 }),
      (issues) => ({ kind: 'link', key: childOf(issues, 2, 0).key, to: childOf(issues, 1, 0).key, type: 'Blocks' }),
      (issues) => ({ kind: 'create', project: projectOf(epicsOf(issues)[0]!), parent: epicsOf(issues)[0]!, status: 'In Review', points: 3 }),
      (issues) => ({ kind: 'move', key: childOf(issues, 1, 1).key, parent: epicsOf(issues)[2]! }),
      (issues) => ({ kind: 'move', key: childOf(issues, 0, 2).key, parent: epicsOf(issues)[3]! }),
      (issues) => ({ kind: 'delete', key: childOf(issues, 2, 1).key }),
    ];
    const run = await runEvents(7, steps, false);
    // Tracked: ENG-1, MKT-1, WEB-1; ENG-2 is not. The link's outward side (SEC-1 blocks) changes nothing core keeps.
    expect(run.changes.map((c) => `${c.kind} ${'key' in c ? c.key : c.parent}`)).toEqual([
      'transition ENG-4', 'flag ENG-10', 'set-points MKT-2', 'link SEC-1', 'create ENG-1', 'move MKT-3', 'move ENG-11', 'delete WEB-2',
    ]);
    expect(run.outcomes).toEqual([
      'applied ENG-4', 'applied ENG-10', 'applied MKT-2', 'ignored SEC-1', 'applied MKT-2', 'fetch ENG-14', 'applied MKT-3', 'applied ENG-11', 'applied WEB-2',
    ]);
    expect(run.eventCalls).toBe(1);
    expect(run.metrics.epics).toEqual(run.fresh.epics);
    expect(run.fresh.epics).not.toEqual(run.initial);
  });

  it('fetch a created issue outside any epic once: Jira leaves `parent` out of its fields', async () => {
    const run = await runEvents(7, [() => ({ kind: 'create', project: 'SUP', parent: null, status: 'To Do', points: 2 })], false);
    expect(run.orphanCreations).toBe(1);
    expect(run.outcomes).toEqual(['fetch SUP-4']);
    expect(run.eventCalls).toBe(1);
    expect(run.metrics.epics).toEqual(run.fresh.epics);
  });

  it('fetch the issue through the client when events are sparse, and still converge', async () => {
    const steps: Step[] = [
      (issues) => ({ kind: 'create', project: projectOf(epicsOf(issues)[0]!), parent: epicsOf(issues)[0]!, status: 'In Review', points: 5 }),
      (issues) => ({ kind: 'transition', key: childOf(issues, 1, 0).key, status: 'Blocked' }),
      (issues) => ({ kind: 'set-points', key: childOf(issues, 1, 0).key, points: 21 }),
    ];
    const run = await runEvents(7, steps, true);
    // A sparse creation lacks the parent, points and links; a changelog naming a status whose category was learned is enough.
    expect(run.outcomes).toEqual(['fetch ENG-14', 'applied MKT-2', 'applied MKT-2']);
    expect(run.fetches).toBe(1);
    expect(run.eventCalls).toBe(1);
    expect(run.metrics.epics).toEqual(run.fresh.epics);
  });
});
