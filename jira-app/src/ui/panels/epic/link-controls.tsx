/** Link the epic to a key result, or create a new key result from it under one of the caller's objectives. */
import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Select from '@atlaskit/select';
import { Box, Inline, Stack } from '@atlaskit/primitives/compiled';
import type { EpicPanel } from '../../../contract';

interface Option {
  readonly label: string;
  readonly value: string;
}

type Ready = Extract<EpicPanel, { kind: 'epic' }>;

function Picker({ id, label, options, value, onChange }: { readonly id: string; readonly label: string; readonly options: readonly Option[]; readonly value: Option | null; readonly onChange: (o: Option | null) => void }) {
  return (
    <Box style={{ minWidth: 320, flex: 1 }}>
      <label htmlFor={id} style={{ display: 'block', fontSize: 12, fontWeight: 600 }}>
        {label}
      </label>
      <Select<Option> inputId={id} options={[...options]} value={value} onChange={(o) => onChange(o)} isClearable placeholder="Choose…" />
    </Box>
  );
}

/** The two controls; hidden parts when the caller may link or create nothing. */
export function LinkControls({ panel, busy, onLink, onCreate }: { readonly panel: Ready; readonly busy: boolean; readonly onLink: (kr: string) => void; readonly onCreate: (objective: { id: string; title: string }) => void }) {
  const [kr, setKr] = useState<Option | null>(null);
  const [objective, setObjective] = useState<Option | null>(null);
  const krOptions = panel.linkable.filter((k) => !k.linked).map((k) => ({ label: `${k.departmentName} · ${k.objectiveTitle} → ${k.title}`, value: k.id }));
  const objectiveOptions = panel.objectives.map((o) => ({ label: o.title, value: o.id }));
  return (
    <Stack space="space.150">
      {krOptions.length > 0 && (
        <Inline space="space.100" alignBlock="end" shouldWrap>
          <Picker id="link-kr" label={`Link ${panel.view.epic} to a key result`} options={krOptions} value={kr} onChange={setKr} />
          <Button appearance="primary" isDisabled={!kr} isLoading={busy} onClick={() => kr && onLink(kr.value)}>
            Link
          </Button>
        </Inline>
      )}
      {objectiveOptions.length > 0 && (
        <Inline space="space.100" alignBlock="end" shouldWrap>
          <Picker id="create-kr-objective" label="Or create a key result from this epic under" options={objectiveOptions} value={objective} onChange={setObjective} />
          <Button isDisabled={!objective} onClick={() => objective && onCreate({ id: objective.value, title: objective.label })}>
            Create key result
          </Button>
        </Inline>
      )}
    </Stack>
  );
}
