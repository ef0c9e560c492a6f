/** The banner that says the tab runs outside Teams. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export function LocalBanner({ reason }: { reason: string }) {
  return (
    <MessageBar intent="warning" role="region" aria-label="Local mode">
      <MessageBarBody>
        <MessageBarTitle>Local mode</MessageBarTitle>
        {reason} Data comes through the local dev token, which only a service started in local dev mode accepts.
      </MessageBarBody>
    </MessageBar>
  );
}
