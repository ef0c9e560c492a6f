/** The Review view: the agenda of the department's (or the company's) OKR review, item by item. */
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { TabApi } from '../api';
import { formatDate, indexPeople } from '@okr-bridge/core/present';
import type { TabHost } from '../host';
import { presenterLabel, reviewEntriesOf } from '../review-entries';
import { useLoad } from '../use-load';
import { useViewer } from '../viewer';
import { AgendaItemCard } from './agenda-item';

const useStyles = makeStyles({
  header: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'baseline', flexWrap: 'wrap', marginBottom: tokens.spacingVerticalM },
  list: { listStyleType: 'none', padding: 0, margin: 0 },
  overflow: { marginTop: tokens.spacingVerticalL },
});

export function ReviewView({ api, host, department, refresh }: { api: TabApi; host: TabHost; department: string; refresh: number }) {
  const styles = useStyles();
  const viewer = useViewer();
  const [page, reload] = useLoad(() => api.agenda(department ? { department } : {}), [department], refresh);
  const [shareStatus, setShareStatus] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);

  if (page.kind === 'loading') return <Spinner label="Loading the agenda…" />;
  if (page.kind === 'error') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          The agenda could not be loaded: {page.message} <Button onClick={reload}>Try again</Button>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const { agenda, items, reviewId, requested } = page.data;
  const entries = reviewEntriesOf(page.data, viewer);
  const people = indexPeople(page.data.people);
  const share = () => {
    const url = new URL(window.location.href);
    url.searchParams.set('view', 'review');
    host.shareToStage(url.toString()).then(
      () => setShareStatus('Shared to the meeting stage'),
      (e: unknown) => setShareStatus(`Not shared: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  const used = agenda.items.reduce((sum, i) => sum + i.minutes, 0);
  // The item in discussion: the one taken up, else the first one not discussed yet.
  const current = entries.find((e) => e.id === chosen)?.id ?? entries.find((e) => !items[e.id]?.discussed)?.id ?? null;

  return (
    <section aria-labelledby="review-title">
      <div className={styles.header}>
        <h2 id="review-title">{agenda.title}</h2>
        <Text>
          Changes since {formatDate(agenda.since, viewer)} · {agenda.items.length} items, {used} of {agenda.meetingMinutes} minutes
          {requested.length > 0 && ` · ${requested.length} requested from Teams`}
        </Text>
        {host.canShareToStage && (
          <Button appearance="primary" onClick={share}>
            Share to stage
          </Button>
        )}
        <Text role="status">{shareStatus}</Text>
      </div>
      {entries.length === 0 && <Text>Nothing needs the meeting's time: no blocked dependencies, no key results at risk, nothing requested from Teams.</Text>}
      <ol className={styles.list} aria-label="Agenda items">
        {entries.map((entry, i) => (
          <AgendaItemCard
            key={`${reviewId}/${entry.id}`}
            index={i}
            item={entry}
            state={items[entry.id]}
            current={entry.id === current}
            onDiscuss={() => setChosen(entry.id)}
            {...(i + 1 < entries.length ? { onNext: () => setChosen(entries[i + 1]!.id) } : {})}
            save={(change) => api.saveItem(reviewId, entry.id, change)}
          />
        ))}
      </ol>
      {agenda.bufferMinutes > 0 && <Text>{agenda.bufferMinutes} minutes left for open discussion.</Text>}
      {agenda.overflow.length > 0 && (
        <details className={styles.overflow}>
          <summary>Carried to the next review ({agenda.overflow.length})</summary>
          <ul>
            {agenda.overflow.map((item) => (
              <li key={item.id}>
                {item.title} ({item.minutes} min, {presenterLabel(item, people) ?? 'no owner named'})
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
