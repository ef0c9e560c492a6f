/**
 * Where issues come from: a Jira Cloud site over HTTP, Forge's `requestJira`, or the local
 * emulator. The shapes are core's own (`RawIssue` follows the REST v3 issue shape), so no
 * vendor SDK type leaks into core.
 */
import type { RawIssue } from '../model/issue';

export interface IssueSearch {
  /** A bounded JQL query. */
  readonly jql: string;
  /** Field ids to return; core asks only for what it needs. */
  readonly fields: readonly string[];
  readonly pageToken?: string;
  readonly maxResults?: number;
}

export interface IssuePage {
  readonly issues: readonly RawIssue[];
  /** Null on the last page. */
  readonly nextPageToken: string | null;
}

export interface JiraFieldInfo {
  readonly id: string;
  readonly name: string;
  readonly custom: boolean;
}

export interface IssueSource {
  search(query: IssueSearch): Promise<IssuePage>;
  /** Jira's approximate count of the issues a bounded JQL matches. */
  approximateCount(jql: string): Promise<number>;
  /** Issues by key or id, in one or more bulk requests; missing ones are left out. */
  fetchIssues(keysOrIds: readonly string[], fields: readonly string[]): Promise<readonly RawIssue[]>;
  listFields(): Promise<readonly JiraFieldInfo[]>;
}
