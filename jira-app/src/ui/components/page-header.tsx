/** The heading of a full page: its name, status, progress against the expected line, and actions. */
import { useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { Status } from '@okr-bridge/core';
import { Deferred, TeamsLinkModal } from './deferred';
import { ProgressLine } from './progress';
import { StatusLozenge } from './status';
import { UpdatedAgo } from './updated-ago';

export interface PageHeaderProps {
  readonly name: string;
  readonly status: Status;
  readonly statusLabel: string;
  readonly progress: number;
  readonly progressLabel: string;
  /** The line beside the progress bar: expected progress and other facts. */
  readonly detail: string;
  /** Controls on the right: the cycle switcher, buttons. */
  readonly children: ReactNode;
  /** When the live view was last loaded (ms): shown as a quiet "Updated … ago". */
  readonly updatedAt?: number;
}

export function PageHeader({ name, status, statusLabel, progress, progressLabel, detail, children, updatedAt }: PageHeaderProps) {
  return (
    <Inline spread="space-between" alignBlock="end" shouldWrap space="space.200">
      <Stack space="space.075">
        <Heading size="large" as="h1">
          {name} OKRs
        </Heading>
        <Inline space="space.150" alignBlock="center" shouldWrap>
          <StatusLozenge status={status} label={statusLabel} />
          <ProgressLine progress={progress} label={progressLabel} name={`${name} progress`} width={200} />
          <Text size="small" color="color.text.subtle">
            {detail}
          </Text>
          {updatedAt !== undefined && <UpdatedAgo at={updatedAt} />}
        </Inline>
      </Stack>
      <Inline space="space.150" alignBlock="end">
        {children}
        <TeamsLinkButton />
      </Inline>
    </Inline>
  );
}

/** "Link Microsoft Teams", beside the page's own actions: opens the link-code dialog (loaded when first opened). */
function TeamsLinkButton() {
  const [open, setOpen] = useState(false);
  // Mounted from the first opening on, so that closing plays the dialog's exit transition.
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        appearance="subtle"
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
      >
        Link Microsoft Teams
      </Button>
      {opened && (
        <Deferred>
          <TeamsLinkModal open={open} onClose={() => setOpen(false)} />
        </Deferred>
      )}
    </>
  );
}
