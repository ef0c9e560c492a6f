/**
 * The bench:sync site: the emulator in this process serving a generated site, on a clock that
 * starts an hour after the generated dates (so an incremental window holds only the bench's
 * own changes), with basic auth; an org whose jira key results cover every epic; a webhook
 * listener that keeps the Forge events of the admin changes.
 */
import { validateOrg } from '@okr-bridge/core';
import type { Org, OrgInput } from '@okr-bridge/core';
import { generateSite, startJiraEmulator, type GenerateOptions, type JiraEmulator, type Site } from '../dev/jira-emulator';
import { listenForWebhooks, type WebhookListener } from '../dev/jira-emulator/testing';
import { createJiraClient, type JiraClient } from '../cli/src/jira-client';

export const credentials = { email: 'bench@example.com', token: 'bench-sync-token' };
const GENERATED_AT = Date.parse('2026-03-02T12:00:00.000Z');

export interface BenchSite {
  readonly site: Site;
  readonly emulator: JiraEmulator;
  readonly hook: WebhookListener;
  readonly org: Org;
  readonly epics: readonly string[];
  /** The emulator's clock now, as an ISO instant. */
  now(): string;
  /** A client with its own call counts. */
  client(): JiraClient;
  stop(): Promise<void>;
}

/** One department per generated project, its epics in key results of 20, four key results an objective. */
export function buildCoveringOrg(epics: readonly string[]): Org {
  const byProject = new Map<string, string[]>();
  for (const key of epics) {
    const project = key.slice(0, key.lastIndexOf('-'));
    byProject.set(project, [...(byProject.get(project) ?? []), key]);
  }
  const measures = ['issues', 'points', 'weighted'] as const;
  const objectives: NonNullable<OrgInput['objectives']> = [];
  let n = 0;
  for (const [project, keys] of byProject) {
    const krs = [];
    for (let i = 0; i < keys.length; i += 20) {
      n += 1;
      krs.push({ id: `kr-${n}`, kind: 'jira' as const, title: `Deliver ${project} epics ${i + 1}–${Math.min(i + 20, keys.length)}`, epics: keys.slice(i, i + 20), measure: measures[n % 3]! });
    }
    for (let i = 0; i < krs.length; i += 4) {
      objectives.push({ id: `${project.toLowerCase()}-o${i / 4 + 1}`, title: `${project} objective ${i / 4 + 1}`, department: project.toLowerCase(), keyResults: krs.slice(i, i + 4) });
    }
  }
  return validateOrg({
    version: 1,
    cycle: { id: '2026-Q1', start: '2026-01-01', end: '2026-03-31' },
    company: { id: 'bench', name: 'Bench Co' },
    departments: [...byProject.keys()].map((p) => ({ id: p.toLowerCase(), name: p, jiraProjects: [p] })),
    objectives,
    jira: { storyPointsField: 'customfield_10016', flaggedField: 'customfield_10021' },
  });
}

/** Generates the site, starts the emulator and the webhook listener, and registers it. */
export async function startBenchSite(options: GenerateOptions): Promise<BenchSite> {
  const site = generateSite(options);
  const started = Date.now();
  const now = () => new Date(GENERATED_AT + 3_600_000 + (Date.now() - started)).toISOString();
  const emulator = await startJiraEmulator({ site, auth: credentials, now });
  const hook = await listenForWebhooks();
  const res = await fetch(`${emulator.url}/_emulator/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`${credentials.email}:${credentials.token}`).toString('base64')}` },
    body: JSON.stringify({ url: hook.url }),
  });
  if (res.status !== 201) throw new Error(`registering the webhook answered ${res.status}`);
  const epics = [...site.issues()].filter((i) => i.fields.issuetype?.name === 'Epic').map((i) => i.key);
  return {
    site,
    emulator,
    hook,
    org: buildCoveringOrg(epics),
    epics,
    now,
    client: () => createJiraClient({ baseUrl: emulator.url, auth: { kind: 'basic', ...credentials } }),
    async stop() {
      await emulator.stop();
      await hook.close();
    },
  };
}
