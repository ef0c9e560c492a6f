/**
 * A message block in the look of Atlaskit's section message (tinted surface, status icon,
 * title, body) without its dismiss button, which pulls Atlaskit's tooltip and popper into
 * every panel's first load. Errors are announced to screen readers as they appear.
 */
import { useId, type ReactNode } from 'react';
import type { NewCoreIconProps } from '@atlaskit/icon/types';
import ErrorIcon from '@atlaskit/icon/core/status-error';
import InformationIcon from '@atlaskit/icon/core/status-information';
import SuccessIcon from '@atlaskit/icon/core/status-success';
import WarningIcon from '@atlaskit/icon/core/status-warning';
import { Box, Inline, Stack } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';

export type NoticeAppearance = 'error' | 'warning' | 'information' | 'success';

const LOOK: Readonly<Record<NoticeAppearance, { background: 'color.background.danger' | 'color.background.warning' | 'color.background.information' | 'color.background.success'; icon: (p: NewCoreIconProps) => ReactNode; color: NewCoreIconProps['color'] }>> = {
  error: { background: 'color.background.danger', icon: ErrorIcon, color: token('color.icon.danger') },
  warning: { background: 'color.background.warning', icon: WarningIcon, color: token('color.icon.warning') },
  information: { background: 'color.background.information', icon: InformationIcon, color: token('color.icon.information') },
  success: { background: 'color.background.success', icon: SuccessIcon, color: token('color.icon.success') },
};

export interface NoticeProps {
  readonly appearance: NoticeAppearance;
  readonly title?: string;
  readonly children?: ReactNode;
  readonly testId?: string;
}

/** The block; `title` names it for assistive technology. */
export function Notice({ appearance, title, children, testId }: NoticeProps) {
  const id = useId();
  const look = LOOK[appearance];
  const Icon = look.icon;
  return (
    <Box as="section" aria-labelledby={title ? id : undefined} role={appearance === 'error' ? 'alert' : undefined} backgroundColor={look.background} padding="space.200" style={{ borderRadius: 3 }} testId={testId}>
      <Inline space="space.200" alignBlock="start">
        <Box as="span" style={{ flexShrink: 0, display: 'inline-flex' }}>
          <Icon label="" color={look.color} />
        </Box>
        <Stack space="space.100">
          {title && (
            <h2 id={id} style={{ font: token('font.heading.xsmall'), margin: 0, color: token('color.text') }}>
              {title}
            </h2>
          )}
          <Box style={{ font: token('font.body'), color: token('color.text') }}>{children}</Box>
        </Stack>
      </Inline>
    </Box>
  );
}
