/**
 * What the live forms of the commands share (`okr report --jira`, `okr snapshot`): the
 * options, credentials, the Jira client, the story points field lookup, the progress bar,
 * the mapping of Jira failures to exit code 2, and the statistics line every run ends with.
 */
import { accountIdsOf, indexPeople, ownerEmailsOf, ownersNamedIn, type OwnerPerson, type Org, type PeopleIndex } from '@okr-bridge/core';
import { createJiraClient, isJiraRequestError, type JiraClient, type JiraClientOptions } from '../jira-client';
import type { CliIo } from '../io';
import { resolveJiraAuth, type CredentialOptions, type Env } from './credentials';
import { syncOrgFromJira, type LiveSync } from './live-sync';
import { createProgressBar } from './progress-bar';
import { formatJiraStatsLine } from './stats-line';

export const liveOptions = {
  jira: { type: 'string' },
  email: { type: 'string' },
  token: { type: 'string' },
  bearer: { type: 'string' },
} as const;

export const LIVE_USAGE_OPTIONS = '--jira URL [--email E --token T | --bearer TOKEN]';

/** The CLI's outside world plus what live commands need; the entry point fills `env` and `clock`. */
export interface LiveIo extends CliIo {
  readonly env?: Env;
  /** Milliseconds from any origin, for the progress bar's redraw rate. */
  readonly clock?: () => number;
  /** Client settings tests override (no real waits between retries). */
  readonly jiraClient?: Partial<Omit<JiraClientOptions, 'baseUrl' | 'auth'>>;
}

export interface LiveValues extends CredentialOptions {
  readonly jira: string;
}

function measuresPoints(org: Org): boolean {
  return org.objectives.some((o) => o.keyResults.some((kr) => kr.kind === 'jira' && kr.measure === 'points'));
}

/** The org with its story points field found by name on the site when the file does not give one and a key result needs it. */
async function withStoryPointsField(org: Org, client: JiraClient, io: CliIo, command: string): Promise<Org> {
  if (org.jira.storyPointsField !== undefined || !measuresPoints(org)) return org;
  const found = await client.findStoryPointsField();
  if (found.kind === 'not-found') {
    io.stderr(`okr ${command}: no "Story Points" or "Story point estimate" number field on this site; points key results count no points (set jira.storyPointsField in the org file)\n`);
    return org;
  }
  const { id, name } = found.field;
  io.stderr(`okr ${command}: story points read from ${id} ("${name}"); set jira.storyPointsField: ${id} in the org file to skip this lookup\n`);
  return { ...org, jira: { ...org.jira, storyPointsField: id } };
}

/** Owners written as emails looked up in one run (one user search each); the rest print as written. */
export const MAX_EMAIL_LOOKUPS = 100;

/**
 * The people the org's owners name: those stored as account ids in one `user/bulk` call per
 * 100, those written as emails by one user search each (the person whose `emailAddress` Jira
 * shows is that address; Jira leaves out an email its owner hides, so such an owner prints as
 * written). Names are a courtesy: when Jira will not say, the report prints the owners as the
 * file holds them, and says why on stderr.
 */
async function ownersOf(org: Org, client: JiraClient, io: CliIo, command: string): Promise<PeopleIndex> {
  const owners = ownersNamedIn(org);
  const ids = accountIdsOf(owners);
  const emails = ownerEmailsOf(owners);
  if (ids.length === 0 && emails.length === 0) return new Map();
  const people: OwnerPerson[] = [];
  try {
    if (ids.length > 0) people.push(...(await client.findPeople(ids)).map((p) => ({ id: p.accountId, displayName: p.displayName })));
    for (const email of emails.slice(0, MAX_EMAIL_LOOKUPS)) {
      const match = (await client.searchPeople(email, 10)).find((p) => p.active && p.email === email.toLowerCase());
      if (match) people.push({ id: email, displayName: match.displayName });
    }
    if (emails.length > MAX_EMAIL_LOOKUPS) io.stderr(`okr ${command}: ${emails.length - MAX_EMAIL_LOOKUPS} owners' emails not looked up (at most ${MAX_EMAIL_LOOKUPS} a run); they are printed as the file holds them\n`);
    return indexPeople(people);
  } catch (e) {
    if (!isJiraRequestError(e)) throw e;
    io.stderr(`okr ${command}: owners' names not read (${e.message}); owners are printed as the file holds them\n`);
    return new Map();
  }
}

/**
 * Reads `org`'s issues from the site `values.jira` and passes them to `use`, which prints;
 * with `names`, also the names of the owners (account ids, and emails Jira shows on a person).
 * On a terminal a progress bar is drawn on stderr meanwhile. A Jira failure (wrong
 * credentials, a refused JQL, an unreachable site…) is printed as `okr COMMAND: cannot read
 * Jira at URL: …` with exit code 2. Once the client exists, every run ends with the
 * statistics line, success or not.
 */
export async function runLive(command: string, org: Org, values: LiveValues, io: LiveIo, use: (sync: LiveSync, org: Org, people: PeopleIndex) => void, names = false): Promise<number> {
  const auth = resolveJiraAuth(values, io.env ?? {}, values.jira);
  const client = createJiraClient({ ...io.jiraClient, baseUrl: values.jira, auth });
  const progress = createProgressBar({ write: io.stderr, isTTY: io.isTTY, clock: io.clock ?? (() => performance.now()) });
  let sync: LiveSync;
  let read: Org;
  let people: PeopleIndex = new Map();
  try {
    read = await withStoryPointsField(org, client, io, command);
    // Off a terminal nothing is drawn, so the approximate counts are not worth their calls.
    sync = await syncOrgFromJira(read, client, io.isTTY ? { progress } : {});
    if (names) people = await ownersOf(read, client, io, command);
  } catch (e) {
    if (!isJiraRequestError(e)) throw e;
    progress.finish();
    io.stderr(`okr ${command}: cannot read Jira at ${values.jira}: ${e.message}\n`);
    io.stderr(formatJiraStatsLine(client.stats()));
    return 2;
  } finally {
    progress.finish();
  }
  try {
    use(sync, read, people);
  } finally {
    io.stderr(formatJiraStatsLine(client.stats()));
  }
  return 0;
}
