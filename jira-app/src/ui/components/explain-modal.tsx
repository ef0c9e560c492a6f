/**
 * "How is this number made?": a key result's rule and what went into it, read with
 * `explainKr` (issue summaries are read as the caller, so hidden issues are only counted).
 */
import Button from '@atlaskit/button/default/button';
import DynamicTable from '@atlaskit/dynamic-table';
import ModalDialog, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import type { IssueContribution } from '@okr-bridge/core';
import { explanationSentence, formatNumber, type ExplanationLine } from '@okr-bridge/core/present';
import { useResolver } from '../api/use-resolver';
import { useDates } from '../api/viewer';
import { IssueLink } from './issue-link';
import { RemoteView } from './load-state';

function IssueTable({ issues }: { readonly issues: readonly IssueContribution[] }) {
  const head = { cells: ['Issue', 'Summary', 'Status', 'Epic', 'Counts as'].map((c) => ({ key: c, content: c })) };
  const rows = issues.map((i) => ({
    key: i.key,
    cells: [
      { key: 'k', content: <IssueLink issueKey={i.key} /> },
      { key: 's', content: i.summary },
      { key: 'st', content: `${i.status}${i.addedAfterStart ? ' · added after start' : ''}` },
      { key: 'e', content: i.epic ?? 'JQL' },
      { key: 'c', content: `${formatNumber(i.credit)} of ${formatNumber(i.size)}` },
    ],
  }));
  return <DynamicTable head={head} rows={rows} rowsPerPage={15} label="Issues behind the number" testId="explain-issues" />;
}

/** Core's explanation lines, the same sentences the Teams tab shows; an issue a line opens with is a link. */
function Breakdown({ lines }: { readonly lines: readonly ExplanationLine[] }) {
  const { sentence } = useDates();
  return (
    <Stack space="space.100">
      {lines.map((line) => (
        <Text key={explanationSentence(line)}>
          {line.issue ? (
            <>
              <IssueLink issueKey={line.issue.key} />: {sentence(line.text)}
            </>
          ) : (
            sentence(line.text)
          )}
        </Text>
      ))}
    </Stack>
  );
}

function ExplainBody({ kr, cycle }: { readonly kr: string; readonly cycle: string | null }) {
  const { sentence } = useDates();
  const { remote, reload } = useResolver('explainKr', { kr, ...(cycle ? { cycle } : {}) });
  return (
    <RemoteView remote={remote} what="the explanation" onRetry={reload}>
      {(data) => (
        <Stack space="space.200">
          <Text weight="semibold">{data.kr.title}</Text>
          <Text testId="explain-status">{sentence(data.kr.statusReason)}</Text>
          <Text testId="explain-rule">{sentence(data.kr.explanation[0]?.text ?? '')}</Text>
          <Breakdown lines={data.kr.explanation.slice(1)} />
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
