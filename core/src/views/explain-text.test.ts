import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIssueSnapshot } from '../model/issue';
import { parseOrg } from '../model/parse-org';
import { evaluateOrg } from '../report/evaluate';
import { describeExplanation, explanationSentence } from './explain-text';
import { buildReportView } from './report-view';

const EXAMPLES = join(__dirname, '../../../examples');
const org = parseOrg(readFileSync(join(EXAMPLES, 'acme.yaml'), 'utf8'));
const issues = parseIssueSnapshot(JSON.parse(readFileSync(join(EXAMPLES, 'acme-issues.json'), 'utf8')), org.jira);
const report = buildReportView(org, evaluateOrg(org, issues, { at: '2026-11-15' }));
const krs = [...report.company.tree.map((n) => n.objective), ...report.departments.flatMap((d) => d.objectives)].flatMap((o) => o.keyResults);
const lines = (id: string) => krs.find((k) => k.id === id)!.explanation.map(explanationSentence);

describe('the explanation of a key result', () => {
  it('gives the rule with its numbers, each epic with its link and share, and what unestimated issues do', () => {
    const kr = krs.find((k) => k.id === 'eng-o1-kr1')!;
    expect(kr.explanation[1]!.issue).toEqual({ key: 'ENG-101', url: 'https://acme.atlassian.net/browse/ENG-101' });
    expect(lines('eng-o1-kr1')).toEqual([
      'story points done / story points total over the children of ENG-101, ENG-102 = 35 / 82 (2 unestimated) → 43% (35 of 82 points done, 2 unestimated)',
      'ENG-101: 5 of 8 child issues done, counts 22 of 38.',
      'ENG-102: 1 of 5 child issues done, counts 13 of 44.',
      '2 issues have no story points, so they add nothing to the points done or to the total.',
    ]);
  });

  it('names the objectives a roll-up averages by title, and says where a value came from, with its unit', () => {
    expect(lines('acme-o1-kr1')[1]).toBe('Objective "Make Acme ready for enterprise security reviews": 38% at weight 1.');
    expect(lines('mkt-o3-kr2')[1]).toBe('Now 1 case study, from the latest check-in; start 0 case studies, target 8 case studies.');
    expect(lines('eng-o2-kr3')).toContain('Scope added since the cycle start: 3 issues, 8 points.');
  });

  it('says why a key result with no issues is at 0, in the singular where there is one', () => {
    const head = { rule: 'issues done / total = 0 / 0', progressLabel: '0%', valueLabel: 'no issues yet' };
    const empty = describeExplanation(head, { kind: 'jira', rule: head.rule, numerator: 0, denominator: 0, empty: true, unestimated: 1, scopeAdded: { issues: 1, points: 0 } }, { baseUrl: undefined, objectiveTitles: new Map() });
    expect(empty.map(explanationSentence)).toEqual([
      'issues done / total = 0 / 0 → 0% (no issues yet)',
      '1 issue has no story points, so it adds nothing to the points done or to the total.',
      'Scope added since the cycle start: 1 issue, 0 points.',
      'No issues yet: progress is 0 until the linked epics have child issues.',
    ]);
  });
});
