import type { LintFinding } from '../lint/types';
import { describeLintFinding } from './lint-text';

const titles = new Map([
  ['eng-o1', 'Be enterprise ready'],
  ['eng-o1-kr3', 'Complete the SOC 2 audit'],
  ['e1-kr', 'Epics'],
  ['e2-kr', 'Latency'],
]);
const finding = (message: string): LintFinding => ({ code: 'no-owner', severity: 'warning', subject: 'eng-o1-kr3', message });

describe('lint findings on a page', () => {
  it('name key results and objectives by their titles, keeping the subject id', () => {
    expect(describeLintFinding(finding('Key result eng-o1-kr3 ("Complete the SOC 2 audit") has no owner, and neither has its objective eng-o1; expected an owner on the key result or its objective'), titles)).toEqual(
      finding('Key result "Complete the SOC 2 audit" has no owner, and neither has its objective "Be enterprise ready"; expected an owner on the key result or its objective'),
    );
    expect(describeLintFinding(finding('ana holds 2 key results (e1-kr, e2-kr); expected at most 1 per owner'), titles).message).toBe('ana holds 2 key results ("Epics", "Latency"); expected at most 1 per owner');
  });

  it('leave issue keys, departments, dates and words alone', () => {
    const hidden = 'ENG-3 (Engineering) relates to MKT-7 (Marketing), but no dependency between Engineering and Marketing declares it; last 2026-11-01';
    expect(describeLintFinding(finding(hidden), titles).message).toBe(hidden);
  });
});
