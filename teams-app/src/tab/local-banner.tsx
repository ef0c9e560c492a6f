/** The banner that says the tab runs outside Teams. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';

// Apart from the heading under it, as the header is from the tabs.
const useStyles = makeStyles({ banner: { marginBottom: tokens.spacingVerticalM } });

export function LocalBanner({ reason }: { reason: string }) {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" role="region" aria-label="Local mode" className={styles.banner}>
      <MessageBarBody>
        <MessageBarTitle>Local mode</MessageBarTitle>
        {reason} Data comes through the local dev token, which only a service started in local dev mode accepts.
      </MessageBarBody>
    </MessageBar>
  );
}
