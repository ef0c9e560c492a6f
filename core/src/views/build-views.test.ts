import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIssueSnapshot } from '../model/issue';
import { parseOrg } from '../model/parse-org';
import { objectiveChain } from '../testing/org-shapes';
import { evaluateOrg } from '../report/evaluate';
import { buildCompanyView, buildDepartmentView } from './build-views';
import { describeNeed } from './dependency-text';
import { buildReportView } from './report-view';
import { departmentViewSchema } from './schemas';

const EXAMPLES = join(__dirname, '../../../examples');
const org = parseOrg(readFileSync(join(EXAMPLES, 'acme.yaml'), 'utf8'));
const issues = parseIssueSnapshot(JSON.parse(readFileSync(join(EXAMPLES, 'acme-issues.json'), 'utf8')), org.jira);
const evaluation = evaluateOrg(org, issues, { at: '2026-11-15' });
const department = (id: string) => buildDepartmentView(org, evaluation, id)!;
const kr = (department_: string, id: string) => department(department_).objectives.flatMap((o) => o.keyResults).find((k) => k.id === id)!;

describe('views over the Acme example at 2026-11-15', () => {
  it('explain every status in one sentence with the numbers, and the blocked dependency behind it', () => {
    expect(kr('eng', 'eng-o3-kr1').statusReason).toBe('18% done against 49% expected by today → at risk');
    expect(kr('cs', 'cs-o1-kr2').statusReason).toBe('52% done against 49% expected by today, but waits on "Account health scores in the app" from Engineering, which is blocked → at risk');
    expect(kr('prod', 'prod-o1-kr2').statusReason).toBe("Not done, due in 46 days (the cycle end), owner's confidence low → at risk");
    expect(department('eng').statusReason).toBe('47% done against 49% expected by today → on track');
  });

  it("gives a key result blocked ahead of pace the at-risk tone, and names it under its objective's on-track status", () => {
    const blocked = kr('sales', 'sales-o1-kr2');
    expect([blocked.status, blocked.tone]).toEqual(['at-risk', 'attention']);
    const objective = department('sales').objectives.find((o) => o.id === 'sales-o1')!;
    expect([objective.status, objective.tone, objective.statusReason]).toEqual([
      'on-track',
      'good',
      '38% done against 49% expected by today → on track; key result "Close 12 enterprise deals that require single sign-on" at risk',
    ]);
  });

  it('gives each status and dependency state one tone', () => {
    const all = org.departments.flatMap((d) => department(d.id).objectives.flatMap((o) => [o, ...o.keyResults]));
    const tones = new Map(all.map((v) => [v.status, v.tone]));
    expect(Object.fromEntries(tones)).toEqual({ 'on-track': 'good', behind: 'warning', 'at-risk': 'attention', done: 'good' });
    const company = buildCompanyView(org, evaluation);
    expect(company.dependencies.map((d) => [d.state, d.tone])).toContainEqual(['blocked', 'attention']);
  });

  it('write units as people do', () => {
    expect(kr('mkt', 'mkt-o1-kr1').valueLabel).toBe('520 leads (from 0 to 900 leads)');
    expect(kr('mkt', 'mkt-o3-kr2').valueLabel).toBe('1 case study (from 0 to 8 case studies)');
    expect(kr('sales', 'sales-o1-kr1').valueLabel).toBe('1150k USD (from 0 to 2400k USD)');
    expect(kr('eng', 'eng-o4-kr1').valueLabel).toBe('38.5 USD (from 41 to 33 USD)');
  });

  it('name key results by title in the lint a page shows, keeping the id as the subject', () => {
    expect(department('mkt').lint.find((f) => f.code === 'stale-check-in')).toEqual({
      code: 'stale-check-in',
      severity: 'warning',
      subject: 'mkt-o3-kr2',
      message: 'Key result "Publish 8 customer case studies" was last checked in on 2026-10-06, 40 days ago; expected a check-in at least every 14 days',
    });
  });

  it('name the department of each objective in the alignment tree', () => {
    const tree = buildCompanyView(org, evaluation).tree;
    expect(tree.map((n) => n.objective.departmentName)).toEqual(tree.map(() => 'Acme'));
    expect(tree[0]!.children.map((c) => c.node.objective.departmentName)).toContain('Engineering');
  });

  it('parse with the wire schema', () => {
    expect(departmentViewSchema.parse(department('eng'))).toEqual(department('eng'));
  });
});

