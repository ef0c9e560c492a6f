/**
 * Progress over the cycle against the expected line, as a small SVG: the expected line runs
 * from 0 at the cycle start to 100% at its end; the progress line joins the known points
 * (the trend the backend keeps, then today's value); a dot marks today. Colours are design
 * tokens, so it follows the theme.
 */
import { token } from '@atlaskit/tokens';
import { computeSparkline, describeSparkline, percentLabel, type Tone, type TrendPoint } from '@okr-bridge/core/present';

export type { TrendPoint } from '@okr-bridge/core/present';

/** The dot takes the status's tone, the colour the status has everywhere. */
// Literal token() calls: the build turns them into CSS variables (no runtime table of token names).
const DOT: Readonly<Record<Tone, string>> = { good: token('color.chart.success.bold'), warning: token('color.chart.warning.bold'), attention: token('color.chart.danger'), neutral: token('color.chart.neutral') };

export interface SparklineProps {
  readonly start: string;
  readonly end: string;
  /** Today (the view's `at`) and the progress now. */
  readonly at: string;
  readonly progress: number;
  readonly expected: number;
  /** Earlier points, oldest first; may be empty. */
  readonly trend?: readonly TrendPoint[];
  /** What the line is about (the objective's or key result's title), read out with the numbers. */
  readonly name: string;
  /** The status's tone (the view's `tone`): the dot's colour. */
  readonly tone: Tone;
  readonly width?: number;
  readonly height?: number;
}

/** The sparkline, with core's geometry (as the Teams tab draws it); `role="img"` with a sentence that says what it shows. */
export function Sparkline({ start, end, at, progress, expected, trend = [], name, tone, width = 120, height = 32 }: SparklineProps) {
  const points = [...trend.filter((p) => Date.parse(p.at) < Date.parse(at)).map((p) => ({ day: p.at, progress: p.progress })), { day: at, progress }];
  const g = computeSparkline({ start, end, points, width, height });
  const label = describeSparkline(name, percentLabel(progress), percentLabel(expected));
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-testid="sparkline" data-points={points.length}>
      <title>{label}</title>
      <path d={g.expected} fill="none" stroke={token('color.chart.neutral')} strokeWidth={1} strokeDasharray="3 3" />
      {g.last && <line x1={g.last.x} y1={0} x2={g.last.x} y2={height} stroke={token('color.border')} strokeWidth={1} />}
      <path d={g.actual} fill="none" stroke={token('color.chart.brand')} strokeWidth={2} strokeLinejoin="round" />
      {g.last && <circle cx={g.last.x} cy={g.last.y} r={3} fill={DOT[tone]} />}
    </svg>
  );
}
