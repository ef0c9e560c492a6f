/**
 * Leaving the panel: Jira builds the address of an issue (`router.navigate` with a target),
 * so links work whatever site the app is installed on; other addresses open in a new tab.
 */
import { router } from '@forge/bridge';

/** Opens issue `key` in Jira, in the same tab as Jira's own links do. */
export function openIssue(key: string): void {
  void router.navigate({ target: 'issue', issueKey: key });
}

/** Opens an absolute address in a new tab (Jira asks the user first for other sites). */
export function openUrl(url: string): void {
  void router.open(url);
}
