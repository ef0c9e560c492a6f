/**
 * "How is this number made?": a key result's rule and what went into it, read with
 * `explainKr` (issue summaries are read as the caller, so hidden issues are only counted).
 */
import Button from '@atlaskit/button/default/button';
import DynamicTable from '@atlaskit/dynamic-table';
import ModalDialog, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import type { IssueContribution, KrExplanation } from '@okr-bridge/core';
import { useResolver } from '../api/use-resolver';
import { IssueLink } from './issue-link';
import { RemoteView } from './load-state';

const round = (x: number) => Math.round(x * 100) / 100;

function IssueTable({ issues }: { readonly issues: readonly IssueContribution[] }) {
  const head = { cells: ['Issue', 'Summary', 'Status', 'Epic', 'Counts as'].map((c) => ({ key: c, content: c })) };
  const rows = issues.map((i) => ({
    key: i.key,
    cells: [
      { key: 'k', content: <IssueLink issueKey={i.key} /> },
      { key: 's', content: i.summary },
      { key: 'st', content: `${i.status}${i.addedAfterStart ? ' · added after start' : ''}` },
      { key: 'e', content: i.epic ?? 'JQL' },
      { key: 'c', content: `${round(i.credit)} of ${round(i.size)}` },
    ],
  }));
  return <DynamicTable head={head} rows={rows} rowsPerPage={15} label="Issues behind the number" testId="explain-issues" />;
}

function Breakdown({ explain }: { readonly explain: KrExplanation }) {
  return (
    <Stack space="space.100">
      {explain.value && (
        <Text>
          Start {explain.value.start}, target {explain.value.target ?? 'not set'}, current {explain.value.current}
          {explain.value.unit ? ` ${explain.value.unit}` : ''} (from {explain.value.source === 'check-in' ? 'the latest check-in' : explain.value.source === 'file' ? 'the org file' : 'the start value'}).
        </Text>
      )}
      {explain.epics?.map((e) => (
        <Text key={e.key}>
          <IssueLink issueKey={e.key} />: {e.done} of {e.children} child issues done, counts {round(e.credit)} of {round(e.size)}.
        </Text>
      ))}
      {explain.aligned?.map((a) => (
        <Text key={a.objective}>
          Objective {a.objective}: {Math.round(a.progress * 100)}% at weight {a.weight}.
        </Text>
      ))}
      {explain.unestimated ? <Text>{explain.unestimated} issues have no story points: counted, not weighed.</Text> : null}
      {explain.scopeAdded && explain.scopeAdded.issues > 0 ? (
        <Text>
          Scope added since the cycle start: {explain.scopeAdded.issues} issues, {explain.scopeAdded.points} points.
        </Text>
      ) : null}
      {explain.empty && <Text>No issues yet: progress is 0 until the linked epics have child issues.</Text>}
    </Stack>
  );
}

function ExplainBody({ kr, cycle }: { readonly kr: string; readonly cycle: string | null }) {
  const { remote, reload } = useResolver('explainKr', { kr, ...(cycle ? { cycle } : {}) });
  return (
    <RemoteView remote={remote} what="the explanation" onRetry={reload}>
      {(data) => (
        <Stack space="space.200">
          <Text weight="semibold">{data.kr.title}</Text>
          <Text testId="explain-rule">
            {data.rule} → {data.kr.progressLabel} ({data.kr.valueLabel})
          </Text>
          <Breakdown explain={data.kr.explain} />
          {data.issues.length > 0 && <IssueTable issues={data.issues} />}
          {data.hiddenIssues > 0 && <Text color="color.text.subtle">{data.hiddenIssues} more issues are counted that you cannot see in Jira.</Text>}
        </Stack>
      )}
    </RemoteView>
  );
}

/** The modal for key result `kr` (null: closed). */
export function ExplainModal({ kr, cycle, onClose }: { readonly kr: string | null; readonly cycle: string | null; readonly onClose: () => void }) {
  return (
    <ModalTransition>
      {kr && (
        <ModalDialog onClose={onClose} width="large" testId="explain-modal">
          <ModalHeader>
            <ModalTitle>How this number is made</ModalTitle>
          </ModalHeader>
          <ModalBody>
            <ExplainBody kr={kr} cycle={cycle} />
          </ModalBody>
          <ModalFooter>
            <Button appearance="primary" onClick={onClose} autoFocus>
              Close
            </Button>
          </ModalFooter>
        </ModalDialog>
      )}
    </ModalTransition>
  );
}
