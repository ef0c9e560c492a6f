/** Create or edit an objective: title, owner, description and the company (or parent) key results it serves. */
import { Stack } from '@atlaskit/primitives/compiled';
import type { ObjectiveView } from '@okr-bridge/core';
import type { AlignableKr, ResolverError } from '../../../contract';
import { callResolver } from '../../api/resolvers';
import { ChoiceInput, TextArea, TextInput, type Choice } from './fields';
import { chosenAll, chosenOwner, toText } from './values';
import { PersonField } from '../people/pickers';
import { ModalForm } from './modal-form';

const FIELDS = ['title', 'owner', 'description', 'alignedTo'];

export type ObjectiveFormTarget = { readonly mode: 'create'; readonly department: string } | { readonly mode: 'edit'; readonly objective: ObjectiveView };

const choiceOf = (kr: AlignableKr): Choice => ({ label: `${kr.departmentName} · ${kr.title}`, value: kr.id });

/** The modal; `onSaved` runs after the server accepted it. */
export function ObjectiveForm({
  target,
  alignable,
  cycle,
  onClose,
  onSaved,
}: {
  readonly target: ObjectiveFormTarget;
  readonly alignable: readonly AlignableKr[];
  readonly cycle: string | null;
  readonly onClose: () => void;
  readonly onSaved: () => void;
}) {
  const existing = target.mode === 'edit' ? target.objective : null;
  const choices = alignable.map(choiceOf);
  const aligned = existing ? choices.filter((c) => existing.alignedTo.some((a) => a.kr === c.value)) : [];
  const cyclePart = cycle ? { cycle } : {};
  const submit = async (v: Record<string, unknown>): Promise<ResolverError | null> => {
    const weights = new Map(existing?.alignedTo.map((a) => [a.kr, a.weight]) ?? []);
    const alignedTo = chosenAll(v.alignedTo).map((kr) => ({ kr, weight: weights.get(kr) ?? 1 }));
    const title = toText(v.title) ?? '';
    const res = existing
      ? await callResolver('updateObjective', { ...cyclePart, id: existing.id, patch: { title, owner: chosenOwner(v.owner) ?? null, description: toText(v.description) ?? null, alignedTo } })
      : await callResolver('createObjective', {
          ...cyclePart,
          objective: { title, department: target.mode === 'create' ? target.department : '', owner: chosenOwner(v.owner), description: toText(v.description), alignedTo },
        });
    if (res.ok) onSaved();
    return res.ok ? null : res.error;
  };
  return (
    <ModalForm title={existing ? 'Edit objective' : 'New objective'} submitLabel={existing ? 'Save' : 'Create'} fields={FIELDS} onClose={onClose} onSubmit={submit} testId="objective-form">
      <Stack space="space.100">
        <TextInput name="title" label="Title" isRequired defaultValue={existing?.title ?? ''} helper="Qualitative and ambitious: what the department wants to achieve." />
        <PersonField name="owner" label="Owner" owner={existing?.owner} />
        <TextArea name="description" label="Description" />
        <ChoiceInput name="alignedTo" label="Aligned to" isMulti choices={choices} defaultValue={aligned} helper="The company or parent key results this objective moves." />
      </Stack>
    </ModalForm>
  );
}
