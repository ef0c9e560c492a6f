import { describeKrStatus, describeStatus } from './status-text';

describe('status sentences', () => {
  it('say the pace with the numbers behind it', () => {
    expect(describeKrStatus('at-risk', { kind: 'pace', progress: 0.17, expected: 0.7 }, null)).toBe('17% done against 70% expected by today → at risk');
    expect(describeKrStatus('on-track', { kind: 'pace', progress: 0, expected: 0 }, null)).toBe('0% done, nothing expected yet → on track');
    expect(describeKrStatus('done', { kind: 'pace', progress: 1, expected: 0.4 }, null)).toBe('100% done → done');
  });

  it('name the blocked dependency a key result waits on', () => {
    expect(describeKrStatus('at-risk', { kind: 'blocked', progress: 0.52, expected: 0.49 }, { title: 'Account health scores', providerName: 'Engineering' })).toBe(
      '52% done against 49% expected by today, but waits on "Account health scores" from Engineering, which is blocked → at risk',
    );
  });

  it("say a milestone's due date and the owner's confidence", () => {
    const m = (daysLeft: number, confidence: 'low' | 'high' | null, dueFromCycle = false) => ({ kind: 'milestone', due: '2026-12-31', dueFromCycle, daysLeft, confidence }) as const;
    expect(describeKrStatus('on-track', m(46, 'high', true), null)).toBe("Not done, due in 46 days (the cycle end), owner's confidence high → on track");
    expect(describeKrStatus('on-track', m(1, null), null)).toBe('Not done, due in 1 day → on track');
    expect(describeKrStatus('on-track', m(0, null), null)).toBe('Not done, due today → on track');
    expect(describeKrStatus('at-risk', m(-3, null), null)).toBe('Not done, 3 days past its due date → at risk');
    expect(describeKrStatus('at-risk', m(10, 'low'), null)).toBe("Not done, due in 10 days, owner's confidence low → at risk");
  });

  it('name the key results at risk under an objective whose own pace looks fine', () => {
    expect(describeStatus('on-track', 0.38, 0.49)).toBe('38% done against 49% expected by today → on track');
    expect(describeStatus('on-track', 0.38, 0.49, ['Ship SSO'])).toBe('38% done against 49% expected by today → on track; key result "Ship SSO" at risk');
    expect(describeStatus('behind', 0.3, 0.49, ['A', 'B'])).toBe('30% done against 49% expected by today → behind; key results "A" and "B" at risk');
    expect(describeStatus('behind', 0.3, 0.49, ['A', 'B', 'C'])).toBe('30% done against 49% expected by today → behind; 3 key results at risk');
    expect(describeStatus('at-risk', 0.1, 0.49, ['A'])).toBe('10% done against 49% expected by today → at risk');
  });
});
