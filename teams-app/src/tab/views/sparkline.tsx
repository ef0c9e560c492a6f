/** The trend sparkline: observed progress (solid) against the expected line (dashed). */
import { tokens } from '@fluentui/react-components';
import type { ProgressPoint } from '../../tab-api/contract';
import { computeSparkline, describeSparkline, type Tone } from '@okr-bridge/core/present';

/** The dot takes the status's tone, the colour the status has everywhere. */
const DOT: Record<Tone, string> = {
  good: tokens.colorPaletteGreenForeground1,
  warning: tokens.colorPaletteMarigoldForeground1,
  attention: tokens.colorPaletteRedForeground1,
  neutral: tokens.colorNeutralForeground3,
};

export interface SparklineProps {
  readonly cycle: { readonly start: string; readonly end: string };
  readonly points: readonly ProgressPoint[] | undefined;
  readonly progressLabel: string;
  readonly expectedLabel: string;
  /** The status's tone (the view's `tone`): the dot's colour, as in Jira. */
  readonly tone: Tone;
  /** What the line is about (the department's, objective's or key result's name), read out with the numbers. */
  readonly name: string;
}

const WIDTH = 96;
const HEIGHT = 28;

export function Sparkline({ cycle, points, progressLabel, expectedLabel, tone, name }: SparklineProps) {
  const g = computeSparkline({ start: cycle.start, end: cycle.end, points: points ?? [], width: WIDTH, height: HEIGHT });
  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={describeSparkline(name, progressLabel, expectedLabel)} className="sparkline" data-tone={tone}>
      <path d={g.expected} fill="none" stroke={tokens.colorNeutralStroke1} strokeWidth={1} strokeDasharray="3 2" />
      <path d={g.actual} fill="none" stroke={tokens.colorBrandForeground1} strokeWidth={2} strokeLinejoin="round" />
      {g.last && <circle cx={g.last.x} cy={g.last.y} r={2.5} fill={DOT[tone]} />}
    </svg>
  );
}
