/** The gadget's edit view: choose the company or one department; Save hands the configuration to Jira (`view.submit`). */
import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Select from '@atlaskit/select';
import { Notice } from '../../components/notice';
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import { view } from '@forge/bridge';
import type { DepartmentOption } from '../../../contract';
import type { GadgetScope } from './gadget-scope';

interface Option {
  readonly label: string;
  readonly value: string;
}

const COMPANY = '__company__';

/** The form; `departments` come from the backend. */
export function GadgetEdit({ scope, departments }: { readonly scope: GadgetScope | null; readonly departments: readonly DepartmentOption[] }) {
  const options: Option[] = [{ label: 'The whole company', value: COMPANY }, ...departments.map((d) => ({ label: d.name, value: d.id }))];
  const initial = scope?.kind === 'department' ? scope.department : COMPANY;
  const [choice, setChoice] = useState<Option | null>(options.find((o) => o.value === initial) ?? options[0] ?? null);
  const [error, setError] = useState<string | null>(null);
  const save = () => {
    if (!choice) return;
    const next: GadgetScope = choice.value === COMPANY ? { kind: 'company' } : { kind: 'department', department: choice.value };
    view.submit({ scope: next }).catch((e: unknown) => setError(`Jira did not save the gadget: ${(e as Error).message}`));
  };
  return (
    <Stack space="space.150" testId="gadget-edit">
      {error && (
        <Notice appearance="error" title="Not saved">
          <p>{error}</p>
        </Notice>
      )}
      <div>
        <label htmlFor="gadget-scope" style={{ display: 'block', fontSize: 12, fontWeight: 600 }}>
          Show progress of
        </label>
        <Select<Option> inputId="gadget-scope" options={options} value={choice} onChange={setChoice} />
      </div>
      <Inline space="space.100">
        <Button appearance="primary" onClick={save} isDisabled={!choice}>
          Save
        </Button>
        <Button appearance="subtle" onClick={() => void view.close()}>
          Cancel
        </Button>
      </Inline>
    </Stack>
  );
}
