/** The line every live run ends with: what reading Jira cost. */
import type { JiraClientStats } from '../jira-client';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `Jira: 512 calls, 508 pages read, 2 retries (1.5 s waited)`, with a newline. */
export function formatJiraStatsLine(stats: JiraClientStats): string {
  const waited = Number((stats.totalWaitMs / 1000).toFixed(1));
  return `Jira: ${plural(stats.totalCalls, 'call', 'calls')}, ${plural(stats.pagesRead, 'page', 'pages')} read, ${plural(stats.retries, 'retry', 'retries')} (${waited} s waited)\n`;
}
