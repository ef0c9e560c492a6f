/** The key results of one objective: progress, status, the value behind it and what the reader may do. */
import type { ReactNode } from 'react';
import Button from '@atlaskit/button/default/button';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import type { KrView } from '@okr-bridge/core';
import { DEPENDENCY_STATE_LABELS } from '@okr-bridge/core/present';
import { IssueLinks } from './issue-link';
import { ProgressLine } from './progress';
import { DependencyLozenge, StatusLozenge } from './status';
import { OwnerName } from './people/owner-name';

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

function Title({ kr }: { readonly kr: KrView }) {
  return (
    <Stack space="space.050">
      <Text weight="semibold">{kr.title}</Text>
      <Text size="small" color="color.text.subtle">
        {KIND_LABELS[kr.kind]}
        {kr.weight !== 1 ? ` · weight ${kr.weight}` : ''} · <OwnerName owner={kr.owner} />
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

/**
 * One row per key result, on a grid whose columns have the same widths in every objective's
 * table, so progress, status, value and actions line up down the page. Below ~1120 px of width
 * the title takes a line of its own and the value a second one under it, above the other
 * columns (panel.css), so nothing is squeezed into wrapping: "31%", the value and the buttons
 * always stay on one line.
 */
export function KrTable({ keyResults, label, actions, sparkline }: KrTableProps) {
  if (keyResults.length === 0) return <Text>No key results yet.</Text>;
  return (
    <div className="okr-kr-table" role="table" aria-label={label}>
      <div className="okr-kr-row okr-kr-head" role="row">
        <span role="columnheader" className="okr-kr-title">
          Key result
        </span>
        <span role="columnheader">Progress</span>
        <span role="columnheader">Status</span>
        <span role="columnheader" className="okr-kr-value">
          Value
        </span>
        <span role="columnheader">Actions</span>
      </div>
      {keyResults.map((kr) => (
        <div className="okr-kr-row" role="row" key={kr.id} data-testid={`kr-row-${kr.id}`}>
          <div role="cell" className="okr-kr-title">
            <Title kr={kr} />
          </div>
          <div role="cell" className="okr-nowrap">
            <ProgressLine progress={kr.progress} label={kr.progressLabel} name={kr.title} width={96} />
            {sparkline?.(kr)}
          </div>
          <div role="cell" className="okr-kr-status">
            <StatusLozenge status={kr.status} label={kr.statusLabel} />
            {kr.dependencyState && kr.dependencyState !== 'done' && kr.dependencyState !== 'open' && <DependencyLozenge state={kr.dependencyState} label={`Dependency ${DEPENDENCY_STATE_LABELS[kr.dependencyState].toLowerCase()}`} />}
          </div>
          <div role="cell" className="okr-kr-value">
            <Text size="small">{kr.valueLabel}</Text>
          </div>
          <div role="cell" className="okr-nowrap okr-kr-actions">
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
          </div>
        </div>
      ))}
    </div>
  );
}
