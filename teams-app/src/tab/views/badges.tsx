/** Status and dependency-state badges, colored by what they mean (the label carries the meaning too). */
import { Badge } from '@fluentui/react-components';
import type { DependencyState } from '../../tab-api/contract';

type Status = 'done' | 'on-track' | 'behind' | 'at-risk';

// The same tones as the Jira panels' lozenges: on track is green there and here.
const STATUS_COLOR = { done: 'success', 'on-track': 'success', behind: 'warning', 'at-risk': 'danger' } as const;
const STATE_COLOR = { blocked: 'danger', 'at-risk': 'warning', open: 'informative', done: 'success' } as const;
const STATE_LABEL: Record<DependencyState, string> = { blocked: 'Blocked', 'at-risk': 'At risk', open: 'Open', done: 'Done' };

export function StatusBadge({ status, label }: { status: Status; label: string }) {
  return (
    <Badge appearance="filled" color={STATUS_COLOR[status]} data-status={status}>
      {label}
    </Badge>
  );
}

export function StateBadge({ state, prefix = '' }: { state: DependencyState; prefix?: string }) {
  return (
    <Badge appearance={state === 'blocked' ? 'filled' : 'tint'} color={STATE_COLOR[state]} data-state={state}>
      {prefix}
      {STATE_LABEL[state]}
    </Badge>
  );
}
