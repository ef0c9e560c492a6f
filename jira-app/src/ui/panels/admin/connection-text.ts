/** The Teams connection's state, in a sentence for the settings page. */
import type { SettingsView } from '../../../contract';

/** The status line of `teams`. */
export function describeConnection(teams: SettingsView['teams']): string {
  switch (teams.status) {
    case 'not-connected':
      return 'Not connected. Create a one-time code and paste it into the Teams service to connect.';
    case 'pending':
      return `A code was created and not used yet; it expires at ${teams.expiresAt}.`;
    case 'connected':
      return `Connected to ${teams.eventsHost} (tenant ${teams.tenantId}) since ${teams.connectedAt}.`;
  }
}
