/** Status and dependency-state badges, colored by what they mean (the label carries the meaning too). */
import { Badge } from '@fluentui/react-components';
import { DEPENDENCY_STATE_LABELS, DEPENDENCY_STATE_TONES, STATUS_TONES, type DependencyState, type Status, type Tone } from '@okr-bridge/core/present';

/** Core's tones as Fluent badge colours: "On track" is green here as in Jira and the cards. */
export const TONE_COLOR = { good: 'success', warning: 'warning', attention: 'danger', neutral: 'informative' } as const;

/** Core's tones as Fluent progress bar colours, so a bar has its status's colour (an on-track bar is green, as its badge). */
export const TONE_BAR_COLOR: Readonly<Record<Tone, 'success' | 'warning' | 'error' | 'brand'>> = { good: 'success', warning: 'warning', attention: 'error', neutral: 'brand' };

export function StatusBadge({ status, label }: { status: Status; label: string }) {
  return (
    <Badge appearance="filled" color={TONE_COLOR[STATUS_TONES[status]]} data-status={status}>
      {label}
    </Badge>
  );
}

export function StateBadge({ state, prefix = '' }: { state: DependencyState; prefix?: string }) {
  return (
    <Badge appearance={state === 'blocked' ? 'filled' : 'tint'} color={TONE_COLOR[DEPENDENCY_STATE_TONES[state]]} data-state={state}>
      {prefix}
      {DEPENDENCY_STATE_LABELS[state]}
    </Badge>
  );
}
