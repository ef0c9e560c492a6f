/**
 * The geometry of the trend sparkline every surface draws: time across the cycle, progress
 * up, inside a box with a 2-pixel margin; the expected line runs from 0 at the cycle start to
 * 1 at its end. The dot takes the status's tone (`STATUS_TONES`), never a colour of its own.
 */
import { describePace } from './status-text';

export interface TrendPoint {
  /** A day, YYYY-MM-DD, or an instant. */
  readonly at: string;
  readonly progress: number;
}

const PAD = 2;
const DAY_MS = 86_400_000;
const time = (s: string) => Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round = (n: number) => Math.round(n * 10) / 10;

/** Where a point sits in a `width`×`height` box, as SVG coordinates (clamped to the cycle and to 0..1). */
export function plotPoint(p: TrendPoint, start: string, end: string, width: number, height: number): { x: number; y: number } {
  const span = time(end) - time(start);
  const t = span > 0 ? clamp01((time(p.at) - time(start)) / span) : 0;
  return { x: PAD + t * (width - 2 * PAD), y: PAD + (1 - clamp01(p.progress)) * (height - 2 * PAD) };
}

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
  /** The latest observation, for the dot. */
  readonly last: { readonly x: number; readonly y: number } | null;
}

/** SVG paths of the expected line and the observed progress, coordinates rounded to 0.1. */
export function computeSparkline(input: SparklineInput): SparklineGeometry {
  const end = time(input.end) - time(input.start) < DAY_MS ? new Date(time(input.start) + DAY_MS).toISOString() : input.end;
  const at = (day: string, progress: number) => {
    const { x, y } = plotPoint({ at: day, progress }, input.start, end, input.width, input.height);
    return { x: round(x), y: round(y) };
  };
  const path = (ps: readonly { x: number; y: number }[]) => ps.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join('');
  const observed = input.points.filter((p) => p.day > input.start);
  const actual = [at(input.start, 0), ...observed.map((p) => at(p.day, p.progress))];
  const lastPoint = observed[observed.length - 1];
  return { expected: path([at(input.start, 0), at(end, 1)]), actual: path(actual), last: lastPoint ? at(lastPoint.day, lastPoint.progress) : null };
}

/**
 * What a sparkline says to a screen reader (its accessible name), the same on every surface:
 * "Trend of Close 12 deals: 45% done, 49% expected by today".
 */
export function describeSparkline(name: string, progressLabel: string, expectedLabel: string): string {
  return `Trend of ${name}: ${describePace({ progressLabel, expectedLabel })}`;
}
