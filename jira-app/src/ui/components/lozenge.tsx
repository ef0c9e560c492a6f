/**
 * A lozenge in Atlaskit's colours (the subtle and bold pairs of the design tokens, which meet
 * WCAG AA contrast in light, dark and high contrast), never truncated: Atlaskit's own lozenge
 * cuts long labels ("warn…") and brings an interactive variant with its own styling engine
 * into every panel's first load.
 */
import type { ReactNode } from 'react';
import { token } from '@atlaskit/tokens';

export type LozengeAppearance = 'default' | 'success' | 'removed' | 'inprogress' | 'new' | 'moved';

const SUBTLE: Readonly<Record<LozengeAppearance, readonly [string, string]>> = {
  default: [token('color.background.neutral'), token('color.text')],
  success: [token('color.background.success'), token('color.text.success')],
  removed: [token('color.background.danger'), token('color.text.danger')],
  inprogress: [token('color.background.information'), token('color.text.information')],
  new: [token('color.background.discovery'), token('color.text.discovery')],
  moved: [token('color.background.warning'), token('color.text.warning')],
};

const BOLD: Readonly<Record<LozengeAppearance, readonly [string, string]>> = {
  default: [token('color.background.neutral.bold'), token('color.text.inverse')],
  success: [token('color.background.success.bold'), token('color.text.inverse')],
  removed: [token('color.background.danger.bold'), token('color.text.inverse')],
  inprogress: [token('color.background.information.bold'), token('color.text.inverse')],
  new: [token('color.background.discovery.bold'), token('color.text.inverse')],
  moved: [token('color.background.warning.bold'), token('color.text.warning.inverse')],
};

/** An inline label; `isBold` for the states that need attention. */
export function Lozenge({ appearance = 'default', isBold = false, children, testId }: { readonly appearance?: LozengeAppearance; readonly isBold?: boolean; readonly children: ReactNode; readonly testId?: string }) {
  const [background, color] = (isBold ? BOLD : SUBTLE)[appearance];
  return (
    <span
      className="okr-lozenge"
      data-testid={testId}
      style={{ background, color }}
    >
      {children}
    </span>
  );
}
