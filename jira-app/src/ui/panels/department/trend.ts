/**
 * The trend points of an objective, when the backend sends a trend with the panel. The
 * contract does not carry one yet; until it does the sparkline shows today's point against
 * the expected line.
 */
import type { DepartmentPanel } from '../../../contract';
import type { TrendPoint } from '../../components/sparkline';

/** Earlier progress points of objective `id`, oldest first. */
export function trendOf(panel: Extract<DepartmentPanel, { kind: 'department' }>, id: string): readonly TrendPoint[] {
  const trend = (panel as { readonly trend?: Readonly<Record<string, readonly TrendPoint[]>> }).trend;
  return trend?.[id] ?? [];
}
