/** jira:globalPage "Company OKRs": roll-up, alignment tree, departments, dependency map, lint and the review agenda. */
import { useState } from 'react';
import Badge from '@atlaskit/badge';
import EmptyState from '@atlaskit/empty-state';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { Box, Stack } from '@atlaskit/primitives/compiled';
import type { CompanyPanel } from '../../../contract';
import type { PanelContext } from '../../api/context';
import { describePace, formatDate } from '@okr-bridge/core/present';
import { viewerOf } from '../../api/viewer';
import { useLive } from '../../api/use-live';
import { useResolver } from '../../api/use-resolver';
import { CycleSwitcher } from '../../components/cycle-switcher';
import { PageHeader } from '../../components/page-header';
import { DependencyTable } from '../../components/dependency-table';
import { Deferred, ExplainModal } from '../../components/deferred';
import { LintList } from '../../components/lint-list';
import { RemoteView } from '../../components/load-state';
import { AgendaList } from './agenda-list';
import { AlignmentTree } from './alignment-tree';
import { DepartmentTable } from './department-table';

type Ready = Extract<CompanyPanel, { kind: 'company' }>;

function CompanyPage({ panel, cycle, onCycle, updatedAt, formatDay }: { readonly panel: Ready; readonly cycle: string | null; readonly onCycle: (c: string | null) => void; readonly updatedAt: number; readonly formatDay: (iso: string) => string }) {
  const { view, agenda } = panel;
  const [explain, setExplain] = useState<string | null>(null);
  const blocked = view.dependencies.filter((d) => d.state === 'blocked').length;
  return (
    <Stack space="space.200">
      <PageHeader {...view} updatedAt={updatedAt} detail={describePace(view, formatDay(view.at))}>
        <CycleSwitcher cycles={panel.cycles} value={cycle} onChange={onCycle} />
      </PageHeader>
      <Tabs id="company-tabs">
        <TabList>
          <Tab>Alignment</Tab>
          <Tab>Departments</Tab>
          <Tab>
            Dependencies <Badge appearance={blocked ? 'danger' : 'default'}>{blocked || view.dependencies.length}</Badge>
          </Tab>
          <Tab>
            Lint <Badge appearance={view.lint.length ? 'warning' : 'default'}>{view.lint.length}</Badge>
          </Tab>
          <Tab>Review agenda</Tab>
        </TabList>
        {[
          <AlignmentTree key="tree" tree={view.tree} onExplain={setExplain} />,
          <DepartmentTable key="departments" departments={view.departments} />,
          <DependencyTable key="dependencies" dependencies={view.dependencies} label="Dependencies between departments" emptyText="No department has declared a dependency on another." />,
          <LintList key="lint" findings={view.lint} />,
          <AgendaList key="agenda" agenda={agenda} />,
        ].map((content) => (
          <TabPanel key={content.key}>
            <Box paddingBlock="space.200" style={{ width: '100%' }}>
              {content}
            </Box>
          </TabPanel>
        ))}
      </Tabs>
      <Deferred>{explain && <ExplainModal kr={explain} cycle={cycle} onClose={() => setExplain(null)} />}</Deferred>
    </Stack>
  );
}

/** Loads the company view. */
export function CompanyPanelView({ context }: { readonly context: PanelContext }) {
  const [cycle, setCycle] = useState<string | null>(null);
  const { remote, reload } = useResolver('getCompanyView', cycle ? { cycle } : {});
  const live = useLive(reload);
  return (
    <RemoteView remote={remote} what="the company's OKRs" onRetry={reload}>
      {(panel) =>
        panel.kind === 'not-configured' ? (
          <EmptyState header="OKRs are not set up yet" description={panel.isAdmin ? 'Open Apps → OKR settings and import your org file to see the company roll-up.' : 'A Jira admin sets OKRs up under Apps → OKR settings.'} testId="empty-not-configured" />
        ) : (
          <CompanyPage panel={panel} cycle={cycle} onCycle={setCycle} updatedAt={live.updatedAt} formatDay={(iso) => formatDate(iso, viewerOf(context))} />
        )
      }
    </RemoteView>
  );
}
