/**
 * The progress of an org import that runs through the queue (a file too large for one call):
 * a progress bar with "n of m departments", asked of `getImportProgress` (one small read) every
 * few seconds while it runs, and how it ended. Says nothing when no import went through the queue.
 */
import { useEffect, useRef, useState } from 'react';
import ProgressBar from '@atlaskit/progress-bar';
import { Stack, Text } from '@atlaskit/primitives/compiled';
import type { ImportProgressView } from '../../../contract';
import { invokeResolver } from '../../api/invoke';
import { Notice } from '../../components/notice';

/** How often a running import is asked about. */
export const IMPORT_POLL_MS = 2000;

const count = (n: number) => n.toLocaleString('en-US');
const when = (iso: string) => iso.replace('T', ' ').slice(0, 16) + ' UTC';

/** Follows the queued import; `watch` changes when an import was just started; `onFinished` runs when one ends while watched. */
export function ImportProgress({ watch, onFinished }: { readonly watch: number; readonly onFinished: () => void }) {
  const [progress, setProgress] = useState<ImportProgressView>({ status: 'none' });
  const [error, setError] = useState<string | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Just started here: it may have ended before the first answer, and the page must still load the new org.
    let sawRunning = watch > 0;
    const ask = async () => {
      const res = await invokeResolver('getImportProgress', {});
      if (stopped) return;
      if (!res.ok) {
        setError(res.error.message);
        timer = setTimeout(() => void ask(), IMPORT_POLL_MS * 2);
        return;
      }
      setError(null);
      setProgress(res.data);
      if (res.data.status === 'running') {
        sawRunning = true;
        timer = setTimeout(() => void ask(), IMPORT_POLL_MS);
      } else if (sawRunning) {
        finished.current();
      }
    };
    void ask();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [watch]);

  if (progress.status === 'none') return error ? <Text color="color.text.danger">Import progress unavailable: {error}</Text> : null;
  const { cycle, done, total, startedAt } = progress;
  if (progress.status === 'running') {
    return (
      <Stack space="space.100" testId="import-progress">
        <ProgressBar ariaLabel={`Import of cycle ${cycle}: ${done} of ${total} departments written`} value={total === 0 ? 0 : done / total} />
        <Text>
          Importing cycle {cycle}: {count(done)} of {count(total)} departments written (started {when(startedAt)}). The previous OKRs stay in place until every department is written.
        </Text>
        {error && <Text color="color.text.danger">Could not ask for progress: {error}</Text>}
      </Stack>
    );
  }
  if (progress.status === 'failed') {
    return (
      <Notice appearance="error" title={`The import of cycle ${cycle} failed`} testId="import-progress">
        <p>{progress.message ?? `It stopped after ${count(done)} of ${count(total)} departments.`}</p>
      </Notice>
    );
  }
  return (
    <Stack space="space.100" testId="import-progress">
      <ProgressBar ariaLabel={`Import of cycle ${cycle} finished`} value={1} appearance="success" />
      <Text>
        Imported cycle {cycle}: {count(total)} departments (started {when(startedAt)}
        {progress.finishedAt ? `, finished ${when(progress.finishedAt)}` : ''}). Progress fills in as the sync reads the epics.
      </Text>
    </Stack>
  );
}
