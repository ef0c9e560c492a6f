/** Departments ↔ Jira projects and owners, edited in place: one row per department. */
import Button from '@atlaskit/button/default/button';
import DynamicTable from '@atlaskit/dynamic-table';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { replaceAt, type DepartmentDraft, type SettingsDraft } from './settings-draft';
import { PickerCell } from './picker-cells';
import { TextCell } from './text-cell';

const HEAD = { cells: ['Id', 'Name', 'Parent', 'Jira projects', 'Owners', ''].map((c, i) => ({ key: `h${i}`, content: c })) };

/** The table and an Add button; `onChange` gets the whole new draft. */
export function DepartmentsEditor({ draft, onChange }: { readonly draft: SettingsDraft; readonly onChange: (d: SettingsDraft) => void }) {
  const set = (i: number, d: DepartmentDraft) => onChange({ ...draft, departments: replaceAt(draft.departments, i, d) });
  const remove = (i: number) => onChange({ ...draft, departments: draft.departments.filter((_, j) => j !== i) });
  const add = () => onChange({ ...draft, departments: [...draft.departments, { id: '', name: '', jiraProjects: [], owners: [] }] });
  const rows = draft.departments.map((d, i) => ({
    key: `d${i}`,
    testId: `admin-department-${d.id || i}`,
    cells: [
      { key: 'id', content: <TextCell id={`dep-${i}-id`} label={`Department ${i + 1} id`} hideLabel value={d.id} onChange={(v) => set(i, { ...d, id: v })} width={90} /> },
      { key: 'name', content: <TextCell id={`dep-${i}-name`} label={`Department ${i + 1} name`} hideLabel value={d.name} onChange={(v) => set(i, { ...d, name: v })} /> },
      { key: 'parent', content: <TextCell id={`dep-${i}-parent`} label={`Department ${i + 1} parent id`} hideLabel value={d.parent ?? ''} onChange={(v) => set(i, { ...d, parent: v || undefined })} width={90} /> },
      {
        key: 'projects',
        content: <PickerCell kind="projects" id={`dep-${i}-projects`} label={`Department ${i + 1} Jira projects`} value={d.jiraProjects ?? []} onChange={(v) => set(i, { ...d, jiraProjects: v })} />,
      },
      { key: 'owners', content: <PickerCell kind="people" id={`dep-${i}-owners`} label={`Department ${i + 1} owners`} value={d.owners ?? []} onChange={(v) => set(i, { ...d, owners: v })} /> },
      {
        key: 'remove',
        content: (
          <Button spacing="compact" appearance="subtle" onClick={() => remove(i)} aria-label={`Remove department ${d.name || i + 1}`}>
            Remove
          </Button>
        ),
      },
    ],
  }));
  return (
    <Stack space="space.150">
      <Text>Each Jira project belongs to one department; its owners (and Jira admins) may edit the department's OKRs. Pick its Jira projects and its owners from Jira; owners typed before stay as typed until replaced.</Text>
      <DynamicTable head={HEAD} rows={rows} label="Departments" emptyView={<Text>No departments yet: add one, or import an org file.</Text>} />
      <Inline>
        <Button onClick={add}>Add department</Button>
      </Inline>
    </Stack>
  );
}
