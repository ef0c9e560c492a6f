/** The Department OKRs page of one department: header, objectives, dependencies and lint, with the editors. */
import { useState } from 'react';
import Badge from '@atlaskit/badge';
import Button from '@atlaskit/button/default/button';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { Box, Inline, Stack } from '@atlaskit/primitives/compiled';
import type { KrView } from '@okr-bridge/core';
import { describePace } from '@okr-bridge/core/present';
import type { DepartmentPanel } from '../../../contract';
import { CycleSwitcher } from '../../components/cycle-switcher';
import { PageHeader } from '../../components/page-header';
import { DependencyTable } from '../../components/dependency-table';
import { CheckInForm, Deferred, ExplainModal, KrForm, ObjectiveForm } from '../../components/deferred';
import type { KrFormTarget } from '../../components/forms/kr-form';
import type { ObjectiveFormTarget } from '../../components/forms/objective-form';
import { LintList } from '../../components/lint-list';
import { ownerText, PeopleProvider, usePeopleMap } from '../../components/people/people-context';
import { ObjectiveCard } from './objective-card';
import { krTrend, objectiveTrend } from './trend';

type Modal = { kind: 'explain'; kr: string } | { kind: 'check-in'; kr: KrView } | { kind: 'kr'; target: KrFormTarget } | { kind: 'objective'; target: ObjectiveFormTarget } | null;

export interface DepartmentPageProps {
  readonly panel: Extract<DepartmentPanel, { kind: 'department' }>;
  readonly cycle: string | null;
  readonly onCycle: (cycle: string | null) => void;
  readonly reload: () => void;
  /** When the view was last loaded (the page polls for changes). */
  readonly updatedAt: number;
  /** A day in the viewer's locale and time zone. */
  readonly formatDay: (iso: string) => string;
}

/** The page with its owners' names and avatars (one `getPeople` call after it shows). */
export function DepartmentPage(props: DepartmentPageProps) {
  const { view } = props.panel;
  const owners = [...view.owners, ...view.objectives.flatMap((o) => [o.owner, ...o.keyResults.map((k) => k.owner)])];
  return (
    <PeopleProvider owners={owners}>
      <DepartmentContent {...props} />
    </PeopleProvider>
  );
}

/** The page; editing controls appear only when `panel.canEdit`. */
function DepartmentContent({ panel, cycle, onCycle, reload, updatedAt, formatDay }: DepartmentPageProps) {
  const { view, canEdit } = panel;
  const people = usePeopleMap();
  const ownerNames = view.owners.map((o) => ownerText(o, people));
  const [modal, setModal] = useState<Modal>(null);
  const close = () => setModal(null);
  const actions = {
    onExplain: (kr: KrView) => setModal({ kind: 'explain', kr: kr.id }),
    ...(canEdit ? { onCheckIn: (kr: KrView) => setModal({ kind: 'check-in', kr }), onEdit: (kr: KrView) => setModal({ kind: 'kr', target: { mode: 'edit', kr } }) } : {}),
  };
  const blocked = view.incoming.filter((d) => d.state === 'blocked').length;
  return (
    <Stack space="space.200">
      <PageHeader
        {...view}
        updatedAt={updatedAt}
        detail={`${describePace(view, formatDay(view.at))} · owners ${ownerNames.join(', ') || 'none'} · projects ${view.jiraProjects.join(', ')}`}
      >
        <Inline space="space.150" alignBlock="end">
          <CycleSwitcher cycles={panel.cycles} value={cycle} onChange={onCycle} />
          {canEdit && (
            <Button appearance="primary" onClick={() => setModal({ kind: 'objective', target: { mode: 'create', department: view.id } })}>
              Add objective
            </Button>
          )}
        </Inline>
      </PageHeader>
      <Tabs id="department-tabs">
        <TabList>
          <Tab>Objectives</Tab>
          <Tab>
            Dependencies {blocked > 0 ? <Badge appearance="danger">{blocked}</Badge> : <Badge>{view.incoming.length + view.outgoing.length}</Badge>}
          </Tab>
          <Tab>
            Lint <Badge appearance={view.lint.length ? 'warning' : 'default'}>{view.lint.length}</Badge>
          </Tab>
        </TabList>
        <TabPanel>
          <Box paddingBlock="space.200" style={{ width: '100%' }}>
            {view.objectives.length === 0 ? (
              <EmptyState
                header="No objectives in this cycle yet"
                description={canEdit ? 'Write 3 to 5 objectives, each with measurable key results; link Jira epics so they move on their own.' : `Ask ${ownerNames.join(' or ') || 'a department owner'} to add this cycle's objectives.`}
                primaryAction={canEdit ? <Button appearance="primary" onClick={() => setModal({ kind: 'objective', target: { mode: 'create', department: view.id } })}>Add the first objective</Button> : undefined}
              />
            ) : (
              <Stack space="space.200">
                {view.objectives.map((o) => (
                  <ObjectiveCard
                    key={o.id}
                    objective={o}
                    view={view}
                    trend={objectiveTrend(panel, o.id)}
                    krTrend={(id) => krTrend(panel, id)}
                    actions={actions}
                    {...(canEdit
                      ? { onEdit: () => setModal({ kind: 'objective', target: { mode: 'edit', objective: o } }), onAddKr: () => setModal({ kind: 'kr', target: { mode: 'create', objective: o.id, objectiveTitle: o.title } }) }
                      : {})}
                  />
                ))}
              </Stack>
            )}
          </Box>
        </TabPanel>
        <TabPanel>
          <Stack space="space.300">
            <Heading size="small" as="h2">
              What {view.name} needs from others
            </Heading>
            <DependencyTable dependencies={view.incoming} label="Incoming dependencies" emptyText="This department waits on no other department." />
            <Heading size="small" as="h2">
              What others need from {view.name}
            </Heading>
            <DependencyTable dependencies={view.outgoing} label="Outgoing dependencies" emptyText="No other department waits on this one." />
          </Stack>
        </TabPanel>
        <TabPanel>
          <Box paddingBlock="space.200">
            <LintList findings={view.lint} />
          </Box>
        </TabPanel>
      </Tabs>
      <Deferred>
        {modal?.kind === 'explain' && <ExplainModal kr={modal.kr} cycle={cycle} onClose={close} />}
        {modal?.kind === 'check-in' && <CheckInForm kr={modal.kr} cycle={cycle} onClose={close} onSaved={reload} />}
        {modal?.kind === 'kr' && <KrForm target={modal.target} cycle={cycle} onClose={close} onSaved={reload} />}
        {modal?.kind === 'objective' && <ObjectiveForm target={modal.target} alignable={panel.alignable} cycle={cycle} onClose={close} onSaved={reload} />}
      </Deferred>
    </Stack>
  );
}
