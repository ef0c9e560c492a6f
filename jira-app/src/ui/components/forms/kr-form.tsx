/**
 * Create or edit a key result. The kind decides the fields: metric (start, target, current,
 * unit), milestone, jira (epics, measure, JQL) or roll-up. Editing replaces the key result
 * whole (`updateKr`), so the form starts from everything the view knows of it.
 */
import { useEffect, useState } from 'react';
import { useFormState } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives/compiled';
import type { KrView } from '@okr-bridge/core';
import type { ResolverError } from '../../../contract';
import { callResolver } from '../../api/resolvers';
import { ChoiceInput, TextInput, type Choice } from './fields';
import { targetProblem, toKeyResultInput } from './kr-input';
import { chosen } from './values';
import { ModalForm } from './modal-form';
import { PersonField } from '../people/pickers';

const KINDS: readonly Choice[] = [
  { label: 'Metric: from a start value to a target', value: 'metric' },
  { label: 'Milestone: done or not', value: 'milestone' },
  { label: 'Jira: progress of epics', value: 'jira' },
  { label: 'Roll-up: objectives aligned to it', value: 'rollup' },
];
const MEASURES: readonly Choice[] = [
  { label: 'Issues done / total', value: 'issues' },
  { label: 'Story points done / total', value: 'points' },
  { label: 'Weighted by status (To Do 0, In Progress ½, Done 1)', value: 'weighted' },
];
const FIELDS = ['kind', 'title', 'owner', 'weight', 'start', 'target', 'current', 'unit', 'epics', 'measure', 'jql'];

/** What the form was opened for. */
export type KrFormTarget =
  | { readonly mode: 'create'; readonly objective: string; readonly objectiveTitle: string; readonly epic?: string }
  | { readonly mode: 'edit'; readonly kr: KrView };

/** The modal; `onSaved` runs after the server accepted it. */
export function KrForm({ target, cycle, onClose, onSaved }: { readonly target: KrFormTarget; readonly cycle: string | null; readonly onClose: () => void; readonly onSaved: () => void }) {
  const kr = target.mode === 'edit' ? target.kr : null;
  const [kind, setKind] = useState<string>(kr?.kind ?? (target.mode === 'create' && target.epic ? 'jira' : 'metric'));
  const value = kr?.explain.value;
  const cyclePart = cycle ? { cycle } : {};
  const submit = async (v: Record<string, unknown>): Promise<ResolverError | null> => {
    const input = toKeyResultInput(kind, v, kr?.id);
    const res = kr ? await callResolver('updateKr', { ...cyclePart, id: kr.id, kr: input }) : await callResolver('createKr', { ...cyclePart, objective: target.mode === 'create' ? target.objective : '', kr: input });
    if (res.ok) onSaved();
    return res.ok ? null : res.error;
  };
  const title = kr ? `Edit key result` : `New key result for “${target.mode === 'create' ? target.objectiveTitle : ''}”`;
  return (
    <ModalForm title={title} submitLabel={kr ? 'Save' : 'Create'} fields={FIELDS} onClose={onClose} onSubmit={submit} testId="kr-form">
      <Stack space="space.100">
        <ChoiceInput name="kind" label="Kind" isRequired choices={KINDS} defaultValue={KINDS.find((k) => k.value === kind) ?? null} />
        <KindSpy onKind={setKind} />
        <TextInput name="title" label="Title" isRequired defaultValue={kr?.title ?? ''} helper="What will be true at the end of the cycle, measurably." />
        <PersonField name="owner" label="Owner" owner={kr?.owner} helper="The person who answers for it; empty: the objective's owner." />
        <TextInput name="weight" label="Weight" type="number" defaultValue={String(kr?.weight ?? 1)} />
        {kind === 'metric' && (
          <>
            <TextInput name="start" label="Start value" type="number" isRequired defaultValue={value ? String(value.start) : ''} />
            <TextInput name="target" label="Target value" type="number" isRequired defaultValue={value?.target != null ? String(value.target) : ''} check={targetProblem} />
            <TextInput name="current" label="Current value" type="number" defaultValue={value && value.source === 'file' ? String(value.current) : ''} helper="Check-ins move it later." />
            <TextInput name="unit" label="Unit" defaultValue={value?.unit ?? ''} />
          </>
        )}
        {kind === 'jira' && (
          <>
            <TextInput name="epics" label="Epics" defaultValue={kr ? kr.epics.map((e) => e.key).join(', ') : target.mode === 'create' ? (target.epic ?? '') : ''} helper="Issue keys, separated by commas: ENG-101, ENG-102." />
            <ChoiceInput name="measure" label="Measure" isRequired choices={MEASURES} defaultValue={MEASURES.find((m) => m.value === (kr?.explain.measure ?? 'issues')) ?? null} />
            <TextInput name="jql" label="JQL (instead of epics)" helper="A bounded JQL, e.g. project = CS AND issuetype = Bug." />
          </>
        )}
      </Stack>
    </ModalForm>
  );
}

/** Follows the kind field so the kind-specific fields appear as soon as it changes. */
function KindSpy({ onKind }: { readonly onKind: (kind: string) => void }) {
  const state = useFormState<{ kind?: Choice | null }>({ values: true });
  const kind = chosen(state?.values?.kind);
  useEffect(() => {
    if (kind) onKind(kind);
  }, [kind, onKind]);
  return null;
}
