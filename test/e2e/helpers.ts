/**
 * Helpers of the end-to-end suite: the stack `npm start` runs, started on free ports over a
 * temporary data folder; headless Chromium; polling with a deadline (never a fixed sleep for
 * something that can be waited for); screenshots under test/artifacts/e2e/; and the numbers
 * core computes for the same org and issues, which the pages must show.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildCompanyView, buildDepartmentView, evaluateOrg, parseIssueSnapshot, parseOrg, type CompanyView, type DepartmentView, type Org } from '@okr-bridge/core';
import { REPO_ROOT } from '../../dev/start/build';
import { startStack, type Stack, type StackOptions } from '../../dev/start/stack';

export const ARTIFACTS = join(REPO_ROOT, 'test', 'artifacts', 'e2e');
export const ACME_ORG = join(REPO_ROOT, 'examples', 'acme.yaml');
export const ACME_ISSUES = join(REPO_ROOT, 'examples', 'acme-issues.json');

export interface E2eStack {
  readonly stack: Stack;
  readonly dataDir: string;
  stop(): Promise<void>;
}

/** The `npm start` stack on free ports, a temporary data folder and panels built into it; no demo channels (the tests follow departments themselves). */
export async function startE2eStack(options: Partial<StackOptions> = {}): Promise<E2eStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'okr-e2e-'));
  const lines: string[] = [];
  const stack = await startStack({
    dataDir,
    ports: { page: 0, jira: 0, forge: 0, connector: 0, teams: 0 },
    orgFile: ACME_ORG,
    issuesFile: ACME_ISSUES,
    demoChannels: false,
    panelsDir: join(dataDir, 'panels'),
    teamsEnv: { OUTBOX_LEASE_MS: '1000' },
    forgeRetryDelayScale: 0.05,
    log: (line) => void lines.push(line),
    ...options,
  });
  return {
    stack,
    dataDir,
    async stop() {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves with `read()`'s value once `ok` holds for it; rejects after `timeoutMs` naming `what` and the last value. */
export async function poll<T>(what: string, read: () => Promise<T> | T, ok: (value: T) => boolean, timeoutMs = 10_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s; last seen ${JSON.stringify(last)?.slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

let shots = 0;
/** A screenshot (the full page unless told otherwise), numbered in the order taken: test/artifacts/e2e/NN-name.png. */
export async function shot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${String(++shots).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path, fullPage, animations: 'disabled' });
  return path;
}

/** The visible text of `testId`, whitespace collapsed. */
export async function textOf(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).innerText()).replace(/\s+/g, ' ').trim();
}

/** A change to the demo's org and issues, as the tests make them. */
export interface Scenario {
  /** Key results added: objective id → key results. */
  readonly addedKrs?: Readonly<Record<string, readonly Record<string, unknown>[]>>;
  /** Issue key → new status name and category. */
  readonly statuses?: Readonly<Record<string, { readonly name: string; readonly category: 'new' | 'indeterminate' | 'done' }>>;
  readonly checkIns?: readonly Record<string, unknown>[];
  /** Issues created in Jira by the tests: a story under `parent` (its status then follows `statuses`). */
  readonly addedIssues?: readonly { readonly key: string; readonly parent: string; readonly summary: string }[];
}

/** What core computes for the Acme example changed by `scenario`, at `at`: the views the panels show. */
export function expectedViews(scenario: Scenario, at: string): { org: Org; department(id: string): DepartmentView; company: CompanyView } {
  const org = parseOrg(readFileSync(ACME_ORG, 'utf8'), 'acme.yaml');
  const objectives = org.objectives.map((o) => ({ ...o, keyResults: [...o.keyResults, ...(scenario.addedKrs?.[o.id] ?? [])] }));
  // Through the org schema again, so what the tests add gets its defaults (weight 1, …) and is checked.
  const changed = parseOrg(JSON.stringify({ ...org, objectives, checkIns: [...org.checkIns, ...(scenario.checkIns ?? [])] }), 'acme.yaml (changed by the test)');
  const snapshot = JSON.parse(readFileSync(ACME_ISSUES, 'utf8')) as { issues: { id?: string; key: string; fields: Record<string, unknown> }[] };
  for (const added of scenario.addedIssues ?? []) {
    const parent = snapshot.issues.find((i) => i.key === added.parent);
    if (!parent) throw new Error(`no issue ${added.parent} in the snapshot`);
    snapshot.issues.push({
      id: `added-${added.key}`,
      key: added.key,
      fields: {
        summary: added.summary,
        issuetype: { name: 'Story', subtask: false, hierarchyLevel: 0 },
        project: parent.fields.project,
        parent: { id: parent.id, key: parent.key },
        status: { name: 'To Do', statusCategory: { key: 'new', name: 'To Do' } },
        issuelinks: [],
        duedate: null,
        created: at,
        updated: at,
        resolutiondate: null,
        assignee: null,
      },
    });
  }
  for (const issue of snapshot.issues) {
    const to = scenario.statuses?.[issue.key];
    if (to) issue.fields.status = { name: to.name, statusCategory: { key: to.category, name: to.name } };
  }
  const evaluation = evaluateOrg(changed, parseIssueSnapshot(snapshot, changed.jira), { at });
  return {
    org: changed,
    department: (id) => {
      const view = buildDepartmentView(changed, evaluation, id);
      if (!view) throw new Error(`no department ${id}`);
      return view;
    },
    company: buildCompanyView(changed, evaluation),
  };
}
