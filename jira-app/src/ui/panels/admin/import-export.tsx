/**
 * OKRs as code: paste an org file (YAML) to check it or import it, errors listed by line with
 * the offending line quoted; export the stored org file to copy or download.
 */
import { useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import { Notice } from '../../components/notice';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import { token } from '@atlaskit/tokens';
import type { Imported, ResolverError } from '../../../contract';
import { callChecked } from '../../api/checked-call';
import { ErrorNotice } from '../../components/load-state';
import { ImportProgress } from './import-progress';

const areaStyle = { width: '100%', boxSizing: 'border-box' as const, fontFamily: 'monospace', fontSize: 12, color: token('color.text'), background: token('color.background.input'), border: `1px solid ${token('color.border.input')}`, borderRadius: 3, padding: 6 };

type Outcome = { kind: 'imported'; result: Imported } | { kind: 'error'; error: ResolverError } | null;

/** The import errors that carry a line, with that line of `text` quoted. */
function LineErrors({ error, text }: { readonly error: ResolverError; readonly text: string }) {
  const lines = text.split('\n');
  const located = (error.issues ?? []).filter((i) => i.line !== undefined);
  return (
    <Notice appearance="error" title="The org file has errors" testId="import-errors">
      <p>{error.message}</p>
      <ol>
        {(error.issues ?? []).map((i) => (
          <li key={`${i.where}:${i.message}`}>
            {i.line !== undefined ? <strong>Line {i.line}{i.column !== undefined ? `, column ${i.column}` : ''}: </strong> : <code>{i.where} </code>}
            {i.message}
            {i.line !== undefined && lines[i.line - 1] !== undefined && <pre style={{ margin: 0, color: token('color.text.subtle') }}>{`${i.line} | ${lines[i.line - 1]}`}</pre>}
          </li>
        ))}
      </ol>
      {located.length === 0 && (error.issues ?? []).length === 0 && <p>No line is known for this error.</p>}
    </Notice>
  );
}

/** Import on the left of the flow, export below it. */
export function ImportExport({ onImported }: { readonly onImported: () => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  /** Bumped when an import went to the queue: the progress below follows it. */
  const [watch, setWatch] = useState(0);
  const [exported, setExported] = useState<{ fileName: string; text: string; url: string } | null>(null);
  const [exportError, setExportError] = useState<ResolverError | null>(null);
  const send = async (dryRun: boolean) => {
    setBusy(true);
    const res = await callChecked('importOrg', { text, dryRun });
    setBusy(false);
    setOutcome(res.ok ? { kind: 'imported', result: res.data } : { kind: 'error', error: res.error });
    if (res.ok && res.data.queued) setWatch((w) => w + 1);
    else if (res.ok && !dryRun) onImported();
  };
  const doExport = async () => {
    const res = await callChecked('exportOrg', {});
    if (res.ok) {
      if (exported) URL.revokeObjectURL(exported.url);
      setExported({ ...res.data, url: URL.createObjectURL(new Blob([res.data.text], { type: 'text/yaml' })) });
    }
    setExportError(res.ok ? null : res.error);
  };
  return (
    <Stack space="space.200">
      <Heading size="xsmall" as="h3">
        Import an org file
      </Heading>
      <label htmlFor="org-text">Org file (YAML), one cycle: departments, objectives, key results, dependencies</label>
      <textarea id="org-text" rows={14} value={text} onChange={(e) => setText(e.target.value)} style={areaStyle} spellCheck={false} />
      <Inline space="space.100">
        <Button onClick={() => void send(true)} isDisabled={!text.trim() || busy}>
          Check
        </Button>
        <Button appearance="primary" onClick={() => void send(false)} isDisabled={!text.trim()} isLoading={busy}>
          Import
        </Button>
      </Inline>
      {outcome?.kind === 'error' && (outcome.error.code === 'invalid-org' || outcome.error.issues?.some((i) => i.line !== undefined) ? <LineErrors error={outcome.error} text={text} /> : <ErrorNotice title="Not imported" error={outcome.error} />)}
      {outcome?.kind === 'imported' && (
        <Notice appearance="success" title={outcome.result.dryRun ? 'The org file is valid' : outcome.result.queued ? `Importing cycle ${outcome.result.cycle}` : `Imported cycle ${outcome.result.cycle}`} testId="import-success">
          <p>
            {outcome.result.counts.departments} departments, {outcome.result.counts.objectives} objectives, {outcome.result.counts.keyResults} key results, {outcome.result.counts.dependencies} dependencies, {outcome.result.counts.epics} epics
            {outcome.result.dryRun ? '. Nothing was stored: press Import to store it.' : outcome.result.queued ? '. The file is valid and too large for one step: its departments are being written in the background (below).' : '. Progress fills in as the next sync reads the epics.'}
          </p>
        </Notice>
      )}
      <ImportProgress watch={watch} onFinished={onImported} />
      <Heading size="xsmall" as="h3">
        Export
      </Heading>
      <Inline space="space.100" alignBlock="center">
        <Button onClick={() => void doExport()}>Export the current cycle</Button>
        {exported && (
          <a href={exported.url} download={exported.fileName} style={{ color: token('color.link') }}>
            Download {exported.fileName}
          </a>
        )}
      </Inline>
      {exportError && <ErrorNotice title="Not exported" error={exportError} />}
      {exported && <textarea aria-label="Exported org file" readOnly rows={10} value={exported.text} style={areaStyle} />}
      {!exported && <Text size="small">Export writes the stored OKRs as an org file you can keep in git and import again.</Text>}
    </Stack>
  );
}
