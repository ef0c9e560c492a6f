import { buildDepartmentView } from '@okr-bridge/core';
import { loadAcme, reconciledMetrics } from '../testing/test-deps';
import { buildDepartmentInputs } from './department-inputs';
import { evaluateStored } from './evaluate-stored';
import { departmentViewOf } from './read-views';

const AT = '2026-11-15T09:00:00.000Z';

describe('department inputs', () => {
  const { org, issues } = loadAcme();
  const metrics = reconciledMetrics(org, issues, AT);
  const inputs = buildDepartmentInputs(org, metrics, AT);
  const full = evaluateStored(org, metrics, { at: AT });

  it.each(org.departments.map((d) => d.id))('give department %s the same view as the whole org does', (id) => {
    const input = inputs.find((i) => i.department === id)!;
    const fromInput = departmentViewOf(input, AT, { keepIssues: true })!;
    const fromOrg = buildDepartmentView(org, full, id)!;
    const byKey = (a: { code: string; subject: string }, b: { code: string; subject: string }) => `${a.code}${a.subject}`.localeCompare(`${b.code}${b.subject}`);
    expect({ ...fromInput, lint: [...fromInput.lint].sort(byKey) }).toEqual({ ...fromOrg, lint: [...fromOrg.lint].sort(byKey) });
  });

  it.each(org.departments.map((d) => d.id))('give department %s the same review agenda as the whole org does (sub-departments included)', (id) => {
    const input = inputs.find((i) => i.department === id)!;
    const agenda = { scope: { kind: 'department', id } as const };
    const fromInput = evaluateStored(input.org, input.metrics, { at: AT, agenda }).agenda;
    expect(fromInput).toEqual(evaluateStored(org, metrics, { at: AT, agenda }).agenda);
  });

  it("list Platform's blocked delivery to Finance on Engineering's agenda, as the report does", () => {
    const eng = inputs.find((i) => i.department === 'eng')!;
    const items = evaluateStored(eng.org, eng.metrics, { at: AT, agenda: { scope: { kind: 'department', id: 'eng' } } }).agenda.items;
    expect(items.map((i) => i.id)).toContain('blocked-dependency:dep-usage-metering');
  });

  it('cut the org: Platform keeps its objectives and the ones it aligns up to, not Sales', () => {
    const plat = inputs.find((i) => i.department === 'plat')!;
    const departments = new Set(plat.org.objectives.map((o) => o.department));
    expect(departments.has('sales')).toBe(false);
    expect(plat.org.objectives.filter((o) => o.department === 'plat').map((o) => o.id)).toEqual(['plat-o1', 'plat-o2', 'plat-o3']);
    expect(plat.org.objectives.some((o) => o.id === 'eng-o2')).toBe(true);
  });
});
