/**
 * "Link Microsoft Teams": a one-time code the signed-in user sends to the OKR bot in a personal
 * chat, so that their check-ins from Teams count as their Jira account's (Jira keeps most
 * people's email from apps, so Teams cannot tell who they are by email). Each opening asks
 * for a fresh code; a site not connected to Teams gets the reason instead.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import ModalDialog, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { TeamsLinks } from '../../contract-results';
import { invokeResolver } from '../api/invoke';
import { useResolver } from '../api/use-resolver';
import { useDates } from '../api/viewer';
import { RemoteView } from './load-state';

function LinkCode({ code, minutes }: { readonly code: string; readonly minutes: number }) {
  return (
    <Stack space="space.200">
      <Text>Send this message to the OKR bot in a personal chat in Microsoft Teams:</Text>
      <Box padding="space.150" backgroundColor="color.background.neutral" style={{ borderRadius: 3 }}>
        <Text size="large" weight="bold" testId="teams-link-code">
          <code>link {code}</code>
        </Text>
      </Box>
      <Text>
        It works once, for {minutes} minutes. Keep it to yourself: whoever sends it first is linked to your Jira account. Once linked, your check-ins from Teams count as yours, and
        linking again replaces the earlier link.
      </Text>
    </Stack>
  );
}

/** The Teams accounts linked to the viewer's Jira account, each with Unlink (someone who used a leaked code is undone here). */
function LinkedAccounts() {
  const { day } = useDates();
  const { remote, reload } = useResolver('getTeamsLinks', {});
  const [changed, setChanged] = useState<TeamsLinks | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const unlink = async (aadObjectId: string) => {
    const res = await invokeResolver('unlinkTeams', { aadObjectId });
    if (res.ok) setChanged(res.data);
    setProblem(res.ok ? null : `Not unlinked: ${res.error.message}`);
  };
  return (
    <Stack space="space.100">
      <Heading size="xsmall" as="h3">
        Teams accounts linked to you
      </Heading>
      <RemoteView remote={remote} what="your linked Teams accounts" onRetry={reload}>
        {(data) => {
          const links = (changed ?? data).links;
          if (links.length === 0) return <Text color="color.text.subtle">None yet.</Text>;
          return (
            <Stack space="space.050" testId="teams-links">
              {links.map((l) => (
                <Inline key={l.aadObjectId} space="space.100" alignBlock="center" spread="space-between">
                  <Text>
                    {l.name} · linked {day(l.linkedAt)}
                  </Text>
                  <Button spacing="compact" onClick={() => void unlink(l.aadObjectId)} aria-label={`Unlink ${l.name}`}>
                    Unlink
                  </Button>
                </Inline>
              ))}
            </Stack>
          );
        }}
      </RemoteView>
      {problem && (
        <Text color="color.text.danger" role="alert">
          {problem}
        </Text>
      )}
    </Stack>
  );
}

function LinkBody() {
  const { remote, reload } = useResolver('createTeamsLinkCode', {});
  return (
    <Stack space="space.300">
      <RemoteView remote={remote} what="a link code" onRetry={reload}>
        {(data) => <LinkCode code={data.code} minutes={data.validForMinutes} />}
      </RemoteView>
      {remote.state === 'ready' && <LinkedAccounts />}
    </Stack>
  );
}

/** The dialog (closed unless `open`). */
export function TeamsLinkModal({ open, onClose }: { readonly open: boolean; readonly onClose: () => void }) {
  return (
    <ModalTransition>
      {open && (
        <ModalDialog onClose={onClose} width="medium" testId="teams-link-modal">
          <ModalHeader>
            <ModalTitle>Link Microsoft Teams</ModalTitle>
          </ModalHeader>
          <ModalBody>
            <LinkBody />
          </ModalBody>
          <ModalFooter>
            <Button appearance="primary" onClick={onClose} autoFocus>
              Done
            </Button>
          </ModalFooter>
        </ModalDialog>
      )}
    </ModalTransition>
  );
}
