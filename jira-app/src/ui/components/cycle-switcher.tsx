/**
 * Chooses the OKR cycle a panel shows; the current one is marked. A native select in
 * Atlaskit's field look (design tokens in panel.css): it opens with the page, so it stays
 * out of the heavy select component the editors use.
 */
import type { CycleOption } from '../../contract';
import { useDates } from '../api/viewer';

const labelOf = (c: CycleOption, day: (iso: string) => string) => `${c.name ?? c.id} (${day(c.start)} – ${day(c.end)})${c.current ? ' · current' : ''}`;

/** A labelled select; `value` null means the current cycle. */
export function CycleSwitcher({ cycles, value, onChange }: { readonly cycles: readonly CycleOption[]; readonly value: string | null; readonly onChange: (cycle: string | null) => void }) {
  const { day } = useDates();
  const currentId = cycles.find((c) => c.current)?.id ?? null;
  return (
    <div className="okr-field">
      <label htmlFor="cycle-switcher">Cycle</label>
      <select id="cycle-switcher" className="okr-select" value={value ?? currentId ?? ''} disabled={cycles.length < 2} onChange={(e) => onChange(e.target.value && e.target.value !== currentId ? e.target.value : null)}>
        {cycles.map((c) => (
          <option key={c.id} value={c.id}>
            {labelOf(c, day)}
          </option>
        ))}
      </select>
    </div>
  );
}
