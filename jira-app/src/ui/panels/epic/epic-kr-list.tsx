/** The key results an epic drives: each one's progress and status, and this epic's share of it. */
import Button from '@atlaskit/button/default/button';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { EpicView } from '@okr-bridge/core';
import { ProgressLine } from '../../components/progress';
import { StatusLozenge } from '../../components/status';
import { describeShare } from './share';

/** One card per key result, with Explain and (when allowed) Unlink. */
export function EpicKrList({ view, canEdit, onExplain, onUnlink }: { readonly view: EpicView; readonly canEdit: Readonly<Record<string, boolean>>; readonly onExplain: (kr: string) => void; readonly onUnlink: (kr: string) => void }) {
  return (
    <Stack space="space.150" as="ul" testId="epic-kr-list">
      {view.keyResults.map((kr) => (
        <Box as="li" key={kr.id} padding="space.150" backgroundColor="elevation.surface.raised" style={{ border: `1px solid ${token('color.border')}`, borderRadius: 6, listStyle: 'none' }} testId={`epic-kr-${kr.id}`}>
          <Stack space="space.100">
            <Inline spread="space-between" alignBlock="center" shouldWrap space="space.100">
              <Text weight="semibold">{kr.title}</Text>
              <StatusLozenge status={kr.status} label={kr.statusLabel} />
            </Inline>
            <ProgressLine progress={kr.progress} label={kr.progressLabel} name={kr.title} width={200} />
            <Text size="small">{kr.valueLabel}</Text>
            <Text size="small" color="color.text.subtle" testId={`epic-share-${kr.id}`}>
              {describeShare(kr)}
            </Text>
            <Inline space="space.100">
              <Button spacing="compact" onClick={() => onExplain(kr.id)} aria-label={`Explain ${kr.title}`}>
                Explain
              </Button>
              {canEdit[kr.id] && (
                <Button spacing="compact" appearance="subtle" onClick={() => onUnlink(kr.id)} aria-label={`Unlink ${view.epic} from ${kr.title}`}>
                  Unlink
                </Button>
              )}
            </Inline>
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}
