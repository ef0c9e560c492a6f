/** jira:dashboardGadget "OKR progress": a department's or the company's progress, compact, with its edit view. */
import EmptyState from '@atlaskit/empty-state';
import { describePace, type Status } from '@okr-bridge/core/present';
import Heading from '@atlaskit/heading';
import { Inline, Stack, Text } from '@atlaskit/primitives/compiled';
import type { PanelContext } from '../../api/context';
import { useLive } from '../../api/use-live';
import { useResolver } from '../../api/use-resolver';
import { useDates } from '../../api/viewer';
import { UpdatedAgo } from '../../components/updated-ago';
import { RemoteView } from '../../components/load-state';
import { ProgressLine } from '../../components/progress';
import { StatusLozenge } from '../../components/status';
import { Deferred, deferred } from '../../components/deferred';
import { readGadgetScope } from './gadget-scope';

const GadgetEdit = deferred(() => import('./gadget-edit.js').then((m) => m.GadgetEdit));

interface Row {
  readonly id: string;
  readonly name: string;
  readonly progress: number;
  readonly progressLabel: string;
  readonly status: Status;
  readonly statusLabel: string;
}

function Rows({ rows, label }: { readonly rows: readonly Row[]; readonly label: string }) {
  return (
    <Stack as="ul" space="space.075" aria-label={label}>
      {rows.map((r) => (
        <Inline as="li" key={r.id} space="space.100" alignBlock="center" spread="space-between" testId={`gadget-row-${r.id}`}>
          <Text>{r.name}</Text>
          <Inline space="space.100" alignBlock="center">
            <ProgressLine progress={r.progress} label={r.progressLabel} name={r.name} width={100} />
            <StatusLozenge status={r.status} label={r.statusLabel} />
          </Inline>
        </Inline>
      ))}
    </Stack>
  );
}

/** The view or, in Jira's edit mode, the configuration form. */
export function GadgetPanelView({ context }: { readonly context: PanelContext }) {
  const scope = readGadgetScope(context.gadget.config);
  const { remote, reload } = useResolver('getGadgetView', { scope: scope ?? { kind: 'company' } });
  const live = useLive(reload);
  const { day } = useDates();
  return (
    <RemoteView remote={remote} what="OKR progress" onRetry={reload}>
      {(panel) => {
        if (context.gadget.editing) return (
            <Deferred>
              <GadgetEdit scope={scope} departments={panel.departments} />
            </Deferred>
          );
        if (panel.kind === 'not-configured') return <EmptyState header="OKRs are not set up yet" description="A Jira admin sets OKRs up under Apps → OKR settings." width="narrow" />;
        const v = panel.view;
        const rows: readonly Row[] = panel.kind === 'company' ? panel.view.departments : panel.view.objectives.map((o) => ({ ...o, name: o.title }));
        return (
          <Stack space="space.150" testId="gadget-view">
            <Inline spread="space-between" alignBlock="center">
              <Heading size="small" as="h2">
                {v.name} · {v.cycle.id}
              </Heading>
              <StatusLozenge status={v.status} label={v.statusLabel} />
            </Inline>
            <ProgressLine progress={v.progress} label={v.progressLabel} name={`${v.name} progress`} width={220} />
            <Text size="small" color="color.text.subtle">
              {describePace(v, day(v.at))}{scope ? '' : ' · showing the company: edit the gadget to choose a department'}
            </Text>
            <Rows rows={rows} label={panel.kind === 'company' ? 'Departments' : 'Objectives'} />
            <UpdatedAgo at={live.updatedAt} />
          </Stack>
        );
      }}
    </RemoteView>
  );
}
