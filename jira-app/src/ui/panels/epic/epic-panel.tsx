/** jira:issuePanel "Key results": what this epic drives, its share, and linking it to key results. */
import { useState } from 'react';
import { Notice } from '../../components/notice';
import Button from '@atlaskit/button/default/button';
import { Inline, Stack } from '@atlaskit/primitives/compiled';
import type { EpicPanel, ResolverError } from '../../../contract';
import type { PanelContext } from '../../api/context';
import { callChecked } from '../../api/checked-call';
import { useLive } from '../../api/use-live';
import { useResolver } from '../../api/use-resolver';
import { UpdatedAgo } from '../../components/updated-ago';
import { CompactEmpty } from '../../components/compact-empty';
import { Deferred, deferred, ExplainModal, KrForm } from '../../components/deferred';
import { ErrorNotice, Loading, RemoteView } from '../../components/load-state';
import { EpicKrList } from './epic-kr-list';

const LinkControls = deferred(() => import('./link-controls.js').then((m) => m.LinkControls));

type Ready = Extract<EpicPanel, { kind: 'epic' }>;

function EpicBody({ panel, reload, updatedAt }: { readonly panel: Ready; readonly reload: () => void; readonly updatedAt: number }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverError | null>(null);
  const [explain, setExplain] = useState<string | null>(null);
  const [create, setCreate] = useState<{ id: string; title: string } | null>(null);
  const [linking, setLinking] = useState(false);
  const epic = panel.view.epic;
  const run = async (call: () => Promise<{ ok: true } | { ok: false; error: ResolverError }>) => {
    setBusy(true);
    setError(null);
    const res = await call();
    setBusy(false);
    if (res.ok) reload();
    else setError(res.error);
  };
  const link = (kr: string) => void run(() => callChecked('linkEpic', { kr, epic }));
  const unlink = (kr: string) => void run(() => callChecked('unlinkEpic', { kr, epic }));
  return (
    <Stack space="space.200">
      {error && <ErrorNotice title="That did not work" error={error} />}
      {panel.view.keyResults.length === 0 ? (
        <CompactEmpty
          header={`${epic} drives no key result yet`}
          description={panel.linkable.length > 0 ? 'Link it to a key result below: its child issues will move that key result as they get done.' : 'Ask a department owner to link it to one of their key results.'}
          testId="epic-empty"
        />
      ) : (
        <EpicKrList view={panel.view} canEdit={panel.canEdit} onExplain={setExplain} onUnlink={unlink} />
      )}
      {(panel.linkable.some((k) => !k.linked) || panel.objectives.length > 0) &&
        (linking ? (
          <Deferred fallback={<Loading label="Loading the key result pickers" />}>
            <LinkControls panel={panel} busy={busy} onLink={link} onCreate={setCreate} />
          </Deferred>
        ) : (
          // The pickers load on demand: most people who open an epic only read this panel.
          <Inline>
            <Button onClick={() => setLinking(true)}>
              Link to a key result…
            </Button>
          </Inline>
        ))}
      <UpdatedAgo at={updatedAt} />
      <Deferred>
        {explain && <ExplainModal kr={explain} cycle={null} onClose={() => setExplain(null)} />}
        {create && <KrForm target={{ mode: 'create', objective: create.id, objectiveTitle: create.title, epic }} cycle={null} onClose={() => setCreate(null)} onSaved={reload} />}
      </Deferred>
    </Stack>
  );
}

/** Loads the epic view for the context's issue. */
export function EpicPanelView({ context }: { readonly context: PanelContext }) {
  const issueKey = context.issueKey;
  const { remote, reload } = useResolver('getEpicView', issueKey ? { issueKey } : null);
  const live = useLive(reload);
  if (!issueKey) return <CompactEmpty header="Open this panel on an epic" description="Key results are driven by epics; this panel shows the ones an epic drives." />;
  if (context.issueType && context.issueType.toLowerCase() !== 'epic') {
    return (
      <Notice appearance="information" title="Key results link to epics">
        <p>{issueKey} is a {context.issueType}. Open its epic to see which key results it moves.</p>
      </Notice>
    );
  }
  return (
    <RemoteView remote={remote} what="the key results of this epic" onRetry={reload}>
      {(panel) =>
        panel.kind === 'not-configured' ? (
          <CompactEmpty header="OKRs are not set up yet" description={panel.isAdmin ? 'Open Apps → OKR settings to import your org file.' : 'A Jira admin sets OKRs up under Apps → OKR settings.'} testId="empty-not-configured" />
        ) : (
          <EpicBody panel={panel} reload={reload} updatedAt={live.updatedAt} />
        )
      }
    </RemoteView>
  );
}
