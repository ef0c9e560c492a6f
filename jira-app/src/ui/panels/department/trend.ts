/**
 * The sparkline points of the department page, from the trend the resolver sends with the
 * panel (`DepartmentPanel.trend`, computed on the server from the stored facts and
 * check-ins). The sparkline draws today's point itself, so each series' last point (the
 * view's `at`, equal to the progress shown) is left out here.
 */
import type { DepartmentPanel, DepartmentTrend } from '../../../contract';
import type { TrendPoint } from '../../components/sparkline';

type Panel = Extract<DepartmentPanel, { kind: 'department' }>;
type Series = DepartmentTrend['objectives'][string];

function earlierPoints(series: Series | undefined): readonly TrendPoint[] {
  return (series ?? []).slice(0, -1).map((p) => ({ at: p.date, progress: p.progress }));
}

/** Earlier progress points of objective `id`, oldest first. */
export function objectiveTrend(panel: Panel, id: string): readonly TrendPoint[] {
  return earlierPoints(panel.trend.objectives[id]);
}

/** Earlier progress points of key result `id`, oldest first. */
export function krTrend(panel: Panel, id: string): readonly TrendPoint[] {
  return earlierPoints(panel.trend.keyResults[id]);
}
