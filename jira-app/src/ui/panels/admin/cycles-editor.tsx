/** OKR cycles (id, name, start, end) and which one is current. */
import Button from '@atlaskit/button/default/button';
import DynamicTable from '@atlaskit/dynamic-table';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { replaceAt, type CycleDraft, type SettingsDraft } from './settings-draft';
import { TextCell } from './text-cell';

const HEAD = { cells: ['Id', 'Name', 'Start', 'End', 'Current', ''].map((c, i) => ({ key: `h${i}`, content: c })) };

/** The table; "Make current" moves the current cycle. */
export function CyclesEditor({ draft, onChange }: { readonly draft: SettingsDraft; readonly onChange: (d: SettingsDraft) => void }) {
  const set = (i: number, c: CycleDraft) => {
    const before = draft.cycles[i];
    const currentCycle = before && draft.currentCycle === before.id ? c.id : draft.currentCycle;
    onChange({ ...draft, cycles: replaceAt(draft.cycles, i, c), currentCycle });
  };
  const add = () => onChange({ ...draft, cycles: [...draft.cycles, { id: '', start: '', end: '' }], currentCycle: draft.currentCycle || '' });
  const remove = (i: number) => onChange({ ...draft, cycles: draft.cycles.filter((_, j) => j !== i) });
  const rows = draft.cycles.map((c, i) => ({
    key: `c${i}`,
    cells: [
      { key: 'id', content: <TextCell id={`cycle-${i}-id`} label={`Cycle ${i + 1} id`} hideLabel value={c.id} onChange={(v) => set(i, { ...c, id: v })} width={100} /> },
      { key: 'name', content: <TextCell id={`cycle-${i}-name`} label={`Cycle ${i + 1} name`} hideLabel value={c.name ?? ''} onChange={(v) => set(i, { ...c, name: v || undefined })} /> },
      { key: 'start', content: <TextCell id={`cycle-${i}-start`} label={`Cycle ${i + 1} start`} hideLabel type="date" value={c.start} onChange={(v) => set(i, { ...c, start: v })} /> },
      { key: 'end', content: <TextCell id={`cycle-${i}-end`} label={`Cycle ${i + 1} end`} hideLabel type="date" value={c.end} onChange={(v) => set(i, { ...c, end: v })} /> },
      {
        key: 'current',
        content:
          draft.currentCycle === c.id ? (
            <Text weight="semibold">Current</Text>
          ) : (
            <Button spacing="compact" onClick={() => onChange({ ...draft, currentCycle: c.id })} aria-label={`Make ${c.id || `cycle ${i + 1}`} current`}>
              Make current
            </Button>
          ),
      },
      {
        key: 'remove',
        content: (
          <Button spacing="compact" appearance="subtle" onClick={() => remove(i)} aria-label={`Remove cycle ${c.id || i + 1}`} isDisabled={draft.currentCycle === c.id}>
            Remove
          </Button>
        ),
      },
    ],
  }));
  return (
    <Stack space="space.150">
      <Text>Panels show the current cycle by default; people switch to others with the cycle selector.</Text>
      <DynamicTable head={HEAD} rows={rows} label="Cycles" emptyView={<Text>No cycles yet: add one (for example 2026-Q4, 2026-10-01 to 2026-12-31).</Text>} />
      <Inline>
        <Button onClick={add}>Add cycle</Button>
      </Inline>
    </Stack>
  );
}
