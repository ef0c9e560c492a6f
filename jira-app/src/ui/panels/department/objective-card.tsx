/** One objective: its progress against the expected line, what it aligns to, its key results and its actions. */
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { DepartmentView, KrView, ObjectiveView } from '@okr-bridge/core';
import { scoreLabel } from '@okr-bridge/core/present';
import { KrTable, type KrActions } from '../../components/kr-table';
import { ProgressLine } from '../../components/progress';
import { Sparkline, type TrendPoint } from '../../components/sparkline';
import { StatusLozenge } from '../../components/status';
import { OwnerName } from '../../components/people/owner-name';

export interface ObjectiveCardProps {
  readonly objective: ObjectiveView;
  readonly view: DepartmentView;
  readonly trend: readonly TrendPoint[];
  /** Earlier progress points of one of its key results. */
  readonly krTrend: (id: string) => readonly TrendPoint[];
  readonly actions: KrActions;
  /** Absent when the reader may not edit. */
  readonly onEdit?: () => void;
  readonly onAddKr?: () => void;
}

/** A bordered card on the raised surface. */
export function ObjectiveCard({ objective: o, view, trend, krTrend, actions, onEdit, onAddKr }: ObjectiveCardProps) {
  const krSparkline = (kr: KrView) => (
    <Sparkline start={view.cycle.start} end={view.cycle.end} at={view.at} progress={kr.progress} expected={view.expected} tone={kr.tone} trend={krTrend(kr.id)} name={kr.title} width={64} height={24} />
  );
  return (
    <Box
      as="section"
      aria-labelledby={`objective-${o.id}`}
      padding="space.200"
      backgroundColor="elevation.surface.raised"
      style={{ border: `1px solid ${token('color.border')}`, borderRadius: 6 }}
      testId={`objective-${o.id}`}
    >
      <Stack space="space.150">
        <Inline spread="space-between" alignBlock="start" shouldWrap space="space.200">
          <Stack space="space.050">
            <Heading size="small" as="h3" id={`objective-${o.id}`}>
              {o.title}
            </Heading>
            <Text size="small" color="color.text.subtle">
              <OwnerName owner={o.owner} empty="No owner" /> · score {scoreLabel(o.score)}
              {o.alignedTo.length > 0 ? ` · aligned to ${o.alignedTo.map((a) => a.title).join('; ')}` : ' · not aligned to a company key result'}
            </Text>
          </Stack>
          <Inline space="space.150" alignBlock="center" shouldWrap>
            <StatusLozenge status={o.status} label={o.statusLabel} />
            <ProgressLine progress={o.progress} label={o.progressLabel} name={o.title} />
            <Sparkline start={view.cycle.start} end={view.cycle.end} at={view.at} progress={o.progress} expected={view.expected} tone={o.tone} trend={trend} name={o.title} />
          </Inline>
        </Inline>
        <KrTable keyResults={o.keyResults} label={`Key results of ${o.title}`} actions={actions} sparkline={krSparkline} />
        {(onEdit || onAddKr) && (
          <Inline space="space.100">
            {onAddKr && (
              <Button onClick={onAddKr} aria-label={`Add key result to ${o.title}`}>
                Add key result
              </Button>
            )}
            {onEdit && (
              <Button appearance="subtle" onClick={onEdit} aria-label={`Edit objective ${o.title}`}>
                Edit objective
              </Button>
            )}
          </Inline>
        )}
      </Stack>
    </Box>
  );
}
