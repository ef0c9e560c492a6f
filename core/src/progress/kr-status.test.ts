import type { CheckIn, KeyResult } from '../model/org';
import { toDay } from '../time/dates';
import { computeKrStatus, type KrStatusContext } from './kr-status';

const thresholds = { onTrack: 0.7, behind: 0.4 };
const ctx = (at: string, rest: Partial<KrStatusContext> = {}): KrStatusContext => ({ expected: 0.5, thresholds, blocked: false, atDay: toDay(at), cycleEnd: '2026-12-31', checkIns: [], ...rest });
const milestone = (due?: string): KeyResult => ({ id: 'm', title: 'Ship SSO', kind: 'milestone', weight: 1, done: false, ...(due ? { due } : {}) });
const metric: KeyResult = { id: 'k', title: 'Leads', kind: 'metric', weight: 1, start: 0, target: 10 };
const checkIn = (date: string, confidence: CheckIn['confidence']): CheckIn => ({ kr: 'm', date, confidence });

describe('key result status', () => {
  it('keeps a milestone not yet due on track, though 0 ÷ expected would say at risk', () => {
    expect(computeKrStatus(milestone('2026-12-15'), 0, ctx('2026-11-15'))).toEqual({
      status: 'on-track',
      basis: { kind: 'milestone', due: '2026-12-15', dueFromCycle: false, daysLeft: 30, confidence: null },
    });
  });

  it('puts a milestone past its due date at risk, and keeps it on track on the due day itself', () => {
    expect(computeKrStatus(milestone('2026-11-14'), 0, ctx('2026-11-15')).status).toBe('at-risk');
    expect(computeKrStatus(milestone('2026-11-15'), 0, ctx('2026-11-15T17:00:00Z')).status).toBe('on-track');
  });

  it('takes the cycle end as the due date of a milestone that names none', () => {
    expect(computeKrStatus(milestone(), 0, ctx('2026-11-15')).basis).toEqual({ kind: 'milestone', due: '2026-12-31', dueFromCycle: true, daysLeft: 46, confidence: null });
  });

  it("follows the owner's latest confidence dated by then: low is at risk, a later high is on track", () => {
    const low = [checkIn('2026-11-01', 'high'), checkIn('2026-11-10', 'low')];
    expect(computeKrStatus(milestone('2026-12-15'), 0, ctx('2026-11-15', { checkIns: low }))).toMatchObject({ status: 'at-risk', basis: { confidence: 'low' } });
    const later = [...low, checkIn('2026-11-20', 'high')];
    expect(computeKrStatus(milestone('2026-12-15'), 0, ctx('2026-11-15', { checkIns: later })).status).toBe('at-risk');
    expect(computeKrStatus(milestone('2026-12-15'), 0, ctx('2026-11-21', { checkIns: later })).status).toBe('on-track');
  });

  it('is done at progress 1 and at risk when blocked, whatever the kind', () => {
    expect(computeKrStatus(milestone('2026-11-01'), 1, ctx('2026-11-15')).status).toBe('done');
    expect(computeKrStatus(metric, 0.9, ctx('2026-11-15', { blocked: true }))).toEqual({ status: 'at-risk', basis: { kind: 'blocked', progress: 0.9, expected: 0.5 } });
    expect(computeKrStatus(milestone('2026-12-15'), 0, ctx('2026-11-15', { blocked: true })).status).toBe('at-risk');
  });

  it('follows the pace for other kinds: 0.3 against 0.5 is behind', () => {
    expect(computeKrStatus(metric, 0.3, ctx('2026-11-15'))).toEqual({ status: 'behind', basis: { kind: 'pace', progress: 0.3, expected: 0.5 } });
  });
});
