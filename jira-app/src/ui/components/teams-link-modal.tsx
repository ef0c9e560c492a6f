/**
 * "Link Microsoft Teams": a one-time code the signed-in user sends to the OKR bot in a personal
 * chat, so that their check-ins from Teams count as their Jira account's (Jira keeps most
 * people's email from apps, so Teams cannot tell who they are by email). Each opening asks
 * for a fresh code; a site not connected to Teams gets the reason instead.
 */
import Button from '@atlaskit/button/default/button';
import ModalDialog, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import { Box, Stack, Text } from '@atlaskit/primitives/compiled';
import { useResolver } from '../api/use-resolver';
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

function LinkBody() {
  const { remote, reload } = useResolver('createTeamsLinkCode', {});
  return (
    <RemoteView remote={remote} what="a link code" onRetry={reload}>
      {(data) => <LinkCode code={data.code} minutes={data.validForMinutes} />}
    </RemoteView>
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
