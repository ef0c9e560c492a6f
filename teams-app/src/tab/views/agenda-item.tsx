/**
 * One agenda item in the review, generated or requested from Teams: what, who presents (or who
 * asked, and when), links, whether it was discussed and what was decided. Only the item in
 * discussion carries the timer and the decision and notes fields; the others show what was
 * saved in a line, with a button to take them up.
 */
import { Badge, Button, Card, Checkbox, Field, Link, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { ReviewItemState } from '../../tab-api/contract';
import { formatClock } from '../format';
import { TONE_COLOR } from './badges';
import { KeysWhole } from './keys-whole';
import type { ReviewEntry } from '../review-entries';
import { useCountdown } from '../use-countdown';
import { useDates } from '../viewer';

const useStyles = makeStyles({
  card: { marginBottom: tokens.spacingVerticalS },
  discussed: { opacity: 0.75 },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, flexGrow: 1 },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  clock: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase500, minWidth: '4.5em' },
  over: { color: tokens.colorPaletteRedForeground1 },
  notes: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: tokens.spacingHorizontalM },
  current: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  saved: { color: tokens.colorNeutralForeground2 },
  // The item's Jira links as one list that flows like text; a key never breaks inside.
  links: { display: 'inline-flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, listStyleType: 'none', margin: 0, padding: 0 },
  key: { whiteSpace: 'nowrap' },
});

export interface AgendaItemProps {
  readonly index: number;
  readonly item: ReviewEntry;
  readonly state: ReviewItemState | undefined;
  /** Whether this is the item in discussion (timer, decision and notes shown). */
  readonly current: boolean;
  /** Takes this item up in the meeting. */
  onDiscuss(): void;
  /** Moves on to the next item, when there is one. */
  onNext?: () => void;
  save(change: { discussed?: boolean; decision?: string; notes?: string }): Promise<ReviewItemState>;
}

export function AgendaItemCard({ index, item, state, current, onDiscuss, onNext, save }: AgendaItemProps) {
  const styles = useStyles();
  const { sentence } = useDates();
  const headingId = useId();
  const timer = useCountdown(item.minutes);
  const [discussed, setDiscussed] = useState(state?.discussed ?? false);
  const [decision, setDecision] = useState(state?.decision ?? '');
  const [notes, setNotes] = useState(state?.notes ?? '');
  const [saved, setSaved] = useState({ decision: state?.decision ?? '', notes: state?.notes ?? '' });
  const [status, setStatus] = useState<string>('');
  // What someone else recorded arrives with a reload: it replaces what this card shows, except
  // a field being typed here and not saved yet, which is kept (its Save button says so).
  const [shown, setShown] = useState(state);
  if (state !== shown && state !== undefined && (state.updatedAt !== shown?.updatedAt || state.updatedBy !== shown?.updatedBy)) {
    setShown(state);
    setDiscussed(state.discussed);
    if (decision === saved.decision) setDecision(state.decision);
    if (notes === saved.notes) setNotes(state.notes);
    setSaved({ decision: state.decision, notes: state.notes });
    setStatus(`Saved by ${state.updatedBy}`);
  }

  const run = async (change: Parameters<AgendaItemProps['save']>[0]) => {
    const before = discussed;
    // The box follows the click at once; it goes back if the service does not take the change.
    if (change.discussed !== undefined) setDiscussed(change.discussed);
    setStatus('Saving…');
    try {
      const next = await save(change);
      setDiscussed(next.discussed);
      setSaved({ decision: next.decision, notes: next.notes });
      setStatus(`Saved by ${next.updatedBy}`);
    } catch (error) {
      setDiscussed(before);
      setStatus(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <li>
      <Card
        className={`${styles.card} ${discussed && !current ? styles.discussed : ''} ${current ? styles.current : ''}`}
        aria-labelledby={headingId}
        aria-current={current ? 'step' : undefined}
        data-item={item.id}
        data-requested={item.requested ? 'true' : undefined}
      >
        <div className={styles.head}>
          <h3 id={headingId} className={styles.title}>
            {index + 1}. {sentence(item.title)}
          </h3>
          <Badge appearance={item.requested ? 'filled' : 'tint'} color={TONE_COLOR[item.tone]} data-tone={item.tone}>
            {item.kindLabel}
          </Badge>
          <Badge appearance="tint">{item.minutes} min</Badge>
        </div>
        <Text>
          <KeysWhole text={sentence(item.detail)} className={styles.key} />
        </Text>
        <div className={styles.row}>
          {item.requested && (
            <Text>
              Asked by <strong>{item.requested.by}</strong> on {item.requested.at}
            </Text>
          )}
          {(!item.requested || item.presenter) && (
            <Text>
              Presenter: <strong>{item.presenter ?? 'no owner named'}</strong>
            </Text>
          )}
          {item.links.length > 0 && (
            <ul className={styles.links} aria-label="Jira issues">
              {item.links.map((l) => (
                <li key={l.label} className={styles.key}>
                  {l.url ? (
                    <Link href={l.url} target="_blank" rel="noreferrer">
                      {l.label}
                    </Link>
                  ) : (
                    <Text>{l.label}</Text>
                  )}
                </li>
              ))}
            </ul>
          )}
          {!current && (
            <>
              <Checkbox label="Discussed" checked={discussed} onChange={(_e, d) => void run({ discussed: d.checked === true })} />
              <Button onClick={onDiscuss} aria-label={`Discuss now: item ${index + 1}`}>
                Discuss now
              </Button>
              <Text role="status">{status}</Text>
            </>
          )}
        </div>
        {!current && (saved.decision || saved.notes) && (
          <div className={styles.row}>
            {saved.decision && <Text className={styles.saved}>Decision: {saved.decision}</Text>}
            {saved.notes && <Text className={styles.saved}>Notes: {saved.notes}</Text>}
          </div>
        )}
        {current && (
          <>
            <div className={styles.row}>
              <span role="timer" aria-label={`Time left for item ${index + 1}`} className={`${styles.clock} ${timer.remainingMs < 0 ? styles.over : ''}`}>
                {formatClock(timer.remainingMs)}
              </span>
              <Button onClick={timer.toggle} aria-label={`${timer.running ? 'Pause' : 'Start'} the timer of item ${index + 1}`}>
                {timer.running ? 'Pause' : 'Start'}
              </Button>
              <Button appearance="subtle" onClick={timer.reset} aria-label={`Reset the timer of item ${index + 1}`}>
                Reset
              </Button>
              <Checkbox label="Discussed" checked={discussed} onChange={(_e, d) => void run({ discussed: d.checked === true })} />
            </div>
            <div className={styles.notes}>
              <Field label="Decision">
                <Textarea value={decision} onChange={(_e, d) => setDecision(d.value)} maxLength={2000} resize="vertical" />
              </Field>
              <Field label="Notes">
                <Textarea value={notes} onChange={(_e, d) => setNotes(d.value)} maxLength={8000} resize="vertical" />
              </Field>
            </div>
            <div className={styles.row}>
              <Button appearance="primary" disabled={decision === saved.decision && notes === saved.notes} onClick={() => void run({ decision, notes })}>
                Save decision and notes
              </Button>
              {onNext && (
                <Button onClick={onNext} aria-label={`Next item after item ${index + 1}`}>
                  Next item
                </Button>
              )}
              <Text role="status">{status}</Text>
            </div>
          </>
        )}
      </Card>
    </li>
  );
}
