/** Every department's progress and status, with how many of its dependencies are blocked. */
import Badge from '@atlaskit/badge';
import DynamicTable from '@atlaskit/dynamic-table';
import type { CompanyView } from '@okr-bridge/core';
import { ProgressLine } from '../../components/progress';
import { StatusLozenge } from '../../components/status';

const HEAD = {
  cells: [
    { key: 'name', content: 'Department', isSortable: true },
    { key: 'objectives', content: 'Objectives' },
    { key: 'progress', content: 'Progress', isSortable: true },
    { key: 'status', content: 'Status' },
    { key: 'blocked', content: 'Blocked dependencies', isSortable: true },
  ],
};

/** A sortable table, one row per department. */
export function DepartmentTable({ departments }: { readonly departments: CompanyView['departments'] }) {
  const rows = departments.map((d) => ({
    key: d.id,
    testId: `department-row-${d.id}`,
    cells: [
      { key: d.name, content: d.name },
      { key: 'objectives', content: d.objectives },
      { key: d.progress, content: <ProgressLine progress={d.progress} label={d.progressLabel} name={d.name} width={140} /> },
      { key: 'status', content: <StatusLozenge status={d.status} label={d.statusLabel} /> },
      { key: d.blocked, content: <Badge appearance={d.blocked > 0 ? 'danger' : 'default'}>{d.blocked}</Badge> },
    ],
  }));
  return <DynamicTable head={HEAD} rows={rows} label="Departments" testId="department-table" />;
}
