/**
 * Issue events from the Jira emulator (Forge-shaped `avi:jira:*:issue` bodies) handed to the
 * app's issue trigger, one at a time, as Forge would invoke it; what the trigger decided is
 * logged and its cost recorded with the other backend calls.
 */
import type { HostBackend } from './backend';

/** Runs the trigger on `body`; never rejects (a throw is logged and recorded as a failed call). */
export async function deliverIssueEvent(backend: HostBackend, body: unknown, log: (message: string) => void): Promise<void> {
  const type = typeof body === 'object' && body !== null ? String((body as { eventType?: unknown }).eventType ?? 'event') : 'event';
  try {
    const report = (await backend.serialize('event', type, () => backend.issueEvent(body), (r) => (r as { kind?: string } | undefined)?.kind === 'applied')) as { kind?: string; reason?: string } | undefined;
    if (report?.kind === 'ignored') log(`${type}: ignored (${report.reason})`);
  } catch (e) {
    log(`the issue trigger failed on ${type}: ${(e as Error).message}`);
  }
}
