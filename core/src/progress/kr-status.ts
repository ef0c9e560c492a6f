/**
 * The status of one key result and what it rests on. Most key results follow their pace
 * (progress against expected, `computeStatus`); a milestone is all or nothing, so 0 ÷
 * expected would call it at risk from the cycle's first day: its status follows its due date
 * (the cycle end when it names none) and the owner's latest confidence instead.
 */
import type { CheckIn, Confidence, KeyResult } from '../model/org';
import { toDay } from '../time/dates';
import { findLatestCheckIn } from './check-ins';
import { computeStatus, type Thresholds } from './status';
import type { Status, StatusBasis } from './types';

export interface KrStatusContext {
  readonly expected: number;
  readonly thresholds: Thresholds;
  /** The key result waits on a blocked dependency. */
  readonly blocked: boolean;
  /** The day (`toDay`) the status is computed for. */
  readonly atDay: number;
  readonly cycleEnd: string;
  /** This key result's check-ins (the latest confidence dated by `atDay` counts). */
  readonly checkIns: readonly CheckIn[];
}

const hasConfidence = (c: CheckIn) => c.confidence !== undefined;

/**
 * A key result's status with its basis. Done at progress ≥ 1; a blocked dependency makes
 * anything short of done at risk; a milestone not done is at risk once past its due date or
 * when its owner's latest confidence is low, and on track otherwise; every other key result
 * follows `computeStatus` (progress against expected).
 */
export function computeKrStatus(kr: KeyResult, progress: number, ctx: KrStatusContext): { status: Status; basis: StatusBasis } {
  const pace = { kind: 'pace', progress, expected: ctx.expected } as const;
  if (progress >= 1) return { status: 'done', basis: pace };
  if (ctx.blocked) return { status: 'at-risk', basis: { kind: 'blocked', progress, expected: ctx.expected } };
  if (kr.kind !== 'milestone') return { status: computeStatus(progress, ctx.expected, ctx.thresholds, false), basis: pace };
  const due = kr.due ?? ctx.cycleEnd;
  const daysLeft = toDay(due) - Math.floor(ctx.atDay);
  const confidence: Confidence | null = findLatestCheckIn(ctx.checkIns, ctx.atDay, hasConfidence)?.confidence ?? null;
  const basis: StatusBasis = { kind: 'milestone', due, dueFromCycle: kr.due === undefined, daysLeft, confidence };
  return { status: daysLeft < 0 || confidence === 'low' ? 'at-risk' : 'on-track', basis };
}
