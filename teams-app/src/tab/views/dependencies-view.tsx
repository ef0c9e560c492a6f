/** The Dependencies view: who needs what from whom, blocked first, since when, with links to Jira. */
import { Button, Card, Link, MessageBar, MessageBarBody, Spinner, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { describeDeliverable, describeImpact, describeNeed, indexPeople, ownerLabel, type PeopleIndex } from '@okr-bridge/core/present';
import { useState } from 'react';
import type { DependencyWithSince } from '../../tab-api/contract';
import type { TabApi } from '../api';
import { formatDuration } from '../format';
import { useLoad } from '../use-load';
import { useDates } from '../viewer';
import { StateBadge } from './badges';

const useStyles = makeStyles({
  list: { listStyleType: 'none', padding: 0, margin: 0 },
  card: { marginBottom: tokens.spacingVerticalM },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  meta: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', color: tokens.colorNeutralForeground2 },
  deliverables: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

function DependencyCard({ dep, nowMs, people }: { dep: DependencyWithSince; nowMs: number; people: PeopleIndex }) {
  const styles = useStyles();
  const headingId = `dep-${dep.id}`;
  const { day, sentence } = useDates();
  return (
    <li>
      <Card className={styles.card} aria-labelledby={headingId} data-dependency={dep.id} data-state={dep.state}>
        <div className={styles.head}>
          <StateBadge state={dep.state} />
          <h3 id={headingId} className={styles.title}>
            {dep.title}
          </h3>
        </div>
        <Text>
          {describeNeed(dep)}, for “{dep.needs.krTitle}”
          {dep.needs.owner ? ` (${ownerLabel(dep.needs.owner, people)})` : ''}.
        </Text>
        <div className={styles.meta}>
          <Text>
            {dep.stateLabel} since {day(dep.stateSince)} ({formatDuration(dep.stateSince, nowMs)})
          </Text>
          {dep.due && <Text>Due {day(dep.due)}</Text>}
          <Text>Owners: {dep.provider.owners.map((o) => ownerLabel(o, people)).join(', ') || 'none named'}</Text>
        </div>
        <Text>{sentence(dep.reason)}</Text>
        <ul className={styles.deliverables} aria-label={`Deliverables of ${dep.title}`}>
          {dep.deliverables.map((d) => (
            <li key={d.key}>
              {d.url ? (
                <Link href={d.url} target="_blank" rel="noreferrer">
                  {d.key}
                </Link>
              ) : (
                d.key
              )}{' '}
              {sentence(describeDeliverable(d))}
            </li>
          ))}
        </ul>
        {describeImpact(dep) && <Text>{describeImpact(dep)}</Text>}
      </Card>
    </li>
  );
}

export function DependenciesView({ api, department, departmentName, refresh }: { api: TabApi; department: string; departmentName: string | null; refresh: number }) {
  const styles = useStyles();
  const [page, reload] = useLoad(() => api.dependencies(), [], refresh);
  const [onlyMine, setOnlyMine] = useState(false);
  if (page.kind === 'loading') return <Spinner label="Loading dependencies…" />;
  if (page.kind === 'error') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          Dependencies could not be loaded: {page.message} <Button onClick={reload}>Try again</Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const all = page.data.dependencies;
  const people = indexPeople(page.data.people);
  const shown = onlyMine && department ? all.filter((d) => d.needs.department === department || d.provider.department === department) : all;
  const blocked = all.filter((d) => d.state === 'blocked').length;
  const nowMs = Date.now();
  return (
    <section aria-labelledby="deps-title">
      <h2 id="deps-title">Dependencies between departments</h2>
      <Text>
        {blocked} blocked of {all.length}. Blocked first, then at risk, open and done.
      </Text>
      {department && departmentName && (
        <Switch label={`Only those involving ${departmentName}`} checked={onlyMine} onChange={(_e, d) => setOnlyMine(d.checked)} />
      )}
      <ul className={styles.list} aria-label="Dependencies">
        {shown.map((dep) => (
          <DependencyCard key={dep.id} dep={dep} nowMs={nowMs} people={people} />
        ))}
      </ul>
    </section>
  );
}
