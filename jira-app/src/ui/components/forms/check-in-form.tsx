/** A check-in on a metric (a new value) or milestone (done or not) key result, with confidence and a note. */
import { Stack, Text } from '@atlaskit/primitives/compiled';
import type { KrView } from '@okr-bridge/core';
import type { ResolverError } from '../../../contract';
import { callResolver } from '../../api/resolvers';
import { ChoiceInput, TextArea, TextInput, type Choice } from './fields';
import { chosen, toNumber, toText } from './values';
import { ModalForm } from './modal-form';

const FIELDS = ['value', 'done', 'confidence', 'note', 'decision'];
const CONFIDENCE: readonly Choice[] = [
  { label: 'High', value: 'high' },
  { label: 'Medium', value: 'medium' },
  { label: 'Low', value: 'low' },
];
const DONE: readonly Choice[] = [
  { label: 'Not done yet', value: 'no' },
  { label: 'Done', value: 'yes' },
];

/** The modal for `kr`; `onSaved` gets the key result as it stands after the check-in. */
export function CheckInForm({ kr, cycle, onClose, onSaved }: { readonly kr: KrView; readonly cycle: string | null; readonly onClose: () => void; readonly onSaved: (kr: KrView) => void }) {
  const value = kr.explain.value;
  const submit = async (v: Record<string, unknown>): Promise<ResolverError | null> => {
    const measured = kr.kind === 'metric' ? { value: toNumber(v.value) } : { done: chosen(v.done) === 'yes' };
    const confidence = chosen(v.confidence) as 'low' | 'medium' | 'high' | undefined;
    const res = await callResolver('checkIn', {
      ...(cycle ? { cycle } : {}),
      kr: kr.id,
      ...measured,
      ...(confidence ? { confidence } : {}),
      ...(toText(v.note) ? { note: toText(v.note) } : {}),
      ...(toText(v.decision) ? { decision: toText(v.decision) } : {}),
    });
    if (res.ok) onSaved(res.data.kr);
    return res.ok ? null : res.error;
  };
  return (
    <ModalForm title={`Check in: ${kr.title}`} submitLabel="Check in" fields={FIELDS} onClose={onClose} onSubmit={submit} testId="check-in-form">
      <Stack space="space.100">
        <Text>Now: {kr.valueLabel}</Text>
        {kr.kind === 'metric' ? (
          <TextInput name="value" label={`New value${value?.unit ? ` (${value.unit})` : ''}`} type="number" isRequired helper={value ? `From ${value.start} to ${value.target ?? '?'}` : undefined} />
        ) : (
          <ChoiceInput name="done" label="Milestone" isRequired choices={DONE} defaultValue={DONE[0] ?? null} />
        )}
        <ChoiceInput name="confidence" label="Confidence" choices={CONFIDENCE} defaultValue={CONFIDENCE[1] ?? null} />
        <TextArea name="note" label="Note" />
        <TextInput name="decision" label="Decision to ask the review for" />
      </Stack>
    </ModalForm>
  );
}
