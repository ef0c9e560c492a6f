/** What a panel shows while it waits and when a call fails: a spinner, or what went wrong with a way to try again. */
import type { ReactNode } from 'react';
import Button from '@atlaskit/button/default/button';
import { Notice } from './notice';
import Spinner from '@atlaskit/spinner';
import { Box, Inline } from '@atlaskit/primitives/compiled';
import type { ResolverError } from '../../contract';
import { describeError } from '../api/errors';
import type { Remote } from '../api/use-resolver';

/** A centred spinner with a label for screen readers. */
export function Loading({ label }: { readonly label: string }) {
  return (
    <Box padding="space.400">
      <Inline alignInline="center">
        <Spinner size="large" label={label} />
      </Inline>
    </Box>
  );
}

/** A failed call: its message (with the fix where there is one) and, when given, a retry button. */
export function ErrorNotice({ title, error, onRetry }: { readonly title: string; readonly error: ResolverError; readonly onRetry?: () => void }) {
  return (
    <Notice appearance="error" title={title} testId="error-notice">
      <p>{describeError(error)}</p>
      {error.issues && error.issues.length > 0 && (
        <ul>
          {error.issues.map((i) => (
            <li key={`${i.where}:${i.message}`}>
              <code>{i.where}</code> {i.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <Button appearance="default" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Notice>
  );
}

/** Renders `remote`: a spinner, the error, or `children(data)`. */
export function RemoteView<T>({ remote, what, onRetry, children }: { readonly remote: Remote<T>; readonly what: string; readonly onRetry: () => void; readonly children: (data: T) => ReactNode }) {
  if (remote.state === 'loading') return <Loading label={`Loading ${what}`} />;
  if (remote.state === 'error') return <ErrorNotice title={`Could not load ${what}`} error={remote.error} onRetry={onRetry} />;
  return <>{children(remote.data)}</>;
}
