/**
 * The geometry of the trend sparkline: observed progress against the expected line, which
 * runs from 0 at the cycle start to 1 at its end. Pure, so it is tested without a browser.
 */
export interface SparklineInput {
  readonly start: string;
  readonly end: string;
  /** Observed progress, oldest first. */
  readonly points: readonly { readonly day: string; readonly progress: number }[];
  readonly width: number;
  readonly height: number;
}

export interface SparklineGeometry {
  /** SVG path of the expected line. */
  readonly expected: string;
  /** SVG path of the observed progress, starting at 0 on the cycle start. */
  readonly actual: string;
  /** The latest observation, for a dot. */
  readonly last: { readonly x: number; readonly y: number } | null;
}

const DAY_MS = 86_400_000;
const round = (n: number) => Math.round(n * 10) / 10;

/** Paths for an SVG of `width`×`height` with a 2-pixel margin. */
export function computeSparkline(input: SparklineInput): SparklineGeometry {
  const pad = 2;
  const t0 = Date.parse(input.start);
  const span = Math.max(DAY_MS, Date.parse(input.end) - t0);
  const x = (day: string) => round(pad + Math.min(1, Math.max(0, (Date.parse(day) - t0) / span)) * (input.width - 2 * pad));
  const y = (p: number) => round(input.height - pad - Math.min(1, Math.max(0, p)) * (input.height - 2 * pad));
  const expected = `M${x(input.start)},${y(0)}L${x(input.end)},${y(1)}`;
  const observed = input.points.filter((p) => p.day > input.start);
  const path = [{ day: input.start, progress: 0 }, ...observed].map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.day)},${y(p.progress)}`).join('');
  const lastPoint = observed[observed.length - 1];
  return { expected, actual: path, last: lastPoint ? { x: x(lastPoint.day), y: y(lastPoint.progress) } : null };
}
