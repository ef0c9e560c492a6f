/** Where the sparkline's points go: time across the cycle, progress up, inside a padded box. */

export interface TrendPoint {
  /** A day, YYYY-MM-DD, or an instant. */
  readonly at: string;
  readonly progress: number;
}

const day = (s: string) => Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s);
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Where a point sits in the box, as SVG coordinates. */
export function plotPoint(p: TrendPoint, start: string, end: string, width: number, height: number): { x: number; y: number } {
  const span = day(end) - day(start);
  const t = span > 0 ? clamp01((day(p.at) - day(start)) / span) : 0;
  const pad = 2;
  return { x: pad + t * (width - 2 * pad), y: pad + (1 - clamp01(p.progress)) * (height - 2 * pad) };
}