describe('agenda wording over the Acme example', () => {
  const items = evaluation.agenda.items;
  it('names key results and company objectives by their titles, not their ids', () => {
    expect(items.find((i) => i.id === 'blocked-dependency:dep-sso')!.detail).toBe(
      '"Close 12 enterprise deals that require single sign-on" (owner zoe@acme.example) waits on it. ENG-142: status is Blocked. Due 2026-11-20. Puts company objective "Grow revenue in the mid-market" at risk.',
    );
  });

  it('titles a blocked dependency with the need sentence of its view, the one the tab and the cards say', () => {
    const blocked = buildCompanyView(org, evaluation).dependencies.filter((d) => d.state === 'blocked');
    expect(blocked.length).toBeGreaterThan(1);
    for (const d of blocked) expect(items.find((i) => i.id === `blocked-dependency:${d.id}`)?.title).toBe(`Blocked: ${describeNeed(d)}`);
    expect(describeNeed(blocked.find((d) => d.id === 'dep-usage-metering')!)).toBe('Finance needs Usage metering export for billing from Platform');
  });

  it('explains an at-risk key result with the same sentence the views show', () => {
    expect(items.find((i) => i.id === 'at-risk-kr:prod-o1-kr2')!.detail).toBe(
      `${kr('prod', 'prod-o1-kr2').statusReason}. Milestone not done per the check-in of 2026-11-12, so progress is 0.`,
    );
  });
});

describe('the report view', () => {
  it('gathers the views every surface renders, so the CLI prints the same words', () => {
    const report = buildReportView(org, evaluation);
    expect(report.departments.map((d) => d.name)).toEqual(['Engineering', 'Platform', 'Product', 'Marketing', 'Sales', 'Customer Success', 'Finance']);
    expect(report.departments[0]).toEqual(department('eng'));
    expect(report.company.statusReason).toBe('43% done against 49% expected by today → on track');
    expect(report.agenda).toBe(evaluation.agenda);
  });

  it("gives each department the same view (lint and dependencies included) as the department's own page", () => {
    const report = buildReportView(org, evaluation);
    for (const d of org.departments) expect(report.departments.find((v) => v.id === d.id)).toEqual(department(d.id));
    expect(report.company).toEqual(buildCompanyView(org, evaluation));
    expect(report.departments.find((d) => d.id === 'fin')!.lint.map((f) => f.subject)).toEqual(['FIN-29→MKT-83']);
  });

  it('builds the alignment tree of a chain of 5,000 aligned objectives, each level once', () => {
    const chain = parseOrg(objectiveChain(5_000));
    const report = buildReportView(chain, evaluateOrg(chain, [], { at: '2026-11-15' }));
    let depth = 0;
    for (let node = report.company.tree[0]; node; node = node.children[0]?.node) depth++;
    expect(depth).toBe(5_000);
  });
});

describe('a report view made without explanations', () => {
  it('is the same view with every key result’s explanation left empty', () => {
    const full = buildReportView(org, evaluation);
    const lean = buildReportView(org, evaluation, { explanations: false });
    const emptied = JSON.parse(JSON.stringify(full, (key, value: unknown) => (key === 'explanation' ? [] : value))) as unknown;
    expect(JSON.parse(JSON.stringify(lean))).toEqual(emptied);
    expect(full.departments.flatMap((d) => d.objectives.flatMap((o) => o.keyResults)).some((kr) => kr.explanation.length > 0)).toBe(true);
  });
});
