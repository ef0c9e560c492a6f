/**
 * Chooses the OKR cycle a panel shows; the current one is marked. A native select in
 * Atlaskit's field look (design tokens in panel.css): it opens with the page, so it stays
 * out of the heavy select component the editors use.
 */
import type { CycleOption } from '../../contract';

const labelOf = (c: CycleOption) => `${c.name ?? c.id} (${c.start} – ${c.end})${c.current ? ' · current' : ''}`;

/** A labelled select; `value` null means the current cycle. */
export function CycleSwitcher({ cycles, value, onChange }: { readonly cycles: readonly CycleOption[]; readonly value: string | null; readonly onChange: (cycle: string | null) => void }) {
  const currentId = cycles.find((c) => c.current)?.id ?? null;
  return (
    <div className="okr-field">
      <label htmlFor="cycle-switcher">Cycle</label>
      <select id="cycle-switcher" className="okr-select" value={value ?? currentId ?? ''} disabled={cycles.length < 2} onChange={(e) => onChange(e.target.value && e.target.value !== currentId ? e.target.value : null)}>
        {cycles.map((c) => (
          <option key={c.id} value={c.id}>
            {labelOf(c)}
          </option>
        ))}
      </select>
    </div>
  );
}
