/** Status thresholds, status weights, the due-soon window, blocked statuses and the Jira fields the app reads. */
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { SettingsDraft } from './settings-draft';
import { listFormat, numberFormat, ParsedCell, TextCell } from './text-cell';

/** The fields, grouped; numbers stay numbers (NaN when not one, so saving says what is expected). */
export function RulesEditor({ draft, onChange }: { readonly draft: SettingsDraft; readonly onChange: (d: SettingsDraft) => void }) {
  const t = draft.thresholds;
  const w = draft.statusWeights ?? { new: 0, indeterminate: 0.5, done: 1 };
  const j = draft.jira;
  return (
    <Stack space="space.250">
      <Stack space="space.100">
        <Heading size="xsmall" as="h3">
          Status thresholds
        </Heading>
        <Text size="small">Progress divided by expected progress: at least “on track” is on track, at least “behind” is behind, below is at risk.</Text>
        <Inline space="space.150">
          <ParsedCell id="threshold-on-track" label="On track from" value={t.onTrack} {...numberFormat} onChange={(v) => onChange({ ...draft, thresholds: { ...t, onTrack: v } })} width={120} />
          <ParsedCell id="threshold-behind" label="Behind from" value={t.behind} {...numberFormat} onChange={(v) => onChange({ ...draft, thresholds: { ...t, behind: v } })} width={120} />
          <ParsedCell id="due-soon" label="Due soon (days)" value={draft.dueSoonDays ?? 7} {...numberFormat} onChange={(v) => onChange({ ...draft, dueSoonDays: v })} width={120} />
        </Inline>
      </Stack>
      <Stack space="space.100">
        <Heading size="xsmall" as="h3">
          Weighted measure
        </Heading>
        <Inline space="space.150">
          {(['new', 'indeterminate', 'done'] as const).map((k) => (
            <ParsedCell key={k} id={`weight-${k}`} label={`Weight of ${k === 'new' ? 'To Do' : k === 'indeterminate' ? 'In Progress' : 'Done'}`} value={w[k]} {...numberFormat} onChange={(v) => onChange({ ...draft, statusWeights: { ...w, [k]: v } })} width={140} />
          ))}
        </Inline>
      </Stack>
      <Stack space="space.100">
        <Heading size="xsmall" as="h3">
          Jira
        </Heading>
        <ParsedCell id="blocked-statuses" label="Statuses that mean blocked (comma separated)" value={j.blockedStatuses} {...listFormat} onChange={(v) => onChange({ ...draft, jira: { ...j, blockedStatuses: v } })} />
        <Inline space="space.150" shouldWrap>
          <TextCell id="story-points-field" label="Story points field" value={j.storyPointsField ?? ''} onChange={(v) => onChange({ ...draft, jira: { ...j, storyPointsField: v || undefined } })} width={200} />
          <TextCell id="flagged-field" label="Flagged field" value={j.flaggedField ?? ''} onChange={(v) => onChange({ ...draft, jira: { ...j, flaggedField: v || undefined } })} width={200} />
          <TextCell id="base-url" label="Site address (for links)" value={j.baseUrl ?? ''} onChange={(v) => onChange({ ...draft, jira: { ...j, baseUrl: v || undefined } })} width={280} />
        </Inline>
      </Stack>
    </Stack>
  );
}
