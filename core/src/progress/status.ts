/** Status and score: the words and the number a review reads from progress. */
import type { Settings } from '../model/org';
import { clamp01 } from '../time/dates';
import type { Status } from './types';

export type Thresholds = Settings['thresholds'];

/**
 * Ratios within this distance below a threshold count as reaching it, so that float noise
 * (0.35 / 0.5 computed as 0.6999999999999999) never flips a status.
 */
const RATIO_TOLERANCE = 1e-9;

/**
 * The status of a key result or objective. `done` when progress ≥ 1; otherwise the ratio
 * progress / expected (expected 0 counts as on track) is compared with the thresholds:
 * ≥ onTrack `on-track`, ≥ behind `behind`, else `at-risk`. A blocked incoming dependency
 * makes anything short of done `at-risk`.
 */
export function computeStatus(progress: number, expected: number, thresholds: Thresholds, blockedIncoming: boolean): Status {
  if (progress >= 1) return 'done';
  if (blockedIncoming) return 'at-risk';
  if (expected <= 0) return 'on-track';
  const ratio = progress / expected;
  if (ratio >= thresholds.onTrack - RATIO_TOLERANCE) return 'on-track';
  if (ratio >= thresholds.behind - RATIO_TOLERANCE) return 'behind';
  return 'at-risk';
}

/**
 * The score an objective would close with: its progress rounded to 0.1, halves up
 * (0.65 → 0.7). Returns the exact decimal double (0.7, never 0.7000000000000001).
 */
export function computeScore(progress: number): number {
  return Math.round(clamp01(progress) * 10) / 10;
}
