/** Status and dependency-state lozenges: the same words and colours on every panel. */
import { Lozenge, type LozengeAppearance as ThemeAppearance } from './lozenge';
import type { DependencyState, Status } from '@okr-bridge/core';
import { DEPENDENCY_STATE_TONES, STATUS_TONES, type Tone } from '@okr-bridge/core/present';

/** Core's tones as lozenge appearances: one colour per status on every surface. */
export const TONE_APPEARANCE: Readonly<Record<Tone, ThemeAppearance>> = { good: 'success', warning: 'moved', attention: 'removed', neutral: 'inprogress' };

/** A key result's, objective's or department's status, e.g. "At risk". */
export function StatusLozenge({ status, label }: { readonly status: Status; readonly label: string }) {
  return (
    <Lozenge appearance={TONE_APPEARANCE[STATUS_TONES[status]]} isBold={status === 'done' || status === 'at-risk'} testId={`status-${status}`}>
      {label}
    </Lozenge>
  );
}

/** A dependency's state, e.g. "Blocked". */
export function DependencyLozenge({ state, label }: { readonly state: DependencyState; readonly label: string }) {
  return (
    <Lozenge appearance={TONE_APPEARANCE[DEPENDENCY_STATE_TONES[state]]} isBold={state === 'blocked'} testId={`dependency-${state}`}>
      {label}
    </Lozenge>
  );
}
