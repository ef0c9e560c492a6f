/** The review agenda: time-boxed items in order, each with its presenter and links, then what did not fit. */
import { Lozenge, type LozengeAppearance as ThemeAppearance } from '../../components/lozenge';
import { TONE_APPEARANCE } from '../../components/status';
import { AGENDA_KIND_TONES } from '@okr-bridge/core/present';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { AgendaItem, ReviewAgenda } from '@okr-bridge/core';
import { accountIdsInText, AGENDA_KIND_LABELS, emailsInText } from '@okr-bridge/core/present';
import { openUrl } from '../../api/navigation';
import { useDates } from '../../api/viewer';
import { OwnerName } from '../../components/people/owner-name';
import { namedText } from '../../components/people/named-text';
import { PeopleProvider, usePeopleMap } from '../../components/people/people-context';

/** The lozenge colour of each kind: core's tone of the kind, the colour the Teams Review view gives it. */
const APPEARANCE = Object.fromEntries(Object.entries(AGENDA_KIND_TONES).map(([kind, tone]) => [kind, TONE_APPEARANCE[tone]])) as Readonly<Record<AgendaItem['kind'], ThemeAppearance>>;

function Item({ item }: { readonly item: AgendaItem }) {
  const people = usePeopleMap();
  const { sentence } = useDates();
  return (
    <Box as="li" testId={`agenda-${item.id}`}>
      <Stack space="space.050">
      <Inline space="space.100" alignBlock="center" shouldWrap>
        <Text weight="bold">{item.minutes} min</Text>
        <Lozenge appearance={APPEARANCE[item.kind]}>{AGENDA_KIND_LABELS[item.kind]}</Lozenge>
        <Text weight="semibold">{sentence(item.title)}</Text>
        <Text size="small" color="color.text.subtle">
          <OwnerName owner={item.presenter} empty="no presenter" />
        </Text>
      </Inline>
      <Text size="small">{sentence(namedText(item.detail, people))}</Text>
      {item.links.length > 0 && (
        <Inline space="space.100" shouldWrap>
          {item.links.map((l) =>
            l.url ? (
              <a key={l.label} href={l.url} onClick={(e) => { e.preventDefault(); openUrl(l.url as string); }} style={{ color: token('color.link') }}>
                {l.label}
              </a>
            ) : (
              <Text key={l.label} size="small">
                {l.label}
              </Text>
            ),
          )}
        </Inline>
      )}
      </Stack>
    </Box>
  );
}

/** The agenda with its timing. */
export function AgendaList({ agenda }: { readonly agenda: ReviewAgenda }) {
  const { day } = useDates();
  return (
    <PeopleProvider owners={[...agenda.items, ...agenda.overflow].flatMap((i) => [i.presenter, ...accountIdsInText(i.detail), ...emailsInText(i.detail)])}>
      <Stack space="space.200" testId="agenda">
        <Text>
          {agenda.title}: changes since {day(agenda.since)}, {agenda.meetingMinutes} minutes, {agenda.bufferMinutes} left for open discussion.
        </Text>
        {agenda.items.length === 0 ? <Text>Nothing needs the review's time: no blocked dependencies, nothing at risk.</Text> : (
          <Stack as="ol" space="space.150">
            {agenda.items.map((i) => (
              <Item key={i.id} item={i} />
            ))}
          </Stack>
        )}
        {agenda.overflow.length > 0 && (
          <Stack space="space.100">
            <Text weight="semibold">Did not fit; carry to the next review</Text>
            <Stack as="ol" space="space.100">
              {agenda.overflow.map((i) => (
                <Item key={i.id} item={i} />
              ))}
            </Stack>
          </Stack>
        )}
      </Stack>
    </PeopleProvider>
  );
}
