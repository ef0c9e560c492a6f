/**
 * Progress over the cycle against the expected line, as a small SVG: the expected line runs
 * from 0 at the cycle start to 100% at its end; the progress line joins the known points
 * (the trend the backend keeps, then today's value); a dot marks today. Colours are design
 * tokens, so it follows the theme.
 */
import { token } from '@atlaskit/tokens';
import { plotPoint, type TrendPoint } from './sparkline-geometry';

export type { TrendPoint } from './sparkline-geometry';

export interface SparklineProps {
  readonly start: string;
  readonly end: string;
  /** Today (the view's `at`) and the progress now. */
  readonly at: string;
  readonly progress: number;
  readonly expected: number;
  /** Earlier points, oldest first; may be empty. */
  readonly trend?: readonly TrendPoint[];
  /** What the line is about, read out with the numbers. */
  readonly name: string;
  readonly width?: number;
  readonly height?: number;
  /** The status the dot takes its colour from (ahead of or behind the expected line when absent). */
  readonly status?: 'done' | 'on-track' | 'behind' | 'at-risk';
}

const DOT: Readonly<Record<NonNullable<SparklineProps['status']>, string>> = {
  done: token('color.chart.success.bold'),
  'on-track': token('color.chart.success.bold'),
  behind: token('color.chart.warning.bold'),
  'at-risk': token('color.chart.danger'),
};

/** The sparkline; `role="img"` with a sentence that says what it shows. */
export function Sparkline({ start, end, at, progress, expected, trend = [], name, width = 120, height = 32, status }: SparklineProps) {
  const points = [...trend.filter((p) => Date.parse(p.at) < Date.parse(at)), { at, progress }].map((p) => plotPoint(p, start, end, width, height));
  const from = plotPoint({ at: start, progress: 0 }, start, end, width, height);
  const to = plotPoint({ at: end, progress: 1 }, start, end, width, height);
  const now = points[points.length - 1] ?? from;
  const ahead = progress >= expected;
  const label = `${name}: ${Math.round(progress * 100)}% done, ${Math.round(expected * 100)}% expected by now${trend.length ? `, ${trend.length} earlier points` : ''}`;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label} data-testid="sparkline" data-points={points.length}>
      <title>{label}</title>
      <line x1={from.x} y1={from.y} x2={to.x} y2={to.y} stroke={token('color.chart.neutral')} strokeWidth={1} strokeDasharray="3 3" />
      <line x1={now.x} y1={0} x2={now.x} y2={height} stroke={token('color.border')} strokeWidth={1} />
      {points.length > 1 && (
        <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke={token('color.chart.brand')} strokeWidth={2} strokeLinejoin="round" />
      )}
      <circle cx={now.x} cy={now.y} r={3} fill={status ? DOT[status] : ahead ? token('color.chart.success.bold') : token('color.chart.danger')} />
    </svg>
  );
}
