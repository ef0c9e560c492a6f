/**
 * The connection to a Teams service: its state, a one-time code to paste into the Teams
 * service (shown once, never again: the server keeps only what verifies it), disconnecting.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { Lozenge } from '../../components/lozenge';
import { Notice } from '../../components/notice';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { ConnectionCode, ResolverError, SettingsView } from '../../../contract';
import { callChecked } from '../../api/checked-call';
import { ErrorNotice } from '../../components/load-state';
import { describeConnection } from './connection-text';

/** The section; `onChanged` reloads the settings after a change. */
export function TeamsConnection({ settings, onChanged }: { readonly settings: SettingsView; readonly onChanged: () => void }) {
  const [code, setCode] = useState<ConnectionCode | null>(null);
  const [error, setError] = useState<ResolverError | null>(null);
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    const res = await callChecked('createConnectionCode', {});
    setBusy(false);
    setCode(res.ok ? res.data : null);
    setError(res.ok ? null : res.error);
  };
  const disconnect = async () => {
    const res = await callChecked('disconnectTeams', {});
    setError(res.ok ? null : res.error);
    setCode(null);
    if (res.ok) onChanged();
  };
  const { teams, sync } = settings;
  return (
    <Stack space="space.200">
      <Inline space="space.100" alignBlock="center">
        <Lozenge appearance={teams.status === 'connected' ? 'success' : teams.status === 'pending' ? 'moved' : 'default'}>{teams.status.replace('-', ' ')}</Lozenge>
        <Text testId="teams-status">{describeConnection(teams)}</Text>
      </Inline>
      {error && <ErrorNotice title="That did not work" error={error} />}
      {code && (
        <Notice appearance="warning" title="Copy this code now: it is shown only once" testId="connection-code">
          <p>
            <code style={{ wordBreak: 'break-all', userSelect: 'all' }}>{code.code}</code>
          </p>
          <p>It expires at {code.expiresAt}. In the Teams service, run its connect command with this code; it reaches this site at {code.webTriggerUrl}.</p>
        </Notice>
      )}
      <Inline space="space.100">
        <Button appearance="primary" onClick={() => void create()} isLoading={busy}>
          {teams.status === 'connected' ? 'Create a code to reconnect' : 'Create a one-time code'}
        </Button>
        {teams.status !== 'not-connected' && (
          <Button appearance="danger" onClick={() => void disconnect()}>
            Disconnect
          </Button>
        )}
      </Inline>
      <Text size="small" color="color.text.subtle">
        Last reconcile {sync.lastReconcile ?? 'never'} · last full sweep {sync.lastFullSweep ?? 'never'}
        {sync.lastDeliveryError ? ` · last delivery to Teams failed: ${sync.lastDeliveryError}` : ''}
      </Text>
    </Stack>
  );
}
