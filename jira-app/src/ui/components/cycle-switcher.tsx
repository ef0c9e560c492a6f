/** Chooses the OKR cycle a panel shows; the current one is marked. */
import Select from '@atlaskit/select';
import { Box } from '@atlaskit/primitives';
import type { CycleOption } from '../../contract';

interface Option {
  readonly label: string;
  readonly value: string;
}

const labelOf = (c: CycleOption) => `${c.name ?? c.id} (${c.start} – ${c.end})${c.current ? ' · current' : ''}`;

/** A labelled select; `value` null means the current cycle. */
export function CycleSwitcher({ cycles, value, onChange }: { readonly cycles: readonly CycleOption[]; readonly value: string | null; readonly onChange: (cycle: string | null) => void }) {
  const options: Option[] = cycles.map((c) => ({ label: labelOf(c), value: c.id }));
  const currentId = cycles.find((c) => c.current)?.id ?? null;
  const selected = options.find((o) => o.value === (value ?? currentId)) ?? null;
  return (
    <Box style={{ minWidth: 260 }}>
      <label htmlFor="cycle-switcher" style={{ display: 'block', fontSize: 12, fontWeight: 600 }}>
        Cycle
      </label>
      <Select<Option>
        inputId="cycle-switcher"
        options={options}
        value={selected}
        onChange={(o) => onChange(o && o.value !== currentId ? o.value : null)}
        isSearchable={false}
        isDisabled={cycles.length < 2}
      />
    </Box>
  );
}
