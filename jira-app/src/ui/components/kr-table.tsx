/** The key results of one objective: progress, status, the value behind it and what the reader may do. */
import type { ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import Tooltip from '@atlaskit/tooltip';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { KrView } from '@okr-bridge/core';
import { IssueLinks } from './issue-link';
import { ProgressLine } from './progress';
import { DependencyLozenge, StatusLozenge } from './status';

const KIND_LABELS: Readonly<Record<KrView['kind'], string>> = { metric: 'Metric', milestone: 'Milestone', jira: 'Jira', rollup: 'Roll-up' };

export interface KrActions {
  readonly onExplain: (kr: KrView) => void;
  /** Absent when the reader may not check in or edit. */
  readonly onCheckIn?: (kr: KrView) => void;
  readonly onEdit?: (kr: KrView) => void;
}

/**
 * Whether the key result form can edit `kr` whole: a jira key result without epics selects its
 * issues by JQL, which the view does not carry (and `updateKr` replaces the key result), so it
 * is edited in the org file.
 */
export function isFormEditable(kr: KrView): boolean {
  return !(kr.kind === 'jira' && kr.epics.length === 0);
}

const HEAD = {
  cells: [
    { key: 'kr', content: 'Key result' },
    { key: 'progress', content: 'Progress' },
    { key: 'status', content: 'Status' },
    { key: 'value', content: 'Value' },
    { key: 'actions', content: 'Actions' },
  ],
};

function Title({ kr }: { readonly kr: KrView }) {
  return (
    <Stack space="space.050">
      <Text weight="semibold">{kr.title}</Text>
      <Text size="small" color="color.text.subtle">
        {KIND_LABELS[kr.kind]}
        {kr.weight !== 1 ? ` · weight ${kr.weight}` : ''} · {kr.owner ?? 'no owner'}
      </Text>
      {kr.epics.length > 0 && (
        <Text size="small">
          Epics: <IssueLinks links={kr.epics} />
        </Text>
      )}
    </Stack>
  );
}

export interface KrTableProps {
  readonly keyResults: readonly KrView[];
  /** Names the table for screen readers. */
  readonly label: string;
  readonly actions: KrActions;
  /** Drawn beside each progress bar (the key result's progress over the cycle), when given. */
  readonly sparkline?: (kr: KrView) => ReactNode;
}

/** One row per key result. */
export function KrTable({ keyResults, label, actions, sparkline }: KrTableProps) {
  const rows = keyResults.map((kr) => ({
    key: kr.id,
    testId: `kr-row-${kr.id}`,
    cells: [
      { key: 'kr', content: <Title kr={kr} /> },
      {
        key: 'progress',
        content: (
          <Inline space="space.100" alignBlock="center">
            <ProgressLine progress={kr.progress} label={kr.progressLabel} name={kr.title} width={120} />
            {sparkline?.(kr)}
          </Inline>
        ),
      },
      {
        key: 'status',
        content: (
          <Inline space="space.050" shouldWrap>
            <StatusLozenge status={kr.status} label={kr.statusLabel} />
            {kr.dependencyState && kr.dependencyState !== 'done' && kr.dependencyState !== 'open' && (
              <Tooltip content="A dependency this key result waits on">
                <DependencyLozenge state={kr.dependencyState} label={`Dependency ${kr.dependencyState}`} />
              </Tooltip>
            )}
          </Inline>
        ),
      },
      { key: 'value', content: <Text size="small">{kr.valueLabel}</Text> },
      {
        key: 'actions',
        content: (
          <Inline space="space.050" shouldWrap>
            <Button spacing="compact" onClick={() => actions.onExplain(kr)} aria-label={`Explain ${kr.title}`}>
              Explain
            </Button>
            {actions.onCheckIn && kr.checkInAllowed && (
              <Button spacing="compact" onClick={() => actions.onCheckIn?.(kr)} aria-label={`Check in on ${kr.title}`}>
                Check in
              </Button>
            )}
            {actions.onEdit && isFormEditable(kr) && (
              <Button spacing="compact" appearance="subtle" onClick={() => actions.onEdit?.(kr)} aria-label={`Edit ${kr.title}`}>
                Edit
              </Button>
            )}
          </Inline>
        ),
      },
    ],
  }));
  return <DynamicTable head={HEAD} rows={rows} label={label} emptyView={<Text>No key results yet.</Text>} />;
}
