/** Status and dependency-state lozenges: the same words and colours on every panel. */
import { Lozenge, type LozengeAppearance as ThemeAppearance } from './lozenge';
import type { DependencyState, Status } from '@okr-bridge/core';

const STATUS_APPEARANCE: Readonly<Record<Status, ThemeAppearance>> = {
  done: 'success',
  'on-track': 'success',
  behind: 'moved',
  'at-risk': 'removed',
};

const DEPENDENCY_APPEARANCE: Readonly<Record<DependencyState, ThemeAppearance>> = {
  blocked: 'removed',
  'at-risk': 'moved',
  open: 'inprogress',
  done: 'success',
};

/** A key result's, objective's or department's status, e.g. "At risk". */
export function StatusLozenge({ status, label }: { readonly status: Status; readonly label: string }) {
  return (
    <Lozenge appearance={STATUS_APPEARANCE[status]} isBold={status === 'done' || status === 'at-risk'} testId={`status-${status}`}>
      {label}
    </Lozenge>
  );
}

/** A dependency's state, e.g. "Blocked". */
export function DependencyLozenge({ state, label }: { readonly state: DependencyState; readonly label: string }) {
  return (
    <Lozenge appearance={DEPENDENCY_APPEARANCE[state]} isBold={state === 'blocked'} testId={`dependency-${state}`}>
      {label}
    </Lozenge>
  );
}
