/** Lint findings: what is off with the OKRs themselves (too many objectives, no target, silos). */
import { Notice } from './notice';
import { Lozenge } from './lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { LintFinding } from '@okr-bridge/core';
import { accountIdsInText, AGENDA_KIND_LABELS, emailsInText } from '@okr-bridge/core/present';
import { useDates } from '../api/viewer';
import { namedText } from './people/named-text';
import { PeopleProvider, usePeopleMap } from './people/people-context';

const CODE_LABELS: Readonly<Record<LintFinding['code'], string>> = {
  'objective-count': 'Objective count',
  'kr-no-measure': 'No measure',
  'kr-no-target': 'No target',
  'no-owner': 'No owner',
  'unaligned-objective': 'Not aligned',
  'hidden-dependency': 'Hidden dependency',
  // Worded as the review agenda's item for the same finding.
  'stale-check-in': AGENDA_KIND_LABELS['stale-check-in'],
  'owner-overload': 'Owner overloaded',
};

/** The findings, errors first; a success message when there are none. */
export function LintList({ findings }: { readonly findings: readonly LintFinding[] }) {
  if (findings.length === 0) {
    return (
      <Notice appearance="success" title="No lint findings">
        <p>These OKRs follow the rules: 3–5 objectives, measurable key results with owners, aligned and checked in.</p>
      </Notice>
    );
  }
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  // An overloaded owner is named in the finding as stored: an account id reads as the person's name.
  return (
    <PeopleProvider owners={findings.flatMap((f) => [...accountIdsInText(f.message), ...emailsInText(f.message)])}>
      <Findings findings={sorted} />
    </PeopleProvider>
  );
}

function Findings({ findings }: { readonly findings: readonly LintFinding[] }) {
  const people = usePeopleMap();
  const { sentence } = useDates();
  return (
    <Stack space="space.100" as="ul" testId="lint-list">
      {findings.map((f) => (
        <Inline as="li" key={`${f.code}:${f.subject}`} space="space.100" alignBlock="start">
          <Lozenge appearance={f.severity === 'error' ? 'removed' : 'moved'}>{f.severity}</Lozenge>
          <Text weight="semibold">{CODE_LABELS[f.code]}</Text>
          <Text>{sentence(namedText(f.message, people))}</Text>
        </Inline>
      ))}
    </Stack>
  );
}
