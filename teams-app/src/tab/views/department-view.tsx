/** The Department view: its OKRs with progress, status and trend; the whole company when none is picked. */
import { Button, Card, MessageBar, MessageBarBody, ProgressBar, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CompanyPage, DepartmentPage } from '../../tab-api/contract';
import type { TabApi } from '../api';
import { describePace, formatDate, indexPeople, ownerAddresses } from '@okr-bridge/core/present';
import { useLoad } from '../use-load';
import { useViewer } from '../viewer';
import { StatusBadge } from './badges';
import { KrRow } from './kr-row';
import { Sparkline } from './sparkline';

const useStyles = makeStyles({
  summary: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center', flexWrap: 'wrap', marginBottom: tokens.spacingVerticalM },
  wide: { minWidth: '220px', flexGrow: 1, maxWidth: '420px' },
  card: { marginBottom: tokens.spacingVerticalM },
  objHead: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  objTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, flexGrow: 1 },
  table: { borderCollapse: 'collapse', width: '100%', '& td, & th': { textAlign: 'left', padding: tokens.spacingVerticalS } },
});

function ErrorBar({ message, retry }: { message: string; retry: () => void }) {
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        {message} <Button onClick={retry}>Try again</Button>
      </MessageBarBody>
    </MessageBar>
  );
}

function DepartmentOkrs({ page, userEmail }: { page: DepartmentPage; userEmail: string | null }) {
  const styles = useStyles();
  const d = page.department;
  const viewer = useViewer();
  const formatDay = (iso: string) => formatDate(iso, viewer);
  const me = userEmail?.toLowerCase();
  const people = indexPeople(page.people);
  // Yours when the owner is your email, or an account whose email Jira revealed as yours.
  const isMine = (owner: string | null | undefined) => me !== undefined && !!owner && ownerAddresses(owner, people).includes(me);
  return (
    <section aria-labelledby="dept-title">
      <h2 id="dept-title">{d.name} OKRs</h2>
      <div className={styles.summary}>
        <div className={styles.wide}>
          <ProgressBar value={d.progress} max={1} thickness="large" aria-label={`${d.name} progress: ${d.progressLabel}`} />
          <Text>
            {describePace(d, formatDay(d.at))} (cycle {formatDay(d.cycle.start)} to {formatDay(d.cycle.end)})
          </Text>
        </div>
        <StatusBadge status={d.status} label={d.statusLabel} />
        <Sparkline cycle={d.cycle} points={page.trend[d.id]} progressLabel={d.progressLabel} expectedLabel={d.expectedLabel} tone={d.tone} name={d.name} />
        <Text>
          Needs from others: {d.incoming.length} · Others need: {d.outgoing.length}
        </Text>
      </div>
      {d.objectives.map((o) => (
        <Card key={o.id} className={styles.card} aria-labelledby={`obj-${o.id}`} data-objective={o.id}>
          <div className={styles.objHead}>
            <h3 id={`obj-${o.id}`} className={styles.objTitle}>
              {o.title}
            </h3>
            <Text weight="semibold">{o.progressLabel}</Text>
            <StatusBadge status={o.status} label={o.statusLabel} />
            <Sparkline cycle={d.cycle} points={page.trend[o.id]} progressLabel={o.progressLabel} expectedLabel={d.expectedLabel} tone={o.tone} name={o.title} />
          </div>
          {o.keyResults.map((kr) => (
            <KrRow key={kr.id} kr={kr} cycle={d.cycle} expectedLabel={d.expectedLabel} trend={page.trend[kr.id]} mine={isMine(kr.owner)} people={people} />
          ))}
        </Card>
      ))}
    </section>
  );
}

function CompanyOkrs({ company }: { company: CompanyPage }) {
  const styles = useStyles();
  const viewer = useViewer();
  return (
    <section aria-labelledby="company-title">
      <h2 id="company-title">{company.name}: every department</h2>
      <Text>
        {describePace(company, formatDate(company.at, viewer))}. Pick a department to see its OKRs.
      </Text>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Department</th>
            <th scope="col">Progress</th>
            <th scope="col">Status</th>
            <th scope="col">Blocked</th>
          </tr>
        </thead>
        <tbody>
          {company.departments.map((d) => (
            <tr key={d.id}>
              <th scope="row">{d.name}</th>
              <td>
                <ProgressBar value={d.progress} max={1} aria-label={`${d.name}: ${d.progressLabel}`} /> {d.progressLabel}
              </td>
              <td>
                <StatusBadge status={d.status} label={d.statusLabel} />
              </td>
              <td>{d.blocked}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function DepartmentView({ api, department, userEmail, refresh }: { api: TabApi; department: string; userEmail: string | null; refresh: number }) {
  const [page, reload] = useLoad<{ kind: 'department'; page: DepartmentPage } | { kind: 'company'; company: CompanyPage }>(
    async () => (department ? { kind: 'department', page: await api.department(department) } : { kind: 'company', company: await api.company() }),
    [department],
    refresh,
  );
  if (page.kind === 'loading') return <Spinner label="Loading OKRs…" />;
  if (page.kind === 'error') return <ErrorBar message={`OKRs could not be loaded: ${page.message}`} retry={reload} />;
  return page.data.kind === 'department' ? <DepartmentOkrs page={page.data.page} userEmail={userEmail} /> : <CompanyOkrs company={page.data.company} />;
}
