import { keyResultInputSchema } from '../../../contract';
import { targetProblem, toKeyResultInput } from './kr-input';

describe('toKeyResultInput', () => {
  it('turns the metric fields into numbers the contract accepts', () => {
    const kr = toKeyResultInput('metric', { title: ' Cut p95 ', owner: '', weight: '2', start: '2.8', target: '1.2', current: '', unit: 's' });
    expect(kr).toEqual({ title: 'Cut p95', owner: undefined, weight: 2, kind: 'metric', start: 2.8, target: 1.2, current: undefined, unit: 's' });
    expect(keyResultInputSchema.safeParse(kr).success).toBe(true);
  });

  it('splits and upper-cases epic keys and defaults the measure to issues', () => {
    const kr = toKeyResultInput('jira', { title: 'Ship SSO', epics: 'eng-101, ENG-102  eng-103', measure: null }, 'eng-o1-kr1');
    expect(kr).toEqual({ id: 'eng-o1-kr1', title: 'Ship SSO', owner: undefined, weight: 1, kind: 'jira', epics: ['ENG-101', 'ENG-102', 'ENG-103'], jql: undefined, measure: 'issues' });
    expect(keyResultInputSchema.safeParse(kr).success).toBe(true);
  });

  it('leaves a missing start as NaN, so the contract refuses it with a field error', () => {
    const kr = toKeyResultInput('metric', { title: 'x', start: '' });
    const parsed = keyResultInputSchema.safeParse(kr);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['start']);
  });
});

describe('targetProblem', () => {
  it("says under the target what the org schema says of a target equal to the start, and the contract refuses the same at the target", () => {
    expect(targetProblem('2.8', { start: '2.80' })).toBe('expected a target different from the start (2.8)');
    expect([targetProblem('1.2', { start: '2.8' }), targetProblem('', { start: '2.8' }), targetProblem('2.8', { start: '' })]).toEqual([undefined, undefined, undefined]);
    const sent = keyResultInputSchema.safeParse(toKeyResultInput('metric', { title: 'Cut p99', start: '2.8', target: '2.8' }));
    expect(sent.success ? [] : sent.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['target', 'expected a target different from the start (2.8)']]);
  });
});
