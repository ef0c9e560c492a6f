/** The company (id, name, owners) and who is who: owner names from the org file ↔ Jira accounts, for edit permissions. */
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { replaceAt, type SettingsDraft } from './settings-draft';
import { PickerCell } from './picker-cells';
import { TextCell } from './text-cell';

/** Company fields, then one row per person. */
export function PeopleEditor({ draft, onChange }: { readonly draft: SettingsDraft; readonly onChange: (d: SettingsDraft) => void }) {
  const c = draft.company;
  const people = draft.people ?? [];
  const setPerson = (i: number, p: { name: string; accountId: string }) => onChange({ ...draft, people: replaceAt(people, i, p) });
  return (
    <Stack space="space.150">
      <Heading size="xsmall" as="h3">
        Company
      </Heading>
      <Inline space="space.150" shouldWrap>
        <TextCell id="company-id" label="Company id" value={c.id} onChange={(v) => onChange({ ...draft, company: { ...c, id: v } })} width={120} />
        <TextCell id="company-name" label="Company name" value={c.name} onChange={(v) => onChange({ ...draft, company: { ...c, name: v } })} width={220} />
        <PickerCell kind="people" id="company-owners" label="Company owners" showLabel value={c.owners ?? []} onChange={(v) => onChange({ ...draft, company: { ...c, owners: v } })} />
      </Inline>
      <Heading size="xsmall" as="h3">
        People
      </Heading>
      <Text size="small">Owners written by name or email in the org file (or typed before the pickers): pick the Jira account that may edit for each.</Text>
      <Stack as="ul" space="space.075">
        {people.map((p, i) => (
          <Inline as="li" key={`p${i}`} space="space.100" alignBlock="center">
            <TextCell id={`person-${i}-name`} label={`Person ${i + 1} name`} hideLabel value={p.name} onChange={(v) => setPerson(i, { ...p, name: v })} width={240} />
            <PickerCell kind="person" id={`person-${i}-account`} label={`Person ${i + 1} Jira account`} value={p.accountId ? [p.accountId] : []} onChange={(v) => setPerson(i, { ...p, accountId: v[0] ?? '' })} />
            <Button spacing="compact" appearance="subtle" onClick={() => onChange({ ...draft, people: people.filter((_, j) => j !== i) })} aria-label={`Remove ${p.name || `person ${i + 1}`}`}>
              Remove
            </Button>
          </Inline>
        ))}
      </Stack>
      <Inline>
        <Button onClick={() => onChange({ ...draft, people: [...people, { name: '', accountId: '' }] })}>Add person</Button>
      </Inline>
    </Stack>
  );
}
