import { dependencyTitleOf, describeDeliverable, describeImpact, describeNeed } from './dependency-text';

const objectives = [
  { id: 'acme-o1', title: 'Grow revenue in the mid-market' },
  { id: 'acme-o2', title: 'Ship a product customers rely on every day' },
];

describe('describeImpact', () => {
  it('names the company objectives a blocked or at-risk dependency endangers', () => {
    expect(describeImpact({ state: 'blocked', companyObjectivesAtRisk: objectives })).toBe('Puts at risk: Grow revenue in the mid-market; Ship a product customers rely on every day');
    expect(describeImpact({ state: 'at-risk', companyObjectivesAtRisk: objectives.slice(0, 1) })).toBe('Puts at risk: Grow revenue in the mid-market');
  });

  it('says nothing once the dependency is done or open, or when it endangers nothing', () => {
    expect(describeImpact({ state: 'done', companyObjectivesAtRisk: objectives })).toBeNull();
    expect(describeImpact({ state: 'open', companyObjectivesAtRisk: objectives })).toBeNull();
    expect(describeImpact({ state: 'blocked', companyObjectivesAtRisk: [] })).toBeNull();
  });
});

describe('describeDeliverable', () => {
  it("gives a deliverable's Jira status and why it is in its state", () => {
    expect(describeDeliverable({ status: 'In Progress', reasons: ['flagged (Impediment)', 'due 2026-11-19, 15 days ago'] })).toBe('In Progress — flagged (Impediment); due 2026-11-19, 15 days ago');
    expect(describeDeliverable({ status: 'Done', reasons: [] })).toBe('Done');
  });

  it('says the status once: a reason that only repeats it is left out', () => {
    expect(describeDeliverable({ status: 'Blocked', reasons: ['status is Blocked'] })).toBe('Blocked');
    expect(describeDeliverable({ status: 'Blocked', reasons: ['status is Blocked', 'flagged (Impediment)'] })).toBe('Blocked — flagged (Impediment)');
    expect(describeDeliverable({ status: 'Done', reasons: ['status is Done'] })).toBe('Done');
  });

  it('gives only why when Jira has no such issue', () => {
    expect(describeDeliverable({ status: null, reasons: ['not found in the issues read'] })).toBe('not found in the issues read');
    expect(describeDeliverable({ status: null, reasons: [] })).toBe('no status');
  });
});

describe('describeNeed', () => {
  it('says who needs what from whom, with the dependency named by its title, else by its deliverables', () => {
    const dep = { needs: { departmentName: 'Finance' }, provider: { departmentName: 'Platform' } };
    expect(describeNeed({ ...dep, title: 'Usage metering export' })).toBe('Finance needs Usage metering export from Platform');
    expect(describeNeed({ ...dep, title: dependencyTitleOf({ title: null, deliverables: [{ key: 'PLAT-41' }, { key: 'PLAT-42' }] }) })).toBe('Finance needs PLAT-41, PLAT-42 from Platform');
  });
});
