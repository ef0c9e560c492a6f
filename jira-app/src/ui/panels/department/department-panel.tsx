/** jira:projectPage "Department OKRs": the department that owns the project in the chosen cycle. */
import { useState } from 'react';
import EmptyState from '@atlaskit/empty-state';
import type { PanelContext } from '../../api/context';
import { formatDate } from '@okr-bridge/core/present';
import { viewerOf } from '../../api/viewer';
import { useLive } from '../../api/use-live';
import { useResolver } from '../../api/use-resolver';
import { RemoteView } from '../../components/load-state';
import { DepartmentPage } from './department-page';

const ADMIN_HINT = 'A Jira admin maps projects to departments under Apps → OKR settings.';

/** Loads the department view for the context's project. */
export function DepartmentPanelView({ context }: { readonly context: PanelContext }) {
  const [cycle, setCycle] = useState<string | null>(null);
  const projectKey = context.projectKey;
  const { remote, reload } = useResolver('getDepartmentView', projectKey ? { projectKey, ...(cycle ? { cycle } : {}) } : null);
  const live = useLive(reload);
  if (!projectKey) return <EmptyState header="Open this page from a Jira project" description="Department OKRs belong to the department that owns a project." />;
  return (
    <RemoteView remote={remote} what="the department's OKRs" onRetry={reload}>
      {(panel) => {
        if (panel.kind === 'not-configured') {
          return <EmptyState header="OKRs are not set up yet" description={panel.isAdmin ? 'Open Apps → OKR settings to import your org file or map departments to projects.' : ADMIN_HINT} testId="empty-not-configured" />;
        }
        if (panel.kind === 'unmapped') {
          const names = panel.departments.map((d) => d.name).join(', ');
          return (
            <EmptyState
              header={`No department owns ${panel.projectKey} yet`}
              description={`${panel.isAdmin ? 'Map this project to a department under Apps → OKR settings.' : ADMIN_HINT}${names ? ` Departments so far: ${names}.` : ''}`}
              testId="empty-unmapped"
            />
          );
        }
        return <DepartmentPage panel={panel} cycle={cycle} onCycle={setCycle} reload={reload} updatedAt={live.updatedAt} formatDay={(iso) => formatDate(iso, viewerOf(context))} />;
      }}
    </RemoteView>
  );
}
