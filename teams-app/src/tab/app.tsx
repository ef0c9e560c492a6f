/** The tab's shell: theme, local-mode banner, department picker and the three views. */
import { Button, Field, FluentProvider, Link, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { indexPeople } from '@okr-bridge/core/present';
import type { TabContext } from '../tab-api/contract';
import type { TabApi } from './api';
import { departmentOwnedBy } from './format';
import type { TabHost } from './host';
import { LocalBanner } from './local-banner';
import { fluentThemeFor } from './theme';
import { VIEWS, writeUrlState, type UrlState, type ViewName } from './url-state';
import { UpdatedAgo } from './updated-ago';
import { useLive } from './use-live';
import { useLoad } from './use-load';
import { ViewerContext } from './viewer';
import { DepartmentView } from './views/department-view';
import { DependenciesView } from './views/dependencies-view';
import { ReviewView } from './views/review-view';

const useStyles = makeStyles({
  root: { minHeight: '100vh', padding: tokens.spacingHorizontalL, boxSizing: 'border-box', background: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  header: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'flex-end', flexWrap: 'wrap', marginBottom: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, flexGrow: 1 },
  main: { marginTop: tokens.spacingVerticalM },
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' },
});

/** The department to start with: the address's, else the one the user leads (My OKRs), else the first. */
function initialDepartment(initial: UrlState, ctx: TabContext, email: string | null): string {
  if (initial.department !== null && (initial.department === '' || ctx.departments.some((d) => d.id === initial.department))) return initial.department;
  return departmentOwnedBy(ctx.departments, email, indexPeople(ctx.people)) ?? ctx.departments[0]?.id ?? '';
}

function Shell({ api, host, ctx, initial }: { api: TabApi; host: TabHost; ctx: TabContext; initial: UrlState }) {
  const styles = useStyles();
  const [view, setView] = useState<ViewName>(initial.view);
  const [department, setDepartment] = useState(() => initialDepartment(initial, ctx, host.userEmail));
  useEffect(() => writeUrlState({ view, department }), [view, department]);
  const departmentName = ctx.departments.find((d) => d.id === department)?.name ?? null;
  const live = useLive(api);
  return (
    <ViewerContext.Provider value={host.viewer}>
      <header className={styles.header}>
        <h1 className={styles.title}>
          {initial.personal ? 'My OKRs' : 'OKR review'} · {ctx.company.name}
        </h1>
        {ctx.site.url && (
          <Text size={200}>
            Jira:{' '}
            <Link href={ctx.site.url} target="_blank" rel="noreferrer">
              {ctx.site.name ?? ctx.site.url}
            </Link>
          </Text>
        )}
        <Field label="Department">
          <Select value={department} onChange={(_e, d) => setDepartment(d.value)}>
            <option value="">Whole company</option>
            {ctx.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </Select>
        </Field>
      </header>
      <div className={styles.bar}>
        <TabList selectedValue={view} onTabSelect={(_e, d) => setView(d.value as ViewName)} aria-label="Views">
          {VIEWS.map((v) => (
            <Tab key={v.value} value={v.value}>
              {v.label}
            </Tab>
          ))}
        </TabList>
        <UpdatedAgo at={live.updatedAt} />
      </div>
      <main className={styles.main}>
        {view === 'review' && <ReviewView api={api} host={host} department={department} refresh={live.round} />}
        {view === 'dependencies' && <DependenciesView api={api} department={department} departmentName={departmentName} refresh={live.round} />}
        {view === 'department' && <DepartmentView api={api} department={department} userEmail={host.userEmail} refresh={live.round} />}
      </main>
    </ViewerContext.Provider>
  );
}

export function App({ api, host, initial }: { api: TabApi; host: TabHost; initial: UrlState }) {
  const styles = useStyles();
  const [theme, setTheme] = useState(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  const [ctx, reload] = useLoad(() => api.context(), []);
  return (
    <FluentProvider theme={fluentThemeFor(theme)} className={styles.root} data-theme={theme}>
      {host.localReason && <LocalBanner reason={host.localReason} />}
      {ctx.kind === 'loading' && <Spinner label="Connecting…" />}
      {ctx.kind === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Cannot load OKRs</MessageBarTitle>
            {ctx.message} <Button onClick={reload}>Try again</Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {ctx.kind === 'ok' && <Shell api={api} host={host} ctx={ctx.data} initial={initial} />}
    </FluentProvider>
  );
}
