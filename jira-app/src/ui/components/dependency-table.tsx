/** Dependencies between departments, in the order given (the views put blocked first). */
import DynamicTable from '@atlaskit/dynamic-table';
import EmptyState from '@atlaskit/empty-state';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import type { DependencyView } from '@okr-bridge/core';
import { describeDeliverable, describeImpact } from '@okr-bridge/core/present';
import { useDates } from '../api/viewer';
import { IssueLink } from './issue-link';
import { DependencyLozenge } from './status';

const HEAD = {
  cells: [
    { key: 'state', content: 'State' },
    { key: 'title', content: 'Dependency' },
    { key: 'needs', content: 'Needed by' },
    { key: 'provider', content: 'Provided by' },
    { key: 'deliverables', content: 'Deliverables' },
    { key: 'due', content: 'Due' },
  ],
};

/** One row per dependency with its reason and each deliverable's state. */
export function DependencyTable({ dependencies, label, emptyText }: { readonly dependencies: readonly DependencyView[]; readonly label: string; readonly emptyText: string }) {
  const { day, sentence } = useDates();
  if (dependencies.length === 0) return <EmptyState header={`No ${label.toLowerCase()}`} description={emptyText} headingLevel={3} width="narrow" />;
  const rows = dependencies.map((d) => ({
    key: d.id,
    testId: `dependency-row-${d.id}`,
    cells: [
      { key: 'state', content: <DependencyLozenge state={d.state} label={d.stateLabel} /> },
      {
        key: 'title',
        content: (
          <Stack space="space.050">
            <Text weight="semibold">{d.title}</Text>
            <Text size="small" color="color.text.subtle">
              {sentence(d.reason)}
            </Text>
            {describeImpact(d) && (
              <Text size="small" weight="semibold" testId={`dependency-impact-${d.id}`}>
                {describeImpact(d)}
              </Text>
            )}
          </Stack>
        ),
      },
      { key: 'needs', content: `${d.needs.departmentName} · ${d.needs.krTitle}` },
      { key: 'provider', content: d.provider.departmentName },
      {
        key: 'deliverables',
        content: (
          <Stack space="space.050">
            {d.deliverables.map((x) => (
              <Text key={x.key} size="small">
                <IssueLink issueKey={x.key} url={x.url} /> {sentence(describeDeliverable(x))}
              </Text>
            ))}
          </Stack>
        ),
      },
      { key: 'due', content: d.due ? day(d.due) : '—' },
    ],
  }));
  return <DynamicTable head={HEAD} rows={rows} label={label} testId="dependency-table" />;
}
