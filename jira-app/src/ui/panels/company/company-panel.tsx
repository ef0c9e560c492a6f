/** jira:globalPage "Company OKRs": roll-up, alignment tree, departments, dependency map, lint and the review agenda. */
import { useState } from 'react';
import Badge from '@atlaskit/badge';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { CompanyPanel } from '../../../contract';
import { useResolver } from '../../api/use-resolver';
import { CycleSwitcher } from '../../components/cycle-switcher';
import { DependencyTable } from '../../components/dependency-table';
import { ExplainModal } from '../../components/explain-modal';
import { LintList } from '../../components/lint-list';
import { RemoteView } from '../../components/load-state';
import { ProgressLine } from '../../components/progress';
import { StatusLozenge } from '../../components/status';
import { AgendaList } from './agenda-list';
import { AlignmentTree } from './alignment-tree';
import { DepartmentTable } from './department-table';

type Ready = Extract<CompanyPanel, { kind: 'company' }>;

function CompanyPage({ panel, cycle, onCycle }: { readonly panel: Ready; readonly cycle: string | null; readonly onCycle: (c: string | null) => void }) {
  const { view, agenda } = panel;
  const [explain, setExplain] = useState<string | null>(null);
  const blocked = view.dependencies.filter((d) => d.state === 'blocked').length;
  return (
    <Stack space="space.200">
      <Inline spread="space-between" alignBlock="end" shouldWrap space="space.200">
        <Stack space="space.075">
          <Heading size="large" as="h1">
            {view.name} OKRs
          </Heading>
          <Inline space="space.150" alignBlock="center" shouldWrap>
            <StatusLozenge status={view.status} label={view.statusLabel} />
            <ProgressLine progress={view.progress} label={view.progressLabel} name={`${view.name} progress`} width={200} />
            <Text size="small" color="color.text.subtle">
              {view.expectedLabel} expected by {view.at.slice(0, 10)}
            </Text>
          </Inline>
        </Stack>
        <CycleSwitcher cycles={panel.cycles} value={cycle} onChange={onCycle} />
      </Inline>
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
      <ExplainModal kr={explain} cycle={cycle} onClose={() => setExplain(null)} />
    </Stack>
  );
}

/** Loads the company view. */
export function CompanyPanelView() {
  const [cycle, setCycle] = useState<string | null>(null);
  const { remote, reload } = useResolver('getCompanyView', cycle ? { cycle } : {});
  return (
    <RemoteView remote={remote} what="the company's OKRs" onRetry={reload}>
      {(panel) =>
        panel.kind === 'not-configured' ? (
          <EmptyState header="OKRs are not set up yet" description={panel.isAdmin ? 'Open Apps → OKR settings and import your org file to see the company roll-up.' : 'A Jira admin sets OKRs up under Apps → OKR settings.'} testId="empty-not-configured" />
        ) : (
          <CompanyPage panel={panel} cycle={cycle} onCycle={setCycle} />
        )
      }
    </RemoteView>
  );
}
